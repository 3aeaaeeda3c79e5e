import { expect, test } from "vitest";
import type { AnnotationOf } from "../../records.js";
import { findEntities } from "../entities/find.js";
import { findCitations } from "./find.js";

function citations(text: string, domain: string | null = null) {
  const people = findEntities(text).filter((e) => e.type === "person").map((e): AnnotationOf<"entity"> => ({ kind: "entity", by: "t", ...e }));
  return findCitations(text, people, domain).map((c) => [c.source, c.sourceKind]);
}

test.each([
  ["according to an outlet", "According to The New York Times, the deal was signed.", [["The New York Times", "outlet"]]],
  ["an outlet's report", "A Financial Times report said the bank would cut jobs.", [["Financial Times", "outlet"]]],
  ["an outlet reports", "The Guardian reported that the minister resigned.", [["The Guardian", "outlet"]]],
  ["an acronym, normalised through the outlets table", "As reported by the WSJ, talks stalled.", [["The Wall Street Journal", "outlet"]]],
  ["a short form after the outlet is named in full", "According to The Wall Street Journal, talks stalled. The Journal reports: more to come.", [["The Wall Street Journal", "outlet"], ["The Wall Street Journal", "outlet"]]],
  ["a possessive report", "According to the Journal's report, the talks stalled.", [["The Journal", "outlet"]]],
  ["own reporting on the outlet's own domain", "The company plans layoffs, The Post has learned.", [["New York Post", "own-reporting"]]],
  ["anonymous", "The plan was discussed, people familiar with the matter said.", [["people familiar with the matter", "anonymous"]]],
  ["a demonstrative anonymous source", "“It is untrue,” this person said.", [["this person", "anonymous"]]],
  ["a document", "State media confirmed the meeting had taken place.", [["State media", "document"]]],
  ["a title before a person the article names", "Mayor Dana Whitcombe opened the bridge. The span will reopen on April 14, according to Mayor Whitcombe, who toured it.", [["Mayor Whitcombe", "person"]]],
] as const)("%s", (_, text, expected) => {
  const domain = text.includes("The Post has learned") ? "nypost.com" : null;
  expect(citations(text, domain)).toEqual(expected);
});

test.each([
  ["officials named without attributing", "US officials arrived in Doha on Monday for the talks."],
  ["a pronoun", "According to it, nothing changed."],
  ["a short form no outlet named in full settles stays as written, not guessed", "The Journal reported that talks stalled."],
])("no citation, or no guess: %s", (_, text) => {
  const found = citations(text);
  expect(found.every(([source]) => source !== "The Wall Street Journal")).toBe(true);
  if (!text.includes("Journal")) expect(found).toEqual([]);
});
