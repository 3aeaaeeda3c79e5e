/**
 * Dated mentions on TempEval-3's TBAQ-cleaned (256 newswire documents, TimeML): the dates analyzer run on each
 * document's text with its creation time as the publication date, against the gold TIMEX3 of type DATE whose
 * value is a calendar date (YYYY, YYYY-MM, YYYY-MM-DD; not PRESENT_REF, weeks, seasons or durations, which the
 * timeline does not show). Recall: gold dates overlapped by one of ours. Value accuracy over those: our value
 * equals the gold value (same granularity). Precision: our dates overlapping any gold TIMEX3.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { findDates } from "../src/analyze/dates/find.js";

export const TEMPEVAL_DIR = join("dates", "tempeval3-tbaq", "TBAQ-cleaned");

export interface DatesScore {
  documents: number;
  goldDates: number;
  found: number;
  precision: number;
  recall: number;
  valueAccuracy: number;
  seconds: number;
}

interface Timex { start: number; end: number; type: string; value: string }
const CALENDAR = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };

export async function evalDates(dataDir: string, opts: { limit?: number } = {}): Promise<DatesScore> {
  const started = Date.now();
  const root = join(dataDir, TEMPEVAL_DIR);
  const files: string[] = [];
  for (const sub of ["TimeBank", "AQUAINT"]) {
    for (const f of (await readdir(join(root, sub))).sort()) if (f.endsWith(".tml")) files.push(join(root, sub, f));
  }
  const sample = opts.limit ? files.slice(0, opts.limit) : files;
  let gold = 0, recalled = 0, rightValue = 0, ours = 0, oursOverlapping = 0;
  for (const file of sample) {
    const xml = await readFile(file, "utf8");
    // The creation-time TIMEX3's attributes come in either order.
    const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0] ?? "";
    const dct = /value="([^"]+)"/.exec(dctTag)?.[1] ?? null;
    const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? "";
    const { text, timexes } = stripTimeML(body);
    // A creation time with a time of day ("1998-02-13T14:26:00") is a publication date too, as an article's is.
    const found = findDates(text, dct && CALENDAR_DAY.test(dct) ? dct : null);
    const calendar = timexes.filter((t) => t.type === "DATE" && CALENDAR.test(t.value));
    gold += calendar.length;
    ours += found.length;
    oursOverlapping += found.filter((d) => timexes.some((t) => d.span[0] < t.end && t.start < d.span[1])).length;
    for (const t of calendar) {
      const match = found.find((d) => d.span[0] < t.end && t.start < d.span[1]);
      if (!match) continue;
      recalled++;
      if (match.date === t.value) rightValue++;
    }
  }
  return {
    documents: sample.length, goldDates: gold, found: ours,
    precision: ours ? oursOverlapping / ours : 0, recall: gold ? recalled / gold : 0, valueAccuracy: recalled ? rightValue / recalled : 0,
    seconds: (Date.now() - started) / 1000,
  };
}

/** TimeML → plain text, with the character span of each TIMEX3 in it. */
function stripTimeML(body: string): { text: string; timexes: Timex[] } {
  let text = "";
  const timexes: Timex[] = [];
  let open: Omit<Timex, "end"> | null = null;
  for (const m of body.matchAll(/<(\/?)(\w+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      text += m[4].replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!);
    } else if (m[2] === "TIMEX3" && !m[1]) {
      open = { start: text.length, type: /type="([^"]+)"/.exec(m[3]!)?.[1] ?? "", value: /value="([^"]+)"/.exec(m[3]!)?.[1] ?? "" };
    } else if (m[2] === "TIMEX3" && m[1] && open) {
      timexes.push({ ...open, end: text.length });
      open = null;
    }
  }
  return { text, timexes };
}
