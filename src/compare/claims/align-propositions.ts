/**
 * A claim-level second pass (issue 22): two reports that give one count of one thing with different values ("Flooding
 * killed at least nine people" / "the remnants of Hurricane Ida killed at least eight people") share too few words
 * for the pair model, since values are never evidence of sameness there. Here their groups are joined when a
 * sentence of each, in different articles, states the same quantity (the scope key of statement-model.ts
 * `figureScopeKey`: unit, role or counted noun, rate, novelty, stance; never the value), shares a predicate class
 * or a participant, and is on the same topic (pair-model probability at least PROPOSITION_FLOOR). The values are then
 * compared by the conflicts stage like those of any claim.
 *
 * Only where the quantity is unambiguous: each of the two articles states it in one sentence alone. Measured on
 * 150 labelled pairs of real shooting reports (eval/alignment-values-data.ts), a death toll's role and "shot" sit
 * in several sentences of each report (the shooting, the arrest, the court date), and joining any two that share
 * role and predicate aligned 3 same-proposition pairs for 14 different ones.
 */
import { pairFeatures, type Statement } from "./statement-features.js";
import { probabilityOf } from "./statement-model.js";
import { complementaryShares } from "./quantity.js";

/**
 * Pair-model probability (statement-model.json) two statements of one quantity need to join. Calibration
 * (`node dist-align/eval/main.js --only alignment|verdicts`, `node dist-align/eval/alignment-values.js`): see
 * docs/BENCHMARKS.md "Claim alignment", "one fact, two values".
 */
export const PROPOSITION_FLOOR = 0.2;
/** The same for one specific figure given by both (its value is shared, `sharedNumbers`): calibrated alike. */
export const SAME_VALUE_FLOOR = 0.1;

/**
 * `groups`: indexes into `statements`; `articleOf`: each statement's article; `isBody`: headlines have no figures of
 * their own. `score(i, j)`: the model's probability where the grouping scored the pair (else undefined).
 */
export function joinSameQuantity(
  groups: readonly number[][],
  statements: readonly Statement[],
  articleOf: readonly string[],
  score: (i: number, j: number) => number | undefined,
): number[][] {
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const parent = groups.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const members = new Map(groups.map((g, k) => [k, [...g]] as const));
  // key → article → the statements stating it there
  const holders = new Map<string, Map<string, number[]>>();
  statements.forEach((s, i) => {
    for (const key of s.scopes) {
      const byArticle = holders.get(key) ?? holders.set(key, new Map()).get(key)!;
      byArticle.get(articleOf[i]!)?.push(i) ?? byArticle.set(articleOf[i]!, [i]);
    }
  });
  for (const key of [...holders.keys()].sort()) {
    const alone = [...holders.get(key)!.values()].filter((list) => list.length === 1).map((list) => list[0]!);
    for (let x = 0; x < alone.length; x++) {
      for (let y = x + 1; y < alone.length; y++) {
        const [i, j] = [Math.min(alone[x]!, alone[y]!), Math.max(alone[x]!, alone[y]!)];
        const [gi, gj] = [groupOf.get(i), groupOf.get(j)];
        if (gi === undefined || gj === undefined || find(gi) === find(gj)) continue;
        // One specific figure of one thing is itself the shared participant; a value-free count needs one.
        const sameValue = key.startsWith("=");
        if (!sameValue && !shareParticipantOrPredicate(statements[i]!, statements[j]!)) continue;
        if ((score(i, j) ?? probabilityOf(pairFeatures(statements[i]!, statements[j]!))) < (sameValue ? SAME_VALUE_FLOOR : PROPOSITION_FLOOR)) continue;
        const union = [...members.get(find(gi))!, ...members.get(find(gj))!];
        if (!allStateIt(union, key, statements) || twoSidesOfOneSplit(union, statements)) continue;
        members.set(find(gi), union);
        parent[find(gj)] = find(gi);
      }
    }
  }
  const merged = new Map<number, number[]>();
  groups.forEach((g, k) => merged.set(find(k), [...(merged.get(find(k)) ?? []), ...g]));
  return [...merged.values()];
}

/**
 * Every statement of the joined groups that gives a figure of the key's unit gives this one: a linkage group that
 * already holds another figure of that unit ("prices rose 0.9 percent in June" beside "5.4 percent over the year")
 * is about something else as well, and a join would mix the two quantities into one claim.
 */
function allStateIt(union: readonly number[], key: string, statements: readonly Statement[]): boolean {
  const sameValue = key.startsWith("=");
  const unit = (sameValue ? key.slice(1) : key).split("|")[0]!;
  const prefix = sameValue ? `=${unit}|` : `${unit}|`;
  return union.every((i) => {
    const keys = [...statements[i]!.scopes].filter((k) => k.startsWith(prefix));
    return keys.length === 0 || keys.includes(key);
  });
}

/**
 * "54 percent voting yes" joined to a claim holding "46 percent voted against": the two sides of one split, which both
 * hold, would read as a dispute over one share (quantity.ts complementaryShares).
 */
function twoSidesOfOneSplit(union: readonly number[], statements: readonly Statement[]): boolean {
  const all = union.flatMap((i) => statements[i]!.proposition.quantities.filter((q) => q.kind === "%").map((q) => q.value));
  return all.some((u) => all.some((v) => u !== v && complementaryShares(u, v)));
}

function shareParticipantOrPredicate(a: Statement, b: Statement): boolean {
  for (const e of a.entities) if (b.entities.has(e)) return true;
  for (const p of a.proposition.predicates) if (b.proposition.predicates.has(p)) return true;
  return false;
}
