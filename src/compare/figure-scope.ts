/**
 * What a figure in a sentence stands for, read from the words around it, for conflicts.ts: two figures that
 * differ are a dispute only when they are the same quantity. Three common ways they are not:
 * - an expectation set against the outcome ("rose 0.8%, against the expected 0.2%"; "economists had expected the
 *   index to rise 3.6 percent"): the forecast is not a second account of the outcome;
 * - a part of a whole the sentence gives ("$300 billion of the $5 trillion total"): the part is another quantity;
 * - a figure pinned to a period the other does not share ("0.6% in May" / "0.9% in June"; "$6 trillion in 2022" /
 *   "$8.2 trillion by 2031").
 * Each pattern is bounded (a fixed window of text around the number), so the reads are linear.
 */

/** The words just before the figure make it someone's expectation, not what happened. */
const EXPECTATION =
  /(?:\b(?:than|against|versus|vs\.?|compared (?:with|to)|beating|missing|below|above)\s+(?:the\s+|an?\s+)?(?:expected|forecast|predicted|projected|anticipated|estimated|consensus)\b[^.;]{0,24}$|\b(?:economists|analysts|forecasters|wall street|markets?)\b[^;]{0,40}\b(?:expected|forecast|predicted|projected|anticipated|estimated)\b[^;]{0,60}$)/i;

/** "… of the $5 trillion", "of its 14": the figure is a part of a whole that follows. */
const PART_OF = /^\s*(?:\p{L}+\s+)?of\s+(?:the|its|their|his|her|a|an)\s+(?:\$|€|£)?\d/iu;

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
/** "in May", "for June", "by 2031", "in the 2022 fiscal year", within a few words after the figure. */
const PERIOD_AFTER = new RegExp(
  `^[^.;,—]{0,24}?\\b(?:in|for|during|by|through|since)\\s+(?:the\\s+)?(?:(?:fiscal|calendar)\\s+(?:year\\s+)?)?(${MONTHS}|\\d{4})\\b`,
  "i",
);

/** How many characters around a figure are read. */
export const SCOPE_WINDOW = 120;

export function isExpectation(before: string): boolean {
  return EXPECTATION.test(before.slice(-SCOPE_WINDOW));
}

export function isPartOfWhole(after: string): boolean {
  return PART_OF.test(after.slice(0, 40));
}

/** The month or year the figure is pinned to, lower-case; "" when none is said right after it. */
export function periodAfter(after: string): string {
  return PERIOD_AFTER.exec(after.slice(0, 60))?.[1]?.toLowerCase() ?? "";
}

/** Two figures pinned to different periods are different quantities; one unpinned says nothing. */
export const differentPeriods = (a: string, b: string): boolean => !!a && !!b && a !== b;

/**
 * The period a figure covers, when the sentence says: "$5 trillion over the next decade" is not the year's $6
 * trillion budget; a price rise "from a year earlier" is not the month's. Two figures over different periods are
 * different quantities.
 */
const PERIODS: [string, RegExp][] = [
  ["years", /\bover (?:the next |the past |the last )?(?:\w+ )?(?:years|decade)\b|\b(?:ten|10|five|5)-year\b/i],
  ["year-on-year", /\bfrom a year (?:earlier|ago|before)\b|\byear[- ](?:over|on|to)[- ]year\b|\bfrom the same (?:month|period|quarter|time) (?:a |last |in )?(?:year|\d{4})\b|\bover the past (?:12|twelve) months\b/i],
  ["month-on-month", /\bfrom the (?:previous|prior) month\b|\bfrom the month before\b|\bmonth[- ](?:over|on|to)[- ]month\b|\bfrom (?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i],
];
/** "in all", "so far", "a total of": a running count, not the figure for one event. */
const CUMULATIVE = /\b(so far|in all|in total|a total of|altogether|to date|cumulative|overall|since)\b/i;

/** "the highest since 2008", "the first time since": a comparison, not a running count. */
const SUPERLATIVE_SINCE = /\b(?:\p{L}+est|most|first|least|worst|best)\b[^.;]{0,40}?\bsince\b/giu;
export const isCumulative = (text: string): boolean => CUMULATIVE.test(text.replace(SUPERLATIVE_SINCE, " "));

/** The periods a sentence's figures cover, joined ("years+year-on-year"); "" when it names none. */
export const periodOf = (text: string): string => PERIODS.filter(([, re]) => re.test(text)).map(([name]) => name).join("+");

/** A year written in a sentence: "in 1998, when two people died" tells of another occurrence than this year's. */
const WRITTEN_YEAR = /\b(?:in|during)\s+((?:19|20)\d{2})\b/g;
/** Years this far before publication (or more) are another occurrence; last year's figure may still be this one's. */
const PAST_YEARS = 2;

/** The earliest past year a sentence pins itself to ("in 1998"), as a string; "" when none or no publication year. */
export function pastYearOf(text: string, publishedYear: number | null): string {
  if (publishedYear === null) return "";
  const past = [...text.matchAll(WRITTEN_YEAR)].map((m) => Number(m[1])).filter((y) => y <= publishedYear - PAST_YEARS);
  return past.length ? String(Math.min(...past)) : "";
}

/**
 * Two sentences whose figures tell of different occasions: one a running total and the other not, two periods
 * covered ("from a year earlier" / "from the previous month"), or a year long past on one side ("in 1998, when two
 * people died"). Their figures are different quantities, however alike the words (conflicts.ts, and dispute-merge.ts
 * before it joins two accounts over their figures).
 */
export function otherOccasion(a: string, b: string, publishedYears: readonly [number | null, number | null]): boolean {
  if (isCumulative(a) !== isCumulative(b) || periodOf(a) !== periodOf(b)) return true;
  return pastYearOf(a, publishedYears[0]) !== pastYearOf(b, publishedYears[1]);
}
