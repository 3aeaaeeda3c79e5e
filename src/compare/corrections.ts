/**
 * A value one outlet gives and later gives differently while saying it corrects itself ("Correction: An earlier
 * version of this article misstated…"): recorded on the claim as a correction, not a dispute (DOMAIN.md).
 */
import type { ArticleBundle, Claim } from "../records.js";
import type { ClaimSentence } from "./claims/find-claims.js";

/** A sentence that says it corrects an earlier figure ("corrected", "an earlier version of this story said"). */
const CORRECTION = /\b(?:correct(?:ed|s|ion)|earlier version|previously reported|misstated|misreported|revised (?:up|down))\b/i;

/** An article's correction notice ("Correction: An earlier version of this article misstated…"). */
const CORRECTION_NOTICE = /\b(?:correction:|an earlier version of this (?:article|story|report)|this (?:article|story|report) has been corrected)/i;

export interface Wording {
  claim: Claim;
  sentence: ClaimSentence;
  articleId: string;
  text: string;
}

/**
 * Of two values one outlet gives, the one it withdrew by correcting it (the other is in a sentence that says it
 * corrects, or in a later article of the outlet carrying a correction notice); null when neither corrects the other.
 */
export function withdrawnOf(a: Wording, b: Wording, byId: ReadonlyMap<string, ArticleBundle>): Wording | null {
  const outlet = (v: Wording) => byId.get(v.articleId)!.article.outlet ?? v.articleId;
  if (outlet(a) !== outlet(b)) return null;
  const corrects = (v: Wording) => CORRECTION.test(v.sentence.text) || (a.articleId !== b.articleId && CORRECTION_NOTICE.test(byId.get(v.articleId)!.article.text));
  return corrects(b) ? a : corrects(a) ? b : null;
}

/**
 * One outlet giving two values, one of them in a sentence that says it corrects: recorded on the claim as a
 * correction (the later or correcting wording second), not a dispute.
 */
export function isCorrection(a: Wording, b: Wording, byId: ReadonlyMap<string, ArticleBundle>): boolean {
  const wrong = withdrawnOf(a, b, byId);
  if (!wrong) return false;
  const right = wrong === a ? b : a;
  const claim = a.claim;
  const index = (v: Wording) => claim.support.findIndex((s) => s.articleId === v.articleId && s.start === v.sentence.span[0] && s.field === v.sentence.field);
  claim.corrections ??= [];
  if (!claim.corrections.some((c) => c.value === wrong.text && c.correctedValue === right.text)) {
    claim.corrections.push({ outlet: byId.get(a.articleId)!.article.outlet ?? a.articleId, value: wrong.text, correctedValue: right.text, support: [index(wrong), index(right)] });
  }
  return true;
}
