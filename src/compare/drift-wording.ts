/**
 * Two kinds of drift the analyzers' cues do not mark (drift.ts reads the rest):
 * - a tentative claim made firm: "is considering moving its hub" → "plans to move its hub" / "will shift its hub";
 *   "is in advanced talks to sign" → "has signed". The firm wording holds it at no distance of its own (no hedge
 *   word), though it may name where it read it: "…, The Lindell Post reported" still hardened the Post's account.
 * - a precise figure rounded: "7,318,000" → "7 million" (the rounded value is the precise one to fewer digits).
 * Word lists of tentative verbs and hedges, each a plain alternation (linear time).
 */
import type { AnnotationOf, ArticleBundle, Span } from "../records.js";

/**
 * Verbs that hold a plan or a deal as not yet decided. Modal hedges ("may", "reportedly") are drift.ts's, read from
 * the analyzer's hedge cues with the word they hedge; counted here too they flooded the census (201 → 319 entries).
 */
const TENTATIVE =
  /\b(?:considering|considers|weighing|weighs|exploring|explores|mulling|mulls|contemplating|eyeing|studying whether|thinking about|in (?:advanced |early |preliminary |final )?(?:talks|negotiations|discussions) (?:to|with|over|about|on)|in talks)\b/i;
/** The firm wording may not hedge in its own words either. */
const FIRM_BLOCKER = /\b(?:may|might|could|would|possibly|reportedly|allegedly|perhaps|likely|expected to|considering|weighing|exploring|talks|if)\b/i;

/** The tentative word of `from` that `to`, a firm wording of the same claim, dropped; null when none was. */
export function hardenedHedge(from: string, to: string): string | null {
  // The main clause only: "…, a shift that could cost 1,500 jobs" hedges a consequence, not the claim.
  const main = (text: string) => text.split(",")[0] ?? text;
  const tentative = TENTATIVE.exec(main(from));
  if (!tentative || FIRM_BLOCKER.test(main(to))) return null;
  return tentative[0];
}

/** Significant digits of a value as written in figures ("7,318,000" → 4, "7 million" → 1). */
function significant(value: number): number {
  return Math.abs(value).toExponential().split("e")[0]!.replace(".", "").length;
}

/** The smallest precision a figure must have for its rounding to be worth reporting. */
const MIN_PRECISE_DIGITS = 3;

/**
 * Figures of `to` that are a figure of `from` rounded: `from` given to at least MIN_PRECISE_DIGITS significant digits,
 * `to` to fewer, and `to` equal to `from` rounded to `to`'s digits ("7,318,000" → "7 million"). Units must agree
 * where both say (a count of people given bare in one wording is still people).
 */
export function roundedFigures(a: ArticleBundle, aSpan: Span, b: ArticleBundle, bSpan: Span): string[] {
  const numbers = (bundle: ArticleBundle, span: Span) =>
    bundle.annotations.filter((x): x is AnnotationOf<"number"> => x.kind === "number" && x.span[0] >= span[0] && x.span[1] <= span[1] && Number.isFinite(x.value) && x.value >= 1000);
  const out: string[] = [];
  for (const n of numbers(a, aSpan)) {
    const digits = significant(n.value);
    if (digits < MIN_PRECISE_DIGITS) continue;
    for (const m of numbers(b, bSpan)) {
      const fewer = significant(m.value);
      if (fewer >= digits || (n.unit && m.unit && n.unit !== m.unit)) continue;
      if (Number(n.value.toPrecision(fewer)) !== m.value) continue;
      out.push(`${a.article.text.slice(n.span[0], n.span[1])} → ${b.article.text.slice(m.span[0], m.span[1])}`);
    }
  }
  return out;
}
