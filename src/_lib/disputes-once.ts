/**
 * The "each dispute once" rule, in one place for every stage that tells disputes: two claims that record one
 * disagreement from either side (the council's 52% and the opposition's 67%) are one dispute. The brief
 * (compare/brief.ts), the bottom line and every renderer (report/) read it from here, so none counts a dispute twice
 * that another shows once.
 */
import type { Claim, Dispute } from "../records.js";

/** What makes two claims' disputes the same one: what they are about and the values on each side, in any order. */
export const disputeKey = (dispute: Pick<Dispute, "about" | "sides">): string =>
  `${dispute.about}|${dispute.sides.map((s) => s.value).sort().join("|")}`;

/**
 * Disputes once each, in the claims' order, with the first claim that records each. `disputeOf`: where a claim's
 * dispute is read from (report/render/view.ts also reads comparisons stored before schema 2.0).
 */
export function distinctDisputes(
  claims: readonly Claim[],
  disputeOf: (claim: Claim) => Dispute | null | undefined = (claim) => claim.dispute,
): { claim: Claim; dispute: Dispute }[] {
  const seen = new Set<string>();
  const out: { claim: Claim; dispute: Dispute }[] = [];
  for (const claim of claims) {
    const dispute = disputeOf(claim);
    if (!dispute) continue;
    const key = disputeKey(dispute);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ claim, dispute });
  }
  return out;
}
