/**
 * Framing cues in an article's narration: loaded words ("regime", "lackeys"), hedges ("alleged", "reportedly"),
 * and sentences the bias classifier reads as loaded.
 *
 * Word cues are the outlet's own words only: inside a direct quote, "the regime" or "alleged" is the speaker's
 * framing, which the quote already records with its speaker. Sentence cues cover every sentence, quotes included,
 * because BABE's annotators judged sentences as printed, quotes and all.
 */
import type { CueKind, Span } from "../../records.js";
import { HEDGE_TERMS, LOADED_WORDS } from "../../_lib/lexicon.js";
import type { BiasScorer } from "./bias-model.js";

export interface CueCandidate {
  span: Span;
  cue: CueKind;
  term: string;
  score?: number;
}

/** Headings, bylines and "Advertisement" are not sentences the classifier was trained on (distinct words). */
const MIN_SENTENCE_WORDS = 6;

/** One-word hedges by word; phrases by their first word, with a sticky pattern for the rest ("claimed" → " to"). */
const HEDGE_WORDS = new Set<string>(HEDGE_TERMS.filter((t) => !t.includes(" ")));
const HEDGE_PHRASES = new Map<string, RegExp[]>();
for (const term of HEDGE_TERMS.filter((t) => t.includes(" "))) {
  const [first, ...rest] = term.split(" ");
  const pattern = new RegExp(`${rest.map((w) => `\\s+${w}`).join("")}(?![\\p{L}-])`, "iuy");
  HEDGE_PHRASES.set(first!, [...(HEDGE_PHRASES.get(first!) ?? []), pattern]);
}
/**
 * "Prosecutors alleged that…", "as she alleged.": a reporting verb, which attributes rather than hedges. The
 * adjective is followed by what it hedges ("alleged drug boats"); the verb by a clause, an object or nothing.
 */
const VERB_BEFORE = /\b(?:he|she|they|we|i|who|has|have|had|also|previously|repeatedly)\s+$/i;
const VERB_AFTER = /^(?:\s*[.,;:!?)]|\s+(?:that|the|a|an|his|her|their|its|this|these|those|he|she|they|it|in|to|on|at|without)\b)/iu;

/** "Cartel de los Soles", "Party of Regions": a capitalised word joined to another by a name's connector. */
const NAME_CONNECTOR = /^\s+(?:(?:de|del|de la|of|la|los|las|el)\s+)+\p{Lu}/u;
/** Capitalised heads that make a preceding capitalised loaded word part of a name ("the Socialist Party"). */
const NAME_HEADS = new Set("party parties act front movement alliance union league republic army bloc coalition caucus international workers".split(" "));
/**
 * "regime" means a government only without a technical modifier: a sanctions, tax or visa regime is a system of
 * rules. "regime change" is the name of a policy, used as such by neutral reporting ("a policy of regime change"),
 * so it is not flagged either; "the regime" alone is.
 */
const TECHNICAL_REGIME = /\b(?:sanctions?|tax|trade|tariff|visa|regulatory|inspections?|treaty|dietary|training|exchange[- ]rate|currency|safety|non-?proliferation|treatment|dosing|drug|medication|legal|export[- ]control|climate|fiscal|monetary|pension|licensing|flow|temperature|weather)\s+$/i;

