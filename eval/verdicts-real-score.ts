/**
 * Scoring one real story's blind labels (eval/verdicts-real/*.json) against the report's claims: pure, no files, no
 * pipeline (test/verdicts/real-score.test.ts). The measures are described in eval/verdicts-real.ts.
 */
import { claimsHoldingAll, type ClaimView, holds, type Located, locate, type ReportView } from "./verdicts-anchors.js";

/** [document id, anchor (a substring of its text), the value it gives, whom it cites]. */
export type Statement = [doc: string, anchor: string, value: string, source: string];
export interface Proposition {
  id: string;
  statements: Statement[];
  /** The statements' values cannot all be true. */
  conflict: boolean;
  /** Accepted counts of independent sources; null: not judged. */
  independent: number | number[] | null;
  /** false: a development over time, not one proposition to align (a dispute between them is a false conflict). */
  align?: boolean;
  why: string;
}
export interface RealGold {
  dataset: string;
  story: string;
  docs: string[];
  propositions: Proposition[];
  /** [document id, anchor, why]: boilerplate and opinion. */
  notClaims: [string, string, string][];
}

/** Per measure: [hits, judged]. */
export type Counts = Record<"supportRecall" | "supportPrecision" | "conflictRecall" | "conflictPrecision" | "independentAccuracy" | "boilerplateShare", [number, number]>;
export const newCounts = (): Counts => ({
  supportRecall: [0, 0], supportPrecision: [0, 0], conflictRecall: [0, 0], conflictPrecision: [0, 0], independentAccuracy: [0, 0], boilerplateShare: [0, 0],
});

const add = (row: [number, number], hit: boolean) => {
  row[0] += hit ? 1 : 0;
  row[1] += 1;
};

type LocatedStatement = { s: Statement; at: Located };

/** One story's labels against its report: adds to `counts`, tells `miss` each miss; returns the anchors not found. */
export function scoreRealStory(view: ReportView, gold: Pick<RealGold, "propositions" | "notClaims">, counts: Counts, miss: (what: string) => void): number {
  let lost = 0;
  const at = (doc: string, anchor: string): Located | null => {
    const found = locate(view, [doc, anchor]);
    if (!found) {
      lost++;
      miss(`anchor not in the extracted text of ${doc.slice(0, 8)}: "${anchor}"`);
    }
    return found;
  };
  const props = gold.propositions.map((p) => ({ p, located: p.statements.map((s) => ({ s, at: at(s[0], s[1]) })).filter((x): x is LocatedStatement => x.at !== null) }));
  for (const { p, located } of props) {
    if (p.align !== false) {
      for (const [i, a] of located.entries()) for (const b of located.slice(i + 1)) {
        if (a.s[0] === b.s[0]) continue;
        const hit = claimsHoldingAll(view, [a.at, b.at]).length > 0;
        add(counts.supportRecall, hit);
        if (!hit) miss(`not aligned (${p.id}): "${a.s[1]}" / "${b.s[1]}"`);
      }
    }
    if (p.conflict) {
      const found = view.claims.some((c) => c.status === "disputed" && holdsDifferentValues(c, located));
      add(counts.conflictRecall, found);
      if (!found) miss(`conflict not shown (${p.id}): ${p.why}`);
    }
    if (p.independent !== null && located.length) {
      const claims = claimsHoldingAll(view, located.map((x) => x.at));
      const accepted = ([] as number[]).concat(p.independent);
      const ok = claims.some((c) => c.independent !== null && accepted.includes(c.independent));
      add(counts.independentAccuracy, ok);
      if (!ok) miss(`independent (${p.id}): want ${accepted.join(" or ")}, tool ${claims.map((c) => c.independent).join(", ") || "no claim holds them all"}`);
    }
  }
  scoreClaims(view, props, counts, miss);
  const boiler = gold.notClaims.map(([doc, anchor]) => at(doc, anchor)).filter((x): x is Located => x !== null);
  for (const c of view.claims) {
    const bad = boiler.some((b) => c.support.some((s) => holds(s, b)));
    add(counts.boilerplateShare, bad);
    if (bad) miss(`boilerplate or opinion in a claim: "${c.text.slice(0, 90)}"`);
  }
  return lost;
}

/** A claim holds two of the proposition's statements that give different values. */
function holdsDifferentValues(claim: ClaimView, located: LocatedStatement[]): boolean {
  const held = located.filter((x) => claim.support.some((s) => holds(s, x.at)));
  return new Set(held.map((x) => x.s[2])).size >= 2;
}

/** Support precision and conflict precision, over what the tool's claims hold (unlabelled sentences are not judged). */
function scoreClaims(view: ReportView, props: { p: Proposition; located: LocatedStatement[] }[], counts: Counts, miss: (w: string) => void): void {
  const labelsOf = (s: ClaimView["support"][number]) => props.filter(({ located }) => located.some((x) => holds(s, x.at))).map(({ p }) => p.id);
  for (const claim of view.claims) {
    const labels = claim.support.map(labelsOf);
    for (let i = 0; i < claim.support.length; i++) for (let j = i + 1; j < claim.support.length; j++) {
      if (claim.support[i]!.articleId === claim.support[j]!.articleId || !labels[i]!.length || !labels[j]!.length) continue;
      const same = labels[i]!.some((l) => labels[j]!.includes(l));
      add(counts.supportPrecision, same);
      if (!same) miss(`wrongly aligned: ${labels[i]!.join("/")} with ${labels[j]!.join("/")} in "${claim.text.slice(0, 70)}"`);
    }
    if (claim.status !== "disputed" || !labels.some((l) => l.length)) continue;
    const right = props.some(({ p, located }) => p.conflict && holdsDifferentValues(claim, located));
    add(counts.conflictPrecision, right);
    if (!right) miss(`false conflict over ${[...new Set(labels.flat())].join(", ")}: "${claim.text.slice(0, 90)}"`);
  }
}
