/**
 * WARC archives (Common Crawl's CC-NEWS, a crawler's own output) → one RawDocument per archived HTML page.
 * Streamed record by record with warcio: a 1 GB archive is never held in memory, only one page at a time.
 */
import { createReadStream } from "node:fs";
import { AsyncIterReader, LimitReader, WARCParser, type StatusAndHeaders, type WARCRecord } from "warcio";
import type { InputFailure, RawDocument } from "../../records.js";
import { documentsFromBytes } from "../read-inputs.js";
import { meterHeaders, openArchive } from "./open-archive.js";

export interface WarcOptions {
  /** A page whose body is larger is not read: an InputFailure names it, and reading goes on. */
  maxInputBytes: number;
  /** Stop after this many archive records (of every type, not only pages). */
  maxRecords?: number;
  /** Called after each archive record with how many have been read: for progress. */
  onRecord?: (n: number) => void;
  /** How a page that declares no charset and is not UTF-8 is read (the CLI's `--encoding NAME`; decode.ts). */
  encoding?: string;
}

/** WARC plus HTTP headers of one record; real ones are a few KB, so a megabyte without a blank line is corruption. */
const MAX_HEADER_BYTES = 1024 * 1024;
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/** Reads a .warc or .warc.gz file (gzip told by its bytes). Never throws for a bad archive: failures are values. */
export async function* readWarc(path: string, options: WarcOptions): AsyncGenerator<RawDocument | InputFailure> {
  const file = createReadStream(path);
  try {
    yield* readWarcStream(file, path, options);
  } finally {
    file.destroy();
  }
}

/**
 * The same over any byte stream (an upload, a download): `name` names it in sources and failures. Yields what the
 * archive held up to the point where it broke, then one failure naming the record where it did.
 */
export async function* readWarcStream(
  bytes: AsyncIterable<Uint8Array>,
  name: string,
  options: WarcOptions,
): AsyncGenerator<RawDocument | InputFailure> {
  let archive;
  try {
    archive = await openArchive(bytes);
  } catch (error) {
    yield { source: name, error: `cannot read: ${(error as Error).message}` };
    return;
  }
  const meter = meterHeaders(archive.chunks, MAX_HEADER_BYTES);
  const parser = new WARCParser(new AsyncIterReader(meter.chunks, null));
  let n = 0;
  let yielded = 0;
  /** Records by WARC-Type: what the archive held instead, when it held no page. */
  const types = new Map<string, number>();
  try {
    while (options.maxRecords === undefined || n < options.maxRecords) {
      let record: WARCRecord | null;
      try {
        meter.startHeaders();
        record = await parser.parse();
        meter.endHeaders();
      } catch (error) {
        yield brokenAt(name, n + 1, (error as Error).message, archive.gzip);
        return;
      }
      if (!record) break;
      n += 1;
      const problem = headerProblem(record);
      if (problem) {
        yield n === 1 ? { source: name, error: `not a WARC file (${problem})` } : brokenAt(name, n, problem, archive.gzip);
        return;
      }
      let outcome: RecordOutcome;
      try {
        outcome = await readRecord(record, name, n, options);
      } catch (error) {
        yield brokenAt(name, n, (error as Error).message, archive.gzip);
        return;
      }
      options.onRecord?.(n);
      types.set(record.warcType ?? "untyped", (types.get(record.warcType ?? "untyped") ?? 0) + 1);
      if (outcome === "truncated") {
        yield brokenAt(name, n, "the archive ends inside this record", archive.gzip);
        return;
      }
      yielded += outcome.length;
      yield* outcome;
    }
    if (n === 0) yield { source: name, error: "not a WARC file (no records in it)" };
    else if (yielded === 0) yield { source: name, error: `no HTML pages in it: ${n} record(s), none an HTML response with status 200 (${describeTypes(types)})` };
  } finally {
    archive.close();
  }
}

type RecordOutcome = (RawDocument | InputFailure)[] | "truncated";

/** One record → the page in it (or why not), reading its body to the end either way. */
async function readRecord(record: WARCRecord, name: string, n: number, options: WarcOptions): Promise<RecordOutcome> {
  const raw = record._reader;
  if (!(raw instanceof LimitReader)) throw new Error("[triangulate] [ingest] warcio record without a LimitReader");
  if (record.warcType !== "response" || !isHtmlPage(record.httpHeaders)) {
    return (await drain(raw)) ? [] : "truncated";
  }
  const uri = record.warcTargetURI ?? "";
  const at = `${name}#${n} ${uri}`;
  // raw.limit is the body's size as archived (after the HTTP headers): too large is known before reading a byte.
  const body = raw.limit > options.maxInputBytes ? null : await readCapped(record.contentReader, options.maxInputBytes);
  if (!(await drain(raw))) return "truncated";
  if (body === null) return [{ source: at, error: `too large (the limit is ${mb(options.maxInputBytes)} MB)` }];

  const contentType = record.httpHeaders?.headers.get("Content-Type") ?? "";
  const charset = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
  const fetchedAt = record.warcDate ?? new Date().toISOString(); // the crawl date: never a publication date
  const docs = documentsFromBytes(body, `${name}#${uri}`, {
    maxInputBytes: options.maxInputBytes,
    fetchedAt,
    declaredCharset: charset,
    format: "html",
    encoding: options.encoding,
  });
  return docs.map((doc) => ("error" in doc ? { source: at, error: doc.error } : { ...doc, hints: { url: uri } }));
}

function headerProblem(record: WARCRecord): string | null {
  if (!record.warcHeaders.statusline.startsWith("WARC/")) return "no WARC/ version line";
  if (!/^\d+$/.test(record.warcHeaders.headers.get("Content-Length") ?? "")) return "no valid Content-Length";
  return null;
}

function isHtmlPage(http: StatusAndHeaders | null): boolean {
  if (!http || Number(http.statusCode) !== 200) return false;
  const mime = (http.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return HTML_TYPES.has(mime);
}

/** The decoded body (de-chunked, Content-Encoding undone), or null past `max` bytes: a gzip bomb stops there. */
async function readCapped(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, max: number): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > max) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}

/** Reads the rest of a record's body; false when the archive ended before its Content-Length. */
async function drain(raw: LimitReader): Promise<boolean> {
  for await (const chunk of raw) void chunk;
  return raw.limit <= 0;
}

function describeTypes(types: ReadonlyMap<string, number>): string {
  return [...types].map(([type, count]) => `${count} ${type}`).join(", ");
}

function brokenAt(name: string, n: number, detail: string, gzip: boolean): InputFailure {
  const what = gzip ? "gzipped WARC" : "WARC";
  return { source: `${name}#${n}`, error: `truncated or corrupt ${what} at record ${n}: ${detail}` };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
