/**
 * Ages and times of day of one aligned claim that cannot both hold (claims/point-values.ts): "22-year-old Jesse
 * Dobbs" against "21-year-old Jesse Dobbs"; "about 10:30 p.m." against "just after 11 p.m." for one shooting. Each
 * side keeps who gives it and which outlets carry it (dispute.ts). Only between articles: one article's two times
 * are usually two happenings of its own account.
 */
import type { ArticleBundle } from "../records.js";
import type { AlignedClaim } from "./claims/align-claims.js";
import { type PointValue, pointsDisagree, pointValuesOf } from "./claims/point-values.js";
import { type Sides, recordSide } from "./dispute.js";
import { sideSayer } from "./side-sayer.js";

const clock = (p: PointValue): string => {
  const mid = Math.round((p.lo + p.hi) / 2);
  return `${String(Math.floor(mid / 60)).padStart(2, "0")}:${String(mid % 60).padStart(2, "0")}`;
};

export function markPointConflicts(aligned: readonly AlignedClaim[], byId: ReadonlyMap<string, ArticleBundle>, sides: Sides): void {
  for (const { claim, sentences } of aligned) {
    const points = sentences.flatMap((s) => (s.field ? [] : pointValuesOf(s.text).map((p) => ({ s, p }))));
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const [a, b] = [points[i]!, points[j]!];
        if (a.s.articleId === b.s.articleId || !pointsDisagree(a.p, b.p)) continue;
        // "between 6 a.m. and 2 p.m." in both: a value one wording shares with the other's is the one they compare.
        const agrees = (x: typeof a, y: typeof a) => points.some((z) => z.s === y.s && z !== y && z.p.key === x.p.key && !pointsDisagree(z.p, x.p));
        if (agrees(a, b) || agrees(b, a)) continue;
        const [sa, sb] = [sideSayer(byId.get(a.s.articleId)!, a.s.span), sideSayer(byId.get(b.s.articleId)!, b.s.span)];
        const kind = a.p.kind === "age" ? "number" : "date";
        const meta = a.p.kind === "age" ? { kind: "number" as const, fact: a.p.key, counts: `the age of ${a.p.key.slice(4).replace(/\b\p{L}/gu, (c) => c.toUpperCase())}` } : { kind: "time" as const };
        recordSide(sides, claim, a.s, a.p.text, a.p.kind === "age" ? a.p.lo : clock(a.p), sa, meta);
        recordSide(sides, claim, b.s, b.p.text, b.p.kind === "age" ? b.p.lo : clock(b.p), sb, meta);
        if (claim.conflicts.some((c) => c.value === a.p.text && c.otherValue === b.p.text)) continue;
        claim.conflicts.push({ value: a.p.text, otherValue: b.p.text, articleId: a.s.articleId, otherArticleId: b.s.articleId, source: sa, otherSource: sb, kind });
      }
    }
  }
}
