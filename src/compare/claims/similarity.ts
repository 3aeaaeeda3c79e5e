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
 * (`npm run eval -- --only alignment`) a lower bound cost precision for no recall.
 */
const SENSE_MIN_RARITY = 8;

export interface ClaimTerms {
  /** Content-word stems. */
  words: Set<string>;
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
  return { words, senses, allSenses: new Set([...senses.values()].flat()) };
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
  for (const w of own.words) {
    const r = wordRarity(w);
    total += r;
    if (other.words.has(w) || own.senses.get(w)?.some((s) => other.allSenses.has(s))) shared += r;
  }
  return [total, shared];
}

function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

