import { expect, test } from "vitest";
import type { AnnotationOf } from "../../records.js";
import { tokenize } from "../../_lib/wink.js";
import { findEntities } from "../entities/find.js";
import { findQuotes } from "./find.js";
import { findIndirectQuotes } from "./indirect.js";
import { resolveSpeakers } from "./refer.js";
import { analyzeArticle } from "../index.js";

function analyse(text: string) {
  const entities = findEntities(text).map((e): AnnotationOf<"entity"> => ({ kind: "entity", by: "t", ...e }));
  const sentences = tokenize(text).sentences;
  const starts = sentences.map((s) => s[0]);
  const found = findQuotes(text, entities, starts);
  const indirectFound = findIndirectQuotes(text, sentences, found, entities);
  const all = resolveSpeakers(text, [...found, ...indirectFound].sort((a, b) => a.span[0] - b.span[0]), entities, starts);
  return { direct: all.filter((q) => q.form === "direct"), indirect: all.filter((q) => q.form === "indirect") };
}
const quotes = (text: string) => analyse(text).direct.map((q) => [text.slice(q.span[0], q.span[1]), q.speaker]);
const kinds = (text: string) => analyse(text).direct.map((q) => [q.speaker, q.speakerKind]);

test.each([
  ["speaker after", `"We will not back down from this fight," said Senator Elizabeth Warren on Monday.`, [["We will not back down from this fight,", "Elizabeth Warren"]]],
  ["speaker after, with an appositive", `“This is the moment for a deal,” said Geoff Ramsey, a Venezuela expert at the Atlantic Council.`, [["This is the moment for a deal,", "Geoff Ramsey"]]],
  ["speaker before, with a colon", `The governor, Gavin Newsom, urged: "Stay home and stay safe tonight."`, [["Stay home and stay safe tonight.", "Gavin Newsom"]]],
  ["pronoun", `Angela Merkel spoke to reporters. She said, "This is a historic day for Europe."`, [["This is a historic day for Europe.", "Angela Merkel"]]],
  ["pronoun after a quote by someone else's name", `“We are ready for the vote,” Clinton said on Monday about Trump. She added, “What kind of genius loses a billion dollars?”`, [["We are ready for the vote,", "Clinton"], ["What kind of genius loses a billion dollars?", "Clinton"]]],
  ["anonymous speaker kept as described", `"It is untrue that he is leaving the country," a senior official said.`, [["It is untrue that he is leaving the country,", "a senior official"]]],
  ["continuation", `"Anyone who does that is at risk," Biden said. "Not just them, everyone."`, [["Anyone who does that is at risk,", "Biden"], ["Not just them, everyone.", "Biden"]]],
  ["a title with a period before the name", `"He has no realistic path to victory anymore," Mr. Rove said.`, [["He has no realistic path to victory anymore,", "Rove"]]],
  ["a middle initial", `"Not happening now, not this," John L. Burton fumed.`, [["Not happening now, not this,", "John L. Burton"]]],
  ["a party tag in parentheses", `“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.`, [["It’s a dog whistle to all Americans,", "Gwen Moore"]]],
  ["according to, after", `"Activity expanded at a modest pace in most districts," according to the Beige Book report.`, [["Activity expanded at a modest pace in most districts,", "the Beige Book report"]]],
  ["according to, before", `According to the documents released by WikiLeaks, "the question worries me a great deal."`, [["the question worries me a great deal.", "the documents released by WikiLeaks"]]],
  ["a speech verb beyond said", `In closing, the CNN host reiterated, "it is horrifying and very upsetting."`, [["it is horrifying and very upsetting.", "the CNN host"]]],
  ["an opener before the subject", `During a May interview on CNBC, Trump said "I won every single debate by a lot."`, [["I won every single debate by a lot.", "Trump"]]],
  ["a participle takes the clause's subject", `Meanwhile, the campaign attacked Trump, saying “he is unfit to serve as president.”`, [["he is unfit to serve as president.", "the campaign"]]],
  ["a dash and a name after", `“He makes blanket statements about people he knows nothing about.” ― Pamela Padilla`, [["He makes blanket statements about people he knows nothing about.", "Pamela Padilla"]]],
  ["the cue ends the paragraph before", `The New York Times reported on Sunday:\n\n“The campaign has raised more money than any before it.”`, [["The campaign has raised more money than any before it.", "The New York Times"]]],
  ["a transcript label", `WALLACE: "Governor, I want to ask you about the debate."`, [["Governor, I want to ask you about the debate.", "WALLACE"]]],
  ["a quote over two paragraphs", `“We will stay until the end,” said Maria Corina Machado. “Nobody will make us leave.\n\n“This country is ours, and we will take it back.”`, [["We will stay until the end,", "Maria Corina Machado"], ["Nobody will make us leave.", "Maria Corina Machado"], ["This country is ours, and we will take it back.", "Maria Corina Machado"]]],
  ["a new sentence after a closed quote is not its attribution", `Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted that Pyongyang "stop its dangerous escapades now."`, [["outlaw nation in the neighborhood.", "Japan"], ["stop its dangerous escapades now.", "Russia"]]],
] as const)("%s", (_, text, expected) => {
  expect(quotes(text)).toEqual(expected);
});

