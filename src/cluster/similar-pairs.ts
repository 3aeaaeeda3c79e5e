/**
 * Exact all-pairs similarity search over sparse non-negative vectors: every pair whose dot product reaches a
 * threshold, without testing all n² pairs. All-Pairs with prefix filtering (Bayardo, Ma & Srikant 2007, "Scaling
 * up all pairs similarity search"): terms are ordered by decreasing document frequency; of each vector, only the
 * part after the prefix whose largest possible contribution (Σ weight × the term's largest weight anywhere) stays
 * under the threshold is indexed, so two vectors that reach it share an indexed term. Probing the index finds
 * those candidates, and their dot product over indexed terms; a bound on the prefix's part, then the part itself
 * (the prefix against y's weights spread out by term rank: at low thresholds the bound is loose, and a full merge of
 * both term arrays per candidate was nine tenths of the search) drop most; the caller's own similarity
 * decides the rest, so the pairs are exactly the ones it would find by testing all pairs (ties and float
 * rounding included). The bounds never assume unit length, so story mean vectors go through it too.
 * Why by hand: no maintained JS library does exact sparse all-pairs search (the npm ones are approximate
 * nearest-neighbour indexes, LSH or HNSW, which miss pairs); the algorithm is ~100 lines.
 */
import type { SparseVector } from "./vectors.js";

/** Bounds and the typed-array dot are within ~1e-15 of the exact sums; candidates are kept within this margin of the threshold. */
const FLOAT_MARGIN = 1e-9;

/** A vector as term ranks in increasing order (rank 0: the most frequent term) and their weights. */
interface Compact {
  terms: Int32Array;
  weights: Float64Array;
}

/** Items whose keys (e.g. publication days) are both known and more than `maxGap` apart are never a pair. */
export interface PairWindow {
  keys: readonly (number | null)[];
  maxGap: number;
}

/**
 * For each i, the j > i (ascending) with `similarity(i, j) >= threshold`, where `similarity` is the exact score
 * and is never above the dot product of `vectors[i]` and `vectors[j]` (it may be lower, e.g. 0 for a date gate,
 * which `window` then states so that far-apart items are never even probed). Weights must be non-negative; a
 * threshold ≤ 0 falls back to testing every pair.
 */
export function similarPairs(
  vectors: readonly SparseVector[],
  threshold: number,
  similarity: (i: number, j: number) => number,
  window?: PairWindow,
): number[][] {
  const n = vectors.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  if (threshold <= 0) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (similarity(i, j) >= threshold) out[i]!.push(j);
    return out;
  }
  // Items without a key first, then by key: a keyed item is probed against those and its recent predecessors only.
  // A NaN key (an unparsable date) gates nothing, as in the caller's similarity.
  const keyOf = (i: number) => (Number.isFinite(window?.keys[i]) ? window!.keys[i]! : null);
  const unkeyed = vectors.map((_, i) => i).filter((i) => keyOf(i) == null);
  const keyed = vectors.map((_, i) => i).filter((i) => keyOf(i) != null).sort((a, b) => keyOf(a)! - keyOf(b)! || a - b);
  const order = [...unkeyed, ...keyed];
  const keys = Float64Array.from(order, (i) => keyOf(i) ?? Number.NaN);
  const compact = compactVectors(order.map((i) => vectors[i]!));
  const floor = threshold - FLOAT_MARGIN;
  const index = buildIndex(compact, floor);
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  // y's weights by term rank, for the candidates' unindexed prefixes (set, then cleared, per y).
  const yWeight = new Float64Array(index.start.length);
  const u = unkeyed.length;
  for (let y = 1; y < n; y++) {
    const { terms, weights } = compact[y]!;
    for (let k = 0; k < terms.length; k++) yWeight[terms[k]!] = weights[k]!;
    // Keyed items from position `from` on are within the window of y (unkeyed y: all earlier items are unkeyed).
    const from = y < u ? u : firstAtLeast(keys, u, y, keys[y]! - window!.maxGap - FLOAT_MARGIN * (1 + Math.abs(keys[y]!)));
    let count = 0;
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k]!;
      const wy = weights[k]!;
      const end = index.start[t + 1]!;
      for (let p = index.start[t]!; p < end; p++) {
        let x = index.doc[p]!;
        if (x >= u && x < from) {
          p = firstAtLeast(index.doc, p, end, from);
          if (p === end) break;
          x = index.doc[p]!;
        }
        if (x >= y) break; // postings are in position order: each pair once, x < y
        if (acc[x] === 0) touched[count++] = x;
        acc[x] = acc[x]! + index.weight[p]! * wy;
      }
    }
    for (let c = 0; c < count; c++) {
      const x = touched[c]!;
      // acc[x] is the exact dot product over x's indexed terms; the rest is its prefix's, bounded then computed.
      const indexed = acc[x]!;
      acc[x] = 0;
      if (indexed + Math.min(index.prefixBound[x]!, index.prefixNorm[x]! * index.norm[y]!) < floor) continue;
      if (indexed + prefixDot(compact[x]!, index.firstIndexed[x]!, yWeight) < floor) continue;
      const [i, j] = order[x]! < order[y]! ? [order[x]!, order[y]!] : [order[y]!, order[x]!];
      if (similarity(i, j) >= threshold) out[i]!.push(j);
    }
    for (let k = 0; k < terms.length; k++) yWeight[terms[k]!] = 0;
  }
  for (const js of out) js.sort((a, b) => a - b);
  return out;
}

