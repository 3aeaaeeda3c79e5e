/**
 * Name chunks: runs of capitalised words within a sentence ("Nicolás Maduro", "Bank of America", "Charles de
 * Gaulle"), read off the shared wink tokens. A run stops at punctuation, a possessive ("Maduro’s"), a line break
 * or a lower-case word other than a name particle. Typing them is type.ts's job.
 *
 * Hand-written because no library fits the budget: compromise's tagger finds such runs but costs ~30 ms per
 * article; wink's POS tagger doubles wink's cost, groups nothing, and calls a sentence's first word
 * ("Officials") a PROPN anyway. Capitals plus word lists (gazetteer.ts) do as well here (eval/entities.ts).
 */
import { STOPWORDS } from "../../_lib/text.js";
import type { Token } from "../../_lib/wink.js";

export interface Word {
  start: number;
  end: number;
  text: string;
  /** First word of its sentence, or the first after an opening quote, bracket or colon: capitalised by position. */
  initial: boolean;
  /** In a Title Case line ("Trump Warns Clinton Policy On Syria"), where capitals say nothing about names. */
  headline: boolean;
  /** First word of a line: Title Case is judged line by line. */
  lineStart: boolean;
}

export interface Chunk {
  words: Word[];
  /** The word before the chunk and the one after it, lower-cased ("said", "in"), "" at a boundary. */
  before: string;
  after: string;
  /** Followed by a possessive ("Maduro’s"): a name, but the next words are not part of it. */
  possessive: boolean;
  /** Lower-cased text right after the chunk, punctuation included, for "Trump, 70," and ", a spokesman". */
  tail: string;
}

/** Particles inside names: "Charles de Gaulle", "Osama bin Laden", "Ursula von der Leyen". */
const PARTICLES = new Set(["de", "del", "della", "der", "di", "da", "dos", "das", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "y"]);
/** Joiners that need a capitalised word on both sides and a head word before: "Bank of America", "Center for …". */
const JOINERS = new Set(["of", "for", "on", "&", "and"]);
const OPENERS = /^[“‘"'(\[—–-]$/;
const POSSESSIVE = /^[’']s?$/;
const TAIL_CHARS = 40;

/**
 * "Holtz-Eakin", "Coca-Cola", "al-Assad", "COVID-19" are one name; "Trump-proposed" and "pro-Clinton" are a
 * name inside a compound, so they stay apart and the name is found on its own.
 */
const HYPHEN_PARTICLES = new Set(["al", "el", "bin", "ibn", "abu", "ben", "ould"]);
const joinsName = (left: string, right: string): boolean =>
  /^[\p{Lu}\p{N}]/u.test(right) && (/^\p{Lu}/u.test(left) || HYPHEN_PARTICLES.has(left.toLowerCase()));

/** Tokens → words: wink splits "al-Assad" at the hyphen, so hyphenated names are glued back (joinsName). */
export function wordsOf(tokens: readonly Token[]): Word[] {
  const words: Word[] = [];
  let initial = true;
  let lineStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // wink keeps line breaks as tokens of their own: they start a line, they are not words.
    if (/^\s+$/.test(t.value)) {
      lineStart ||= t.value.includes("\n");
      continue;
    }
    if (t.gap.includes("\n")) lineStart = true;
    if (t.sentenceStart || lineStart) initial = true;
    const prev = words.at(-1);
    const next = tokens[i + 1];
    if (prev && t.value === "-" && next && t.gap === "" && next.gap === "" && joinsName(prev.text, next.value)) {
      prev.text += `-${next.value}`;
      prev.end = next.span[1];
      i++;
      continue;
    }
    words.push({ start: t.span[0], end: t.span[1], text: t.value, initial, headline: false, lineStart });
    lineStart = false;
    initial = t.value === ":" || (OPENERS.test(t.value) && (initial || !/\p{L}/u.test(t.value)));
  }
  markHeadlines(words);
  return words;
}

/**
 * A line whose content words (HEADLINE_MIN_WORDS or more) are all capitalised is in Title Case. Function words
 * do not count: Title Case styles leave "of", "on", "the" in lower case; one lower-case content word ("The New York
 * Times reported on Sunday:") makes the line a sentence.
 */
const HEADLINE_MIN_WORDS = 4;

function markHeadlines(words: Word[]): void {
  let from = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i < words.length && !words[i]!.lineStart) continue;
    const line = words.slice(from, i);
    const content = line.filter((w) => /^\p{L}{2,}/u.test(w.text) && !STOPWORDS.has(w.text.toLowerCase()));
    if (content.length >= HEADLINE_MIN_WORDS && content.every((w) => isCapitalised(w.text))) {
      for (const w of line) w.headline = true;
    }
    from = i;
  }
}

