/**
 * How likely two statements state one proposition: a logistic regression over pairFeatures, its weights learned
 * by eval/fit-statement-model.ts on labelled paraphrase pairs (MSRP train, STS headlines train) and stored in
 * statement-model.json, never set by hand. Also builds a story's statements from its annotated articles.
 */
import type { ArticleBundle } from "../../records.js";
import { foldName } from "../../_lib/text.js";
import modelFile from "./statement-model.json" with { type: "json" };
import type { ClaimSentence } from "./find-claims.js";
import { FEATURE_NAMES, type NearWords, pairFeatures, type Statement, statementOf } from "./statement-features.js";

interface ModelFile { intercept: number; weights: Record<string, number> }

const model = modelFile as ModelFile;
const weights = FEATURE_NAMES.map((name) => {
  const w = model.weights[name];
  if (typeof w !== "number") throw new Error(`[triangulate] [compare] statement-model.json has no weight for feature "${name}": refit it (eval/fit-statement-model.ts)`);
  return w;
});

/** P(same proposition) for two statements, from the fitted weights. */
export function sameProposition(a: Statement, b: Statement, near?: NearWords): number {
  return probabilityOf(pairFeatures(a, b, near));
}

/** The model's probability for a pair's features (FEATURE_NAMES order). */
export function probabilityOf(x: readonly number[]): number {
  let z = model.intercept;
  for (let k = 0; k < x.length; k++) z += weights[k]! * x[k]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Keys of a name for matching across reports: the folded name and, for a person, the surname ("Nicolás Maduro",
 * "Maduro" and "President Maduro" all give "maduro").
 */
export function entityKeys(name: string, type: string): string[] {
  const folded = foldName(name);
  const words = folded.split(" ");
  return type === "person" && words.length > 1 ? [folded, words[words.length - 1]!] : [folded];
}

/**
 * Each sentence as a statement, with the entities its article's annotations find inside its span (a headline,
 * which has no annotations of its own, with those of its article's entities whose surface form it contains).
 */
export function statementsOf(sentences: readonly ClaimSentence[], bundles: readonly ArticleBundle[]): Statement[] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  return sentences.map((s) => {
    const bundle = byId.get(s.articleId);
    const names: string[] = [];
    for (const a of bundle?.annotations ?? []) {
      if (a.kind !== "entity") continue;
      const inside = s.field === "title"
        ? s.text.includes(bundle!.article.text.slice(a.span[0], a.span[1]))
        : a.span[0] >= s.span[0] && a.span[1] <= s.span[1];
      if (inside) names.push(...entityKeys(a.name, a.type));
    }
    return statementOf(s.text, names);
  });
}
