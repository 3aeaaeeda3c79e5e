/**
 * Numbers and what they count: "$15 million bounty", "52% of the votes", "2,400 dissidents", "7.3 million votes",
 * "12 nautical miles", "three people". Years and dates are the dates analyzer's; a bare ordinal is no count.
 */
import type { Span } from "../../records.js";

export interface NumberCandidate {
  span: Span;
  value: number;
  unit: string | null;
  counts: string | null;
}

const WORD_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24,
  hundreds: 200, thousands: 2000, millions: 2_000_000,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9 };
const CURRENCY: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY" };

const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\d.,])([$€£¥])?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|` +
    Object.keys(WORD_NUMBERS).join("|") +
    String.raw`)(?:\s(thousand|million|billion|trillion)|(bn|k|m)\b)?(\s?%|\spercent(?:age points?)?|\spoints?)?(?![\p{L}\d])`,
  "giu",
);
const TAIL = /^\s(?:of\s(?:the\s)?)?((?:[\p{L}-]+\s){0,2}[\p{L}-]+)/u;
const YEAR = /^(1[89]|20)\d{2}$/;
const COUNTED_STOP = /^(the|a|an|and|or|to|in|on|at|of|for|by|with|from|as|that|who|which|is|was|were|are|has|have|had|said|more|than|over|under|after|before|since|ago|per)$/i;

export function findNumbers(text: string): NumberCandidate[] {
  const out: NumberCandidate[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [, currency, digits, scaleWord, scaleShort, percent] = m;
    const raw = digits!.toLowerCase();
    const isWord = raw in WORD_NUMBERS;
    if (isWord && /^\p{Lu}/u.test(digits!) && m.index! > 0 && !/[.!?]\s*$/.test(text.slice(0, m.index!))) continue;
    if (!currency && !percent && !scaleWord && YEAR.test(raw)) continue; // a year
    if (isPartOfDate(text, m.index!, m[0])) continue;
    const base = isWord ? WORD_NUMBERS[raw]! : Number(raw.replace(/,/g, ""));
    const value = base * (SCALE[(scaleWord ?? scaleShort ?? "").toLowerCase()] ?? 1);
    const unit = currency ? CURRENCY[currency]! : percent ? (/point/.test(percent) ? "points" : "%") : null;
    const end = m.index! + m[0].length;
    const counted = countedNoun(TAIL.exec(text.slice(end, end + 80))?.[1]);
    const start = m.index! + (m[0].length - m[0].trimStart().length);
    if (isWord && !counted && !unit) continue; // "one of the people": a word-number counts something or is prose
    out.push({ span: [start, end], value, unit, counts: counted });
  }
  return out;
}

function countedNoun(tail: string | undefined): string | null {
  if (!tail) return null;
  const words = tail.split(/\s+/);
  const kept: string[] = [];
  for (const w of words) {
    if (COUNTED_STOP.test(w)) break;
    kept.push(w);
  }
  return kept.length ? kept.join(" ") : null;
}

/** "July 28", "Sept. 2", "28 July": the digits of a date are not a count. */
function isPartOfDate(text: string, index: number, match: string): boolean {
  const before = text.slice(Math.max(0, index - 12), index);
  const after = text.slice(index + match.length, index + match.length + 12);
  const MONTH = /(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;
  return MONTH.test(before) || /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(match.replace(/^\S+\s*/, "") + after);
}
