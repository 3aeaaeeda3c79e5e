/**
 * Average-linkage (UPGMA) agglomerative clustering, stopping at a threshold: "merge the closest pair of clusters
 * while their mean pairwise similarity reaches it". Only item pairs at or above the threshold can ever join two
 * clusters (a mean reaches t only if one of its terms does), so the clustering runs on that graph. Two ways:
 *
 * - `agglomerate`: a similarity function, per connected component a dense c×c matrix and the nearest-neighbour
 *   chain, O(c²) time and memory (the naive "recompute every pair after each merge" was O(c³): four minutes for
 *   1,479 AllSides excerpts). Average linkage is reducible, so the chain finds exactly the merges the naive loop
 *   would. Fine for a few thousand items; at 100k articles one component held 39k of them (12 GB).
 * - `agglomerateByLinkage`: a heap of the graph's edges, best first, and per cluster a state from which its mean
 *   linkage to another cluster is computed exactly (`dotLinkage` in sum-linkage.ts: sum vectors, ΣA·ΣB / |A||B|), so no matrix:
 *   memory is the graph plus the states, time the edges times one linkage (100k articles: 5–8 s, under 2 GB).
 * - `agglomerateInSteps`: the same merges, for a threshold so low that the pairs of single items grow as the square
 *   of their number (storylines at 0.07): thresholds descend in steps, each step's pairs searched among the clusters
 *   the steps above left.
 *
 * Both are exact in real arithmetic; sums run in other orders than in `agglomerate`, so only a linkage within a few
 * ulps of the threshold, or two within a few ulps of each other, could fall the other way.
 */
import { type PairHeap, popPair, pushPair } from "./pair-heap.js";

/**
 * Groups of item indexes, each sorted; groups ordered by their first item. `pairs`, when given, must list for each
 * i exactly the j > i (ascending) with `similarity(i, j) >= threshold` (e.g. from an exact all-pairs search), and
 * saves testing all n² pairs; the result is the same as without it.
 */
export function agglomerate(
  n: number,
  similarity: (i: number, j: number) => number,
  threshold: number,
  pairs?: readonly (readonly number[])[],
): number[][] {
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    // Pushed in the same order either way, so components (and their item order) are the same.
    const above = pairs ? pairs[i]! : aboveThreshold(i, n, similarity, threshold);
    for (const j of above) {
      neighbours[i]!.push(j);
      neighbours[j]!.push(i);
    }
  }
  // Similarities are computed again inside components rather than kept for all n² pairs: memory stays O(c²).
  const groups: number[][] = [];
  for (const component of components(n, neighbours)) groups.push(...averageLinkage(component, similarity, threshold));
  return groups.map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

function aboveThreshold(i: number, n: number, similarity: (i: number, j: number) => number, threshold: number): number[] {
  const out: number[] = [];
  for (let j = i + 1; j < n; j++) if (similarity(i, j) >= threshold) out.push(j);
  return out;
}

function components(n: number, neighbours: number[][]): number[][] {
  const seen = new Uint8Array(n);
  const out: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    const stack = [start];
    const members: number[] = [];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      for (const j of neighbours[i]!) if (!seen[j]) (seen[j] = 1), stack.push(j);
    }
    out.push(members);
  }
  return out;
}

/**
 * The component's whole dendrogram, then cut at the threshold. Average linkage is monotone, so the groups joined
 * by merges at or above the threshold are exactly the clusters of "merge the closest pair while it reaches it".
 */
function averageLinkage(items: number[], similarity: (i: number, j: number) => number, threshold: number): number[][] {
  const c = items.length;
  if (c === 1) return [items];
  const sim = new Float64Array(c * c);
  for (let a = 0; a < c; a++) for (let b = a + 1; b < c; b++) sim[a * c + b] = sim[b * c + a] = similarity(items[a]!, items[b]!);
  const parent = Int32Array.from({ length: c }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  for (const { a, b, height } of upgmaMerges(c, sim)) if (height >= threshold) parent[find(b)] = find(a);
  const groups = new Map<number, number[]>();
  for (let k = 0; k < c; k++) {
    const group = groups.get(find(k));
    if (group) group.push(items[k]!);
    else groups.set(find(k), [items[k]!]);
  }
  return [...groups.values()];
}

export interface Merge {
  /** The merged cluster keeps the lower index. */
  a: number;
  b: number;
  /** Average similarity between the two clusters when merged. */
  height: number;
}

/**
 * Nearest-neighbour-chain UPGMA over an n×n similarity matrix (row-major; overwritten): all n−1 merges, O(n²),
 * with Lance–Williams average-linkage updates weighted by cluster size.
 */
export function upgmaMerges(n: number, sim: Float64Array): Merge[] {
  const size = new Float64Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  while (merges.length < n - 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const x = chain.at(-1)!;
    const prev = chain.length > 1 ? chain.at(-2)! : -1;
    let best = prev;
    let bestSim = prev >= 0 ? sim[x * n + prev]! : -Infinity;
    for (let y = 0; y < n; y++) {
      if (active[y] && y !== x && sim[x * n + y]! > bestSim) [best, bestSim] = [y, sim[x * n + y]!];
    }
    if (best !== prev) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const [keep, drop] = x < prev ? [x, prev] : [prev, x];
    merges.push({ a: keep, b: drop, height: bestSim });
    const total = size[keep]! + size[drop]!;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep || k === drop) continue;
      sim[keep * n + k] = sim[k * n + keep] = (size[keep]! * sim[keep * n + k]! + size[drop]! * sim[drop * n + k]!) / total;
    }
    size[keep] = total;
    active[drop] = 0;
  }
  return merges;
}

