import { expect, test } from "vitest";
import { agglomerate, agglomerateByLinkage, agglomerateInSteps, type Linkage } from "./agglomerate.js";
import { type SparseVector, sparseDot, sparseVector } from "./sparse-dot.js";
import { dotLinkage, meanOfSums } from "./sum-linkage.js";

/** The naive loop: merge the closest pair of clusters (mean pairwise similarity) while it reaches the threshold. */
function naive(n: number, sim: (i: number, j: number) => number, threshold: number): number[][] {
  let clusters = Array.from({ length: n }, (_, i) => [i]);
  for (;;) {
    let best = -Infinity;
    let pair: [number, number] | null = null;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        let total = 0;
        for (const i of clusters[a]!) for (const j of clusters[b]!) total += sim(i, j);
        const s = total / (clusters[a]!.length * clusters[b]!.length);
        if (s > best) [best, pair] = [s, [a, b]];
      }
    }
    if (!pair || best < threshold) break;
    const [a, b] = pair;
    clusters = [...clusters.filter((_, k) => k !== a && k !== b), [...clusters[a]!, ...clusters[b]!]];
  }
  return clusters.map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

test("the nearest-neighbour chain finds the same clusters as the naive loop", () => {
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let round = 0; round < 20; round++) {
    const n = 5 + Math.floor(random() * 30);
    const points = Array.from({ length: n }, () => [random(), random()] as const);
    const sim = (i: number, j: number) => Math.max(0, 1 - Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]) * 2);
    for (const threshold of [0.3, 0.6, 0.85]) expect(agglomerate(n, sim, threshold)).toEqual(naive(n, sim, threshold));
  }
});

test("nothing above the threshold: every item alone", () => {
  expect(agglomerate(3, () => 0.1, 0.5)).toEqual([[0], [1], [2]]);
});

test("given the pairs above the threshold, the same groups as testing every pair", () => {
  let seed = 3;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let round = 0; round < 20; round++) {
    const n = 5 + Math.floor(random() * 60);
    const points = Array.from({ length: n }, () => [random(), random()] as const);
    const sim = (i: number, j: number) => Math.max(0, 1 - Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]) * 2);
    for (const threshold of [0.3, 0.6, 0.85]) {
      const pairs = Array.from({ length: n }, (_, i) => Array.from({ length: n - i - 1 }, (_, k) => i + 1 + k).filter((j) => sim(i, j) >= threshold));
      expect(agglomerate(n, sim, threshold, pairs)).toEqual(agglomerate(n, sim, threshold));
    }
  }
});

/** For each i, the j > i with sim(i, j) >= threshold, as the exact pair search gives them. */
const pairsAbove = (n: number, sim: (i: number, j: number) => number, threshold: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n - i - 1 }, (_, k) => i + 1 + k).filter((j) => sim(i, j) >= threshold));

/** The plainest linkage: a cluster is its item list, the mean is over every pair's similarity. */
const listLinkage = (sim: (i: number, j: number) => number): Linkage<number[]> => ({
  single: (i) => [i],
  join: (a, b) => [...a, ...b],
  mean: (a, b) => a.reduce((sum, i) => sum + b.reduce((s, j) => s + sim(i, j), 0), 0) / (a.length * b.length),
});

function randomOf(seed: number): () => number {
  return () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
}

/** Sparse non-negative unit vectors over a small vocabulary (so many pairs overlap), and days: some close, some none. */
function randomArticles(random: () => number, n: number): { vectors: SparseVector[]; days: (number | null)[] } {
  const vectors = Array.from({ length: n }, () => {
    const v = new Map<number, number>();
    for (let k = 0; k < 2 + Math.floor(random() * 6); k++) v.set(Math.floor(random() * 12), random());
    const norm = Math.hypot(...v.values());
    return sparseVector(v, norm);
  });
  const days = vectors.map(() => (random() < 0.25 ? null : Math.floor(random() * 40)));
  return { vectors, days };
}

