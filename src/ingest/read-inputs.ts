import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { InputFailure, RawDocument } from "../records.js";
import { decodeBytes } from "./decode.js";
import { parseJsonFile, parseJsonLines } from "./records-file.js";

export interface IngestOptions {
  maxInputBytes: number;
  /** Reads standard input when an input is "-"; injectable for tests. */
  readStdin?: () => Promise<Uint8Array>;
  now?: () => string;
  /** How text that declares no encoding and is not UTF-8 is read (the CLI's `--encoding NAME`; decode.ts). */
  encoding?: string;
}

export type IngestResult = RawDocument | InputFailure;

const FILE_FORMATS: Record<string, "text" | "html" | "json" | "jsonl"> = {
  ".txt": "text", ".text": "text",
  ".html": "html", ".htm": "html", ".xhtml": "html",
  ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
};

export const isUrlInput = (input: string): boolean => /^https?:\/\//i.test(input);
/** A web archive (CC-NEWS and the like): streamed record by record by ingest/warc, never read whole. */
export const isWarcInput = (input: string): boolean => /\.warc(\.gz)?$/i.test(input);

/** Expands folders (recursively, in name order) into the files we can read; others are left out silently. */
export async function expandInputs(inputs: readonly string[]): Promise<(string | InputFailure)[]> {
  const out: (string | InputFailure)[] = [];
  for (const input of inputs) {
    if (input === "-") {
      out.push(input);
      continue;
    }
    if (isUrlInput(input)) {
      out.push(input); // fetched by the caller, all URLs in one polite session (pipeline.ts fetchUrlInputs)
      continue;
    }
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      out.push({ source: input, error: info.code === "ENOENT" ? "no such file or folder" : info.message });
    } else if (info.isDirectory()) {
      out.push(...(await listFolder(input)));
    } else {
      out.push(input);
    }
  }
  return out;
}

async function listFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFolder(path)));
    else if (entry.isFile() && (extname(entry.name).toLowerCase() in FILE_FORMATS || isWarcInput(entry.name))) files.push(path);
  }
  return files;
}

/** One input path (or "-") → the documents it holds, or why it could not be read. Never throws for bad input. */
export async function readInput(input: string, options: IngestOptions): Promise<IngestResult[]> {
  const fetchedAt = (options.now ?? (() => new Date().toISOString()))();
  let bytes: Uint8Array;
  try {
    bytes = input === "-" ? await (options.readStdin ?? readAllStdin)() : await readFile(input);
  } catch (error) {
    return [{ source: input, error: `cannot read: ${(error as Error).message}` }];
  }
  return documentsFromBytes(bytes, input, { maxInputBytes: options.maxInputBytes, fetchedAt, encoding: options.encoding });
}

export interface BytesOptions {
  maxInputBytes: number;
  fetchedAt: string;
  /** The charset the transport declared (HTTP Content-Type); absent: the bytes decide (BOM, <meta charset>). */
  declaredCharset?: string | null;
  /** The format the transport declared (a fetched page's Content-Type); absent: the name's extension or the bytes. */
  format?: "html" | "text";
  /** IngestOptions.encoding: the encoding of undeclared non-UTF-8 text, instead of the guess. */
  encoding?: string;
}

/**
 * The documents in one input's bytes: decoded (BOM, charset sniffing, binary refused), then read as text, HTML,
 * a .json article or .jsonl records by its name's extension or its first bytes. `name` is the input as the user
 * gave it ("-" for stdin: sniffed), and names it in every failure. Shared by files on disk, uploads and fetched pages.
 */
export function documentsFromBytes(bytes: Uint8Array, name: string, options: BytesOptions): IngestResult[] {
  if (bytes.length > options.maxInputBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return [{ source: name, error: `too large (${mb(bytes.length)} MB, the limit is ${mb(options.maxInputBytes)} MB)` }];
  }
  const decoded = decodeBytes(bytes, options.declaredCharset, options.encoding);
  if ("error" in decoded) return [{ source: name, error: decoded.error }];
  // NFC: "María" typed as i + combining accent and as one code point must be one spelling downstream. A stray NUL
  // (past the binary test's first window) is no character a reader sees, and no text column takes it.
  const text = decoded.text.replace(/^\uFEFF/, "").replaceAll("\u0000", "").normalize("NFC");
  if (!text.trim()) return [{ source: name, error: "empty input: no text in it" }];

  const format = options.format ?? (name === "-" ? sniffFormat(text) : (FILE_FORMATS[extname(name).toLowerCase()] ?? sniffFormat(text)));
  if (format === "json") return parseJsonFile(text, name, options.fetchedAt);
  if (format === "jsonl") return parseJsonLines(text, name, options.fetchedAt);
  return [{ source: name, format, body: text, hints: {}, fetchedAt: options.fetchedAt }];
}

function sniffFormat(text: string): "text" | "html" | "json" | "jsonl" {
  const head = text.trimStart().slice(0, 2048);
  if (/^<(!doctype html|html|head|body|article|div|p)\b/i.test(head)) return "html";
  // One whitespace run on each side of the line break, never two that overlap: linear on a megabyte of blank lines.
  if (head.startsWith("{")) return /\}[ \t\r]*\n[\s]*\{/.test(text) ? "jsonl" : "json";
  if (head.startsWith("[")) return "json";
  return "text";
}

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
