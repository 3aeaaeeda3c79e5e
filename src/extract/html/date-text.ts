/**
 * A date printed for readers ("24.01.2022", "1. Februar 2022", "3 de mayo de 2022", "May 3, 2022 at 5:00 pm")
 * → ISO 8601. Dotted numbers are day.month.year wherever they are written, which the shared parser (built for
 * US-style slashes) cannot know; month names go through chrono's strict parsers for the languages we see most.
 * Strict only: "today" or "2 hours ago" resolve against the reading time, never a publication date.
 */
// The locales by subpath: chrono-node's root loads all sixteen (~0.1 s CPU at every start-up).
import * as en from "chrono-node/en";
import * as de from "chrono-node/de";
import * as fr from "chrono-node/fr";
import * as es from "chrono-node/es";
import * as it from "chrono-node/it";
import * as nl from "chrono-node/nl";
import * as pt from "chrono-node/pt";
import { parsePublicationDate } from "../dates.js";

const DOTTED = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d.])/;
const LOCALES = [en.strict, de.strict, fr.strict, es.strict, it.strict, nl.strict, pt.strict];
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

export function parseDateText(text: string): string | null {
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, d, m, y] = dotted;
    const year = y!.length === 2 ? 2000 + Number(y) : Number(y);
    return valid(year, Number(m), Number(d)) ? `${year}-${pad(Number(m))}-${pad(Number(d))}` : null;
  }
  if (/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/.test(text)) return parsePublicationDate(text)?.iso ?? null;
  // The loop keeps only a result whose text prints a year, so a line with none needs no parser: seven chrono runs
  // saved on most lines a page's head offers (the same answers; bench/extract-process.ts).
  if (!/(19|20)\d{2}/.test(text)) return null;
  for (const parser of LOCALES) {
    const result = parser.parse(text, REFERENCE)[0];
    const c = result?.start;
    // The year must be printed: "2 hours ago" is "certain" to chrono, relative to a reference we made up.
    if (!c || !/\b(19|20)\d{2}\b/.test(result.text) || !c.isCertain("month") || !c.isCertain("day")) continue;
    const date = `${c.get("year")}-${pad(c.get("month")!)}-${pad(c.get("day")!)}`;
    return c.isCertain("hour") ? `${date}T${pad(c.get("hour")!)}:${pad(c.get("minute") ?? 0)}:00` : date;
  }
  return null;
}

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, "0");