test("a quote in an embedded post left in the text belongs to the post's author", () => {
  const text = `Critics were quick to respond.\n\nThe US is "offering amnesty to a dictator who stole an election" and that is wrong.\n— Adrian Bonenberger (@AdrianBonenber1) August 11, 2024\n\n“We will see,” Trump said.`;
  expect(kinds(text)).toEqual([["Adrian Bonenberger", "embed"], ["Trump", "named"]]);
});

test("speaker kinds: named, pronoun, anonymous, described", () => {
  expect(kinds(`“We are ready,” Trump said. He added, “We will win this one.”`)).toEqual([["Trump", "named"], ["Trump", "pronoun"]]);
  expect(kinds(`“They discussed it at length,” people familiar with the matter said.`)).toEqual([["people familiar with the matter", "anonymous"]]);
  expect(kinds(`“The border will stay closed,” the ministry said in a statement.`)).toEqual([["the ministry", "described"]]);
});

test.each([
  ["scare quotes of two words", `The so-called "peace plan" failed.`],
  ["unbalanced quotation marks", `He said "this never closes and goes on.`],
  ["a related-posts teaser", `Related: “Maduro says he will never leave the country,” reports say`],
  ["a read-more teaser", `READ MORE: "We will not negotiate with them," says the opposition leader`],
])("no quote: %s", (_, text) => {
  expect(quotes(text)).toEqual([]);
});

test("a lowercase word before the verb is not a speaker", () => {
  expect(quotes(`She was exhausted after the trip and repeatedly says, "please stop the car now."`)).toEqual([["please stop the car now.", "She"]].map(([q]) => [q, null]));
});

const indirect = (text: string) => analyse(text).indirect.map((q) => [text.slice(q.span[0], q.span[1]), q.speaker, q.speakerKind]);

test.each([
  ["said that", `Secretary of State Marco Rubio said on Tuesday that the talks had made real progress.`, [["the talks had made real progress", "Marco Rubio", "named"]]],
  ["told someone that", `Trump told reporters that Maduro would have to leave the country soon.`, [["Maduro would have to leave the country soon", "Trump", "named"]]],
  ["closing attribution", `The U.S. has put an amnesty offer on the table, one of the people said.`, [["The U.S. has put an amnesty offer on the table", "one of the people", "anonymous"]]],
  ["according to, opening", `According to The Wall Street Journal, the United States offered amnesty to Maduro.`, [["the United States offered amnesty to Maduro", "The Wall Street Journal", "named"]]],
  ["according to, closing", `The offer was made in secret talks in Qatar, according to people familiar with the matter.`, [["The offer was made in secret talks in Qatar", "people familiar with the matter", "anonymous"]]],
] as const)("indirect: %s", (_, text, expected) => {
  expect(indirect(text)).toEqual(expected);
});

test.each([
  ["narration without a cue", `The opposition won the election by a wide margin last July.`],
  ["a date after said", `Trump said Friday.`],
  ["a sentence with a direct quote", `Trump said that Maduro "has to go now, and quickly."`],
  ["so that is not reported speech", `The law was changed so that more people could vote in the election.`],
])("no indirect quote: %s", (_, text) => {
  expect(indirect(text)).toEqual([]);
});

test("a page-long paragraph of quotes is read quote by quote, each with its own cue", () => {
  const text = Array.from({ length: 2_000 }, (_, i) => `Trump said "we will win round ${i} easily" and`).join(" ");
  const found = analyse(text).direct;
  expect(found).toHaveLength(2_000);
  expect(found.every((q) => q.speaker === "Trump")).toBe(true);
});

test("'according to X' inside a sentence names its reported speech's speaker, not a speech verb later in it", () => {
  const text = "Millbrook's Elm Street Bridge will not reopen until June 2, according to the city's engineering division, weeks later than the date Mayor Dana Whitcombe announced on Monday.";
  const quotes = analyzeArticle({ id: "a", source: "a", url: null, outlet: "X", title: "", authors: [], publishedAt: "2025-03-11", modifiedAt: null, language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input" })
    .filter((a) => a.kind === "quote");
  expect(quotes.map((q) => (q.kind === "quote" ? q.speaker : null))).not.toContain("Dana Whitcombe");
});
