/**
 * Publication-date strings → ISO 8601. chrono-node reads the worded forms ("August 11, 2024 9:30 AM"); numeric
 * day/month order is decided here because chrono always assumes the US order, and "08-11-2024" is August 11 on
 * one site and 8 November on another.
 */
// English only, by subpath: the package root loads every locale (~0.1 s CPU at start-up).
import * as chrono from "chrono-node/en";

export interface ParsedDate {
  iso: string;
  /** 1 when unambiguous; lower when the day/month order was a guess. */
  confidence: number;
}

const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const ISO_LIKE = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * @param evidence ISO dates the article itself states in full (an embedded post's date, a dated caption): a
 * publication date is on or after them, which settles most day/month ambiguities.
 */
export function parsePublicationDate(value: string, evidence: readonly string[] = []): ParsedDate | null {
  const iso = ISO_LIKE.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (!validDate(+y!, +mo!, +d!)) return null;
    const time = h ? `T${h}:${mi}:${s ?? "00"}${zone ? normaliseZone(zone) : ""}` : "";
    return { iso: `${y}-${mo}-${d}${time}`, confidence: 1 };
  }
  const numeric = NUMERIC.exec(value);
  if (numeric) return parseNumeric(numeric, evidence);
  if (!/\b\d{4}\b/.test(value)) return null; // "yesterday", "May 12": nothing to anchor a publication date
  const parsed = chrono.parse(value, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })[0];
  if (!parsed || !parsed.start.isCertain("year") || !parsed.start.isCertain("month") || !parsed.start.isCertain("day")) return null;
  const c = parsed.start;
  const date = `${c.get("year")}-${pad(c.get("month")!)}-${pad(c.get("day")!)}`;
  const time = c.isCertain("hour") ? `T${pad(c.get("hour")!)}:${pad(c.get("minute") ?? 0)}:00` : "";
  return { iso: date + time, confidence: 0.9 };
}

function parseNumeric(m: RegExpExecArray, evidence: readonly string[]): ParsedDate | null {
  const [, a, b, y, h, mi, s] = m;
  const first = +a!, second = +b!, year = +y!;
  const time = h ? `T${pad(+h)}:${mi}:${s ?? "00"}` : "";
  const asUs = validDate(year, first, second) ? `${year}-${pad(first)}-${pad(second)}` : null;
  const asEu = validDate(year, second, first) ? `${year}-${pad(second)}-${pad(first)}` : null;
  if (asUs && !asEu) return { iso: asUs + time, confidence: 1 };
  if (asEu && !asUs) return { iso: asEu + time, confidence: 1 };
  if (!asUs || !asEu) return null;
  if (asUs === asEu) return { iso: asUs + time, confidence: 1 };
  // Ambiguous: take the reading closest after the latest full date the article states; else the US order.
  const latest = [...evidence].sort().at(-1)?.slice(0, 10);
  if (latest) {
    const gap = (d: string) => (d >= latest ? Date.parse(d) - Date.parse(latest) : Number.POSITIVE_INFINITY);
    const pick = gap(asUs) <= gap(asEu) ? asUs : asEu;
    if (Number.isFinite(gap(pick))) return { iso: pick + time, confidence: 0.7 };
  }
  return { iso: asUs + time, confidence: 0.5 };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function normaliseZone(zone: string): string {
  if (zone === "Z") return "Z";
  return zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Full dates ("August 11, 2024", "2024-08-11") stated anywhere in a text: evidence for the publication date. */
export function fullDatesIn(text: string): string[] {
  const found: string[] = [];
  for (const r of chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const c = r.start;
    if (c.isCertain("year") && c.isCertain("month") && c.isCertain("day")) {
      found.push(`${c.get("year")}-${pad(c.get("month")!)}-${pad(c.get("day")!)}`);
    }
  }
  return found;
}
