/**
 * Dates as a reader writes them, for every screen and report: "11 Aug 2024" (or "11 Aug" when the year is the
 * story's own), "Jan 2025", "2024", "11 Aug (year unknown)". Input is what the records hold: YYYY-MM-DD, YYYY-MM,
 * YYYY, --MM-DD or --MM, or an ISO date-time (its date is used). Anything else is returned as given, so a reader
 * never loses a value the formatter does not understand. Written by hand: Intl would localise month names and
 * orders, and a report must read the same on every machine.
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export interface ReaderDateOptions {
  /** A year the reader already has in mind (the story's): a date in it is written without it. */
  contextYear?: number | null;
  /** The year was inferred from the articles' publication dates, not stated: say so. */
  yearInferred?: boolean;
}

export interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** The parts of a record's date; null when it is none of the record forms. */
export function dateParts(date: string): DateParts | null {
  const m = /^(?:(\d{4})|-)(?:-(\d{2}))?(?:-(\d{2}))?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(date.trim());
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : null;
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (year === null && month === null) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (month === null || day < 1 || day > 31)) return null;
  return { year, month, day };
}

export function readerDate(date: string, options: ReaderDateOptions = {}): string {
  const parts = dateParts(date);
  if (!parts) return date;
  const { year, month, day } = parts;
  const monthDay = month === null ? "" : day === null ? MONTHS[month - 1]! : `${day} ${MONTHS[month - 1]}`;
  if (year === null) return `${monthDay} (year unknown)`;
  const inferred = options.yearInferred ? " (year inferred)" : "";
  if (!monthDay) return `${year}${inferred}`;
  if (options.contextYear === year && day !== null && !options.yearInferred) return monthDay;
  return `${monthDay} ${year}${inferred}`;
}

/** A span of publication dates: "11 Aug 2024", "11–12 Aug 2024", "30 Aug – 2 Sep 2024", "Dec 2023 – Jan 2024". */
export function readerDateRange(first: string | null, last: string | null): string {
  if (!first) return "publication dates unknown";
  const a = dateParts(first.slice(0, 10));
  const b = last ? dateParts(last.slice(0, 10)) : null;
  if (!a || !b || first.slice(0, 10) === last?.slice(0, 10)) return readerDate(first.slice(0, 10));
  if (a.year !== null && a.year === b.year && a.day !== null && b.day !== null && a.month !== null && b.month !== null) {
    if (a.month === b.month) return `${a.day}–${b.day} ${MONTHS[a.month - 1]} ${a.year}`;
    return `${a.day} ${MONTHS[a.month - 1]} – ${b.day} ${MONTHS[b.month - 1]} ${a.year}`;
  }
  return `${readerDate(first.slice(0, 10))} – ${readerDate(last!.slice(0, 10))}`;
}
