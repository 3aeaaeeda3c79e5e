/**
 * Conflicts: one thing given differently by two sources (DOMAIN.md: a conflict is between sources, and one outlet
 * may carry both; each side keeps who says it).
 * - Numbers: two wordings of one aligned claim that count the same thing with values too far apart to be
 *   rounding ("7 dead" / "12 dead"). Across claims only shares of one whole given by two named, different
 *   sources ("52% of the votes", said the electoral council; "67% of the vote", the opposition insists): other
 *   counts of one noun in different sentences are usually different things (500 million doses in all, 200 million
 *   of them this year; a forecast of 1 million jobs against the 266,000 added), which is how the AllSides stories
 *   read when every pair was compared (109 conflicts, nearly all of them false).
 * - The figures compared, with what each counts and the values it allows, are read in counted-values.ts.
 * - Dates: see date-conflicts.ts; ages and times of day: point-conflicts.ts. Denials: see markDenials.
 *   Corrections: corrections.ts.
 * A value one outlet later gives differently while saying it corrects itself is a correction, not a dispute. Each
 * disputed claim gets its sides (dispute.ts): the value each gives, with its sources and outlets.
 */
import type { ArticleBundle } from "../records.js";
import type { AlignedClaim } from "./claims/align-claims.js";
import type { ClaimSentence } from "./claims/find-claims.js";
import { isCorrection, withdrawnOf } from "./corrections.js";
import { markDateConflicts } from "./date-conflicts.js";
import { markPointConflicts } from "./point-conflicts.js";
import { type Sides, disputeOf, recordSide } from "./dispute.js";
import { markDenials } from "./denials.js";
import { differentPeriods, otherOccasion } from "./figure-scope.js";
import { complementaryShares, sameScope } from "./claims/quantity.js";
import { type CountedValue, countedValuesOf } from "./counted-values.js";
import { sameSayer } from "./sayer.js";

/** Relative difference under which two values are the same number, rounded ("7.3 million" vs "7 million"). */
const SAME_VALUE_TOLERANCE = 0.05;

/**
 * Two values of one claim count the same quantity: the same unit and the same thing counted, or (a sum of money, a
 * share) the same unit where one side does not say what it counts ("$20 million" against "a $12 million gap").
 * Across claims only the exact key, and (above) only shares given by two named sources.
 */
function sameQuantity(a: CountedValue, b: CountedValue): boolean {
  if (a.unit !== b.unit) return false;
  // "364 yards", "20 points", "150 metres": a game's or a quake's many measures; one is comparable only by its noun.
  if (a.unit && !LOOSE_UNITS.has(a.unit) && (!a.scope.noun || !b.scope.noun)) return false;
  if (a.key === b.key) return true;
  return a.claim === b.claim && sameScope(a.scope, b.scope, true);
}

/** Units that say what a figure is by themselves: money, shares, people. */
const LOOSE_UNITS = new Set(["USD", "EUR", "GBP", "%", "people"]);

/** The two ranges overlap, allowing for rounding (SAME_VALUE_TOLERANCE). */
function rangesMeet([lo1, hi1]: [number, number], [lo2, hi2]: [number, number]): boolean {
  const slack = (x: number) => Math.abs(x) * SAME_VALUE_TOLERANCE;
  return lo1 <= hi2 + slack(hi2) && lo2 <= hi1 + slack(hi1);
}

