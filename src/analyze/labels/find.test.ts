import { expect, test } from "vitest";
import type { AnnotationOf } from "../../records.js";
import { findEntities } from "../entities/find.js";
import { findLabels } from "./find.js";

function labels(text: string) {
  const entities = findEntities(text).map((e): AnnotationOf<"entity"> => ({ kind: "entity", by: "t", ...e }));
  return findLabels(text, entities).map((l) => [l.entityName, l.term, l.via, l.loaded]);
}

test("words before the name: neutral titles and loaded labels", () => {
  expect(labels("Commie dictator Nicolas Maduro spoke on Sunday.")).toContainEqual(["Nicolas Maduro", "Commie dictator", "before-name", true]);
  expect(labels("Venezuelan President Nicolás Maduro spoke on Sunday.")).toContainEqual(["Nicolás Maduro", "Venezuelan President", "before-name", false]);
});

test("an appositive after the name describes the person", () => {
  expect(labels("“This is the moment,” said Geoff Ramsey, a Venezuela expert at the Atlantic Council, on Monday.")).toContainEqual(
    ["Geoff Ramsey", "a Venezuela expert at the Atlantic Council", "appositive", false],
  );
});

test("a description stands in for the article's main person", () => {
  const text = "Nicolas Maduro refused. Maduro spoke for an hour. Maduro left. The strongman then flew to Caracas.";
  expect(labels(text)).toContainEqual(["Nicolas Maduro", "strongman", "stand-in", true]);
});

test.each([
  ["a clause after the name is not an appositive", "Maduro, who has ruled since 2013, spoke on Sunday."],
  ["a list of names is not an appositive", "Maduro, Cabello and Padrino met on Sunday."],
  ["a demonym alone is not a label", "Venezuelan Nicolas Maduro spoke on Sunday."],
])("no label: %s", (_, text) => {
  expect(labels(text)).toEqual([]);
});
