/**
 * chrono-node set up for calendar dates only. Its time-of-day parsers read "at 4,467 points" as 4 a.m. and "night of
 * Friday" as a time; its duration parsers ("within 5 years", "2 days later") count from a moment the text does not
 * fix; and its range refiner joins "Aug. 26 to Oct. 20" into one result whose end we would drop. Without them chrono
 * is also faster. Parsers are picked by class name; if a chrono release renames them we fall back to its full set
 * (the normaliser still refuses times and bare numbers), and find.test.ts notices.
 */
// English alone: the package root loads every locale chrono has (~0.2 s CPU at start-up against ~0.05 s).
import * as chrono from "chrono-node/en";
import type { Span } from "../../records.js";

const DATE_PARSERS = new Set([
  "ENYearMonthDayParser", "ISOFormatParser", "SlashDateFormatParser", "ENMonthNameLittleEndianParser",
  "ENMonthNameMiddleEndianParser", "ENWeekdayParser", "ENSlashMonthFormatParser", "ENTimeUnitAgoFormatParser",
  "ENYearMonthNameParser", "ENCasualDateParser", "ENMonthNameParser", "ENRelativeDateFormatParser",
]);
const DROPPED_REFINERS = new Set(["ENMergeDateRangeRefiner", "ENMergeDateTimeRefiner"]);

function dateOnlyChrono(): { parser: chrono.Chrono; restricted: boolean } {
  const parser = chrono.casual.clone();
  const parsers = parser.parsers.filter((p) => DATE_PARSERS.has(p.constructor.name));
  if (parsers.length !== DATE_PARSERS.size) return { parser: chrono.casual, restricted: false };
  parser.parsers = parsers;
  parser.refiners = parser.refiners.filter((r) => !DROPPED_REFINERS.has(r.constructor.name));
  return { parser, restricted: true };
}

const { parser: DATE_CHRONO, restricted } = dateOnlyChrono();
/** Whether the date-only parser set is in use (false: chrono renamed its parsers). */
export const CHRONO_RESTRICTED = restricted;

export interface ChronoDate {
  /** The words chrono matched, as offsets into the whole text. */
  span: Span;
  said: string;
  result: chrono.ParsedResult;
}

/** chrono's dates inside the given windows of `text`, with offsets into `text`. */
export function parseDateWindows(text: string, windows: readonly Span[], reference: Date): ChronoDate[] {
  const out: ChronoDate[] = [];
  for (const [start, end] of windows) {
    for (const result of DATE_CHRONO.parse(text.slice(start, end), reference, { forwardDate: false })) {
      const at = start + result.index;
      out.push({ span: [at, at + result.text.length], said: result.text, result });
    }
  }
  return out;
}
