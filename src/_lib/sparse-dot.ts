/**
 * Sparse vectors and their dot product: one function for the article cosine (cluster/vectors.ts) and the cluster
 * linkage (sum-linkage.ts), so two single articles' linkage equals their similarity to the bit, and a partition
 * never depends on which of the two computed it.
 */

/** Term ids ascending, with their weights: 12 bytes an entry (cluster/vectors.ts says how ids are numbered). */
export interface SparseVector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

/** Term id → weight (a cluster's sum, say) as a SparseVector, each weight divided by `divisor`. */
export function sparseVector(weights: ReadonlyMap<number, number>, divisor = 1): SparseVector {
  const terms = Int32Array.from(weights.keys()).sort();
  return { terms, weights: Float64Array.from(terms, (t) => weights.get(t)! / divisor) };
}

/**
 * A running sum of vectors, term id → weight: a cluster's, added into in place as clusters join (sum-linkage.ts).
 * Arrays would copy the larger cluster's terms at every join.
 */
export type SumVector = Map<number, number>;

/**
 * Summed over the shared terms in ascending id order wherever one side is a SparseVector (both ways round, so
 * dot(a, b) and dot(b, a) are the same to the bit); two sums, over the smaller one's entries.
 */
export function sparseDot(a: SparseVector | SumVector, b: SparseVector | SumVector): number {
  if (a instanceof Map) return b instanceof Map ? sumsDot(a, b) : vectorSumDot(b, a);
  return b instanceof Map ? vectorSumDot(a, b) : vectorsDot(a, b);
}

/** Far apart in size (a story's mean against an article's), the smaller one's terms are looked up by binary search. */
const LOOKUP_RATIO = 8;

function vectorsDot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  const [st, sw, lt, lw] = [small.terms, small.weights, large.terms, large.weights];
  let sum = 0;
  if (lt.length > LOOKUP_RATIO * st.length) {
    let lo = 0;
    for (let i = 0; i < st.length && lo < lt.length; i++) {
      const t = st[i]!;
      let hi = lt.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (lt[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      if (lo < lt.length && lt[lo] === t) sum += sw[i]! * lw[lo]!;
    }
    return sum;
  }
  for (let i = 0, j = 0; i < st.length && j < lt.length; ) {
    const x = st[i]!;
    const y = lt[j]!;
    if (x === y) sum += sw[i++]! * lw[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

function vectorSumDot(v: SparseVector, sum: SumVector): number {
  let total = 0;
  for (let k = 0; k < v.terms.length; k++) {
    const y = sum.get(v.terms[k]!);
    if (y !== undefined) total += v.weights[k]! * y;
  }
  return total;
}

function sumsDot(a: SumVector, b: SumVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let total = 0;
  small.forEach((x, term) => {
    const y = large.get(term);
    if (y !== undefined) total += x * y;
  });
  return total;
}
