/**
 * Which of a story's statement pairs are scored, and their features with the story-local signal. A pair is scored
 * when it shares enough rare words and senses (LEXICAL_FLOOR, similarity.ts's word index) or, across articles, an
 * anchor of its proposition: the same specific figure of one kind ("$1.5 million", "5.4%"), or one predicate with
 * one participant ("killed" / "died" with "Ida"). Both found through indexes, never by testing all n² pairs with
 * word vectors. Then each statement's best match in each other article (by the soft word score) is marked: two
 * statements that are each other's best match in the other report (mutual best) are likely one proposition told
 * twice.
 */
import { FEATURE_NAMES, type FeatureOptions, NearWords, pairFeatures, type Statement } from "./statement-features.js";
import { similarPairs } from "./similarity.js";

/**
 * Pairs below this lexical similarity are not scored unless they share an anchor. Calibration: of the ~6,800 pairs
 * of MSRP train, STS headlines and the hand-checked claim pairs, none that the model puts at or above the group
 * threshold (0.34) has a lexical similarity under 0.188 (0.118 at 0.30); scoring every pair that shares any rare
 * word or entity cost a 50-article story (878 sentences) 26× the time (bench/compare-story.ts). 0.12 scored the
 * same on the hand-checked pairs at the shipped threshold, for more pairs.
 */
const LEXICAL_FLOOR = 0.15;
/** A figure this specific (significant digits + known kind) is an anchor: "$1.5 million" 3, "nine people" 2, "2,000" 1. */
const ANCHOR_SPECIFICITY = 2;
/**
 * An anchor held by more statements than this names the story, not one fact ("Biden" with "say"): it makes no
 * candidates, and bounds the pairs an anchor adds (at most its square, per anchor).
 */
const MAX_ANCHOR_STATEMENTS = 40;

const SOFT = FEATURE_NAMES.indexOf("soft");
const MUTUAL_BEST = FEATURE_NAMES.indexOf("mutualBest");

/** Keys of a statement's anchors: its specific figures (kind and value to two significant digits) and predicate × participant. */
function anchorsOf(s: Statement, predicates: boolean): string[] {
  const out = new Set<string>();
  for (const q of s.proposition.quantities) {
    if (q.specificity < ANCHOR_SPECIFICITY || !q.kind) continue;
    out.add(`v:${q.kind}:${Number(q.value.toPrecision(2))}`);
  }
  if (predicates) for (const p of s.proposition.predicates) for (const e of s.entities) out.add(`p:${p}:${e}`);
  return [...out];
}

/**
 * Candidate pairs (key i·n + j, i < j) with their features, mutual best set. `articleOf`: each statement's article
 * id (anchors and mutual best are looked for across articles). `options.predicates: false` (the model gives them no
 * weight): predicates neither make candidates nor are read.
 */
export function storyPairFeatures(statements: readonly Statement[], articleOf: readonly string[], options: FeatureOptions = {}): Map<number, number[]> {
  const predicates = options.predicates ?? true;
  const n = statements.length;
  const keys = new Set<number>();
  similarPairs(statements.map((s) => s.terms), LEXICAL_FLOOR).forEach((js, i) => {
    for (const j of js) keys.add(i * n + j);
  });
  const index = new Map<string, number[]>();
  statements.forEach((s, i) => {
    for (const key of anchorsOf(s, predicates)) index.get(key)?.push(i) ?? index.set(key, [i]);
  });
  for (const holders of index.values()) {
    if (holders.length < 2 || holders.length > MAX_ANCHOR_STATEMENTS) continue;
    for (let a = 0; a < holders.length; a++) {
      for (let b = a + 1; b < holders.length; b++) {
        const [i, j] = [holders[a]!, holders[b]!];
        if (articleOf[i] !== articleOf[j]) keys.add(i * n + j);
      }
    }
  }
  const near = new NearWords(statements);
  const features = new Map<number, number[]>();
  for (const key of [...keys].sort((x, y) => x - y)) {
    features.set(key, pairFeatures(statements[Math.floor(key / n)]!, statements[key % n]!, near, { mutualBest: false }, options));
  }
  for (const key of mutualBest(features, n, articleOf)) features.get(key)![MUTUAL_BEST] = 1;
  return features;
}

/** Keys of the cross-article pairs whose statements are each other's best match (soft score) in the other's article. */
function mutualBest(features: ReadonlyMap<number, number[]>, n: number, articleOf: readonly string[]): number[] {
  // best.get(`${i}|${article}`) = [score, j]; ties (equal soft scores, rare) go to the earlier statement.
  const best = new Map<string, [number, number]>();
  const offer = (i: number, j: number, score: number) => {
    const slot = `${i}|${articleOf[j]}`;
    const held = best.get(slot);
    if (!held || score > held[0] || (score === held[0] && j < held[1])) best.set(slot, [score, j]);
  };
  for (const [key, x] of features) {
    const [i, j] = [Math.floor(key / n), key % n];
    if (articleOf[i] === articleOf[j]) continue;
    offer(i, j, x[SOFT]!);
    offer(j, i, x[SOFT]!);
  }
  const out: number[] = [];
  for (const [key, x] of features) {
    const [i, j] = [Math.floor(key / n), key % n];
    if (articleOf[i] === articleOf[j] || x[SOFT]! <= 0) continue;
    if (best.get(`${i}|${articleOf[j]}`)?.[1] === j && best.get(`${j}|${articleOf[i]}`)?.[1] === i) out.push(key);
  }
  return out;
}