/** "I" and "A" are capitalised words, never names. */
export const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word) && word !== "I" && word !== "A";

/**
 * What the chunker asks the gazetteer. Head words let a joiner in: `of` after any head ("Bank of America",
 * "Secretary of State"), `and` before an org head. In a Title Case line, an everyday word ("Warns") is no name.
 */
export interface ChunkLexicon {
  isHead(word: string): boolean;
  isOrgHead(word: string): boolean;
  isEverydayWord(word: string): boolean;
  /** A person's name, titles before it aside ("Dr. Sanjay Gupta"): "of" after it does not join. */
  isPersonName(words: readonly string[]): boolean;
}

export function findChunks(text: string, words: readonly Word[], heads: ChunkLexicon): Chunk[] {
  const chunks: Chunk[] = [];
  const isName = (w: Word) => isCapitalised(w.text) && !(w.headline && heads.isEverydayWord(w.text));
  let i = 0;
  while (i < words.length) {
    if (!isName(words[i]!)) {
      i++;
      continue;
    }
    const run = [words[i]!];
    let j = i + 1;
    while (j < words.length && continues(text, words, run, j, heads) && (isName(words[j]!) || !isCapitalised(words[j]!.text))) {
      run.push(words[j]!);
      j++;
    }
    // A joiner only joins when a capitalised word follows it, which `continues` checks; never end on one.
    while (run.length > 1 && !isCapitalised(run.at(-1)!.text)) run.pop();
    const next = i + run.length;
    const after = words[next];
    const end = run.at(-1)!.end;
    chunks.push({
      words: run,
      before: i > 0 && !breaksBetween(text, words[i - 1]!, words[i]!) ? words[i - 1]!.text.toLowerCase() : "",
      after: after && !words[next]!.initial ? after.text.toLowerCase() : "",
      possessive: !!after && after.start === end && POSSESSIVE.test(after.text),
      tail: text.slice(end, end + TAIL_CHARS).toLowerCase(),
    });
    i = next;
  }
  return chunks;
}

function continues(text: string, words: readonly Word[], run: readonly Word[], j: number, heads: ChunkLexicon): boolean {
  const word = words[j]!;
  const prev = words[j - 1]!;
  if (word.initial || breaksBetween(text, prev, word)) return false;
  if (isCapitalised(word.text)) return isCapitalised(prev.text) || PARTICLES.has(prev.text) || JOINERS.has(prev.text.toLowerCase()) || prev.text === "the";
  const next = words[j + 1];
  const nextIsName = !!next && isCapitalised(next.text) && !breaksBetween(text, word, next);
  if (PARTICLES.has(word.text)) return nextIsName && isCapitalised(prev.text);
  // "of the": "Bank of the West", "Gulf of the …"; "the" only right after "of".
  if (word.text === "the") return prev.text === "of" && nextIsName;
  const joiner = word.text.toLowerCase();
  if (!JOINERS.has(joiner) || !nextIsName) return false;
  if (joiner === "&") return true;
  // "and" only inside an org name, known by the org head its run ends in ("Securities and Exchange Commission"),
  // so "Trump and Clinton" stays two people.
  if (joiner === "and") return endsInHead(words, j + 1, heads.isOrgHead);
  // "Dr. Sanjay Gupta of Emory University": "of" after a person's name starts where they work, not a longer name.
  return heads.isHead(run.at(-1)!.text) || (joiner === "of" && endsInHead(words, j + 1, heads.isHead) && !heads.isPersonName(run.map((w) => w.text)));
}

/** The capitalised run from `from` ends in an org or place head word ("… Exchange Commission"). */
function endsInHead(words: readonly Word[], from: number, isHead: (w: string) => boolean): boolean {
  let k = from;
  while (k + 1 < words.length && isCapitalised(words[k + 1]!.text) && words[k + 1]!.start - words[k]!.end <= 1) k++;
  return isHead(words[k]!.text);
}

/** Anything but one space (a no-break space counts: "Donald\u00a0Trump") between two words ends a name. */
function breaksBetween(text: string, a: Word, b: Word): boolean {
  const between = text.slice(a.end, b.start);
  return between.length > 1 || (between.length === 1 && !/^[^\S\n\r]$/.test(between));
}
