/**
 * A fast stand-in for clusterStories, for sweeping thresholds: the same vectors (tfidfVectors) and the same
 * average linkage, but the dendrogram is built once and cut at each threshold.
 *
 * Why not call clusterStories per threshold: its agglomerate() recomputes every cluster-pair linkage after each
 * merge, O(k³) per connected component; below ~0.1 all ECB+ documents form one component and one call takes
 * ~2 minutes on this machine. Average linkage (UPGMA) is monotone, so "merge while the best linkage ≥ t", run
 * per connected component as agglomerate does, equals cutting the full UPGMA dendrogram at t. The storyline
 * level is UPGMA again, over stories, on the mean article-pair cosine between stories (agglomerate's
 * groupSimilarity, each story weighing one). evalClustering checks this against clusterStories itself.
 *
 * Not modelled: clusterStories' date gate (no two articles more than MAX_EVENT_SPREAD_DAYS apart are one
 * event). The eval articles carry no dates, so it never applies there.
 */
import { type Merge, upgmaMerges as upgma } from "../src/_lib/agglomerate.js";
import { cosine, tfidfVectors } from "../src/cluster/vectors.js";
import type { ArticleBundle } from "../src/records.js";

export interface Dendrogram {
  n: number;
  /** Article cosine matrix, row-major n×n (kept for the storyline level). */
  sims: Float64Array;
  merges: Merge[];
}

export function buildDendrogram(bundles: readonly ArticleBundle[]): Dendrogram {
  const n = bundles.length;
  const vectors = tfidfVectors(bundles);
  const sims = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    sims[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) sims[i * n + j] = sims[j * n + i] = cosine(vectors[i]!, vectors[j]!);
  }
  return { n, sims, merges: upgma(n, Float64Array.from(sims)) };
}

/** Story index per article at this threshold (groups of articles whose merges all reach it). */
export function cutStories(d: Dendrogram, threshold: number): number[] {
  return cut(d.n, d.merges, threshold);
}

/** Storyline index per article: stories cut at `story`, then stories grouped at `storyline`. */
export function cutStorylines(d: Dendrogram, story: number, storyline: number): number[] {
  const storyOf = cutStories(d, story);
  const ids = [...new Set(storyOf)];
  const index = new Map(ids.map((id, k) => [id, k]));
  const members: number[][] = ids.map(() => []);
  storyOf.forEach((s, i) => members[index.get(s)!]!.push(i));
  const m = ids.length;
  const groupSims = new Float64Array(m * m);
  for (let g = 0; g < m; g++) {
    for (let h = g + 1; h < m; h++) {
      let total = 0;
      for (const i of members[g]!) for (const j of members[h]!) total += d.sims[i * d.n + j]!;
      groupSims[g * m + h] = groupSims[h * m + g] = total / (members[g]!.length * members[h]!.length);
    }
  }
  const lineOf = cut(m, upgma(m, groupSims), storyline);
  return storyOf.map((s) => lineOf[index.get(s)!]!);
}

function cut(n: number, merges: readonly Merge[], threshold: number): number[] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const { a, b, height } of merges) if (height >= threshold) parent[find(a)] = find(b);
  return Array.from({ length: n }, (_, i) => find(i));
}
