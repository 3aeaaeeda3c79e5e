import { expect, test } from "vitest";
import type { AnnotationOf } from "../../records.js";
import { findEntities } from "../entities/find.js";
import { findCitations } from "./find.js";

function citations(text: string) {
  const people = findEntities(text).filter((e) => e.type === "person").map((e): AnnotationOf<"entity"> => ({ kind: "entity", by: "t", ...e }));
  return findCitations(text, people).map((c) => [c.source, c.sourceKind]);
}

test.each([
  ["according to an outlet", "According to The New York Times, the deal was signed.", [["The New York Times", "outlet"]]],
  ["an outlet's report", "A Financial Times report said the bank would cut jobs.", [["Financial Times", "outlet"]]],
  ["an outlet reports", "The Guardian reported that the minister resigned.", [["The Guardian", "outlet"]]],
  ["as reported by an acronym", "As reported by the WSJ, talks stalled.", [["The WSJ", "outlet"]]],
  ["own reporting", "The company plans layoffs, The Times has learned.", [["The Times", "own-reporting"]]],
  ["anonymous", "The plan was discussed, people familiar with the matter said.", [["people familiar with the matter", "anonymous"]]],
  ["a document", "State media confirmed the meeting had taken place.", [["State media", "document"]]],
] as const)("%s", (_, text, expected) => {
  expect(citations(text)).toEqual(expected);
});

test.each([
  ["officials named without attributing", "US officials arrived in Doha on Monday for the talks."],
  ["a pronoun", "According to it, nothing changed."],
])("no citation: %s", (_, text) => {
  expect(citations(text)).toEqual([]);
});