/** First position in [lo, hi) of an ascending array whose value is ≥ value (hi if none). */
function firstAtLeast(sorted: ArrayLike<number>, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The vectors with their term ids renumbered as ranks by decreasing document frequency (rank 0: the most frequent). */
function compactVectors(vectors: readonly SparseVector[]): Compact[] {
  let ids = 0;
  for (const v of vectors) {
    for (let k = 0; k < v.weights.length; k++) {
      if (!(v.weights[k]! >= 0)) throw new Error(`[news] [cluster] similarPairs needs non-negative weights, got ${v.weights[k]} for term ${v.terms[k]}`);
    }
    if (v.terms.length) ids = Math.max(ids, v.terms[v.terms.length - 1]! + 1);
  }
  const df = new Int32Array(ids);
  for (const v of vectors) for (let k = 0; k < v.terms.length; k++) df[v.terms[k]!]!++;
  const byFrequency = Int32Array.from({ length: ids }, (_, id) => id).sort((a, b) => df[b]! - df[a]! || a - b);
  const rankOf = new Int32Array(ids);
  byFrequency.forEach((id, rank) => (rankOf[id] = rank));
  // Typed-array sorts with weights looked up by rank: sorting [rank, weight] tuples was a third of a storyline search.
  const weightByRank = new Float64Array(ids);
  return vectors.map((v) => {
    const terms = v.terms.map((id, k) => {
      weightByRank[rankOf[id]!] = v.weights[k]!;
      return rankOf[id]!;
    });
    terms.sort();
    return { terms, weights: Float64Array.from(terms, (t) => weightByRank[t]!) };
  });
}

interface Index {
  /** Postings of term t: doc/weight[start[t] .. start[t+1]), in vector order. */
  start: Int32Array;
  doc: Int32Array;
  weight: Float64Array;
  /** Per vector: where its indexed terms start, the most its unindexed prefix can add to a dot product, its prefix's norm, its norm. */
  firstIndexed: Int32Array;
  prefixBound: Float64Array;
  prefixNorm: Float64Array;
  norm: Float64Array;
}

function buildIndex(compact: readonly Compact[], floor: number): Index {
  const n = compact.length;
  let terms = 0;
  for (const v of compact) if (v.terms.length) terms = Math.max(terms, v.terms[v.terms.length - 1]! + 1);
  const maxWeight = new Float64Array(terms);
  for (const v of compact) v.terms.forEach((t, k) => (maxWeight[t] = Math.max(maxWeight[t]!, v.weights[k]!)));
  const firstIndexed = new Int32Array(n);
  const [prefixBound, prefixNorm, norm] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const start = new Int32Array(terms + 1);
  compact.forEach((v, x) => {
    let bound = 0;
    let squares = 0;
    let k = 0;
    // Conservative: stop one step early rather than risk a rounded sum just under the floor. Tighter prefix bounds
    // keep more terms out of the index but made the storyline search at 0.62 1.2–2× as slow, because more candidates
    // then reach the long prefix's dot product: L2AP's |prefix| × largest norm (Anastasiu & Karypis 2014, also with
    // its bound on the candidate's part of y) and All-Pairs' order by largest weight (Bayardo et al. 2007). Probing
    // y's rarest terms first and admitting no new candidate once its frequent terms alone could not reach the
    // threshold (All-Pairs' remscore) was 4–12× slower: with these weights that point comes late, and every
    // candidate then needs its whole dot product.
    for (; k < v.terms.length; k++) {
      const next = bound + v.weights[k]! * maxWeight[v.terms[k]!]!;
      if (next >= floor * (1 - FLOAT_MARGIN)) break;
      bound = next;
      squares += v.weights[k]! ** 2;
    }
    firstIndexed[x] = k;
    prefixBound[x] = bound * (1 + FLOAT_MARGIN);
    prefixNorm[x] = Math.sqrt(squares) * (1 + FLOAT_MARGIN);
    let total = squares;
    for (let r = k; r < v.terms.length; r++) {
      start[v.terms[r]! + 1] = start[v.terms[r]! + 1]! + 1;
      total += v.weights[r]! ** 2;
    }
    norm[x] = Math.sqrt(total) * (1 + FLOAT_MARGIN);
  });
  for (let t = 0; t < terms; t++) start[t + 1] = start[t + 1]! + start[t]!;
  const fill = start.slice(0, terms);
  const doc = new Int32Array(start[terms]!);
  const weight = new Float64Array(start[terms]!);
  compact.forEach((v, x) => {
    for (let r = firstIndexed[x]!; r < v.terms.length; r++) {
      const p = fill[v.terms[r]!]!;
      fill[v.terms[r]!] = p + 1;
      doc[p] = x;
      weight[p] = v.weights[r]!;
    }
  });
  return { start, doc, weight, firstIndexed, prefixBound, prefixNorm, norm };
}

/** The dot product of a vector's first `end` terms with a vector spread out by term rank. */
function prefixDot(v: Compact, end: number, byRank: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < end; k++) sum += v.weights[k]! * byRank[v.terms[k]!]!;
  return sum;
}
