/**
 * How much two sentences say the same thing: rarity-weighted Jaccard over their content-word stems, with the
 * common spellings of one name folded together ("U.S.", "US", "United States"). Rare shared words ("pardons",
 * "indictments") count far more than common ones ("said", "new").
 */
import { contentWords } from "../../_lib/text.js";
import { wordRarity } from "../../_lib/word-rarity.js";
import { LOADED_WORDS } from "../../_lib/lexicon.js";

const SAME_NAME: [RegExp, string][] = [
  [/\bU\.S\.(?:A\.)?|\bUS\b|\bUSA\b|\bUnited States\b|\bAmerica\b/g, " usa "],
  [/\bU\.K\.|\bUK\b|\bUnited Kingdom\b|\bBritain\b/g, " britain "],
  [/\bWSJ\b|\bWall Street Journal\b/g, " wsj "],
];

export function claimTerms(text: string): Set<string> {
  let t = text;
  for (const [re, key] of SAME_NAME) t = t.replace(re, key);
  return new Set(contentWords(t).filter((w) => !LOADED_WORDS.has(w)).map(stemWord));
}

export function claimSimilarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  let union = 0;
  for (const w of a) {
    const r = wordRarity(w);
    union += r;
    if (b.has(w)) shared += r;
  }
  for (const w of b) if (!a.has(w)) union += wordRarity(w);
  return union ? shared / union : 0;
}

function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
