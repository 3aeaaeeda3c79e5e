/**
 * Where dates can be: chrono-node is the costly part of the dates analyzer (about 3 ms on a 700-word article when
 * it reads all of it), and most of an article holds no date. A cheap scan finds the words every date we resolve
 * must contain (a month name, a weekday, "yesterday", "last month", "ago", a year, a numeric date) and chrono reads
 * only a short window around each.
 */
import type { Span } from "../../records.js";

/**
 * Month names are capitalised in news text: a lowercase "may" or "march" is a verb. Weekdays are written out
 * ("Sun" is a newspaper). Years 1800–2099 and numeric dates (7/28/2024, 2024-07-28) carry their own year.
 */
const DATE_WORD = new RegExp(
  [
    String.raw`\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b`,
    String.raw`\b(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b`,
    String.raw`\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day\b`,
    String.raw`\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago|earlier|(?:last|this|next|[Ll]ast|[Tt]his|[Nn]ext) (?:week|month|year|night))\b`,
    String.raw`\b(?:1[89]|20)\d{2}\b`,
    String.raw`\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b`,
  ].join("|"),
  "g",
);

/** Characters of context on each side: enough for "on the 28th of" before a month or "two weeks" before "ago". */
const WINDOW_MARGIN = 32;

/** The stretches of `text` that may hold a date, merged where they overlap, each cut at whitespace. */
export function findDateWindows(text: string): Span[] {
  const windows: [number, number][] = [];
  for (const m of text.matchAll(DATE_WORD)) {
    const start = wordStart(text, Math.max(0, m.index - WINDOW_MARGIN));
    const end = wordEnd(text, Math.min(text.length, m.index + m[0].length + WINDOW_MARGIN));
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

function wordStart(text: string, at: number): number {
  while (at > 0 && !/\s/.test(text[at - 1]!)) at--;
  return at;
}

function wordEnd(text: string, at: number): number {
  while (at < text.length && !/\s/.test(text[at]!)) at++;
  return at;
}