export function findWordCues(text: string, quotes: readonly Span[], loadedWords: ReadonlySet<string>): CueCandidate[] {
  const inQuote = (at: number) => quotes.some(([start, end]) => at >= start && at < end);
  const cues: CueCandidate[] = [];
  // One lower-casing for the whole text when it keeps every offset (it does unless a rare letter like "İ" expands).
  const lower = text.toLowerCase();
  const lowerAt = lower.length === text.length ? (start: number, end: number) => lower.slice(start, end) : (start: number, end: number) => text.slice(start, end).toLowerCase();
  for (let start = 0, end = 0; (start = nextWordStart(text, end)) < text.length; ) {
    end = wordEnd(text, start);
    if (end - start < 3) continue; // no cue word is shorter
    const word = normaliseWord(lowerAt(start, end));
    const hedgeEnd = hedgeEndAt(text, word, end);
    if (hedgeEnd !== null) {
      if (!inQuote(start)) cues.push({ span: [start, hedgeEnd], cue: "hedge", term: lowerAt(start, hedgeEnd).replace(/\s+/g, " ") });
      continue;
    }
    if (!isLoadedWord(word, loadedWords) || inQuote(start) || isNamePart(text, start, end)) continue;
    if (word === "regime" && isTechnicalRegime(text, start, end)) continue;
    const bare = /['’]s$/i.test(text.slice(end - 2, end)) ? end - 2 : end; // "strongman's": the word, not the 's
    cues.push({ span: [start, bare], cue: "loaded", term: word });
  }
  return cues;
}

/** Words are letters joined by single hyphens or apostrophes ("narco-state", "Biden’s"); a scan is 3x faster than a /\p{L}/u regex. */
const NON_ASCII_LETTER = /\p{L}/u;
const isLetter = (text: string, at: number): boolean => {
  const c = text.charCodeAt(at);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && NON_ASCII_LETTER.test(text[at]!));
};
const isJoiner = (c: number): boolean => c === 45 || c === 39 || c === 0x2019;

function nextWordStart(text: string, from: number): number {
  while (from < text.length && !isLetter(text, from)) from++;
  return from;
}

function wordEnd(text: string, start: number): number {
  let end = start + 1;
  for (;;) {
    while (end < text.length && isLetter(text, end)) end++;
    if (end + 1 < text.length && isJoiner(text.charCodeAt(end)) && isLetter(text, end + 1)) end += 2;
    else return end;
  }
}

const normaliseWord = (lower: string): string => (/['’]/.test(lower) ? lower.replace(/’/g, "'").replace(/'s$/, "") : lower);

/** Where the hedge starting with this word ends, or null when it starts none. */
function hedgeEndAt(text: string, word: string, wordEnd: number): number | null {
  if (HEDGE_WORDS.has(word)) return word === "alleged" && isVerbUse(text, wordEnd - word.length, wordEnd) ? null : wordEnd;
  for (const rest of HEDGE_PHRASES.get(word) ?? []) {
    rest.lastIndex = wordEnd;
    if (rest.test(text)) return rest.lastIndex;
  }
  return null;
}

export function findBiasedSentences(text: string, sentences: readonly Span[], scorer: BiasScorer): CueCandidate[] {
  const cues: CueCandidate[] = [];
  for (const [start, end] of sentences) {
    const { probability, strongestWord, words } = scorer.score(text.slice(start, end));
    if (probability < scorer.threshold || words < MIN_SENTENCE_WORDS) continue;
    const trimmed = trimSpan(text, [start, end]);
    cues.push({ span: trimmed, cue: "biased-sentence", term: strongestWord ?? "", score: Math.round(probability * 1000) / 1000 });
  }
  return cues;
}

/** Hand-made loaded words, or learned ones; for "narco-state" the whole word or any hand-made part. */
function isLoadedWord(word: string, learned: ReadonlySet<string>): boolean {
  if (LOADED_WORDS.has(word) || learned.has(word)) return true;
  return word.includes("-") && word.split("-").some((part) => LOADED_WORDS.has(part));
}

function isVerbUse(text: string, start: number, end: number): boolean {
  return VERB_BEFORE.test(text.slice(Math.max(0, start - 20), start)) || VERB_AFTER.test(text.slice(end, end + 20));
}

function isNamePart(text: string, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(text[start]!)) return false;
  const after = text.slice(end, end + 40);
  const next = /^\s+(\p{Lu}\p{L}*)/u.exec(after);
  return (next !== null && NAME_HEADS.has(next[1]!.toLowerCase())) || NAME_CONNECTOR.test(after);
}

function isTechnicalRegime(text: string, start: number, end: number): boolean {
  return TECHNICAL_REGIME.test(text.slice(Math.max(0, start - 40), start)) || /^\s+change\b/i.test(text.slice(end, end + 12));
}

function trimSpan(text: string, [start, end]: Span): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}