/** What `agglomerateByLinkage` needs of a cluster: a state per cluster, and the linkage between two. */
export interface Linkage<S> {
  /** The state of item i alone. */
  single(i: number): S;
  /** The state of two clusters joined; neither is read again, so either may be reused. */
  join(a: S, b: S): S;
  /** Mean similarity over the item pairs across the two clusters: all of them, also those under the threshold. */
  mean(a: S, b: S): number;
}

/**
 * The same groups as `agglomerate` (ordered the same way), without its dense matrix. `pairs` must list for each i
 * the j > i with similarity(i, j) >= threshold; `linkage` computes cluster means of that same similarity.
 */
export function agglomerateByLinkage<S>(n: number, pairs: readonly (readonly number[])[], threshold: number, linkage: Linkage<S>): number[][] {
  const states = Array.from({ length: n }, (_, i) => linkage.single(i));
  return sortedGroups(mergeWhileAbove(states, pairs, threshold, linkage).members);
}

/**
 * The same groups again, for a low threshold where the pairs of single items are too many (story pairs at 0.07:
 * 372k at 10k articles, 1.3M at 30k, growing as the square). Merges run in steps of descending thresholds, and each
 * step's pairs are searched for among the clusters so far (`pairsAt`: for each cluster k, the later ones whose mean
 * linkage with it reaches the step's threshold). Exact: average linkage is reducible (the linkage of A ∪ B to C is
 * at most the larger of A's and B's), so two clusters that will reach a step's threshold contain two of the
 * earlier clusters that reach it already, and within a step the merges are the greedy ones, highest first.
 */
export function agglomerateInSteps<S>(
  n: number,
  steps: readonly number[],
  linkage: Linkage<S>,
  pairsAt: (states: readonly S[], threshold: number) => number[][],
): number[][] {
  let states = Array.from({ length: n }, (_, i) => linkage.single(i));
  let groups = states.map((_, i) => [i]);
  for (const threshold of steps) {
    const step = mergeWhileAbove(states, pairsAt(states, threshold), threshold, linkage);
    // Clusters are this step's items; their linkage still counts the original items, through their states.
    groups = step.members.map((m) => m.flatMap((k) => groups[k]!));
    states = step.states;
  }
  return sortedGroups(groups);
}

const sortedGroups = (groups: number[][]): number[][] => groups.map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);

/**
 * "Merge the closest pair while it reaches the threshold" on a heap of the graph's edges, best first: after each
 * merge, the new cluster's linkage to each of its graph neighbours (both parents' neighbours) is computed again.
 * Ties go to the lower cluster ids (items are ids 0..n−1, in a step of `agglomerateInSteps` the clusters in order
 * of first item; a merged cluster gets the next new id), so the order never depends on the heap. Consumes `states`.
 */
function mergeWhileAbove<S>(states: S[], pairs: readonly (readonly number[])[], threshold: number, linkage: Linkage<S>): { members: number[][]; states: S[] } {
  const n = states.length;
  const state: (S | null)[] = [...states];
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  const neighbours: (Set<number> | null)[] = Array.from({ length: n }, () => new Set());
  const heap: PairHeap = { linkage: [], a: [], b: [] };
  const offer = (a: number, b: number) => {
    const mean = linkage.mean(state[a]!, state[b]!);
    // Below the threshold now is below it for good: the pair's linkage changes only when one of them merges.
    if (mean >= threshold) pushPair(heap, mean, a, b);
  };
  for (let i = 0; i < n; i++) {
    for (const j of pairs[i]!) {
      neighbours[i]!.add(j);
      neighbours[j]!.add(i);
      offer(i, j);
    }
  }
  while (heap.a.length) {
    const [a, b] = popPair(heap);
    if (!members[a] || !members[b]) continue; // one of them has merged since: stale
    const c = state.length;
    state.push(linkage.join(state[a]!, state[b]!));
    members.push(joinLists(members[a]!, members[b]!));
    neighbours.push(joinNeighbours(a, b, c, neighbours));
    for (const dead of [a, b]) state[dead] = members[dead] = neighbours[dead] = null;
    for (const k of neighbours[c]!) offer(k, c);
  }
  // In order of first item, so a later step's ids (and its ties) follow the items' order.
  const alive = members.map((_, k) => k).filter((k) => members[k] !== null);
  const first = (k: number) => members[k]!.reduce((x, y) => Math.min(x, y));
  alive.sort((x, y) => first(x) - first(y));
  return { members: alive.map((k) => members[k]!), states: alive.map((k) => state[k]!) };
}

/** The larger list takes the smaller's items: each item moves O(log n) times in all. */
function joinLists(a: number[], b: number[]): number[] {
  const [into, from] = a.length >= b.length ? [a, b] : [b, a];
  for (const x of from) into.push(x);
  return into;
}

/** c's neighbours (those of a and b), with a and b replaced by c in each neighbour's own set. */
function joinNeighbours(a: number, b: number, c: number, neighbours: (Set<number> | null)[]): Set<number> {
  const [into, from] = neighbours[a]!.size >= neighbours[b]!.size ? [neighbours[a]!, neighbours[b]!] : [neighbours[b]!, neighbours[a]!];
  for (const k of from) into.add(k);
  into.delete(a);
  into.delete(b);
  for (const k of into) {
    const theirs = neighbours[k]!;
    theirs.delete(a);
    theirs.delete(b);
    theirs.add(c);
  }
  return into;
}
