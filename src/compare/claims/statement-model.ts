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
import type { NumberValue } from "./proposition.js";
import { quantityScope } from "./quantity.js";

interface ModelFile { intercept: number; weights: Record<string, number> }

const model = modelFile as ModelFile;
const weights = FEATURE_NAMES.map((name) => {
  const w = model.weights[name];
  if (typeof w !== "number") throw new Error(`[triangulate] [compare] statement-model.json has no weight for feature "${name}": refit it (eval/fit-statement-model.ts)`);
  return w;
});

/** Whether the fitted model gives the feature any weight (a feature without weight need not be computed). */
export const weighs = (name: (typeof FEATURE_NAMES)[number]): boolean => weights[FEATURE_NAMES.indexOf(name)] !== 0;

/** P(same proposition) for two statements, from the fitted weights. */
export function sameProposition(a: Statement, b: Statement, near?: NearWords, story?: { mutualBest: boolean }): number {
  return probabilityOf(pairFeatures(a, b, near, story));
}

/** The model's probability for a pair's features (FEATURE_NAMES order). */
export function probabilityOf(x: readonly number[]): number {
  let z = model.intercept;
  for (let k = 0; k < x.length; k++) z += weights[k]! * x[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** Spellings of one country that entity annotations keep apart ("u s", "us", "united states", "america"). */
const SAME_PLACE = new Map([["u s", "usa"], ["us", "usa"], ["u s a", "usa"], ["united states", "usa"], ["america", "usa"], ["u k", "britain"], ["uk", "britain"], ["united kingdom", "britain"]]);
const MINOR_WORDS = new Set(["of", "and", "the", "for", "on", "in"]);

/**
 * Keys of a name for matching across reports: the folded name; for a person, the surname ("Nicolás Maduro",
 * "Maduro" and "President Maduro" all give "maduro"); for a body of three words or more, its initials ("Food and
 * Drug Administration" → "fda", as another report writes it); one country's spellings as one.
 */
export function entityKeys(name: string, type: string): string[] {
  const folded = foldName(name);
  const place = SAME_PLACE.get(folded);
  if (place) return [place];
  const words = folded.split(" ");
  if (type === "person") return words.length > 1 ? [folded, words[words.length - 1]!] : [folded];
  const major = words.filter((w) => !MINOR_WORDS.has(w));
  return major.length >= 3 ? [folded, major.map((w) => w[0]).join("")] : [folded];
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
    const numbers: NumberValue[] = [];
    const scopes: string[] = [];
    for (const a of bundle?.annotations ?? []) {
      if (a.kind === "number" && !s.field && a.span[0] >= s.span[0] && a.span[1] <= s.span[1]) {
        numbers.push({ value: a.value, unit: a.unit, counts: a.counts });
        scopes.push(...figureKeys(bundle!.article.text, s.span, a));
      }
      if (a.kind !== "entity") continue;
      const inside = s.field === "title"
        ? s.text.includes(bundle!.article.text.slice(a.span[0], a.span[1]))
        : a.span[0] >= s.span[0] && a.span[1] <= s.span[1];
      if (inside) names.push(...entityKeys(a.name, a.type));
    }
    return statementOf(s.text, names, numbers, s.position, scopes);
  });
}

/**
 * Keys of a figure for joining one quantity across reports (align-propositions.ts): what it counts with its value
 * left out — unit and role or counted noun, rate, novelty, stance ("|death||||", "USD|losse||||") — when the sentence
 * says what it counts; and, for a specific figure, the same with its value ("=USD|65000000|…"): one figure of one
 * thing given by two reports. None for a bare small number or a measure ("75 miles north", "seven hours of battery
 * life": they place or time a thing, they are not a count two reports could give differently).
 */
export function figureKeys(text: string, sentence: readonly [number, number], n: Parameters<typeof quantityScope>[2]): string[] {
  if (n.unit ? !COUNTED_UNITS.has(n.unit) : !Number.isInteger(n.value)) return []; // "a 6.1-magnitude quake" counts nothing
  const scope = quantityScope(text, sentence, n);
  const what = scope.role || scope.noun || scope.topic;
  const rest = `${scope.rate}|${scope.novelty}|${scope.stance}`;
  const out: string[] = [];
  if (what && (scope.role || n.unit || n.value >= MIN_COUNTED)) out.push(`${n.unit ?? ""}|${what}|${rest}`);
  // A bare number ("the 700 block", "23") is too often an address, an age or a score to name one figure.
  if (n.unit && (n.unit !== "people" || n.value >= MIN_COUNTED)) out.push(`=${n.unit}|${n.value}|${scope.noun || scope.topic}|${scope.role}|${rest}`);
  return out;
}
const COUNTED_UNITS = new Set(["USD", "EUR", "GBP", "%", "people"]);
/** A count under this, without a role ("two countries", "three members"), is too common to name one quantity. */
const MIN_COUNTED = 10;
