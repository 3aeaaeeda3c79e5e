import { expect, test } from "vitest";
import type { Entity } from "../records.js";
import { entitiesByName, entityNamed } from "./entity-names.js";

const entity = (id: string, name: string, aliases: string[]): Entity => ({ id, name, type: "person", aliases, descriptions: [], mentions: [] });

test("a spelling finds its entity whatever its accents and case, the first entity to claim a spelling keeping it", () => {
  const entities = [entity("e1", "Nicolás Maduro", ["Maduro", "Nicolas Maduro"]), entity("e2", "Nicolás Maduro Guerra", ["Maduro"])];
  expect(entityNamed(entities, "NICOLAS MADURO")?.id).toBe("e1");
  expect(entityNamed(entities, "Maduro")?.id).toBe("e1");
  expect(entityNamed(entities, "nicolas maduro guerra")?.id).toBe("e2");
  expect(entityNamed(entities, "Diosdado Cabello")).toBeUndefined();
  expect(entitiesByName(entities)).toBe(entitiesByName(entities)); // built once per list
});