/** Terms as small ids: "a" → 0, "b" → 1. */
const vectorOf = (weights: Record<string, number>): SparseVector => sparseVector(new Map(Object.entries(weights).map(([t, x]) => [t.charCodeAt(0) - 97, x])));

const dotOf = sparseDot;

test("the linkage heap finds the same clusters as the dense chain and the naive loop", () => {
  const random = randomOf(11);
  for (let round = 0; round < 20; round++) {
    const n = 5 + Math.floor(random() * 40);
    const points = Array.from({ length: n }, () => [random(), random()] as const);
    const sim = (i: number, j: number) => Math.max(0, 1 - Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]) * 2);
    for (const threshold of [0.3, 0.6, 0.85]) {
      const groups = agglomerateByLinkage(n, pairsAbove(n, sim, threshold), threshold, listLinkage(sim));
      expect(groups).toEqual(agglomerate(n, sim, threshold));
      expect(groups).toEqual(naive(n, sim, threshold));
    }
  }
});

test("sum vectors with a date gate: the same clusters as the dense chain over the pair similarity", () => {
  const random = randomOf(5);
  for (let round = 0; round < 40; round++) {
    const n = 5 + Math.floor(random() * 60);
    const { vectors, days } = randomArticles(random, n);
    const window = { keys: days, maxGap: 14 };
    const gated = (i: number, j: number) => days[i] != null && days[j] != null && Math.abs(days[i]! - days[j]!) > 14;
    const sim = (i: number, j: number) => (gated(i, j) ? 0 : dotOf(vectors[i]!, vectors[j]!));
    for (const threshold of [0.1, 0.2, 0.4, 0.7]) {
      const groups = agglomerateByLinkage(n, pairsAbove(n, sim, threshold), threshold, dotLinkage(vectors, window));
      expect(groups).toEqual(agglomerate(n, sim, threshold));
      if (n <= 30) expect(groups).toEqual(naive(n, sim, threshold));
    }
  }
});

test("sum vectors with a graded date weight: the same clusters as the dense chain over the weighted similarity", () => {
  const random = randomOf(17);
  const weight = (gap: number) => Math.max(0, 1 - gap / 14);
  for (let round = 0; round < 40; round++) {
    const n = 5 + Math.floor(random() * 60);
    const { vectors, days } = randomArticles(random, n);
    const window = { keys: days, maxGap: 14, weight };
    const sim = (i: number, j: number) => (days[i] != null && days[j] != null ? weight(Math.abs(days[i]! - days[j]!)) : 1) * dotOf(vectors[i]!, vectors[j]!);
    for (const threshold of [0.1, 0.2, 0.4, 0.7]) {
      const groups = agglomerateByLinkage(n, pairsAbove(n, sim, threshold), threshold, dotLinkage(vectors, window));
      expect(groups).toEqual(agglomerate(n, sim, threshold));
      if (n <= 30) expect(groups).toEqual(naive(n, sim, threshold));
    }
  }
});

test("sum vectors without a window: the same clusters as the dense chain", () => {
  const random = randomOf(9);
  for (let round = 0; round < 20; round++) {
    const n = 5 + Math.floor(random() * 60);
    const { vectors } = randomArticles(random, n);
    const sim = (i: number, j: number) => dotOf(vectors[i]!, vectors[j]!);
    for (const threshold of [0.1, 0.3, 0.6]) {
      expect(agglomerateByLinkage(n, pairsAbove(n, sim, threshold), threshold, dotLinkage(vectors))).toEqual(agglomerate(n, sim, threshold));
    }
  }
});

test("sum linkage leaves the item vectors as they were", () => {
  const vectors = [vectorOf({ a: 1 }), vectorOf({ a: 0.6, b: 0.8 }), vectorOf({ a: 0.8, b: 0.6 })];
  const before = JSON.stringify(vectors.map((v) => [[...v.terms], [...v.weights]]));
  const sim = (i: number, j: number) => dotOf(vectors[i]!, vectors[j]!);
  expect(agglomerateByLinkage(3, pairsAbove(3, sim, 0.5), 0.5, dotLinkage(vectors))).toEqual([[0, 1, 2]]);
  expect(JSON.stringify(vectors.map((v) => [[...v.terms], [...v.weights]]))).toBe(before);
});

