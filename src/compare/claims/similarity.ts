/**
 * How much two sentences say the same thing: rarity-weighted Jaccard over their content-word stems, with the
 * common spellings of one name folded together ("U.S.", "US", "United States") and rare words that share a
 * common WordNet sense matched ("amnesty" ~ "pardon"). Rare shared words ("pardons", "indictments") count far
 * more than common ones ("said", "new").
 */
import { contentWords } from "../../_lib/text.js";
import { wordRarity } from "../../_lib/word-rarity.js";
import { LOADED_WORDS } from "../../_lib/lexicon.js";
import { commonSenses } from "../../_lib/wordnet-senses.js";

const SAME_NAME: [RegExp, string][] = [
  [/\bU\.S\.(?:A\.)?|\bUS\b|\bUSA\b|\bUnited States\b|\bAmerica\b/g, " usa "],
  [/\bU\.K\.|\bUK\b|\bUnited Kingdom\b|\bBritain\b/g, " britain "],
  [/\bWSJ\b|\bWall Street Journal\b/g, " wsj "],
];
/**
 * Only words this rare are matched by sense ("amnesty" 10.1, "pardon" 9.4, "bounty" 10.3). Common words have
 * broad first senses that join what a reader keeps apart ("said"/"told", "get"/"have"). On the hand-checked pairs
 * (`npm run eval -- --only alignment`) 7 and 7.5 score the same as 8, and 8.5 or 9 lose one aligned pair: the
 * bound is set by that risk, not by the data.
 */
const SENSE_MIN_RARITY = 8;

export interface ClaimTerms {
  /** Content-word stems. */
  words: Set<string>;
  /** Each stem's rarity, looked up once (the similarity's inner loop ran on lookups: 5 s of 6 for 200 articles). */
  weights: Map<string, number>;
  /** The common WordNet senses of each rare stem, and all of them together. */
  senses: Map<string, readonly string[]>;
  allSenses: Set<string>;
}

export function claimTerms(text: string): ClaimTerms {
  let t = text;
  for (const [re, key] of SAME_NAME) t = t.replace(re, key);
  const words = new Set(contentWords(t).filter((w) => !LOADED_WORDS.has(w)).map(stemWord));
  const senses = new Map<string, readonly string[]>();
  for (const w of words) {
    if (wordRarity(w) < SENSE_MIN_RARITY) continue;
    const ids = commonSenses(w);
    if (ids.length) senses.set(w, ids);
  }
  const weights = new Map([...words].map((w) => [w, wordRarity(w)]));
  return { words, weights, senses, allSenses: new Set([...senses.values()].flat()) };
}

/**
 * Weighted Jaccard where a word of one sentence is shared when the other has it or a word with one of its common
 * senses. Each side's shared weight is counted on its own words and the two averaged, so a synonym pair counts
 * as one shared term, as an identical word does.
 */
export function claimSimilarity(a: ClaimTerms, b: ClaimTerms): number {
  const [totalA, sharedA] = sharedWeight(a, b);
  const [totalB, sharedB] = sharedWeight(b, a);
  const shared = (sharedA + sharedB) / 2;
  const union = totalA + totalB - shared;
  return union ? shared / union : 0;
}

function sharedWeight(own: ClaimTerms, other: ClaimTerms): [total: number, shared: number] {
  let total = 0;
  let shared = 0;
  for (const [w, r] of own.weights) {
    total += r;
    if (other.words.has(w) || own.senses.get(w)?.some((s) => other.allSenses.has(s))) shared += r;
  }
  return [total, shared];
}

export function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}


/**
 * For each sentence i, the j > i (ascending) whose similarity reaches `threshold`: the pairs `agglomerate` needs,
 * found through an index of words and senses, since two sentences sharing neither score 0. Both sides' shared
 * weights (identical words, and words matched by a common sense, each word once) are summed along the indexes, so
 * no pair is scored word by word unless it lands within rounding of the threshold. The same pairs as testing all n²,
 * in a fraction of the time: scoring the sense-sharing pairs in full cost 12 of 13 s for a story of 200 ~700-word
 * articles (bench/compare-story.ts). `rows`: only the first `rows` sentences' pairs are wanted.
 */
