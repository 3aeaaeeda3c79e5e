/**
 * Loader for trafilatura's evaluation set (../shared/data/extraction/trafilatura-eval): `evaldata.json` keyed by
 * URL, each page's HTML gzipped under html/<file>.gz. Our own reader; no upstream code.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeBytes } from "../src/ingest/decode.js";
import type { RawDocument } from "../src/records.js";

export interface EvalPage {
  url: string;
  file: string;
  /** Segments that must appear in the extracted text. */
  with: string[];
  /** Boilerplate segments that must not. */
  without: string[];
  gold: { title: string | null; authors: string[] | null; date: string | null };
}

interface RawEntry {
  file: string;
  with?: string[];
  without?: string[];
  title?: string;
  author?: string | string[];
  date?: string;
}

export async function loadEvalPages(dataDir: string, limit?: number): Promise<EvalPage[]> {
  const json = JSON.parse(await readFile(join(dataDir, "evaldata.json"), "utf8")) as Record<string, RawEntry>;
  const entries = Object.entries(json).slice(0, limit ?? undefined);
  return entries.map(([url, e]) => ({
    url,
    file: e.file,
    with: e.with ?? [],
    without: e.without ?? [],
    gold: {
      title: e.title?.trim() || null,
      authors: goldAuthors(e.author),
      date: e.date?.trim() || null,
    },
  }));
}

/** The page as ingest would hand it over after fetching `url`: decoded text, the URL as a hint. */
export async function readEvalDocument(dataDir: string, page: EvalPage): Promise<RawDocument> {
  const bytes = gunzipSync(await readFile(join(dataDir, "html", `${page.file}.gz`)));
  const decoded = decodeBytes(bytes);
  return {
    source: page.file,
    format: "html",
    body: "text" in decoded ? decoded.text : "",
    hints: { url: page.url },
    fetchedAt: new Date().toISOString(),
  };
}

function goldAuthors(author: string | string[] | undefined): string[] | null {
  const list = (Array.isArray(author) ? author : [author ?? ""]).map((a) => a.trim()).filter(Boolean);
  return list.length ? list : null;
}
