/**
 * How each outlet labels each person of a story: label annotations joined to the resolved entities. A label is
 * loaded when the label analyzer says so (its hand-made list: "dictator", "regime") or when a loaded cue of the
 * cue analyzer (learned from BABE's annotated biased words as well) falls inside it. A label inside a direct
 * quotation is the speaker's framing, not the outlet's, and is left out ("“a fraudulent election,” Trump said").
 */
import type { AnnotationOf, ArticleBundle, Entity, Framing, OutletFraming } from "../records.js";
import { LOADED_WORDS } from "../_lib/lexicon.js";
import { entityNamed } from "./entity-names.js";
import { outletLabel } from "./sources.js";

export function compareFraming(storyId: string, bundles: readonly ArticleBundle[], entities: readonly Entity[]): Framing[] {
  const framing = new Map<string, Framing>();
  const add = (entity: Entity, article: ArticleBundle["article"], term: string, loaded: boolean) => {
    const entry = framing.get(entity.id) ?? { storyId, entityId: entity.id, name: entity.name, labels: [] };
    if (!entry.labels.some((l) => l.articleId === article.id && l.term.toLowerCase() === term.toLowerCase())) {
      entry.labels.push({ outlet: outletLabel(article), articleId: article.id, term, loaded });
    }
    framing.set(entity.id, entry);
  };
  const ids = new Set(bundles.map((b) => b.article.id));
  for (const { article, annotations } of bundles) {
    const quotes = annotations.filter((a): a is AnnotationOf<"quote"> => a.kind === "quote" && a.form !== "indirect");
    const loadedCues = annotations.filter((a): a is AnnotationOf<"cue"> => a.kind === "cue" && a.cue === "loaded");
    for (const a of annotations) {
      if (a.kind !== "label") continue;
      const inBody = !a.field;
      if (inBody && quotes.some((q) => q.span[0] <= a.span[0] && a.span[1] <= q.span[1])) continue;
      const entity = entityNamed(entities, a.entityName);
      if (!entity || entity.type !== "person") continue;
      const loaded = a.loaded || (inBody && loadedCues.some((c) => a.span[0] <= c.span[0] && c.span[1] <= a.span[1]));
      add(entity, article, a.term, loaded);
    }
  }
  // Role descriptions the entities analyzer bound to a person ("the governor", "Venezuela's president") label that
  // person too, whoever the article is mainly about; outside quotations only, as above.
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  for (const entity of entities) {
    if (entity.type !== "person") continue;
    for (const m of entity.mentions) {
      if (!ids.has(m.articleId) || (m.via !== "role" && m.via !== "apposition")) continue;
      const bundle = byId.get(m.articleId)!;
      const quoted = bundle.annotations.some((q) => q.kind === "quote" && q.form !== "indirect" && q.span[0] <= m.start && m.end <= q.span[1]);
      if (quoted) continue;
      const term = m.text.replace(/^(?:the|a|an)\s+/i, "");
      add(entity, bundle.article, term, term.toLowerCase().split(/[\s-]+/).some((w) => LOADED_WORDS.has(w.replace(/[’']s$/, ""))));
    }
  }
  return [...framing.values()].sort((a, b) => b.labels.length - a.labels.length || (a.entityId < b.entityId ? -1 : 1));
}

/**
 * Each outlet's wording of the story as a whole: the loaded terms and hedges of its narration (the cue analyzer
 * leaves quotations out: a speaker's words are not the outlet's), and how many of its sentences the bias
 * classifier reads as loaded. Outlets with the most loaded terms first.
 */
export function compareOutletFraming(storyId: string, bundles: readonly ArticleBundle[]): OutletFraming[] {
  const byOutlet = new Map<string, ArticleBundle[]>();
  for (const b of bundles) byOutlet.set(outletLabel(b.article), [...(byOutlet.get(outletLabel(b.article)) ?? []), b]);
  return [...byOutlet]
    .map(([outlet, members]) => {
      const cues = members.flatMap((b) => b.annotations.filter((a): a is AnnotationOf<"cue"> => a.kind === "cue"));
      const loaded = cues.filter((c) => c.cue === "loaded");
      return {
        storyId,
        outlet,
        articleIds: members.map((b) => b.article.id),
        loadedTerms: byUse(loaded.map((c) => c.term)),
        loadedCount: loaded.length,
        hedges: byUse(cues.filter((c) => c.cue === "hedge").map((c) => c.term)),
        biasedSentences: cues.filter((c) => c.cue === "biased-sentence").length,
        sentences: members.reduce((n, b) => n + b.annotations.filter((a) => a.kind === "sentence").length, 0),
      };
    })
    .sort((a, b) => b.loadedCount - a.loadedCount || (a.outlet < b.outlet ? -1 : 1));
}

/** Each term once, the most used first ("Regime" and "regime" are one term), ties in first-use order. */
function byUse(terms: readonly string[]): string[] {
  const counts = new Map<string, { term: string; n: number }>();
  for (const t of terms) {
    const entry = counts.get(t.toLowerCase()) ?? { term: t, n: 0 };
    entry.n++;
    counts.set(t.toLowerCase(), entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.term);
}
