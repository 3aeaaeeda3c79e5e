/**
 * Numbers and what they count: "$15 million bounty", "52% of the votes", "at least 80 people", "nearly eight million
 * Venezuelans", "almost 38 percentage points", "two-thirds of the Senate". The span is the amount with its currency,
 * scale and unit ("$15 million", "38 percentage points"); the hedge before it and the counted noun after it are read
 * but left outside, so that "at least 80" and "80" share a span shape. Years, times, dates, names and codes are
 * not counts (not-a-count.ts).
 */
import type { Span } from "../../records.js";
import { CURRENCY_SIGNS, SCALES, TIME_UNITS, UNITS_WORDS } from "./lexicon.js";
import { isNotACount } from "./not-a-count.js";
import { fractionValue, isPersonNoun, readCounted, readHedge, readUnit, wordsValue } from "./parse.js";

export interface NumberCandidate {
  span: Span;
  value: number;
  unit: string | null;
  counts: string | null;
  hedge: string | null;
}

const WORD = `(?:${[...Object.keys(UNITS_WORDS).filter((w) => w !== "one"), "hundred", "thousand", "million", "billion", "trillion", "dozen"].join("|")})`;
const ANY_WORD = `(?:${[...Object.keys(UNITS_WORDS), "hundred", "thousand", "million", "billion", "trillion", "dozen"].join("|")})`;
/**
 * One amount. "one" alone is left out: it is a pronoun or determiner far more often than a count ("one of them",
 * "one official said"), but it joins longer numbers ("twenty-one", "one million"). Short scales k/m/b need a
 * currency sign ("$15m"; "100m" is metres).
 */
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,\-–/$€£¥₹])(?<sign>US\$|C\$|A\$|[$€£¥₹])?\s?(?:` +
    String.raw`(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[\s-]?(?<scale>hundred|thousand|million|billion|trillion)\b|(?<short>bn|mn|mln|tn|[kmb])(?![\p{L}\p{N}]))?` +
    String.raw`|(?<fraction>(?:one|two|three|four|five|six|seven|eight|nine)-(?:halves|half|thirds?|quarters?|fourths?|fifths?|tenths?))` +
    String.raw`|(?<words>(?:(?:an?|one)\s(?:dozen|hundred|thousand|million|billion)|${WORD})\b(?:(?:[\s-]+|\sand\s)${ANY_WORD}\b)*)` +
    String.raw`|(?<vague>(?:tens|hundreds)\sof\s(?:thousands|millions)|dozens|hundreds|thousands|millions|billions)(?=\s+of\b|\s+\p{Ll})` +
    String.raw`)(?![\p{L}\p{N}])`,
  "giu",
);

export function findNumbers(text: string): NumberCandidate[] {
  const out: NumberCandidate[] = [];
  for (const m of text.matchAll(NUMBER)) {
    if (out.length && m.index! < out[out.length - 1]!.span[1]) continue; // inside the last one ("1 in 4")
    const found = readNumber(text, m);
    if (found) out.push(found);
  }
  return out;
}

function readNumber(text: string, m: RegExpMatchArray): NumberCandidate | null {
  const g = m.groups!;
  const numeral = g.digits ?? g.fraction ?? g.words ?? g.vague!;
  if (g.short && !g.sign && /^[kmb]$/i.test(g.short)) return null;
  const start = m.index! + (m[0].length - m[0].trimStart().length);
  let end = m.index! + m[0].length;
  const before = text.slice(Math.max(0, start - 24), start);
  const ratio = RATIO.exec(text.slice(end, end + 12));
  const age = AGE.exec(text.slice(end, end + 16));
  // "millions of tons": a vague plural's unit comes after "of".
  const unitAt = g.vague && /^\s+of\s/.test(text.slice(end, end + 5)) ? end + text.slice(end).indexOf("of") + 2 : end;
  const unitRead = g.fraction || ratio || age ? null : readUnit(text.slice(unitAt, unitAt + 24));
  const measured = Boolean(g.sign || g.scale || g.short || unitRead || ratio || age);
  const after = text.slice(end, end + 24);
  if (isNotACount({ before, after, numeral, measured })) return null;
  if (g.words && !isPlainWordNumber(text, start, numeral)) return null;
  let value = valueOf(g, numeral);
  if (value === null) return null;
  if (ratio) {
    value = Math.round((value / Number(ratio[1])) * 10000) / 100;
    end += ratio[0].length;
  }
  if (unitRead) end = unitAt + unitRead.length;
  end += age?.[0].length ?? MODIFIER_WORD.exec(text.slice(end, end + 24))?.[0].length ?? 0;
  const unit = g.sign ? CURRENCY_SIGNS[g.sign]! : g.fraction || ratio ? "%" : unitRead?.unit ?? null;
  const money = Boolean(g.sign) || Boolean(unit && /^[A-Z]{3}$/.test(unit));
  const ofOnly = Boolean(age) || Boolean(unit && TIME_UNITS.has(unit) && !/-/.test(text.slice(start, end)));
  const counts = readCounted(text.slice(end, end + 60), { money, measured: measured && !money, ofOnly });
  const wordy = Boolean(g.words || g.vague);
  if (wordy && !counts && !unitRead) return null; // "the two of us", "a thousand": a word-number counts something or is prose
  const hedge = readHedge(before, text.slice(end, end + 12));
  return {
    span: [start, end],
    value,
    unit: unit ?? (age ? "years" : counts && isPersonNoun(counts) ? "people" : null),
    counts,
    // "over 10 years" is a period more often than a bound.
    hedge: unit && TIME_UNITS.has(unit) && /^(?:over|under)$/i.test(hedge ?? "") ? null : hedge,
  };
}

/** "1 in 4 residents": a share. */
const RATIO = /^\s+in\s+(\d+)(?![\d,.])/;
/** "a 33-year-old": an age, in years. */
const AGE = /^\s?-\s?years?\s?-\s?old\b/i;
/** "a 16-page document", "the 12-story building": the hyphened word qualifies the noun after it, which is counted. */
const MODIFIER_WORD = /^-[\p{L}]+(?:-[\p{L}]+)*/u;

function valueOf(g: Record<string, string | undefined>, numeral: string): number | null {
  if (g.fraction) return fractionValue(g.fraction);
  if (g.vague) return wordsValue(g.vague);
  if (g.words) return wordsValue(numeral);
  const base = Number(numeral.replace(/,/g, ""));
  const scale = SCALES[(g.scale ?? g.short ?? "").toLowerCase()] ?? 1;
  return Math.round(base * scale * 1e6) / 1e6;
}

/** Word numbers capitalised inside a sentence are names ("the Big Three", "Channel Four"). */
function isPlainWordNumber(text: string, start: number, words: string): boolean {
  if (!/^\p{Lu}/u.test(words)) return true;
  return start === 0 || /[.!?"“:]\s*$|\n\s*$/.test(text.slice(Math.max(0, start - 4), start));
}
