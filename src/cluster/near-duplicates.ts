/**
 * Near-duplicates and syndicated copies (issue 5): the same text on another site, trimmed, re-headlined, with
 * boilerplate around it. Copies of one wire report are one article with echoes, so they are grouped and one
 * member is marked canonical. Copies are copies of text, not of facts: two reports of one event in other words
 * are not copies, nor are two articles that share a quote.
 *
 * Near-linear: each article becomes a set of word 5-gram shingles and a MinHash signature; LSH banding over the
 * signatures proposes candidate pairs (never all pairs), and each candidate is verified on the exact shingle
 * sets by containment (shared shingles ÷ shingles of the shorter text), which a trimmed copy keeps high while
 * Jaccard would halve it. Verified pairs are joined into groups (union-find).
 *
 * Hashing is by hand (FNV-1a over words, murmur3's 32-bit finaliser to mix): ten lines of integer code. npm's
 * murmurhash-js hashes strings only, so the per-permutation integer mix would still be ours; not worth a dependency.
 */
import type { ArticleBundle, CopyGroup } from "../records.js";
import { foldName } from "../_lib/text.js";


export interface NearDuplicateOptions {
  /** Minimum containment (0–1) for two texts to be copies. */
  threshold?: number;
}

/** Word 5-grams: long enough that shared phrasing ("the U.S. has discussed") rarely makes one, short enough that a 1–3% word edit leaves most intact. */
const SHINGLE_WORDS = 5;
/** Below this, a text is too little evidence to be a copy of anything (a caption, a teaser, a one-line brief). */
export const MIN_WORDS = 25;
/**
 * Calibration (`node dist/eval/near-duplicates.js`, docs/BENCHMARKS.md): copy-pair F1 on 1,000 ECB+ and AllSides
 * texts with 635 planted copies, by threshold: 0.3 → .830, 0.4 → .859, 0.5 → .908 (R .986), 0.6 → .911 (R .964),
 * 0.7 → .883, 0.8 → .758. 0.5 keeps recall where 0.6 starts to lose trimmed, edited copies; most of what is lost to
 * precision is ECB+ outlets re-running one wire text, which the gold counts as different reports.
 */
export const CONTAINMENT_THRESHOLD = 0.5;
/**
 * 64 bands of 2 rows (128 hashes): a pair becomes a candidate with probability 1 − (1 − J²)^64, i.e. 0.997 at
 * Jaccard 0.3 (a short copy trimmed to half, with boilerplate and edits), 0.92 at 0.2, 0.15 at 0.05 (same-topic
 * reports; verification throws those out). 42 bands of 3 missed 5% of the planted copies in the eval.
 */
const BANDS = 64;
const ROWS = 2;
const HASHES = BANDS * ROWS;
/** A bucket this big is one text copied many times (or boilerplate); pair each member with the first only. */
const BUCKET_PAIR_LIMIT = 64;
/** Band keys and article indices share one float64 sort key: 32 bits of key × 2^21 indices stay below 2^53. */
const MAX_ARTICLES = 2 ** 21;

interface Shingled {
  id: string;
  words: number;
  publishedAt: string | null;
  shingles: Uint32Array;
}

export function findNearDuplicates(bundles: readonly ArticleBundle[], options: NearDuplicateOptions = {}): CopyGroup[] {
  if (bundles.length > MAX_ARTICLES) throw new Error(`[triangulate] [cluster] findNearDuplicates takes at most ${MAX_ARTICLES} articles`);
  const threshold = options.threshold ?? CONTAINMENT_THRESHOLD;
  // Sorted by id so that buckets, pair order and so the result do not depend on input order.
  const docs = bundles
    .map(({ article }) => shingleArticle(article.id, article.text, article.publishedAt))
    .filter((d) => d.words >= MIN_WORDS && d.shingles.length > 0)
    .sort((a, b) => compareStrings(a.id, b.id));
  const signatures = docs.map((d) => minhashSignature(d.shingles));
  const parent = docs.map((_, i) => i);
  for (const [i, j] of candidatePairs(signatures)) {
    const [ri, rj] = [findRoot(parent, i), findRoot(parent, j)];
    if (ri === rj) continue; // already one group: verifying would change nothing
    if (containment(docs[i]!.shingles, docs[j]!.shingles) >= threshold) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  }
  const groups = new Map<number, Shingled[]>();
  docs.forEach((d, i) => {
    const root = findRoot(parent, i);
    const members = groups.get(root);
    if (members) members.push(d);
    else groups.set(root, [d]);
  });
  return [...groups.values()]
    .filter((members) => members.length > 1)
    .map(toCopyGroup)
    .sort((a, b) => compareStrings(a.canonicalId, b.canonicalId));
}

