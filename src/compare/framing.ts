/** How each outlet labels each person of a story: label annotations joined to the resolved entities. */
import type { ArticleBundle, Entity, Framing } from "../records.js";
import { foldName } from "../_lib/text.js";
import { outletLabel } from "./sources.js";

export function compareFraming(storyId: string, bundles: readonly ArticleBundle[], entities: readonly Entity[]): Framing[] {
  const byName = new Map<string, Entity>();
  for (const e of entities) for (const n of [e.name, ...e.aliases]) if (!byName.has(foldName(n))) byName.set(foldName(n), e);
  const framing = new Map<string, Framing>();
  for (const { article, annotations } of bundles) {
    for (const a of annotations) {
      if (a.kind !== "label") continue;
      const entity = byName.get(foldName(a.entityName));
      if (!entity) continue;
      const entry = framing.get(entity.id) ?? { storyId, entityId: entity.id, name: entity.name, labels: [] };
      if (!entry.labels.some((l) => l.articleId === article.id && l.term.toLowerCase() === a.term.toLowerCase())) {
        entry.labels.push({ outlet: outletLabel(article), articleId: article.id, term: a.term, loaded: a.loaded });
      }
      framing.set(entity.id, entry);
    }
  }
  return [...framing.values()].sort((a, b) => b.labels.length - a.labels.length);
}
