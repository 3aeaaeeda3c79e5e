/**
 * The resolved entities by folded spelling ("nicolas maduro" → Nicolás Maduro), the first entity to claim a
 * spelling keeping it. Every story of a report looks names up in the same entity list, so the index is built once
 * per list and remembered: folding every alias of every entity again for each story made a rebuild quadratic
 * (stories × entities: most of a 2,000-article rebuild's time).
 */
import type { Entity } from "../records.js";
import { foldName } from "../_lib/text.js";

const indexes = new WeakMap<readonly Entity[], ReadonlyMap<string, Entity>>();

export function entitiesByName(entities: readonly Entity[]): ReadonlyMap<string, Entity> {
  let index = indexes.get(entities);
  if (!index) {
    const byName = new Map<string, Entity>();
    for (const e of entities) {
      for (const n of [e.name, ...e.aliases]) {
        const key = foldName(n);
        if (!byName.has(key)) byName.set(key, e);
      }
    }
    indexes.set(entities, (index = byName));
  }
  return index;
}

/** The entity a spelling names, if any. */
export const entityNamed = (entities: readonly Entity[], name: string): Entity | undefined => entitiesByName(entities).get(foldName(name));