/** Normalised, accent-folded lowercase words → sorted, distinct 32-bit hashes of every run of SHINGLE_WORDS words. */
function shingleArticle(id: string, text: string, publishedAt: string | null): Shingled {
  const words = foldName(text).split(" ").filter(Boolean);
  const wordHashes = words.map(fnv1a);
  const hashes = new Uint32Array(Math.max(0, words.length - SHINGLE_WORDS + 1));
  for (let i = 0; i < hashes.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = Math.imul(h ^ wordHashes[i + k]!, 0x01000193);
    hashes[i] = mix32(h);
  }
  return { id, words: words.length, publishedAt, shingles: distinctSorted(hashes) };
}

/** HASHES minima, each under its own seeded mix of the shingle hashes (one "permutation" each). */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < HASHES; i++) {
      // x is already mixed (mix32), so one multiply and shift per permutation suffice: half of mix32's cost.
      let v = Math.imul(x ^ SEEDS[i]!, 0x9e3779b1);
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return signature;
}

/** Index pairs [i < j] whose signatures agree on all rows of at least one band, each once, in a fixed order. */
export function candidatePairs(signatures: readonly Uint32Array[]): [number, number][] {
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (i: number, j: number) => {
    const key = i * signatures.length + j;
    if (!seen.has(key)) seen.add(key), pairs.push([i, j]);
  };
  const keys = new Float64Array(signatures.length);
  for (let band = 0; band < BANDS; band++) {
    signatures.forEach((sig, i) => {
      let h = 0x811c9dc5;
      for (let r = band * ROWS; r < (band + 1) * ROWS; r++) h = Math.imul(h ^ sig[r]!, 0x01000193);
      keys[i] = mix32(h) * MAX_ARTICLES + i;
    });
    keys.sort();
    for (let start = 0, end = 1; start < keys.length; start = end, end = start + 1) {
      const bucket = Math.floor(keys[start]! / MAX_ARTICLES);
      while (end < keys.length && Math.floor(keys[end]! / MAX_ARTICLES) === bucket) end++;
      const members = Array.from(keys.subarray(start, end), (k) => k % MAX_ARTICLES);
      if (members.length > BUCKET_PAIR_LIMIT) for (const j of members.slice(1)) add(members[0]!, j);
      else for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) add(members[a]!, members[b]!);
    }
  }
  return pairs;
}

/** Shared shingles ÷ shingles of the smaller set: 1 when one text is a trimmed copy of the other. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) shared++, i++, j++;
    else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / Math.max(1, Math.min(a.length, b.length));
}

/**
 * The canonical copy is the earliest when every member's date is known (an undated copy may be the original, so
 * a partial set of dates cannot tell); otherwise, and on a tie, the fullest (most words: copies are mostly
 * trimmed); then the smallest id.
 */
function toCopyGroup(members: Shingled[]): CopyGroup {
  const allDated = members.every((m) => m.publishedAt !== null);
  const ranked = [...members].sort(
    (a, b) =>
      (allDated ? compareStrings(a.publishedAt!, b.publishedAt!) : 0) || b.words - a.words || compareStrings(a.id, b.id),
  );
  const [canonical, ...copies] = ranked;
  return { canonicalId: canonical!.id, copyIds: copies.map((c) => c.id).sort(compareStrings) };
}

function findRoot(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!; // path halving
  return i;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function distinctSorted(hashes: Uint32Array): Uint32Array {
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i]!;
  return hashes.slice(0, n);
}

function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's fmix32: every input bit moves every output bit, so seeded mixes behave as independent permutations. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fixed seeds (a xorshift32 stream), so signatures are the same in every run. */
const SEEDS = (() => {
  const seeds = new Uint32Array(HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < HASHES; i++) {
    x ^= x << 13, x ^= x >>> 17, x ^= x << 5;
    seeds[i] = x >>> 0;
  }
  return seeds;
})();
