import { expect, test } from "vitest";
import type { Annotation, Article } from "../../records.js";
import { analyzeArticle } from "../index.js";

function attributions(text: string) {
  const article: Article = {
    id: "a", source: "a", url: null, outlet: "Example News", title: "", authors: [], publishedAt: "2024-08-12", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return analyzeArticle(article)
    .filter((a): a is Extract<Annotation, { kind: "attribution" }> => a.kind === "attribution")
    .map((a) => [text.slice(a.span[0], a.span[1]).slice(0, 30), a.source, a.sourceKind, a.sourceSpan ? text.slice(...a.sourceSpan) : null, a.nonResponse ?? false]);
}
const sources = (text: string) => attributions(text).map(([sentence, source, kind]) => [sentence, source, kind]);

test("each attributed sentence names its source, its kind and the words naming it", () => {
  const text = [
    "According to The Wall Street Journal, the United States offered Maduro amnesty in secret talks.",
    "The offer was made in Qatar, people familiar with the matter said.",
    "“We will not leave,” Maduro said on Sunday.",
    "The Post has learned that the talks stalled in December.",
    "Venezuela held a presidential election in July.",
  ].join("\n\n");
  expect(attributions(text)).toEqual([
    ["According to The Wall Street J", "The Wall Street Journal", "outlet", "The Wall Street Journal", false],
    ["The offer was made in Qatar, p", "people familiar with the matter", "anonymous", "people familiar with the matter", false],
    ["“We will not leave,” Maduro sa", "Maduro", "person", "Maduro", false],
    // No domain given: the outlets table's self-reference prior ("The Post has learned" is how the New York Post writes itself).
    ["The Post has learned that the ", "New York Post", "own-reporting", "The Post", false],
  ]);
});

test.each([
  ["narration without a cue", "Venezuela held a presidential election in July. The opposition disputed the result."],
  ["a cue never reaches back to an earlier sentence", "The bridge reopens in May. Mayor Jane Doe said the repairs were finished last week."],
])("no attribution for: %s", (_, text) => {
  const found = sources(text);
  expect(found.some(([sentence]) => String(sentence).startsWith(text.slice(0, 20)))).toBe(false);
});

test("non-response boilerplate is flagged, with who did not answer", () => {
  const text = "The mayor announced the date. The State Department did not immediately respond to a request for comment.";
  expect(attributions(text)).toEqual([["The State Department did not i", "The State Department", "own-reporting", "The State Department", true]]);
  expect(attributions("A spokesman for the council declined to comment on Friday.")[0]?.[4]).toBe(true);
  expect(attributions("The council did not say when the bridge would reopen.")).toEqual([]);
});

test("“The Journal reports:” covers the paragraphs it introduces, not the outlet's commentary after them", () => {
  const text = [
    "The regime has offered the strongman amnesty, a typical betrayal.",
    "According to The Wall Street Journal, the offer was made in secret.",
    "The Journal reports:",
    "The U.S. is pursuing a long-shot bid to push Maduro to give up power, people familiar with the matter said.",
    "One of the people said the U.S. has put “everything on the table” to persuade Maduro.",
    "Such an offer would be typical of this spineless administration.",
    "Many Venezuelans have fled the country.",
  ].join("\n\n");
  expect(sources(text)).toEqual([
    ["According to The Wall Street J", "The Wall Street Journal", "outlet"],
    ["The Journal reports:", "The Wall Street Journal", "outlet"],
    ["The U.S. is pursuing a long-sh", "The Wall Street Journal", "outlet"],
    ["One of the people said the U.S", "The Wall Street Journal", "outlet"],
  ]);
});

test("after an outlet's report in a paragraph, its anonymous sources are the outlet's; named speakers stay themselves", () => {
  const text = "As reported by The Wall Street Journal, officials have discussed pardons. One source indicated that the US has put everything on the table. “We want carrots,” said Geoff Ramsey, a Venezuela expert, in comments to The Wall Street Journal. This is brilliant.";
  expect(sources(text)).toEqual([
    ["As reported by The Wall Street", "The Wall Street Journal", "outlet"],
    ["One source indicated that the ", "The Wall Street Journal", "outlet"],
    ["“We want carrots,” said Geoff ", "Geoff Ramsey", "person"],
  ]);
});

test("an anonymous source in the next paragraph is not carried to the outlet", () => {
  const text = "As reported by The Wall Street Journal, officials have discussed pardons.\n\nOne source said the talks stalled in December.";
  expect(sources(text)).toEqual([
    ["As reported by The Wall Street", "The Wall Street Journal", "outlet"],
    ["One source said the talks stal", "One source", "anonymous"],
  ]);
});

// Rows from the verdict suite (eval/verdicts: plant-closure-date, warehouse-fire-injuries, bridge-reopening), the
// expected source written first, as a journalist reads each sentence.
test.each([
  [
    "a place after a preposition is not the speaker: the union says",
    "The union representing workers at the Hollis Foods plant in Dunmore says the plant will not close before June, contradicting the company's announcement.",
    null,
  ],
  [
    "a body named by lowercase words after 'according to' is named whole",
    "Six firefighters were injured fighting Monday's warehouse fire on Canal Street, according to the Eastport firefighters' union, more than the department first reported.",
    "The Eastport firefighters' union",
  ],
  [
    "'according to X' in the sentence wins over a speaker named later in it",
    "Millbrook's Elm Street Bridge will not reopen until June 2, according to the city's engineering division, weeks later than the date Mayor Dana Whitcombe announced on Monday.",
    "The city's engineering division",
  ],
] as const)("%s", (_, text, source) => {
  const found = sources(text);
  if (source === null) expect(found.filter(([, s]) => s === "Dunmore")).toEqual([]);
  else expect(found.map(([, s]) => s)).toEqual([source]);
});

test("after a quoted speaker, a sentence 'according to X' is X's, not the speaker's carried over", () => {
  const text = "“We will reopen the bridge in April,” Mayor Dana Whitcombe said. The bridge will not reopen until June 2, according to the city's engineering division.";
  expect(sources(text).map(([, s]) => s)).toEqual(["Dana Whitcombe", "The city's engineering division"]);
});
