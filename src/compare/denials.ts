/**
 * Denials inside an aligned claim (conflicts.ts calls this after the values): the denial was joined to the report it
 * denies by claims/denial-join.ts; here each side is recorded with who says it.
 */
import type { ArticleBundle } from "../records.js";
import type { AlignedClaim } from "./claims/align-claims.js";
import type { ClaimSentence } from "./claims/find-claims.js";
import { type Sides, recordSide } from "./dispute.js";
import { sideSayer as sayer } from "./side-sayer.js";

/**
 * An outright denial ("It is untrue that…", "X denied that…") among the wordings of a claim that other sources
 * assert: a dispute about whether it is so, each side with who says it.
 */
export function markDenials(aligned: readonly AlignedClaim[], byId: ReadonlyMap<string, ArticleBundle>, sides: Sides): void {
  for (const { claim, sentences } of aligned) {
    const denying = sentences.filter((s) => s.modality === "denied" && !s.field);
    if (!denying.length) continue;
    const sourceOf = (s: ClaimSentence) => claim.support[sentences.indexOf(s)]?.source?.id ?? s.articleId;
    const asserting = sentences.filter((s) => s.modality !== "denied" && s.modality !== "negated" && !denying.some((d) => sourceOf(d) === sourceOf(s)));
    if (!asserting.length) continue;
    const d = denying[0]!, a = asserting[0]!;
    const [sd, sa] = [sayer(byId.get(d.articleId)!, d.span), sayer(byId.get(a.articleId)!, a.span)];
    for (const s of denying) recordSide(sides, claim, s, "denies it", 0, sayer(byId.get(s.articleId)!, s.span), { kind: "denial" });
    for (const s of asserting) recordSide(sides, claim, s, "says so", 1, sayer(byId.get(s.articleId)!, s.span), { kind: "denial" });
    claim.conflicts.push({ value: "denies it", otherValue: "says so", articleId: d.articleId, otherArticleId: a.articleId, source: sd, otherSource: sa, kind: "denial" });
  }
}

