/**
 * Dated mentions, resolved against the article's publication date and kept at the granularity the text gives:
 * "July 28, 2024" → 2024-07-28, "last month" → 2024-07, "in 2020" → 2020, "November 21" with no known publication
 * date → --11-21. chrono-node parses, only around words a date must contain (windows.ts); we refuse what it misreads
 * on news text (a bare number such as "at 4,467 points", a time of day, "April" the first name) and weekdays or
 * relative dates when there is no publication date to resolve them by.
 *
 * `relative` is true when the text alone does not fix the date and the publication date supplies (or would supply)
 * part of it: "last month", "on Thursday", "yesterday", and also "Sept. 2" or "in January" without a year, whose
 * year is inferred. A reader can then tell a written date from a computed one, which may be off near a year's turn.
 */
import type { DateGranularity, Span } from "../../records.js";
import { type ChronoDate, parseDateWindows } from "./chrono-dates.js";
import { type Anchor, anchorOf, type Modifier, pad, tenseAt, weekdayDate, yearOf } from "./resolve.js";
import { findDateWindows } from "./windows.js";
import { findYears } from "./years.js";

export interface DateCandidate {
  span: Span;
  date: string;
  granularity: DateGranularity;
  relative: boolean;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** Capitalised: a lowercase "may" or "march" is a verb. */
const MONTH_NAME = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b/;
const MONTH_NAMES = new RegExp(MONTH_NAME.source, "g");
const WEEKDAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const DAY_WORD = /\b(yesterday|today|tonight|tomorrow|last night)\b/i;
const PERIOD = /\b(last|this|next) (week|month|year)\b/i;
/** "two weeks ago", "a year earlier": the unit sets the granularity (day, month or year). */
const AGO = /\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s(days?|weeks?|months?|years?)\s(?:ago|earlier|before)\b/i;
/**
 * A month without a day needs a preposition or modifier before it ("in May", "last April") or a possessive or year
 * after it ("January's vote", "June last year"): "May" the verb and "April Ryan" are not months.
 */
const MONTH_LEAD = /\b(?:in|since|until|till|by|of|from|through|during|before|after|early|late|mid|last|next|this|past|coming|between|and|to|or|each|every|for)[\s-]+$/i;
const MONTH_TAIL = /^(?:['’]s\b|,?\s+(?:last|this|next) year\b)/;
const YEAR_AFTER_MONTH = /^,?\s+(last|this|next) year\b/;
const MODIFIER_BEFORE = /\b(last|next|this|coming|past)\s+$/i;

export function findDates(text: string, publishedAt: string | null): DateCandidate[] {
  const anchor = anchorOf(publishedAt);
  const reference = new Date(anchor?.time ?? Date.UTC(2000, 0, 1, 12));
  const out: DateCandidate[] = [];
  const windows = findDateWindows(text);
  for (const found of parseDateWindows(text, windows, reference)) {
    const date = normalise(found, text, anchor);
    if (date && !overlaps(out, date.span)) out.push(date);
  }
  for (const m of text.matchAll(MONTH_NAMES)) {
    // chrono misses some ("signed last May."); a month it did not read may still be one.
    const span: Span = [m.index, m.index + m[0].length];
    if (overlaps(out, span)) continue;
    const date = monthOnly(text, span, monthIndex(m[0]), anchor);
    if (date) out.push(date);
  }
  for (const year of findYears(text)) {
    if (!overlaps(out, year.span)) out.push({ ...year, granularity: "year", relative: false });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

function normalise(found: ChronoDate, text: string, anchor: Anchor | null): DateCandidate | null {
  const span = trimSpan(text, found.span);
  const said = text.slice(span[0], span[1]);
  const c = found.result.start;
  const month = MONTH_NAME.exec(said);
  if (month) {
    if (c.isCertain("year")) return absolute(span, c.get("year")!, c.get("month")!, c.isCertain("day") ? c.get("day")! : null);
    if (!c.isCertain("day")) return monthOnly(text, span, c.get("month")!, anchor);
    const weekday = WEEKDAY.exec(said);
    return monthDay(text, span, c.get("month")!, c.get("day")!, anchor, weekday ? weekdayIndex(weekday[1]!) : undefined);
  }
  if (/\b(?:1[89]|20)\d{2}\b/.test(said) && c.isCertain("year") && c.isCertain("day")) {
    return absolute(span, c.get("year")!, c.get("month")!, c.get("day")!); // 7/28/2024, 2024-07-28
  }
  if (!anchor) return null; // weekdays and "last month" need a publication date
  const ymd = () => `${c.get("year")}-${pad(c.get("month")!)}-${pad(c.get("day")!)}`;
  const relative = (date: string | null, granularity: DateGranularity) => (date ? { span, date, granularity, relative: true } : null);
  const weekday = WEEKDAY.exec(said);
  if (weekday) {
    const modifier = (/\b(last|next|this)\b/i.exec(said)?.[1] ?? MODIFIER_BEFORE.exec(text.slice(span[0] - 8, span[0]))?.[1])?.toLowerCase();
    const how = { modifier: modifier as Modifier | undefined, tense: tenseAt(text, span[0], span[1]) };
    return relative(weekdayDate(weekdayIndex(weekday[1]!), anchor, how), "day");
  }
  const ago = AGO.exec(said);
  if (ago) return relative(ago[1]!.startsWith("year") ? String(c.get("year")) : ago[1]!.startsWith("month") ? ymd().slice(0, 7) : ymd(), granularityOfUnit(ago[1]!));
  if (DAY_WORD.test(said)) return relative(ymd(), "day");
  const period = PERIOD.exec(said);
  if (!period || period[2] === "week") return null; // a week is no date; times and bare numbers are none either
  return period[2]!.toLowerCase() === "month" ? relative(ymd().slice(0, 7), "month") : relative(String(c.get("year")), "year");
}

function absolute(span: Span, year: number, month: number, day: number | null): DateCandidate {
  return { span, date: day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`, granularity: day === null ? "month" : "day", relative: false };
}

function monthDay(text: string, span: Span, month: number, day: number, anchor: Anchor | null, weekday?: number): DateCandidate {
  if (!anchor) return { span, date: `--${pad(month)}-${pad(day)}`, granularity: "day", relative: true };
  const modifier = MODIFIER_BEFORE.exec(text.slice(Math.max(0, span[0] - 8), span[0]))?.[1]?.toLowerCase();
  const year = yearOf(month, day, anchor, { modifier: modifierOf(modifier), tense: tenseAt(text, span[0], span[1]), weekday });
  return { span, date: `${year}-${pad(month)}-${pad(day)}`, granularity: "day", relative: true };
}

/** "in May", "last April", "June last year": a month, its year from the modifier, the tense or the nearest one. */
function monthOnly(text: string, span: Span, month: number, anchor: Anchor | null): DateCandidate | null {
  const before = text.slice(Math.max(0, span[0] - 12), span[0]);
  const after = text.slice(span[1], span[1] + 16);
  if (!MONTH_LEAD.test(before) && !MONTH_TAIL.test(after)) return null;
  if (span[1] - span[0] <= 4 && !/^(May|June|July)$/i.test(text.slice(span[0], span[1])) && after[0] !== ".") return null; // "Jan Kavan"
  if (!anchor) return { span, date: `--${pad(month)}`, granularity: "month", relative: true };
  const yearWords = YEAR_AFTER_MONTH.exec(after);
  if (yearWords) {
    const shift = { last: -1, this: 0, next: 1 }[yearWords[1]!.toLowerCase() as Modifier];
    return { span: [span[0], span[1] + yearWords[0].length], date: `${anchor.year + shift}-${pad(month)}`, granularity: "month", relative: true };
  }
  const modifier = modifierOf(MODIFIER_BEFORE.exec(before)?.[1]?.toLowerCase());
  const year = yearOf(month, null, anchor, { modifier, tense: tenseAt(text, span[0], span[1]) });
  return { span, date: `${year}-${pad(month)}`, granularity: "month", relative: true };
}

/** "coming" and "past" read as "next" and "last". */
const modifierOf = (word: string | undefined): Modifier | undefined =>
  word === "coming" ? "next" : word === "past" ? "last" : (word as Modifier | undefined);

const granularityOfUnit = (unit: string): DateGranularity => (unit.startsWith("year") ? "year" : unit.startsWith("month") ? "month" : "day");
const weekdayIndex = (name: string): number => ["sun", "mon", "tues", "wednes", "thurs", "fri", "satur"].indexOf(name.toLowerCase());
const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const overlaps = (dates: readonly DateCandidate[], [start, end]: Span): boolean => dates.some((d) => start < d.span[1] && d.span[0] < end);

/** chrono's match includes "On " and trailing commas; the date is the words after. */
function trimSpan(text: string, [start, end]: Span): Span {
  const said = text.slice(start, end);
  const lead = /^(?:on|at|in|by|from|since|until|of)\s+/i.exec(said)?.[0].length ?? 0;
  const trail = /[\s,;:.]+$/.exec(said.slice(lead))?.[0].length ?? 0;
  const keepDot = /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.$/i.test(said.slice(lead)) ? 1 : 0;
  return [start + lead, end - Math.max(0, trail - keepDot)];
}
