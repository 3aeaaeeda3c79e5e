/**
 * Average-linkage (UPGMA) agglomerative clustering over a similarity function, stopping at a threshold.
 * Only pairs at or above the threshold can ever merge, so the items are first split into the connected
 * components of that graph; each component is then clustered with the nearest-neighbour-chain algorithm,
 * O(c²) time and memory for a component of c items (the naive "recompute every pair after each merge" was
 * O(c³): four minutes for 1,479 AllSides excerpts). Average linkage is reducible, so the chain finds exactly the
 * merges the naive loop would.
 */

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
