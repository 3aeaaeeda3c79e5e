import { expect, test } from "vitest";
import type { Article, ArticleBundle, EntityType } from "../records.js";
import { resolveEntities } from "./resolve-entities.js";

function bundle(id: string, mentions: [string, EntityType][]): ArticleBundle {
  const text = mentions.map(([name]) => name).join(" … ");
  let at = 0;
  const annotations = mentions.map(([name, type]) => {
    const start = text.indexOf(name, at);
    at = start + name.length;
    return { kind: "entity" as const, span: [start, at] as const, type, name, by: "t" };
  });
  const article = { id, source: id, text } as Article;
  return { article, annotations };
}

test("spellings, surnames and acronyms of one thing are one entity, accents kept", () => {
  const entities = resolveEntities([
    bundle("a", [["Nicolas Maduro", "person"], ["Maduro", "person"], ["U.S.", "org"], ["The Wall Street Journal", "org"]]),
    bundle("b", [["Nicolás Maduro", "person"], ["US", "place"], ["United States", "place"], ["WSJ", "org"]]),
  ]);
  const byName = Object.fromEntries(entities.map((e) => [e.name, e]));
  expect(byName["Nicolás Maduro"]!.aliases.sort()).toEqual(["Maduro", "Nicolas Maduro"]);
  expect(byName["Nicolás Maduro"]!.mentions).toHaveLength(3);
  expect(byName["United States"]!.aliases.sort()).toEqual(["U.S.", "US"]);
  expect(byName["The Wall Street Journal"]!.aliases).toEqual(["WSJ"]);
});

test("a newspaper's head word on second mention is the newspaper; the House is not the White House", () => {
  const entities = resolveEntities([
    bundle("a", [["The Wall Street Journal", "org"], ["Journal", "org"], ["White House", "org"], ["House", "org"]]),
  ]);
  const byName = Object.fromEntries(entities.map((e) => [e.name, e]));
  expect(byName["The Wall Street Journal"]!.aliases).toEqual(["Journal"]);
  expect(byName["House"]).toBeDefined();
});

test("a surname shared by two full names stays apart; America is not South America", () => {
  const entities = resolveEntities([
    bundle("a", [["Joe Biden", "person"], ["Hunter Biden", "person"], ["Biden", "person"], ["South America", "place"], ["America", "place"]]),
  ]);
  expect(entities.map((e) => e.name).sort()).toEqual(["America", "Biden", "Hunter Biden", "Joe Biden", "South America"]);
});

test("descriptions: neutral labels and appositives of the entity, not its loaded labels nor stand-ins", () => {
  const a = bundle("a", [["Geoff Ramsey", "person"], ["Nicolás Maduro", "person"]]);
  const label = (entityName: string, term: string, loaded: boolean, via: "before-name" | "appositive" | "stand-in") =>
    ({ kind: "label" as const, span: [0, 1] as const, entityName, term, loaded, via, by: "t" });
  a.annotations.push(
    label("Geoff Ramsey", "a Venezuela expert at the Atlantic Council", false, "appositive"),
    label("Nicolás Maduro", "Venezuelan President", false, "before-name"),
    label("Nicolás Maduro", "Venezuelan President", false, "before-name"),
    label("Nicolás Maduro", "dictator", true, "before-name"),
    label("Nicolás Maduro", "leader", false, "stand-in"),
  );
  const byName = Object.fromEntries(resolveEntities([a]).map((e) => [e.name, e]));
  expect(byName["Geoff Ramsey"]!.descriptions).toEqual(["a Venezuela expert at the Atlantic Council"]);
  expect(byName["Nicolás Maduro"]!.descriptions).toEqual(["Venezuelan President"]);
});