export function similarPairs(terms: readonly ClaimTerms[], threshold: number, rows = terms.length): number[][] {
  const words = new Map<string, number[]>();
  // sense → the (statement, word) pairs holding it, each pair with one id so that a row counts it once.
  const senseWords = new Map<string, { j: number; id: number; word: string; weight: number }[]>();
  // sense → the statements whose allSenses hold it (what claimSimilarity matches i's words against).
  const holders = new Map<string, number[]>();
  let ids = 0;
  terms.forEach((t, i) => {
    for (const w of t.words) words.get(w)?.push(i) ?? words.set(w, [i]);
    for (const s of t.allSenses) holders.get(s)?.push(i) ?? holders.set(s, [i]);
    for (const [w, senses] of t.senses) {
      const held = { j: i, id: ids++, word: w, weight: t.weights.get(w)! };
      for (const s of senses) senseWords.get(s)?.push(held) ?? senseWords.set(s, [held]);
    }
  });
  const totals = terms.map((t) => [...t.weights.values()].reduce((a, b) => a + b, 0));
  const shared = new Float64Array(terms.length); // identical words' weight
  const senseOwn = new Float64Array(terms.length); // i's words that j matches by sense only
  const senseOther = new Float64Array(terms.length); // j's words that i matches by sense only
  const seen = new Uint8Array(terms.length);
  const ownStamp = new Int32Array(terms.length).fill(-1);
  const otherStamp = new Int32Array(ids).fill(-1);
  let stamp = 0;
  return terms.map((t, i) => {
    if (i >= rows) return [];
    const touched: number[] = [];
    const touch = (j: number) => {
      if (!seen[j]) (seen[j] = 1), touched.push(j);
    };
    for (const [w, r] of t.weights) {
      for (const j of words.get(w)!) {
        if (j <= i) continue;
        touch(j);
        shared[j] = shared[j]! + r;
      }
    }
    for (const [w, senses] of t.senses) {
      const r = t.weights.get(w)!;
      stamp++;
      for (const s of senses) {
        for (const j of holders.get(s)!) {
          if (j <= i) continue;
          touch(j);
          if (ownStamp[j] !== stamp && !terms[j]!.words.has(w)) {
            ownStamp[j] = stamp;
            senseOwn[j] = senseOwn[j]! + r;
          }
        }
      }
    }
    for (const s of t.allSenses) {
      for (const held of senseWords.get(s) ?? []) {
        if (held.j <= i || otherStamp[held.id] === i || t.words.has(held.word)) continue;
        otherStamp[held.id] = i;
        senseOther[held.j] = senseOther[held.j]! + held.weight;
      }
    }
    const out: number[] = [];
    for (const j of touched) {
      const both = shared[j]! + (senseOwn[j]! + senseOther[j]!) / 2;
      const union = totals[i]! + totals[j]! - both;
      const estimate = union ? both / union : 0;
      // Sums taken in another order than claimSimilarity's may differ in the last bits: at the threshold, it decides.
      const similarity = Math.abs(estimate - threshold) < 1e-9 ? claimSimilarity(t, terms[j]!) : estimate;
      if (similarity >= threshold) out.push(j);
      shared[j] = senseOwn[j] = senseOther[j] = 0;
      seen[j] = 0;
    }
    return out.sort((x, y) => x - y);
  });
}

/**
 * Two wordings that a claim holds may each be close to its other wordings and not to each other (average linkage
 * over a game's statistics); only a pair that itself clears `threshold` says one thing closely enough for a
 * difference between them (a value, a date) to be a dispute or a drift rather than two facts.
 */
export const sayTheSame = (a: string, b: string, threshold: number): boolean => claimSimilarity(claimTerms(a), claimTerms(b)) >= threshold;
