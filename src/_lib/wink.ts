/**
 * wink-nlp, loaded once, with character offsets: the one tokenizer pass that every analyzer shares.
 *
 * wink tokenises losslessly (each token keeps its preceding whitespace), so summing lengths gives exact offsets
 * into the text; its sentence boundaries know abbreviations ("U.S.", "Sept. 2", "Jr.") that a regex splitter
 * trips on, and its tokenizer splits curly quotes, em dashes and possessives ("Maduro’s") off the words.
 * The pipe is "sbd" alone: tokens and sentences are all the analyzers read. wink's "pos" would double the cost
 * (~0.5 ms per 440-word article) and the entity recogniser does as well without it (eval/entities.ts); its
 * "ner" finds dates and numbers, not people.
 */
import { createRequire } from "node:module";
import type winkNLP from "wink-nlp";
import type model from "wink-eng-lite-web-model";
import type { Span } from "../records.js";

/** The lightest pipe that gives what the analyzers read; bench/analysis-speed.ts times wink alone with it. */
export const WINK_PIPE = ["sbd"] as const;

export type WinkEngine = ReturnType<typeof winkNLP>;
const engines = new Map<string, WinkEngine>();

/**
 * wink with `pipe`, made once per process and pipe. wink and its model are required here, on first use, not when a
 * module importing this one loads: the model's JSON costs ~90 ms CPU to load and each engine ~100 ms more (wink's
 * readModel), which a command that never tokenises (`extract`) should not pay.
 */
export function winkEngine(pipe: readonly string[]): WinkEngine {
  const key = pipe.join(" ");
  let engine = engines.get(key);
  if (!engine) {
    const require = createRequire(import.meta.url);
    const make = require("wink-nlp") as typeof winkNLP;
    engine = make(require("wink-eng-lite-web-model") as typeof model, [...pipe] as Parameters<typeof winkNLP>[1]);
    engines.set(key, engine);
  }
  return engine;
}
const engine = () => winkEngine(WINK_PIPE);

export interface Token {
  span: Span;
  value: string;
  /** First token of a sentence (after splitting at paragraph breaks): capitalised by position, not by name. */
  sentenceStart: boolean;
  /** Whitespace before the token: "" when it is glued to the previous one ("al" "-" "Assad"). */
  gap: string;
}

export interface TokenizedText {
  sentences: Span[];
  tokens: Token[];
}

/**
 * Analyzers run one after another on the same article text, so the last few passes are kept and reused. Keyed
 * by the text itself, not a WeakMap of articles: analyzers' helpers take text, and strings cannot be weak keys.
 * Comparing the same string object is O(1); a different text of the same length differs within a few chars.
 */
const CACHE_SIZE = 4;
const cache: { text: string; result: TokenizedText }[] = [];

export function tokenize(text: string): TokenizedText {
  const hit = cache.find((c) => c.text === text);
  if (hit) return hit.result;
  const result = readText(text);
  cache.unshift({ text, result });
  if (cache.length > CACHE_SIZE) cache.pop();
  return result;
}

function readText(text: string): TokenizedText {
  if (!text) return { sentences: [], tokens: [] };
  const nlpEngine = engine();
  const its = nlpEngine.its;
  const doc = nlpEngine.readDoc(breakLongRuns(text));
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i]!.length;
    const start = offset;
    offset += values[i]!.length;
    tokens.push({ span: [start, offset], value: values[i]!, sentenceStart: false, gap: spaces[i]! });
  }
  const winkSentences = (doc.sentences().out(its.span) as unknown as [number, number][]).map(
    ([first, last]): Span => [tokens[first]!.span[0], tokens[last]!.span[1]],
  );
  const sentences = splitAtParagraphs(text, winkSentences);
  const split = splitPossessives(tokens);
  markSentenceStarts(split, sentences);
  return { sentences, tokens: split };
}

/**
 * wink's tokenizer is quadratic in a token's length (5k letters 0.2 s, 20k 2.6 s, 40k 9 s), so one 250 KB "word" in
 * an upload would stall every analysis queued behind it. No word of prose is that long: a run of more than
 * MAX_TOKEN_CHARS characters without whitespace is cut by a space every MAX_TOKEN_CHARS characters before wink reads
 * it (two spaces for a surrogate pair, so no half character is left). The text keeps its length, so every offset
 * still points into the original; only such runs are split.
 */
