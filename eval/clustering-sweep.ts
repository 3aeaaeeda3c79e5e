/**
 * A fast stand-in for clusterStories, for sweeping thresholds: the same vectors (articleVectors) and the same
 * average linkage, but the dendrogram is built once and cut at each threshold.
 *
 * Why not call clusterStories per threshold: its agglomerate() recomputes every cluster-pair linkage after each
 * merge, O(k³) per connected component; below ~0.1 all ECB+ documents form one component and one call takes
 * ~2 minutes on this machine. Average linkage (UPGMA) is monotone, so "merge while the best linkage ≥ t", run
 * per connected component as agglomerate does, equals cutting the full UPGMA dendrogram at t. The storyline
 * level is UPGMA again, over stories, on the mean article-pair cosine between stories (agglomerate's
 * groupSimilarity, each story weighing one). evalClustering checks this against clusterStories itself.
 *
 * As clusterStories does, copies of one text (findNearDuplicates) are left out of the vectors and the linkage and
 * take their canonical's story.
 *
 * clusterStories' date weight is modelled as it applies it: two dated articles' cosine times eventDayWeight of the
 * days between them (0 from MAX_EVENT_SPREAD_DAYS on), and copies further apart than that from their canonical are
 * not copies (withinEventSpread).
 */
import { type Merge, upgmaMerges as upgma } from "../src/_lib/agglomerate.js";
import { eventDayWeight, withinEventSpread } from "../src/cluster/cluster-stories.js";
import { findNearDuplicates } from "../src/cluster/near-duplicates.js";
import { cosine, articleVectors, VECTOR_WEIGHTS, type VectorWeights } from "../src/cluster/vectors.js";
import type { ArticleBundle } from "../src/records.js";

export interface Dendrogram {
  /** Clustered articles: the canonical ones. */
  n: number;
  /** Cosine matrix of the clustered articles, row-major n×n, without the date gate (the storyline level has none). */
  sims: Float64Array;
  merges: Merge[];
  /** For every input article, the clustered article it follows (itself, or the canonical of its copy group). */
  follows: Int32Array;
  /** For every clustered article, its input position. */
  clustered: number[];
}

/** `dayWeight`: how much of two dated articles' cosine counts by days apart; clusterStories' own unless sweeping it; `weights` likewise. */
export function buildDendrogram(bundles: readonly ArticleBundle[], dayWeight: (daysApart: number) => number = eventDayWeight, weights: Readonly<VectorWeights> = VECTOR_WEIGHTS): Dendrogram {
  const position = new Map(bundles.map((b, i) => [b.article.id, i]));
  const canonicalOf = new Map<number, number>();
  for (const g of withinEventSpread(findNearDuplicates(bundles), bundles)) for (const id of g.copyIds) canonicalOf.set(position.get(id)!, position.get(g.canonicalId)!);
  const clustered = bundles.map((_, i) => i).filter((i) => !canonicalOf.has(i));
  const slot = new Map(clustered.map((i, k) => [i, k]));
  const follows = Int32Array.from(bundles, (_, i) => slot.get(canonicalOf.get(i) ?? i)!);
  const n = clustered.length;
  const vectors = articleVectors(clustered.map((i) => bundles[i]!), weights);
  const days = clustered.map((i) => dayOf(bundles[i]!));
  const sims = new Float64Array(n * n);
  const gated = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    sims[i * n + i] = gated[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [days[i], days[j]];
      const weight = a != null && b != null ? dayWeight(Math.abs(a - b)) : 1;
      sims[i * n + j] = sims[j * n + i] = cosine(vectors[i]!, vectors[j]!);
      gated[i * n + j] = gated[j * n + i] = weight > 0 ? weight * sims[i * n + j]! : 0;
    }
  }
  return { n, sims, merges: upgma(n, gated), follows, clustered };
}

const dayOf = (b: ArticleBundle): number | null => (b.article.publishedAt ? Date.parse(b.article.publishedAt.slice(0, 10)) / 86_400_000 : null);

/** Story index per input article at this threshold (groups of articles whose merges all reach it). */
export function cutStories(d: Dendrogram, threshold: number): number[] {
  const storyOf = cut(d.n, d.merges, threshold);
  return Array.from(d.follows, (k) => storyOf[k]!);
}

/** Storyline index per input article: stories cut at `story`, then stories grouped at `storyline`. */
export function cutStorylines(d: Dendrogram, story: number, storyline: number): number[] {
  const lineOf = storylinesOfClustered(d, story, storyline);
  return Array.from(d.follows, (k) => lineOf[k]!);
}

function storylinesOfClustered(d: Dendrogram, story: number, storyline: number): number[] {
  const storyOf = cut(d.n, d.merges, story);
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
