/**
 * The counted figures of a story's aligned claims, read for conflicts.ts: each figure with the wording it is in,
 * what it counts (claims/quantity.ts), the values it allows ("more than 12,000" is [12,000, ∞)), the period it is
 * pinned to and who gives it. Figures that count nothing two sources could dispute are left out here: vague ones
 * ("thousands"), compound ones ("a 13-inch laptop"), addresses, points in time, the whole a part is counted from,
 * forecasts set against the outcome and parts of a whole the sentence gives (figure-scope.ts).
 */
import type { ArticleBundle, Claim } from "../records.js";
import type { AlignedClaim } from "./claims/align-claims.js";
import type { ClaimSentence } from "./claims/find-claims.js";
import { isExpectation, isPartOfWhole, periodAfter, SCOPE_WINDOW } from "./figure-scope.js";
import { isAddress, type QuantityScope, quantityScope, scopeKey } from "./claims/quantity.js";
import { sideSayer as sayer } from "./side-sayer.js";

const VAGUE = /^(dozens|hundreds|thousands|millions|tens|several|many)\b/i;
/** A count spelled out ("Four firefighters", "six"): as exact as its digits. */
const NUMBER_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;
/** A number after "of its", "out of": the whole a part is counted from, not what the sentence counts. */
const WHOLE = /\b(?:of|out of)\s(?:its|the|their|his|her|all)?\s?$/i;
const COMPOUND = /^\S+-\p{L}+$/u;
const TIME_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i;
/** A length of time said as one ("for three weeks", "lasted nine days", "took five hours"): comparable. */
const LENGTH_OF = /\b(?:for|lasted|lasting|last|took|take|takes|spent|spend)\s+(?:about|nearly|almost|more than|at least|roughly|some|up to)?\s*$/i;
const BOUNDED = /\b(over|under|above|below|at least|at most|nearly|almost|about|around|roughly|approximately|an estimated|more than|less than|fewer than|up to|some)\s*$/i;

export interface CountedValue {
  claim: Claim;
  /** The wording it is in: two values of one sentence are two different things. */
  sentence: ClaimSentence;
  articleId: string;
  value: number;
  unit: string | null;
  text: string;
  key: string;
  /** What it counts, as the analyzer read it ("lost sales"). */
  counts: string;
  /** What it counts, with its role, rate and novelty (claims/quantity.ts). */
  scope: QuantityScope;
  source: string | null;
  /** The values it allows: "more than 12,000" is [12,000, ∞), "nearly 8 million" [7.2 million, 8 million]. */
  range: [number, number];
  /** The month or year it is pinned to ("in May", "by 2031"), or "" (figure-scope.ts). */
  period: string;
  /** The year its article was published, or null. */
  publishedYear: number | null;
}

/** How far "about", "nearly" and the like reach around a value (calibration: newsroom rounding, 10%). */
const APPROXIMATE = 0.1;

function rangeOf(value: number, bound: string | null): [number, number] {
  const word = bound?.toLowerCase() ?? "";
  if (/^(?:over|above|more than|at least)$/.test(word)) return [value, Infinity];
  if (/^(?:under|below|less than|fewer than|up to|at most)$/.test(word)) return [-Infinity, value];
  if (/^(?:nearly|almost)$/.test(word)) return [value * (1 - APPROXIMATE), value];
  if (/^(?:about|around|roughly|some|approximately|an estimated)$/.test(word)) return [value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)];
  return [value, value];
}

export function countedValuesOf(aligned: readonly AlignedClaim[], byId: ReadonlyMap<string, ArticleBundle>): CountedValue[] {
  const values: CountedValue[] = [];
  for (const { claim, sentences } of aligned) {
    for (const s of sentences) {
      if (s.field === "title") continue; // headline numbers are not annotated; the body states them in full
      const bundle = byId.get(s.articleId)!;
      for (const n of bundle.annotations) {
        // A sum of money or a share says what it is by its unit; a bare number needs what it counts.
        if (n.kind !== "number" || (!n.counts && !n.unit) || n.span[0] < s.span[0] || n.span[1] > s.span[1]) continue;
        const said = bundle.article.text.slice(n.span[0], n.span[1]);
        const before = bundle.article.text.slice(Math.max(0, n.span[0] - 14), n.span[0]);
        if (VAGUE.test(said) || !(/\d/.test(said) || (n.value >= 2 && NUMBER_WORD.test(said)))) continue; // "thousands": agrees with many values
        if (COMPOUND.test(said) || isAddress(bundle.article.text.slice(n.span[1], n.span[1] + 24))) continue; // "a 13-inch laptop", "the seven-day average": a kind of thing, not a count of it
        // "After five months", "six months later": a point in time, not a length two sources could dispute.
        if (n.unit && TIME_UNITS.test(n.unit) && !LENGTH_OF.test(before)) continue;
        if (WHOLE.test(bundle.article.text.slice(Math.max(0, n.span[0] - 16), n.span[0]))) continue; // "three of its 14 branches": 14 is the whole
        const text0 = bundle.article.text;
        const after = text0.slice(n.span[1], Math.min(s.span[1], n.span[1] + SCOPE_WINDOW));
        // A forecast set against the outcome, or a part of a whole the sentence gives, is another quantity.
        if (isExpectation(text0.slice(Math.max(s.span[0], n.span[0] - SCOPE_WINDOW), n.span[0])) || isPartOfWhole(after)) continue;
        const scope = quantityScope(text0, s.span, n);
        const key = scopeKey(n.unit, scope);
        const text = `${BOUNDED.exec(before)?.[1]?.concat(" ") ?? ""}${said}`;
        values.push({ claim, sentence: s, unit: n.unit, articleId: s.articleId, value: n.value, range: rangeOf(n.value, BOUNDED.exec(before)?.[1] ?? n.hedge ?? null), text, key, counts: n.counts ?? "", scope, source: sayer(bundle, s.span), period: periodAfter(after), publishedYear: yearOf(bundle) });
      }
    }
  }
  return values;
}

const yearOf = (b: ArticleBundle): number | null => (b.article.publishedAt ? Number(b.article.publishedAt.slice(0, 4)) : null);
