import { expect, test } from "vitest";
import { agglomerate } from "./agglomerate.js";

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
