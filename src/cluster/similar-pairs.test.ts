import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import type { Article, ArticleBundle } from "../records.js";
import { similarPairs } from "./similar-pairs.js";
import { cosine, articleVectors, type SparseVector, toSparseVectors } from "./vectors.js";

/** Every pair tested, as agglomerate did before the search existed. */
function bruteForce(n: number, threshold: number, similarity: (i: number, j: number) => number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n - i - 1 }, (_, k) => i + 1 + k).filter((j) => similarity(i, j) >= threshold));
}

function seeded(seed: number): () => number {
  return () => (seed = (seed * 48271) % 2147483647) / 2147483647;
}

/** Sparse vectors over a Zipf-like vocabulary, so frequent terms, rare terms and near-copies all occur. */
function randomVectors(random: () => number, n: number, unit: boolean): SparseVector[] {
  const out: Map<string, number>[] = [];
  for (let i = 0; i < n; i++) {
    const v = new Map<string, number>();
    const base = i > 0 && random() < 0.3 ? out[Math.floor(random() * i)]! : null;
    if (base) for (const [t, w] of base) if (random() < 0.7) v.set(t, w * (0.5 + random()));
    const terms = 1 + Math.floor(random() * 25);
    for (let k = 0; k < terms; k++) v.set(`t${Math.floor(300 * random() ** 3)}`, random());
    out.push(unit ? unitLength(v) : v);
  }
  return toSparseVectors(out);
}

function unitLength(v: Map<string, number>): Map<string, number> {
  const norm = Math.hypot(...v.values()) || 1;
  return new Map([...v].map(([t, x]) => [t, x / norm]));
}

/** Vectors written as term → weight objects. */
const vectorsOf = (...weights: Record<string, number>[]): SparseVector[] => toSparseVectors(weights.map((w) => new Map(Object.entries(w))));

test.each([
  [0.05, true],
  [0.14, true],
  [0.5, true],
  [0.9, true],
  [0.07, false],
  [0.5, false],
])("random sparse vectors, threshold %s, unit length %s: exactly the brute-force pairs", (threshold, unit) => {
  const random = seeded(Math.round(threshold * 1000) + (unit ? 1 : 2));
  for (let round = 0; round < 5; round++) {
    const vectors = randomVectors(random, 150 + Math.floor(random() * 100), unit);
    const similarity = (i: number, j: number) => cosine(vectors[i]!, vectors[j]!);
    const expected = bruteForce(vectors.length, threshold, similarity);
    expect(similarPairs(vectors, threshold, similarity)).toEqual(expected);
    expect(expected.flat().length).toBeGreaterThan(0);
  }
});

test("ties at the threshold are kept, as the brute force keeps them", () => {
  const vectors = vectorsOf({ a: 1 }, { a: 0.6, b: 0.8 }, { b: 1 });
  const similarity = (i: number, j: number) => cosine(vectors[i]!, vectors[j]!);
  expect(similarPairs(vectors, 0.6, similarity)).toEqual([[1], [2], []]);
  expect(similarPairs(vectors, 0.6, similarity)).toEqual(bruteForce(3, 0.6, similarity));
});

test("a gate in the similarity (0 for far-apart dates) drops pairs exactly as the brute force does", () => {
  const random = seeded(11);
  const vectors = randomVectors(random, 200, true);
  const day = vectors.map(() => (random() < 0.2 ? null : random() < 0.05 ? Number.NaN : Math.floor(random() * 60)));
  const similarity = (i: number, j: number) => {
    const [a, b] = [day[i], day[j]];
    return a != null && b != null && Math.abs(a - b) > 14 ? 0 : cosine(vectors[i]!, vectors[j]!);
  };
  const expected = bruteForce(vectors.length, 0.14, similarity);
  expect(similarPairs(vectors, 0.14, similarity)).toEqual(expected);
  expect(similarPairs(vectors, 0.14, similarity, { keys: day, maxGap: 14 })).toEqual(expected);
  expect(expected.flat().length).toBeGreaterThan(0);
});

test("real article vectors (paragraphs of the seed articles and text fixtures): exactly the brute-force pairs", () => {
  const files = [
    ...readdirSync(new URL("../../examples/", import.meta.url)).filter((f) => f.endsWith(".txt")).map((f) => new URL(`../../examples/${f}`, import.meta.url)),
    ...readdirSync(new URL("../../test/fixtures/text/", import.meta.url)).map((f) => new URL(`../../test/fixtures/text/${f}`, import.meta.url)),
  ];
  const paragraphs = files.flatMap((f) => readFileSync(f, "utf8").split(/\n\s*\n/)).filter((p) => p.split(/\s+/).length >= 8);
  const bundles: ArticleBundle[] = paragraphs.map((text, i) => ({ article: { id: `p${i}`, title: "", text } as Article, annotations: [] }));
  const vectors = articleVectors(bundles);
  expect(vectors.length).toBeGreaterThan(50);
  const similarity = (i: number, j: number) => cosine(vectors[i]!, vectors[j]!);
  for (const threshold of [0.05, 0.07, 0.14, 0.3]) {
    const expected = bruteForce(vectors.length, threshold, similarity);
    expect(similarPairs(vectors, threshold, similarity)).toEqual(expected);
  }
});

test("negative weights are refused; a threshold at or below 0 tests every pair", () => {
  expect(() => similarPairs(vectorsOf({ a: -1 }, { a: 1 }), 0.5, () => 0)).toThrow(/non-negative/);
  expect(similarPairs(vectorsOf({ a: 1 }, { b: 1 }), 0, () => 0)).toEqual([[1], []]);
});

test("vectors number their terms in term order: a pair's dot product is the same whatever else is in the corpus", () => {
  const pair = [new Map([["zebra", 0.3], ["apple", 0.2], ["mango", 0.5]]), new Map([["mango", 0.7], ["zebra", 0.1], ["apple", 0.4]])];
  const alone = toSparseVectors(pair);
  const crowded = toSparseVectors([new Map([["kiwi", 1], ["mango", 0.1]]), ...pair, new Map([["banana", 1]])]).slice(1, 3);
  expect(cosine(crowded[0]!, crowded[1]!)).toBe(cosine(alone[0]!, alone[1]!));
  expect([...alone[0]!.terms]).toEqual([0, 1, 2]); // apple, mango, zebra
  expect([...alone[0]!.weights]).toEqual([0.2, 0.5, 0.3]);
  expect([...crowded[0]!.terms]).toEqual([0, 3, 4]); // apple, (banana), (kiwi), mango, zebra
});
