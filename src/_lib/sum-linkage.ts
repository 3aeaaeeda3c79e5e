/**
 * Average linkage from sums of vectors: the mean of vectors[i]·vectors[j] over all item pairs across two clusters is
 * ΣA·ΣB / |A||B|, so a cluster's state is its size and its sum vector (per key, where a window gates pairs by key),
 * and no pair is ever stored (`agglomerateByLinkage`).
 */
import type { Linkage } from "./agglomerate.js";
import { sparseDot as dot } from "./sparse-dot.js";

/** Items whose keys (e.g. publication days) are both known and more than `maxGap` apart have similarity 0. */
export interface KeyWindow {
  keys: readonly (number | null)[];
  maxGap: number;
}

/** A cluster's item count, and per key the sum of its items' vectors with that key (null: items without one). */
export interface KeyedSums {
  size: number;
  sums: Map<number | null, Map<string, number>>;
}

/**
 * The linkage of similarity(i, j) = vectors[i]·vectors[j], or 0 when the window gates the pair. A cluster keeps one
 * sum vector per key, so the mean between two clusters is Σ ΣA[k]·ΣB[k'] over the key pairs within the gap, over
 * |A||B|: the exact mean of all item pairs (in real arithmetic; float sums run in another order than a pair-by-pair
 * loop). Item vectors are never copied or changed; sums are new maps only where two clusters share a key.
 */
export function dotLinkage(vectors: readonly Map<string, number>[], window?: KeyWindow): Linkage<KeyedSums> {
  const made = new WeakSet<Map<string, number>>();
  const gated = (x: number | null, y: number | null) => x != null && y != null && Math.abs(x - y) > window!.maxGap;
  return {
    single: (i) => ({ size: 1, sums: new Map([[window?.keys[i] ?? null, vectors[i]!]]) }),
    join(a, b) {
      const [into, from] = a.sums.size >= b.sums.size ? [a, b] : [b, a];
      for (const [key, sum] of from.sums) {
        const there = into.sums.get(key);
        into.sums.set(key, there ? addInto(there, sum, made) : sum);
      }
      into.size += from.size;
      return into;
    },
    mean(a, b) {
      let total = 0;
      for (const [x, sa] of a.sums) for (const [y, sb] of b.sums) if (!gated(x, y)) total += dot(sa, sb);
      return total / (a.size * b.size);
    },
  };
}

/**
 * The cluster's mean vector, keys ignored: its dot product with another cluster's is their mean linkage, or more
 * where a window gates pairs, so a pair search over these vectors finds every pair of clusters that reaches it.
 */
export function meanOfSums(state: KeyedSums): Map<string, number> {
  const sums = [...state.sums.values()];
  if (state.size === 1) return sums[0]!;
  const mean = new Map<string, number>();
  for (const sum of sums) for (const [term, x] of sum) mean.set(term, (mean.get(term) ?? 0) + x);
  for (const [term, x] of mean) mean.set(term, x / state.size);
  return mean;
}

/** a + b, into one of them if this linkage made it (item vectors stay as they are), else into a new map. */
function addInto(a: Map<string, number>, b: Map<string, number>, made: WeakSet<Map<string, number>>): Map<string, number> {
  let [into, from] = a.size >= b.size ? [a, b] : [b, a];
  if (!made.has(into)) {
    if (made.has(from)) [into, from] = [from, into];
    else made.add((into = new Map(into)));
  }
  for (const [term, x] of from) into.set(term, (into.get(term) ?? 0) + x);
  return into;
}
