/**
 * Dated mentions, resolved against the article's publication date and kept at the granularity the text gives:
 * "July 28, 2024" → 2024-07-28, "last month" → 2024-07, "in 2020" → 2020, "November 21" with no known
 * publication date → --11-21. chrono-node parses; we refuse what it misreads on news text (a bare number such
 * as "at 4,467 points", a time of day) and weekday or relative dates when there is nothing to resolve them by.
 */
import * as chrono from "chrono-node";
import type { Span } from "../../records.js";

export interface DateCandidate {
  span: Span;
  date: string;
}

const MONTH = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?/i;
const WEEKDAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const RELATIVE = /\b(yesterday|today|tonight|tomorrow|last (week|month|year)|this (week|month|year)|next (week|month|year))\b/i;
/** "two weeks ago", "a year earlier": the unit sets the granularity (day, month or year). */
const AGO = /\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s(days?|weeks?|months?|years?)\s(ago|earlier|before)\b/i;
const MONTH_MODIFIER = /\b(last|next|this|coming|past)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const FUTURE = /\b(will|would|next|coming|upcoming|scheduled|is to|are to|plans? to|is due|are due|expected to)\b/i;
const YEAR_ONLY = /\b(?:in|since|from|by|until|of|during|before|after|through|between|and|to|mid-|early|late)[\s-]?((?:19|20)\d{2})\b(?![-/]\d)/g;
/** "May" is also a verb: only a May followed by a day or year is the month. */
const MAY_AS_VERB = /^may$/i;

export function findDates(text: string, publishedAt: string | null): DateCandidate[] {
  const reference = publishedAt ? new Date(publishedAt.length === 10 ? `${publishedAt}T12:00:00Z` : publishedAt) : null;
  const valid = reference && !Number.isNaN(reference.getTime()) ? reference : null;
  const out: DateCandidate[] = [];
  for (const result of chrono.parse(text, valid ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
    const date = normalise(result, text, valid);
    if (date) out.push({ span: trimSpan(result.text, result.index), date });
  }
  for (const m of text.matchAll(YEAR_ONLY)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    if (!out.some((d) => start >= d.span[0] && start < d.span[1])) out.push({ span: [start, start + 4], date: m[1]! });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

function normalise(result: chrono.ParsedResult, text: string, reference: Date | null): string | null {
  const said = result.text;
  const c = result.start;
  const modifier = MONTH_MODIFIER.exec(text.slice(Math.max(0, result.index - 12), result.index) + said)?.[1];
  const hasMonth = MONTH.test(said) && (!MAY_AS_VERB.test(said.trim()) || modifier !== undefined);
  const weekday = WEEKDAY.exec(said);
  const ago = AGO.exec(said);
  const relative = RELATIVE.test(said);
  if (!hasMonth && !weekday && !relative && !ago && !/\b(19|20)\d{2}\b/.test(said)) return null; // bare numbers, times of day
  const ymd = () => `${c.get("year")}-${pad(c.get("month")!)}-${pad(c.get("day")!)}`;
  if (!hasMonth && (weekday || relative || ago)) {
    if (!reference) return null;
    if (ago) return ago[2]!.startsWith("year") ? String(c.get("year")) : ago[2]!.startsWith("month") ? ymd().slice(0, 7) : ymd();
    if (/\b(last|this|next) week\b/i.test(said)) return null; // a week is no date
    if (/\b(last|this|next) month\b/i.test(said)) return ymd().slice(0, 7);
    if (/\b(last|this|next) year\b/i.test(said)) return String(c.get("year"));
    if (weekday && !/\b(last|next|this)\b/i.test(said)) return isoDay(nearestWeekday(reference, weekdayIndex(weekday[1]!), looksAhead(text, result.index)));
    return ymd();
  }
  const month = c.get("month")!;
  const dayKnown = c.isCertain("day");
  if (c.isCertain("year")) return dayKnown ? ymd() : `${c.get("year")}-${pad(month)}`;
  if (!reference) return dayKnown ? `--${pad(month)}-${pad(c.get("day")!)}` : null;
  const year = yearOf(month, dayKnown ? c.get("day")! : 15, reference, modifier);
  return dayKnown ? `${year}-${pad(month)}-${pad(c.get("day")!)}` : `${year}-${pad(month)}`;
}

/**
 * The year of a month (and day) given without one. "last May" / "next January" say which; otherwise the
 * occurrence closest to the publication date: news speaks of the recent past and the coming months alike
 * ("before his term ends in January", written in August, is next January).
 */
function yearOf(month: number, day: number, reference: Date, modifier: string | undefined): number {
  const year = reference.getUTCFullYear();
  const at = (y: number) => Date.UTC(y, month - 1, day);
  const now = reference.getTime();
  if (modifier === "last" || modifier === "past") return at(year) < now ? year : year - 1;
  if (modifier === "next" || modifier === "coming") return at(year) > now ? year : year + 1;
  if (modifier === "this") return year;
  return [year - 1, year, year + 1].reduce((best, y) => (Math.abs(at(y) - now) < Math.abs(at(best) - now) ? y : best), year);
}

/** A bare weekday is the most recent one (news reports what happened), unless the sentence looks ahead. */
function nearestWeekday(reference: Date, weekday: number, ahead: boolean): Date {
  const today = reference.getUTCDay();
  const back = (today - weekday + 7) % 7;
  const days = ahead ? (weekday - today + 7) % 7 || 7 : -back;
  return new Date(reference.getTime() + days * 86_400_000);
}

function looksAhead(text: string, index: number): boolean {
  const sentenceStart = Math.max(0, text.lastIndexOf(".", index), text.lastIndexOf("\n", index), index - 120);
  return FUTURE.test(text.slice(sentenceStart, index + 40));
}

const weekdayIndex = (name: string): number => ["sun", "mon", "tues", "wednes", "thurs", "fri", "satur"].indexOf(name.toLowerCase());
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** chrono's match includes "On " and trailing commas; the date is the words after. */
function trimSpan(said: string, index: number): Span {
  const lead = /^(?:on|at|in|by|from|since|until|of)\s+/i.exec(said)?.[0].length ?? 0;
  const trail = /[\s,;:.]+$/.exec(said.slice(lead))?.[0].length ?? 0;
  const keepDot = /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.$/i.test(said.slice(lead)) ? 1 : 0;
  return [index + lead, index + said.length - Math.max(0, trail - keepDot)];
}

const pad = (n: number) => String(n).padStart(2, "0");
