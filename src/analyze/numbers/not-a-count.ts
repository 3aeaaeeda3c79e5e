/**
 * Digits that are not quantities: years ("in 2020" is the dates analyzer's), times of day ("at 4 p.m."), the day of a
 * date ("Sept. 2", "28 July", "the 2nd"), names and codes ("COVID-19", "G7", "Article 5", "Boeing 737"), phone
 * numbers, scores and ranges ("6-3"), labels ("phase three"), and page furniture ("5 min read", "1 of 12"). Each test reads only the
 * characters around the match.
 */

const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;
const MONTH_AFTER = /^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\b/i;
const TIME_AFTER = /^(?:\s?:\s?\d{2}|\s?(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b|o['’]clock\b|GMT\b|ET\b|EST\b|EDT\b|PT\b|UTC\b))/i;
const TIME_BEFORE = /\d\s?:\s?$/;
/** Joined to other digits by "-", "/" or ":": a score, range, phone number, fraction or date ("6-3", "24/7", "555-0100"). */
const JOINED_AFTER = /^[-/–:]\d/;
const JOINED_BEFORE = /\d[-/–:]$/;
/** "(202) 555-0100": an area code. */
const AREA_CODE_AFTER = /^\)\s?\d{3}[-.\s]\d{4}\b/;
/** "3 of 12" closing a line: a slide or page counter. */
const COUNTER_BEFORE = /\b\d+\s+of\s+$/i;
const FURNITURE_AFTER = /^\s*(?:min(?:ute)?s?\s+read\b|comments?\b|replies\b|shares\b|views\b|likes\b|of\s+\d+\s*$|of\s+\d+\s*\n)/i;
/** "phase three", "grades 7 through 12", "Round 2": a label's number, not an amount. */
const LABEL_BEFORE = /\b(?:phase|round|stage|grades?|level|tier|category|number|no\.|section|article|chapter|title|page|line|game|episode|season|week|day|act|scene|version|model|flight|route|room|district|precinct|ward)\s+$/i;
/** "Article 5", "Boeing 737", "Page 2", "No. 10": a capitalised word (not a sentence's first) or "number" before. */
const NAME_BEFORE = /[^.!?\s"“]\s+(\p{Lu}[\p{L}.]*|No\.|no\.|number|#)\s*$/u;
const PROPOSITION_BEFORE_YEAR = /(?:\d{1,2},\s*|\b(?:in|since|from|by|until|till|of|during|before|after|through|between|and|to|for|into|around|fiscal|FY|early|late|mid)[\s-]+)$/i;
const PLURAL_AFTER = /^\s+[a-z]*[a-rt-z]s\b/;

export interface NumberContext {
  /** Up to 24 characters before the number (before its currency sign). */
  before: string;
  /** Up to 24 characters after the digits. */
  after: string;
  /** The digits or words as written, without sign or scale. */
  numeral: string;
  /** Whether a currency sign, scale, or unit makes it a quantity whatever its shape. */
  measured: boolean;
}

export function isNotACount({ before, after, numeral, measured }: NumberContext): boolean {
  const digits = /^\d/.test(numeral);
  if (digits && (JOINED_AFTER.test(after) || JOINED_BEFORE.test(before) || AREA_CODE_AFTER.test(after))) return true;
  if (digits && (TIME_AFTER.test(after) || TIME_BEFORE.test(before))) return true;
  if (ORDINAL_AFTER.test(after) || LABEL_BEFORE.test(before)) return true;
  if (measured) return false;
  if (digits && isYear(numeral, before, after)) return true;
  if (digits && /^\d{1,2}$/.test(numeral) && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after))) return true;
  if (FURNITURE_AFTER.test(after) || (COUNTER_BEFORE.test(before) && /^\s*(?:\n|$)/.test(after))) return true;
  return digits && isNamed(before);
}

/** A four-digit 1800–2099 without comma is a year unless a plural noun follows and no year word precedes ("1500 troops"). */
function isYear(numeral: string, before: string, after: string): boolean {
  if (!/^(?:1[89]|20)\d{2}$/.test(numeral)) return false;
  return PROPOSITION_BEFORE_YEAR.test(before) || !PLURAL_AFTER.test(after);
}

function isNamed(before: string): boolean {
  const name = NAME_BEFORE.exec(before)?.[1];
  if (!name) return false;
  return !/^(?:About|Nearly|Almost|Some|Over|Under|Around|Roughly|Only|Just|More|Fewer|Less|At|Up|Approximately|An?|The|And|But|Of|In|To|With|For|By|On)$/.test(name);
}
