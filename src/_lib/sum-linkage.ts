/**
 * Average linkage from sums of vectors: the mean of vectors[i]·vectors[j] over all item pairs across two clusters is
 * ΣA·ΣB / |A||B|, so a cluster's state is its size and its sum vector (per key, where a window gates pairs by key),
 * and no pair is ever stored (`agglomerateByLinkage`).
 */
import type { Linkage } from "./agglomerate.js";
import { sparseDot as dot, type SparseVector, sparseVector, type SumVector } from "./sparse-dot.js";

/**
 * Items whose keys (e.g. publication days) are both known count `weight(gap)` (0–1) of their dot product, where gap
 * is how far apart the keys are; by default 1 up to `maxGap` and 0 beyond. Past `maxGap` the weight must be 0.
 */
export interface KeyWindow {
  keys: readonly (number | null)[];
  maxGap: number;
  weight?: (gap: number) => number;
}

/** A cluster's item count, and per key the sum of its items' vectors with that key (null: items without one). */
export interface KeyedSums {
  size: number;
  /** An item's own vector (never changed) until a second item with its key joins; then a sum this linkage owns. */
  sums: Map<number | null, SparseVector | SumVector>;
}

/**
 * The linkage of similarity(i, j) = weight(gap) × vectors[i]·vectors[j] (just the dot product where either key is
 * unknown). A cluster keeps one sum vector per key, so the mean between two clusters is
 * Σ weight(|k − k'|) ΣA[k]·ΣB[k'] over the key pairs, over |A||B|: the exact mean of all item pairs (in real
 * arithmetic; float sums run in another order than a pair-by-pair loop). Item vectors are never copied or changed;
 * sums are new maps only where two clusters share a key.
 */
export function dotLinkage(vectors: readonly SparseVector[], window?: KeyWindow): Linkage<KeyedSums> {
  const weight = window?.weight ?? ((gap: number) => (gap > window!.maxGap ? 0 : 1));
  const weightOf = (x: number | null, y: number | null) => (x != null && y != null ? weight(Math.abs(x - y)) : 1);
  return {
    single: (i) => ({ size: 1, sums: new Map([[window?.keys[i] ?? null, vectors[i]!]]) }),
    join(a, b) {
      const [into, from] = a.sums.size >= b.sums.size ? [a, b] : [b, a];
      for (const [key, sum] of from.sums) {
        const there = into.sums.get(key);
        into.sums.set(key, there ? addInto(there, sum) : sum);
      }
      into.size += from.size;
      return into;
    },
    mean(a, b) {
      let total = 0;
      for (const [x, sa] of a.sums) {
        for (const [y, sb] of b.sums) {
          const w = weightOf(x, y);
          // w × dot, in this order, as the caller's pair similarity: two single items' linkage equals it to the bit.
          if (w > 0) total += w * dot(sa, sb);
        }
      }
      return total / (a.size * b.size);
    },
  };
}

/**
 * The cluster's mean vector, keys ignored: its dot product with another cluster's is their mean linkage, or more
 * where a window lowers pairs, so a pair search over these vectors finds every pair of clusters that reaches it.
 */
export function meanOfSums(state: KeyedSums): SparseVector {
  const sums = [...state.sums.values()];
  if (state.size === 1) return sums[0] as SparseVector;
  const mean: SumVector = new Map();
  for (const sum of sums) forEachEntry(sum, (term, x) => mean.set(term, (mean.get(term) ?? 0) + x));
  return sparseVector(mean, state.size);
}

/** a + b, into a sum this linkage made (the larger, if both are), else into a new one: item vectors stay as they are. */
function addInto(a: SparseVector | SumVector, b: SparseVector | SumVector): SumVector {
  let into: SumVector;
  let from: SparseVector | SumVector;
  if (a instanceof Map) [into, from] = b instanceof Map && b.size > a.size ? [b, a] : [a, b];
  else if (b instanceof Map) [into, from] = [b, a];
  else [into, from] = a.terms.length >= b.terms.length ? [toSum(a), b] : [toSum(b), a];
  forEachEntry(from, (term, x) => into.set(term, (into.get(term) ?? 0) + x));
  return into;
}

function toSum(v: SparseVector): SumVector {
  const sum: SumVector = new Map();
  for (let k = 0; k < v.terms.length; k++) sum.set(v.terms[k]!, v.weights[k]!);
  return sum;
}

function forEachEntry(v: SparseVector | SumVector, f: (term: number, x: number) => void): void {
  if (v instanceof Map) v.forEach((x, term) => f(term, x));
  else for (let k = 0; k < v.terms.length; k++) f(v.terms[k]!, v.weights[k]!);
}
