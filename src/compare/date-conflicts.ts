/**
 * Dates of one aligned claim that cannot both hold: see markDateConflicts. A date and a later "not until" date of
 * the other side are a dispute; "May" and "May 15" are one date told more or less precisely.
 */
import type { AnnotationOf, ArticleBundle } from "../records.js";
import type { AlignedClaim } from "./claims/align-claims.js";
import { isCorrection } from "./corrections.js";
import { type Sides, recordSide } from "./dispute.js";
import { sideSayer as sayer } from "./side-sayer.js";

/**
 * One aligned claim dated differently by two articles ("March 3, 2023" against "March 4, 2023"): calendar dates
 * as written (a month and a day, or a month and a year), both precise to the day or both to the month, each
 * wording holding exactly one, so a sentence that also names a background date ("since July 28") is not read as
 * disputing it. Weekdays and "last month" are left out: resolved from each article's own publication date, they
 * disagree by error more often than the sources do. A year left unwritten is guessed from the publication date,
 * so where one is, the two dates must fall in the same year: the dispute is then about the day, not the guess.
 */
const CALENDAR = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\d{4}-\d{2}/i;
/** A month named in full ("June"): a date to the month, as the date analyzer read it (it tells "may" the verb apart). */
const MONTH = /^(?:in\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const WRITTEN_YEAR = /\b(1[89]|20)\d{2}\b/;

/** "not until June", "not before March 3": the date is the earliest it can be, not the day it is. */
const NOT_UNTIL = /\bnot\s+(?:\w+\s+){0,4}(?:until|before|till)\s+(?:\w+\s+)?$/i;

export function markDateConflicts(aligned: readonly AlignedClaim[], byId: ReadonlyMap<string, ArticleBundle>, sides: Sides): void {
  for (const { claim, sentences } of aligned) {
    const dated = sentences.flatMap((s) => {
      if (s.field === "title") return [];
      const bundle = byId.get(s.articleId)!;
      const d = eventDateOf(bundle, s.span);
      return d ? [{ s, bundle, ...d }] : [];
    });
    for (let i = 0; i < dated.length; i++) {
      for (let j = i + 1; j < dated.length; j++) {
        const [a, b] = [dated[i]!, dated[j]!];
        if (a.s.articleId === b.s.articleId || a.date === b.date) continue;
        if (!datesDisagree(a, b)) continue; // "May" and "May 15": one date, told more or less precisely
        if (isCorrection({ claim, sentence: a.s, articleId: a.s.articleId, text: a.text }, { claim, sentence: b.s, articleId: b.s.articleId, text: b.text }, byId)) continue;
        if (a.date.startsWith("--") !== b.date.startsWith("--")) continue; // a year unknown on one side: not comparable
        const bothWritten = a.year === "written" && b.year === "written";
        // A guessed year must be the same on both sides, unless one is a "not until" rolled into the next year.
        if (!bothWritten && (a.year === null || b.year === null || (a.date.slice(0, 4) !== b.date.slice(0, 4) && !a.notUntil && !b.notUntil))) continue;
        const [sa, sb] = [sayer(a.bundle, a.s.span), sayer(b.bundle, b.s.span)];

        recordSide(sides, claim, a.s, a.notUntil ? `not until ${a.text}` : a.text, a.date, sa, { kind: "date" });
        recordSide(sides, claim, b.s, b.notUntil ? `not until ${b.text}` : b.text, b.date, sb, { kind: "date" });
        claim.conflicts.push({
          value: a.text, otherValue: b.text, articleId: a.s.articleId, otherArticleId: b.s.articleId, source: sa, otherSource: sb,
          kind: "date", dates: [a.date, b.date],
        });
      }
    }
    markRecordConflicts(claim, sentences, byId, sides);
  }
}

/** The records "since" a date that two articles of one claim date differently (recordSinceOf). */
function markRecordConflicts(claim: AlignedClaim["claim"], sentences: AlignedClaim["sentences"], byId: ReadonlyMap<string, ArticleBundle>, sides: Sides): void {
  const records = sentences.flatMap((s) => {
    const bundle = byId.get(s.articleId)!;
    const r = s.field ? null : recordSinceOf(bundle, s.span);
    return r ? [{ s, bundle, r }] : [];
  });
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const [a, b] = [records[i]!, records[j]!];
      if (a.s.articleId === b.s.articleId || !recordsDisagree(a.r, b.r)) continue;
      const [sa, sb] = [sayer(a.bundle, a.s.span), sayer(b.bundle, b.s.span)];
      recordSide(sides, claim, a.s, `since ${a.r.text}`, a.r.date, sa, { kind: "date", fact: "record-since" });
      recordSide(sides, claim, b.s, `since ${b.r.text}`, b.r.date, sb, { kind: "date", fact: "record-since" });
      claim.conflicts.push({
        value: `since ${a.r.text}`, otherValue: `since ${b.r.text}`, articleId: a.s.articleId, otherArticleId: b.s.articleId, source: sa, otherSource: sb,
        kind: "date", dates: [a.r.date, b.r.date],
      });
    }
  }
}

/** "closed since January", "a memo dated March 7": a date the sentence gives as background, not its event's. */
const BACKGROUND = /\b(?:since|dated)\s+(?:early\s+|late\s+|mid-?)?$/i;

