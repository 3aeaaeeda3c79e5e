import { expect, test } from "vitest";
import type { AnnotationOf } from "../../records.js";
import { findEntities } from "../entities/find.js";
import { findQuotes, resolvePronoun } from "./find.js";

function quotes(text: string) {
  const people = findEntities(text).filter((e) => e.type === "person").map((e): AnnotationOf<"entity"> => ({ kind: "entity", by: "t", ...e }));
  return findQuotes(text, people).map((q) => resolvePronoun(text, q, people)).map((q) => [text.slice(q.span[0], q.span[1]), q.speaker]);
}

test.each([
  ["speaker after", `"We will not back down from this fight," said Senator Elizabeth Warren on Monday.`, [["We will not back down from this fight,", "Elizabeth Warren"]]],
  ["speaker before, with a colon", `The governor, Gavin Newsom, urged: "Stay home and stay safe tonight."`, [["Stay home and stay safe tonight.", "Gavin Newsom"]]],
  ["pronoun", `Angela Merkel spoke to reporters. She said, "This is a historic day for Europe."`, [["This is a historic day for Europe.", "Angela Merkel"]]],
  ["anonymous speaker kept as described", `"It is untrue that he is leaving the country," a senior official said.`, [["It is untrue that he is leaving the country,", "a senior official"]]],
  ["continuation", `"Anyone who does that is at risk," Biden said. "Not just them, everyone."`, [["Anyone who does that is at risk,", "Biden"], ["Not just them, everyone.", "Biden"]]],
  ["a title with a period before the name", `"He has no realistic path to victory anymore," Mr. Rove said.`, [["He has no realistic path to victory anymore,", "Rove"]]],
  ["a middle initial", `"Not happening now, not this," John L. Burton fumed.`, [["Not happening now, not this,", "John L. Burton"]]],
  ["according to, after", `"Activity expanded at a modest pace in most districts," according to the Beige Book report.`, [["Activity expanded at a modest pace in most districts,", "the Beige Book report"]]],
  ["according to, before", `According to the documents released by WikiLeaks, "the question worries me a great deal."`, [["the question worries me a great deal.", "the documents released by WikiLeaks"]]],
  ["a speech verb beyond said", `In closing, the CNN host reiterated, "it is horrifying and very upsetting."`, [["it is horrifying and very upsetting.", "the CNN host"]]],
] as const)("%s", (_, text, expected) => {
  expect(quotes(text)).toEqual(expected);
});

test.each([
  ["scare quotes of two words", `The so-called "peace plan" failed.`],
  ["unbalanced quotation marks", `He said "this never closes and goes on.`],
])("no quote: %s", (_, text) => {
  expect(quotes(text)).toEqual([]);
});
