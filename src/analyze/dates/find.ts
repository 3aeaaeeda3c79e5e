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
const RELATIVE = /\b(yesterday|today|tonight|last (week|month|year)|this (week|month|year)|next (week|month|year))\b/i;
const YEAR_ONLY = /\b(?:in|since|from|by|until|of|during)\s((?:19|20)\d{2})\b(?![-/]\d)/g;
/** "May" is also a verb: only a May followed by a day or year is the month. */
const MAY_AS_VERB = /^may$/i;

export function findDates(text: string, publishedAt: string | null): DateCandidate[] {
  const reference = publishedAt ? new Date(publishedAt.length === 10 ? `${publishedAt}T12:00:00Z` : publishedAt) : null;
  const valid = reference && !Number.isNaN(reference.getTime()) ? reference : null;
  const out: DateCandidate[] = [];
  for (const result of chrono.parse(text, valid ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
    const date = normalise(result, valid);
    if (date) out.push({ span: trimSpan(result.text, result.index), date });
  }
  for (const m of text.matchAll(YEAR_ONLY)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    if (!out.some((d) => start >= d.span[0] && start < d.span[1])) out.push({ span: [start, start + 4], date: m[1]! });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

function normalise(result: chrono.ParsedResult, reference: Date | null): string | null {
  const said = result.text;
  const c = result.start;
  const hasMonth = MONTH.test(said) && !(MAY_AS_VERB.test(said.trim()));
  const relative = WEEKDAY.test(said) || RELATIVE.test(said);
  if (!hasMonth && !relative && !/\b(19|20)\d{2}\b/.test(said)) return null; // bare numbers, times of day
  if (relative && !hasMonth) {
    if (!reference) return null;
    if (/\b(last|this|next) week\b/i.test(said)) return null; // a week is no date
    if (/\b(last|this|next) (month)\b/i.test(said)) return `${c.get("year")}-${pad(c.get("month")!)}`;
    if (/\b(last|this|next) year\b/i.test(said)) return String(c.get("year"));
    return `${c.get("year")}-${pad(c.get("month")!)}-${pad(c.get("day")!)}`;
  }
  const yearKnown = c.isCertain("year") || reference !== null;
  const dayKnown = c.isCertain("day");
  const month = pad(c.get("month")!);
  if (!yearKnown) return dayKnown ? `--${month}-${pad(c.get("day")!)}` : null;
  // A bare month ("before his term ends in January") could be last or next year: no date rather than a wrong one.
  if (!dayKnown && !c.isCertain("year")) return null;
  const year = c.isCertain("year") ? c.get("year")! : inferYear(c.get("month")!, c.get("day") ?? 1, reference!);
  return dayKnown ? `${year}-${month}-${pad(c.get("day")!)}` : `${year}-${month}`;
}

/** A month-day without a year in a news report is in the past year unless it is within a week ahead. */
function inferYear(month: number, day: number, reference: Date): number {
  const year = reference.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  return candidate - reference.getTime() > 7 * 86_400_000 ? year - 1 : year;
}

/** chrono's match includes "On " and trailing commas; the date is the words after. */
function trimSpan(said: string, index: number): Span {
  const lead = /^(?:on|at|in|by|from|since|until|of)\s+/i.exec(said)?.[0].length ?? 0;
  const trail = /[\s,;:.]+$/.exec(said.slice(lead))?.[0].length ?? 0;
  const keepDot = /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.$/i.test(said.slice(lead)) ? 1 : 0;
  return [index + lead, index + said.length - Math.max(0, trail - keepDot)];
}

const pad = (n: number) => String(n).padStart(2, "0");
