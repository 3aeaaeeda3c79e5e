/**
 * A date printed for readers ("24.01.2022", "1. Februar 2022", "3 de mayo de 2022", "May 3, 2022 at 5:00 pm")
 * → ISO 8601. Dotted numbers are day.month.year wherever they are written, which the shared parser (built for
 * US-style slashes) cannot know; month names go through chrono's strict parsers for the languages we see most.
 * Strict only: "today" or "2 hours ago" resolve against the reading time, never a publication date.
 */
import * as chrono from "chrono-node";
import { parsePublicationDate } from "../dates.js";

const DOTTED = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d.])/;
const LOCALES = [chrono.strict, chrono.de.strict, chrono.fr.strict, chrono.es.strict, chrono.it.strict, chrono.nl.strict, chrono.pt.strict];
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
