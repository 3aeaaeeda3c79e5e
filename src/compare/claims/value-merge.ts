/**
 * Two outlets' wordings of one fact often share little but the fact's figure ("The team's owners have agreed to
 * pay $65 million toward construction" / "The Harlow Foxes' owners will contribute $65 million"; "About 2.3 million
 * people receive the state pension" / "the 2.3 million people who rely on it"). The same figure of the same thing
 * is the evidence alignment lacks: groups are joined when a sentence of each, in different articles, gives the same
 * number in the same unit, counting the same thing as far as the analyzer says, and they are on one topic
 * (similarity at least SAME_VALUE_MIN_SIMILARITY). A figure that counts something else ("a $4 million overrun" / "a
 * $4 million grant") is kept apart by what it counts, and by the topic floor when neither says; a rate or a role
 * both give ("$1.5 million a year", "killed") says what a figure is as well as a noun does.
 */
import type { AnnotationOf, ArticleBundle } from "../../records.js";
import type { ClaimSentence } from "./find-claims.js";
import { disputedKeys, factKey } from "./dispute-merge.js";
import { quantityScope } from "./quantity.js";
import { claimSimilarity, type ClaimTerms, stemWord } from "./similarity.js";

/**
 * Calibration (eval/verdicts `aligned` against `separate` checks; real stories' support precision): wordings of
 * one figure that alignment missed score 0.10–0.30; two figures that count different things and happen to be
 * equal scored 0.23 and 0.27, with what they count named on at least one side. The floor is for when the
 * counted thing is known on both sides and agrees; UNSAID_MIN_SIMILARITY when one side or both leave it unsaid.
 */
const SAME_VALUE_MIN_SIMILARITY = 0.1;
const UNSAID_MIN_SIMILARITY = 0.3;
/** A bare figure this small ("two", "three") or a year is too common to say two sentences are one fact. */
const MIN_BARE_VALUE = 10;

interface Figure {
  sentence: number;
  articleId: string;
  key: string;
  /** What it counts with its role, rate and novelty (quantity.ts), to tell it from a dispute's fact. */
  scope: string;
  counts: string[] | null;
  /** Its rate or role, when the sentence gives one ("$1.5 million a year", "killed"): "" else. */
  said: string;
}

export function mergeSameValues(
  sentences: readonly ClaimSentence[],
  groups: number[][],
  bundles: readonly ArticleBundle[],
  termsOf: (i: number) => ClaimTerms,
): number[][] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const parent = groups.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  // A group that disputes one fact joins others only through that fact's figures (dispute-merge.ts, disputedKeys).
  const disputed = new Map<number, Set<string>>();
  const disputedOf = (g: number) => disputed.get(g) ?? disputed.set(g, disputedKeys(sentences, groups[g]!, byId)).get(g)!;
  const offTopic = (f: Figure, g: number) => disputedOf(g).size > 0 && !disputedOf(g).has(f.scope);
  const byKey = new Map<string, Figure[]>();
  sentences.forEach((s, i) => {
    for (const f of figuresOf(s, i, byId.get(s.articleId))) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  });
  // Keys in a fixed order, so that input order does not decide which groups join first.
  for (const key of [...byKey.keys()].sort()) {
    const list = byKey.get(key)!;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [list[x]!, list[y]!];
        const [ga, gb] = [groupOf.get(a.sentence), groupOf.get(b.sentence)];
        if (a.articleId === b.articleId || ga === undefined || gb === undefined || find(ga) === find(gb)) continue;
        if (offTopic(a, ga) || offTopic(b, gb)) continue;
        const said = a.counts !== null && b.counts !== null;
        if (said && !a.counts!.some((w) => b.counts!.includes(w))) continue;
        // A rate or a role both give ("$1.5 million a year" twice) says what the figure is when no noun does.
        const floor = said || (a.said && a.said === b.said) ? SAME_VALUE_MIN_SIMILARITY : UNSAID_MIN_SIMILARITY;
        if (claimSimilarity(termsOf(a.sentence), termsOf(b.sentence)) < floor) continue;
        parent[find(gb)] = find(ga);
      }
    }
  }
  const merged = new Map<number, number[]>();
  groups.forEach((g, k) => merged.set(find(k), [...(merged.get(find(k)) ?? []), ...g]));
  return [...merged.values()];
}

function figuresOf(s: ClaimSentence, i: number, bundle: ArticleBundle | undefined): Figure[] {
  if (!bundle || s.field) return [];
  const numbers = bundle.annotations.filter((a): a is AnnotationOf<"number"> => a.kind === "number" && a.span[0] >= s.span[0] && a.span[1] <= s.span[1]);
  return numbers.flatMap((n) => {
    const said = bundle.article.text.slice(n.span[0], n.span[1]);
    if (!Number.isFinite(n.value)) return [];
    // A count of the dead, the hurt or the arrested says what it counts by its role (quantity.ts), so "six people
    // died" and "killed at least six people" are one figure even spelled out; other spelled counts are too common.
    const scope = quantityScope(bundle.article.text, s.span, n);
    const role = scope.role;
    if (!/\d/.test(said) && !(role && n.value >= 2)) return [];
    if (!n.unit && (n.value < MIN_BARE_VALUE || (Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100))) return [];
    const counts = n.counts ? n.counts.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2).map(stemWord) : null;
    return [{ sentence: i, articleId: s.articleId, key: `${n.unit ?? ""}|${n.value}|${role}`, scope: factKey(s.text, n, scope), counts: counts?.length ? counts : null, said: isAge(said, bundle.article.text.slice(n.span[1], n.span[1] + 12)) ? "" : [scope.rate, role].filter(Boolean).join("|") }];
  });
}

/** "a 17-year-old boy died", "17 year old Kyle Markins … was killed": an age, whose sentence's role is not its own. */
const isAge = (said: string, after: string): boolean => /-year-old$/i.test(said) || /^[\s-]*(?:years?|yrs?)[\s-]+old\b/i.test(after);