const MAX_TOKEN_CHARS = 256;
const LONG_RUN = new RegExp(String.raw`\S{${MAX_TOKEN_CHARS + 1},}`, "g");

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * wink is also quadratic on a long run of mixed blanks (" \n \n …": 20k characters 0.4 s, 40k 1.1 s, 250k 49 s),
 * though not on a run of one kind. Such a run is read as newlines alone (or spaces, when it holds no newline): the
 * same length, and a paragraph break stays one, since splitAtParagraphs reads the original text.
 */
const LONG_BLANK = /\s{65,}/g;

export function breakLongRuns(text: string): string {
  const { word, blank } = longestRuns(text);
  if (word <= MAX_TOKEN_CHARS && blank < 65) return text; // nearly every article: the two regex scans cost more
  return breakLongTokens(text).replace(LONG_BLANK, (blank) => (blank.includes("\n") ? "\n" : " ").repeat(blank.length));
}

/**
 * The longest run of non-blank and of blank characters, blank as the regex \s reads it. One pass over char codes:
 * ~20x cheaper than scanning with LONG_RUN and LONG_BLANK, which only need to run when a run is long.
 */
function longestRuns(text: string): { word: number; blank: number } {
  let [word, blank, run, blankRun] = [0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) {
    if (isBlank(text.charCodeAt(i))) {
      blankRun++;
      if (run > word) word = run;
      run = 0;
    } else {
      run++;
      if (blankRun > blank) blank = blankRun;
      blankRun = 0;
    }
  }
  return { word: Math.max(word, run), blank: Math.max(blank, blankRun) };
}

/** The characters \s matches (ECMAScript WhiteSpace and LineTerminator). */
function isBlank(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function breakLongTokens(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    const parts: string[] = [];
    let from = 0;
    for (let at = from + MAX_TOKEN_CHARS; at < run.length; at = from + MAX_TOKEN_CHARS) {
      // Never between the two halves of a pair: a cut landing on a low half moves back onto its high half.
      if (isLowSurrogate(run.charCodeAt(at)) && isHighSurrogate(run.charCodeAt(at - 1))) at--;
      const width = isHighSurrogate(run.charCodeAt(at)) && isLowSurrogate(run.charCodeAt(at + 1)) ? 2 : 1;
      parts.push(run.slice(from, at), " ".repeat(width));
      from = at + width;
    }
    parts.push(run.slice(from));
    return parts.join("");
  });
}

/**
 * wink adds every word it has not seen to its lexicon, and looks whole words up there before splitting them: once
 * some text made "America's" one token, every later "America's" stays one, where the first article read in a
 * process gets "America" + "'s". Analyses then depended on what the process had read before (110 of 2,461 eval
 * articles lost or gained an entity on a second pass). Splitting the possessive off here gives every text the
 * tokens a fresh engine gives; creating a fresh engine per text would cost 63 ms.
 */
const POSSESSIVE = /^(.*[^'’])(['’][sS])$/u;

function splitPossessives(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const m = POSSESSIVE.exec(t.value);
    if (!m) {
      out.push(t);
      continue;
    }
    const cut = t.span[0] + m[1]!.length;
    out.push({ span: [t.span[0], cut], value: m[1]!, sentenceStart: false, gap: t.gap });
    out.push({ span: [cut, t.span[1]], value: m[2]!, sentenceStart: false, gap: "" });
  }
  return out;
}

/** A paragraph break always ends a sentence, even where wink joins a heading to the next line. */
function splitAtParagraphs(text: string, sentences: Span[]): Span[] {
  const breaks = [...text.matchAll(/\n\s*\n/g)].map((m): Span => [m.index, m.index + m[0].length]);
  const out: Span[] = [];
  let b = 0;
  for (const [start, end] of sentences) {
    while (b < breaks.length && breaks[b]![1] <= start) b++;
    let from = start;
    for (let k = b; k < breaks.length && breaks[k]![0] < end; k++) {
      if (breaks[k]![0] > from) out.push([from, breaks[k]![0]]);
      from = Math.max(from, breaks[k]![1]);
    }
    if (from < end) out.push([from, end]);
  }
  return out;
}

/** Both lists are in text order, so one merge walk marks each sentence's first token. */
function markSentenceStarts(tokens: Token[], sentences: readonly Span[]): void {
  let t = 0;
  for (const [start] of sentences) {
    while (t < tokens.length && tokens[t]!.span[0] < start) t++;
    if (t < tokens.length) tokens[t]!.sentenceStart = true;
  }
}