export interface EventDate {
  date: string;
  granularity: string;
  text: string;
  /** "written" when the text gives the year; else the publication year it was guessed from, or null. */
  year: string | null;
  notUntil: boolean;
}

/**
 * The date a wording gives its event: its one "not until" date, else its one calendar date that is not background
 * ("since January"). A sentence naming two is not read as disputing either. A "not until" date whose unwritten
 * year puts it before the article was published is next year's: "will not go on trial until January", written in
 * May, means the coming January.
 */
export function eventDateOf(bundle: ArticleBundle, span: readonly [number, number]): EventDate | null {
  const text = bundle.article.text;
  const dates = bundle.annotations.filter(
    (a): a is AnnotationOf<"date"> => a.kind === "date" && a.span[0] >= span[0] && a.span[1] <= span[1] && a.granularity !== "year",
  );
  const notUntil = (d: AnnotationOf<"date">) => NOT_UNTIL.test(text.slice(Math.max(0, d.span[0] - 48), d.span[0]));
  const qualified = dates.filter(notUntil);
  // A weekday beside a calendar date ("in March, the company said Tuesday") dates the saying, not the event.
  const calendar = dates.filter((d) => isCalendar(d, text.slice(d.span[0], d.span[1])) && !BACKGROUND.test(text.slice(Math.max(0, d.span[0] - 16), d.span[0])));
  const only = qualified.length === 1 ? qualified[0]! : calendar.length === 1 ? calendar[0]! : null;
  const said = only ? text.slice(only.span[0], only.span[1]) : "";
  // A weekday or "last month" is resolved from the article's own date, and errs more often than sources disagree.
  if (!only || !isCalendar(only, said)) return null;
  const written = WRITTEN_YEAR.test(said);
  const published = bundle.article.publishedAt?.slice(0, 10) ?? null;
  const bound = notUntil(only);
  let date = only.date;
  if (bound && !written && published && !date.startsWith("--") && date < published.slice(0, date.length)) date = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return { date, granularity: only.granularity ?? "day", text: said, year: written ? "written" : published?.slice(0, 4) ?? null, notUntil: bound };
}

/**
 * Two dates of one happening that cannot both hold: different days (or months) where neither contains the other;
 * or a date before the other side's "not until" one.
 */
function datesDisagree(a: { date: string; notUntil: boolean }, b: { date: string; notUntil: boolean }): boolean {
  const n = Math.min(a.date.length, b.date.length);
  const [x, y] = [a.date.slice(0, n), b.date.slice(0, n)];
  if (a.notUntil && b.notUntil) return false;
  if (a.notUntil) return y < x;
  if (b.notUntil) return x < y;
  return x !== y;
}

/**
 * "the largest 1-month spike since June 2008", "the fastest pace since August 2008": a record and the date it is the
 * most since. One record of one measure dates one last time it was matched, so two reports of it giving different
 * dates cannot both be right (DOMAIN.md: a conflict). Read only where the sentence holds exactly one such record,
 * with its measure's period ("1-month", "12-month", "annual") so that a monthly record is not set against a yearly
 * one. The superlative must stand within RECORD_WINDOW characters before "since", in the same clause.
 */
const RECORD_BEFORE = /\b(?:\p{L}+est|most|biggest|highest|lowest|largest|fastest|sharpest|steepest|worst|best)\b[^.;,]{0,60}?\bsince\s+$/iu;
const RECORD_WINDOW = 80;
const RECORD_PERIODS: [string, RegExp][] = [
  ["month", /\b(?:1|one)-month\b|\bmonth(?:ly|-to-month|-over-month| over month)\b|\bfrom (?:the previous|a) month\b/i],
  ["year", /\b(?:12|twelve)-month\b|\b(?:annual|yearly|year-over-year|year-on-year|year over year)\b|\bfrom a year\b|\bover the past year\b/i],
];

export interface RecordSince {
  date: string;
  text: string;
  /** "month", "year" or "" when the sentence does not say what period the measure covers. */
  period: string;
}

export function recordSinceOf(bundle: ArticleBundle, span: readonly [number, number]): RecordSince | null {
  const text = bundle.article.text;
  const records = bundle.annotations.filter(
    (a): a is AnnotationOf<"date"> =>
      a.kind === "date" && a.span[0] >= span[0] && a.span[1] <= span[1] && !a.relative &&
      RECORD_BEFORE.test(text.slice(Math.max(span[0], a.span[0] - RECORD_WINDOW), a.span[0])),
  );
  if (records.length !== 1) return null;
  const only = records[0]!;
  const sentence = text.slice(span[0], span[1]);
  const period = RECORD_PERIODS.filter(([, re]) => re.test(sentence)).map(([name]) => name);
  return { date: only.date, text: text.slice(only.span[0], only.span[1]), period: period.length === 1 ? period[0]! : period.length ? "mixed" : "" };
}

/** Two records of one measure dated differently: the dates differ where both say, and the periods do not. */
export function recordsDisagree(a: RecordSince, b: RecordSince): boolean {
  if (a.period === "mixed" || b.period === "mixed" || (a.period && b.period && a.period !== b.period)) return false;
  const n = Math.min(a.date.length, b.date.length);
  return a.date.slice(0, n) !== b.date.slice(0, n);
}

const isCalendar = (d: AnnotationOf<"date">, text: string): boolean => CALENDAR.test(text) || (d.granularity === "month" && MONTH.test(text));
