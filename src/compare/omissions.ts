/**
 * What each outlet covering a story left out (DOMAIN.md): claims two or more independent sources establish
 * (corroborated: not disputed, not one source however many outlets relay it), carried by at least MIN_OUTLETS
 * other outlets, that none of this outlet's articles carry in any wording (the aligned claim's supports).
 */
import type { Article, Claim, Omission } from "../records.js";
import { outletLabel } from "./sources.js";

const MIN_OUTLETS = 2;

export function findOmissions(storyId: string, articles: readonly Article[], claims: readonly Claim[]): Omission[] {
  const byOutlet = new Map<string, string[]>();
  for (const a of articles) byOutlet.set(outletLabel(a), [...(byOutlet.get(outletLabel(a)) ?? []), a.id]);
  const widely = claims.filter((c) => c.status === "corroborated" && c.outlets.length >= MIN_OUTLETS);
  const out: Omission[] = [];
  for (const [outlet, articleIds] of byOutlet) {
    const missing = widely.filter((c) => !c.outlets.includes(outlet)).map((c) => c.id);
    if (missing.length) out.push({ storyId, outlet, articleIds, missingClaimIds: missing });
  }
  return out;
}
