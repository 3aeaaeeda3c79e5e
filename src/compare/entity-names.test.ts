import { expect, test } from "vitest";
import type { Entity, EntityMention } from "../records.js";
import { entitiesByName, entityInSpan, entityNamed } from "./entity-names.js";

const entity = (id: string, name: string, aliases: string[], mentions: EntityMention[] = []): Entity => ({ id, name, type: "person", aliases, descriptions: [], mentions });

test("a spelling finds its entity whatever its accents and case, the first entity to claim a spelling keeping it", () => {
  const entities = [entity("e1", "Nicolás Maduro", ["Maduro", "Nicolas Maduro"]), entity("e2", "Nicolás Maduro Guerra", ["Maduro"])];
  expect(entityNamed(entities, "NICOLAS MADURO")?.id).toBe("e1");
  expect(entityNamed(entities, "Maduro")?.id).toBe("e1");
  expect(entityNamed(entities, "nicolas maduro guerra")?.id).toBe("e2");
  expect(entityNamed(entities, "Diosdado Cabello")).toBeUndefined();
  expect(entitiesByName(entities)).toBe(entitiesByName(entities)); // built once per list
});

test("an outlet is found by any of its names, with or without 'the', even one the articles never spelled", () => {
  const entities = [entity("outlet-wsj", "The Wall Street Journal", ["WSJ", "Journal"])];
  expect(entityNamed(entities, "The WSJ")?.id).toBe("outlet-wsj");
  expect(entityNamed(entities, "the Journal")?.id).toBe("outlet-wsj");
  expect(entityNamed(entities, "Wall St. Journal")?.id).toBe("outlet-wsj"); // through the outlets table
  expect(entityNamed(entities, "The New York Times")).toBeUndefined();
});

test("a span finds the most confident entity mentioned inside it", () => {
  const m = (articleId: string, start: number, end: number, confidence: number): EntityMention => ({ articleId, start, end, text: "", confidence });
  const entities = [entity("mayor", "Jane Okafor", [], [m("a", 40, 49, 0.85)]), entity("city", "Millbrook", [], [m("a", 52, 61, 0.6), m("b", 40, 49, 1)])];
  expect(entityInSpan(entities, "a", 30, 70)?.id).toBe("mayor");
  expect(entityInSpan(entities, "a", 50, 70)?.id).toBe("city");
  expect(entityInSpan(entities, "a", 0, 45)).toBeUndefined();
  expect(entityInSpan(entities, "c", 0, 100)).toBeUndefined();
});
