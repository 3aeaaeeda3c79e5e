/**
 * Finding a report's resolved entity from what compare has in hand: a spelling ("Maduro", "The WSJ") or a span of an
 * article (a citation's or a quote speaker's words, where the entities analyzer bound "the Journal" or "the mayor").
 *
 * By spelling: the resolved entities by folded spelling ("nicolas maduro" → Nicolás Maduro), a leading "the" aside,
 * the first entity to claim a spelling keeping it; an outlet the outlets table knows ("WSJ") finds its outlet entity
 * whatever spelling the articles used. Every story of a report looks names up in the same entity list, so the index
 * is built once per list and remembered: folding every alias of every entity again for each story made a rebuild
 * quadratic (stories × entities: most of a 2,000-article rebuild's time).
 */
import type { Entity } from "../records.js";
import { outletEntityId, resolveOutlet } from "../_lib/outlets.js";
import { foldName } from "../_lib/text.js";

interface EntityIndex {
  byName: ReadonlyMap<string, Entity>;
  byId: ReadonlyMap<string, Entity>;
  /** Mentions by article, for span lookups: [start, end, entity, confidence]. */
  byArticle: ReadonlyMap<string, readonly [number, number, Entity, number][]>;
}

const indexes = new WeakMap<readonly Entity[], EntityIndex>();
const nameKey = (name: string): string => foldName(name).replace(/^the /, "");

function indexOf(entities: readonly Entity[]): EntityIndex {
  let index = indexes.get(entities);
  if (!index) {
    const byName = new Map<string, Entity>();
    const byId = new Map<string, Entity>();
    const byArticle = new Map<string, [number, number, Entity, number][]>();
    for (const e of entities) {
      byId.set(e.id, e);
      for (const n of [e.name, ...e.aliases]) {
        const key = nameKey(n);
        if (!byName.has(key)) byName.set(key, e);
      }
      for (const m of e.mentions) {
        const list = byArticle.get(m.articleId) ?? [];
        list.push([m.start, m.end, e, m.confidence ?? 1]);
        byArticle.set(m.articleId, list);
      }
    }
    indexes.set(entities, (index = { byName, byId, byArticle }));
  }
  return index;
}

export const entitiesByName = (entities: readonly Entity[]): ReadonlyMap<string, Entity> => indexOf(entities).byName;

/** The entity a spelling names, if any: by its spellings, else (an outlet) by the outlets table. */
export function entityNamed(entities: readonly Entity[], name: string): Entity | undefined {
  const index = indexOf(entities);
  const found = index.byName.get(nameKey(name));
  if (found) return found;
  const outlet = resolveOutlet(name);
  return outlet?.known ? index.byId.get(outletEntityId(outlet)) : undefined;
}

/**
 * The entity mentioned inside [start, end) of an article ("According to The Wall Street Journal", "the mayor said"):
 * the most confident mention wholly inside, the first on ties. Undefined when the span mentions none.
 */
export function entityInSpan(entities: readonly Entity[], articleId: string, start: number, end: number): Entity | undefined {
  let best: [number, number, Entity, number] | undefined;
  for (const m of indexOf(entities).byArticle.get(articleId) ?? []) {
    if (m[0] >= start && m[1] <= end && (!best || m[3] > best[3] || (m[3] === best[3] && m[0] < best[0]))) best = m;
  }
  return best?.[2];
}