const edgeCases: [name: string, n: number, sim: () => number, expected: number[][]][] = [
  ["no items", 0, () => 1, []],
  ["one item", 1, () => 1, [[0]]],
  ["no pair reaches the threshold", 4, () => 0.1, [[0], [1], [2], [3]]],
  ["all identical", 6, () => 1, [[0, 1, 2, 3, 4, 5]]],
  ["all exactly at the threshold", 5, () => 0.5, [[0, 1, 2, 3, 4]]],
];

test.each(edgeCases)("linkage heap edge case: %s", (_, n, sim, expected) => {
  const groups = agglomerateByLinkage(n, pairsAbove(n, sim, 0.5), 0.5, listLinkage(sim));
  expect(groups).toEqual(expected);
  expect(groups).toEqual(agglomerate(n, sim, 0.5));
});

test("items far apart in time never join, however alike; undated items join either side", () => {
  const same = vectorOf({ x: 1 });
  const vectors = [same, same, same];
  const window = { keys: [0, 100, null], maxGap: 14 };
  // 0 and 1 are gated (similarity 0); the undated 2 matches both. The tie at 1.0 goes to the lower ids, so 2 joins 0
  // first; then {0, 2} and 1 average (0 + 1) / 2 = 0.5: one cluster at threshold 0.5, not at 0.6.
  const sim = (i: number, j: number) => (i + j === 1 ? 0 : 1);
  expect(agglomerateByLinkage(3, pairsAbove(3, sim, 0.5), 0.5, dotLinkage(vectors, window))).toEqual([[0, 1, 2]]);
  expect(agglomerateByLinkage(3, pairsAbove(3, sim, 0.6), 0.6, dotLinkage(vectors, window))).toEqual([[0, 2], [1]]);
});

test("in descending steps, pairs searched among the clusters so far: the same clusters as in one go", () => {
  const random = randomOf(13);
  for (let round = 0; round < 30; round++) {
    const n = 5 + Math.floor(random() * 60);
    const { vectors, days } = randomArticles(random, n);
    const window = round % 2 ? { keys: days, maxGap: 14 } : undefined;
    const gated = (i: number, j: number) => !!window && days[i] != null && days[j] != null && Math.abs(days[i]! - days[j]!) > 14;
    const sim = (i: number, j: number) => (gated(i, j) ? 0 : dotOf(vectors[i]!, vectors[j]!));
    for (const threshold of [0.1, 0.2, 0.4]) {
      const linkage = dotLinkage(vectors, window);
      // Every pair of clusters tested, the clusters' mean vectors' dot product first as the real search does.
      const pairsAt = (states: readonly ReturnType<typeof linkage.single>[], t: number) => {
        const means = states.map(meanOfSums);
        return pairsAbove(states.length, (a, b) => (dotOf(means[a]!, means[b]!) >= t - 1e-9 ? linkage.mean(states[a]!, states[b]!) : 0), t);
      };
      const steps = [threshold * 4, threshold * 2, threshold * 1.4, threshold];
      expect(agglomerateInSteps(n, steps, linkage, pairsAt)).toEqual(agglomerate(n, sim, threshold));
    }
  }
});

test("one step is agglomerateByLinkage", () => {
  const vectors = [vectorOf({ a: 1 }), vectorOf({ a: 0.6, b: 0.8 }), vectorOf({ b: 1 })];
  const sim = (i: number, j: number) => dotOf(vectors[i]!, vectors[j]!);
  const linkage = dotLinkage(vectors);
  expect(agglomerateInSteps(3, [0.5], linkage, (_, t) => pairsAbove(3, sim, t))).toEqual(agglomerate(3, sim, 0.5));
});
