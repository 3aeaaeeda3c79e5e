/**
 * Reads the user's outlet file (`--outlets FILE`): CSV with a header row, or a JSON array of objects, with the
 * columns `name` (or `outlet`) and/or `domain`, and any of `lean`, `country`, `owner`. Each bad row is named with
 * its line (CSV) or entry number (JSON) and left out; the others are kept. CSV is read by csv-parse (RFC 4180:
 * quoted commas and line breaks), not by splitting lines.
 */
import { parse } from "csv-parse/sync";
import { LEANS, type Lean, type OutletInfo } from "./outlet-info.js";

export interface OutletFile {
  entries: OutletInfo[];
  /** "line 4: lean “far left” is not one of left, lean left, center, lean right, right". */
  problems: string[];
}

const COLUMNS: Record<string, keyof OutletInfo> = {
  name: "name", outlet: "name", domain: "domain", website: "domain", url: "domain", lean: "lean", bias: "lean", country: "country", owner: "owner",
};

/** The scale's words and the usual ways of writing them (AllSides writes "Lean Left", Media Bias/Fact Check "Left-Center"). */
const LEAN_SYNONYMS: Record<string, Lean> = {
  left: "left", "lean left": "lean left", "leans left": "lean left", "left center": "lean left", "center left": "lean left", "centre left": "lean left",
  center: "center", centre: "center",
  "lean right": "lean right", "leans right": "lean right", "right center": "lean right", "center right": "lean right", "centre right": "lean right", right: "right",
};

const leanOf = (value: string): Lean | null | undefined => (value ? LEAN_SYNONYMS[value.toLowerCase().replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim()] : null);

/** One row to an entry, or what is wrong with it. */
function entryOf(row: Record<string, unknown>): OutletInfo | string {
  const info: OutletInfo = { name: null, domain: null, lean: null, country: null, owner: null };
  for (const [column, raw] of Object.entries(row)) {
    const field = COLUMNS[column.trim().toLowerCase()];
    if (!field) return `unknown column “${column}” (the columns are name, domain, lean, country, owner)`;
    if (raw !== null && raw !== undefined && typeof raw !== "string") return `${column} must be text`;
    const value = (raw ?? "").trim();
    if (field === "lean") {
      const lean = leanOf(value);
      if (lean === undefined) return `lean “${value}” is not one of ${LEANS.join(", ")}`;
      info.lean = lean;
    } else if (value) info[field] = value;
  }
  if (!info.name && !info.domain) return "no name or domain: which outlet is this?";
  if (!info.lean && !info.country && !info.owner) return `nothing given for ${info.name ?? info.domain}: give a lean, country or owner`;
  return info;
}

export function parseOutletFile(text: string, fileName: string): OutletFile {
  const entries: OutletInfo[] = [];
  const problems: string[] = [];
  const take = (row: unknown, where: string) => {
    const entry = row && typeof row === "object" && !Array.isArray(row) ? entryOf(row as Record<string, unknown>) : "not an object";
    if (typeof entry === "string") problems.push(`${where}: ${entry}`);
    else entries.push(entry);
  };
  if (/\.json$/i.test(fileName)) {
    let rows: unknown;
    try {
      rows = JSON.parse(text);
    } catch (error) {
      throw new Error(`[triangulate] [outlets] ${fileName} is not JSON: ${(error as Error).message}`, { cause: error });
    }
    if (!Array.isArray(rows)) throw new Error(`[triangulate] [outlets] ${fileName}: expected an array of outlets`);
    rows.forEach((row, i) => take(row, `entry ${i + 1}`));
    return { entries, problems };
  }
  let rows: { record: Record<string, string>; info: { lines: number; invalid_field_length: number } }[];
  try {
    // relax_column_count: a row with too many or too few fields is named below, not fatal to the file.
    rows = parse(text, { columns: true, info: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: true });
  } catch (error) {
    throw new Error(`[triangulate] [outlets] ${fileName}: ${(error as Error).message}`, { cause: error });
  }
  let invalid = 0;
  for (const { record, info } of rows) {
    if (info.invalid_field_length > invalid) {
      invalid = info.invalid_field_length;
      problems.push(`line ${info.lines}: not as many fields as the header has columns`);
    } else take(record, `line ${info.lines}`);
  }
  return { entries, problems };
}