export function markConflicts(aligned: readonly AlignedClaim[], bundles: readonly ArticleBundle[]): void {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const sides: Sides = new Map();
  const values = countedValuesOf(aligned, byId);
  const withdrawn = withdrawnValues(values, byId);
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const [a, b] = [values[i]!, values[j]!];
      // A figure its own outlet corrected is withdrawn: other outlets giving the corrected one do not dispute it.
      if (withdrawn.has(a) || withdrawn.has(b)) continue;
      // One speaker's two figures in one article are two things; across articles they are what the outlets dispute.
      if (!sameQuantity(a, b) || a.sentence === b.sentence || (a.articleId === b.articleId && sameSayer(a.source, b.source))) continue;
      const named = !!a.source && !!b.source; // both sides' sources known, and (above) not the same one
      if (a.articleId === b.articleId && !named) continue; // one outlet's two figures: a dispute only when it says whose
      // One claim: its wordings were aligned as one proposition (group-statements.ts), whatever their values.
      if (a.claim !== b.claim && !(a.unit === "%" && named && VOTE.test(a.sentence.text) && VOTE.test(b.sentence.text))) continue;
      if (rangesMeet(a.range, b.range) || differentPeriods(a.period, b.period) || agreesOnAnother(a, b, values) || differentScope(a, b, values)) continue;
      // "won with 61 percent" against "received 44 percent": shares of two candidates, which can both hold.
      if (a.unit === "%" && WON.test(a.sentence.text) !== WON.test(b.sentence.text)) continue;
      if (a.unit === "%" && complementaryShares(a.value, b.value)) continue; // 54% for, 46% against: one split
      if (a.claim === b.claim && isCorrection(a, b, byId)) continue;
      recordSide(sides, a.claim, a.sentence, a.text, a.value, a.source, { kind: "number", counts: a.counts, fact: a.key });
      recordSide(sides, a.claim, b.claim === a.claim ? b.sentence : null, b.text, b.value, b.source, { kind: "number", counts: a.counts, claim: b.claim, sentence: b.sentence, fact: a.key });
      if (b.claim !== a.claim) {
        recordSide(sides, b.claim, b.sentence, b.text, b.value, b.source, { kind: "number", counts: b.counts, fact: b.key });
        recordSide(sides, b.claim, null, a.text, a.value, a.source, { kind: "number", counts: b.counts, claim: a.claim, sentence: a.sentence, fact: b.key });
      }
      if (a.claim.conflicts.some((c) => c.value === a.text && c.otherValue === b.text && c.source === a.source && c.otherSource === b.source)) continue;
      a.claim.conflicts.push({ value: a.text, otherValue: b.text, articleId: a.articleId, otherArticleId: b.articleId, source: a.source, otherSource: b.source, kind: "number" });
      if (b.claim !== a.claim) {
        b.claim.conflicts.push({ value: b.text, otherValue: a.text, articleId: b.articleId, otherArticleId: a.articleId, source: b.source, otherSource: a.source, kind: "number" });
      }
    }
  }
  markDateConflicts(aligned, byId, sides);
  markPointConflicts(aligned, byId, sides);
  markDenials(aligned, byId, sides);
  for (const { claim, sentences } of aligned) {
    if (!claim.conflicts.length) continue;
    claim.status = "disputed";
    claim.dispute = disputeOf(claim, sentences, sides.get(claim));
  }
}

/** Values of a claim that their own outlet corrected (the correction is recorded on the claim: isCorrection). */
function withdrawnValues(values: readonly CountedValue[], byId: ReadonlyMap<string, ArticleBundle>): Set<CountedValue> {
  const out = new Set<CountedValue>();
  for (const a of values) {
    for (const b of values) {
      if (a === b || a.claim !== b.claim || !sameQuantity(a, b) || rangesMeet(a.range, b.range)) continue;
      const wrong = withdrawnOf(a, b, byId);
      if (wrong && isCorrection(a, b, byId)) out.add(wrong === a ? a : b);
    }
  }
  return out;
}


const sameValue = (x: number, y: number): boolean => Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-9) <= SAME_VALUE_TOLERANCE;

/**
 * One wording gives two figures of the quantity and the other wording's figure is one of them ("spend $6 trillion
 * in 2022 and $8.2 trillion by 2031" / "spend $6 trillion"; "0.9% in June, faster than the 0.6% in May" / "rose 0.9
 * percent"): the two agree, and the second figure is another quantity.
 */
function agreesOnAnother(a: CountedValue, b: CountedValue, values: readonly CountedValue[]): boolean {
  const matches = (x: CountedValue, y: CountedValue) => values.some((v) => v.sentence === y.sentence && v !== y && sameQuantity(v, x) && rangesMeet(v.range, x.range));
  return matches(a, b) || matches(b, a);
}

/** Shares of one count across claims are a dispute only about a vote (a price index's 4.2% and its core's 3% are two). */
const VOTE = /\b(?:votes?|voted|voters|ballots?|won|wins|winner|turnout|elect(?:ed|ion|oral)?|polls?|referendum|precincts?)\b/i;
const WON = /\b(?:won|wins|winner|winning|victory|re-elected|reelected)\b/i;

/**
 * Two sentences that count a different scope of things: one a running total and the other not ("a total of 31
 * magazines" against "12 magazines were seized in the operation"), or two that count several of the same things
 * and agree on none of them (14 rifles, 31 magazines, 923 rounds against six, 12 and 300: another operation).
 * One figure that differs while the others agree is the dispute worth showing.
 */
function differentScope(a: CountedValue, b: CountedValue, values: readonly CountedValue[]): boolean {
  if (otherOccasion(a.sentence.text, b.sentence.text, [a.publishedYear, b.publishedYear])) return true;
  const of = (s: ClaimSentence) => values.filter((v) => v.sentence === s);
  const [inA, inB] = [of(a.sentence), of(b.sentence)];
  const shared = inA.filter((x) => inB.some((y) => y.key === x.key));
  return shared.length >= 2 && !shared.some((x) => inB.some((y) => y.key === x.key && sameValue(x.value, y.value)));
}
