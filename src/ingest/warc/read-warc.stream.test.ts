import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, expect, test } from "vitest";
import { readWarc, readWarcStream } from "./read-warc.js";

// An archive of 2,000 pages of ~20 KB: ~40 MB uncompressed, the shape of a slice of CC-NEWS.
const RECORDS = 2000;
const CHUNK = 16 * 1024;

function response(i: number): Buffer {
  const filler = `<p>Paragraph ${i} of the story, with words enough to look like a page.</p>`.repeat(260);
  const body = `<!doctype html><html><head><title>Story ${i}</title></head><body>${filler}</body></html>`;
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-03-05T10:20:30Z\r\nWARC-Target-URI: https://news.example/${i}\r\nContent-Length: ${Buffer.byteLength(http)}\r\n\r\n`;
  return Buffer.from(`${head}${http}\r\n\r\n`);
}
const records = Array.from({ length: RECORDS }, (_, i) => response(i));
const plain = Buffer.concat(records);
const gzipped = Buffer.concat(records.map((r) => gzipSync(r)));

const dir = mkdtempSync(join(tmpdir(), "warc-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A source we control: it counts what the reader has pulled. */
function countingSource(bytes: Buffer) {
  const state = { pulled: 0 };
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += CHUNK) {
      const chunk = bytes.subarray(i, i + CHUNK);
      state.pulled += chunk.length;
      yield chunk;
    }
  }
  return { state, chunks: chunks() };
}

test.each([
  ["uncompressed", plain],
  ["per-record gzip", gzipped],
])("%s: the first page comes out before the archive has been read; a reader that stops stops the reading", async (_, bytes) => {
  const source = countingSource(bytes);
  const pulledAt: number[] = [];
  for await (const doc of readWarcStream(source.chunks, "cc-news.warc", { maxInputBytes: 1_000_000 })) {
    expect("error" in doc).toBe(false);
    pulledAt.push(source.state.pulled);
    if (pulledAt.length === 10) break;
  }
  console.log(`[warc] ${bytes.length} bytes; first page after ${pulledAt[0]} pulled, 10th after ${pulledAt[9]}`);
  // 10 pages of 20 KB are ~200 KB of a 40 MB archive (~4 KB of its 0.8 MB gzipped): a few chunks, not the whole.
  expect(pulledAt[0]).toBeLessThanOrEqual(2 * CHUNK);
  expect(source.state.pulled).toBeLessThan(bytes.length / 10);
});

test("a 40 MB archive on disk is read whole with memory well under its size", async () => {
  const path = join(dir, "big.warc");
  writeFileSync(path, plain);
  const size = statSync(path).size;
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = 0;
  let docs = 0;
  for await (const doc of readWarc(path, { maxInputBytes: 1_000_000 })) {
    expect("error" in doc).toBe(false);
    docs += 1;
    if (docs % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss - before);
  }
  expect(docs).toBe(RECORDS);
  console.log(`[warc] ${(size / 1e6).toFixed(1)} MB archive, ${docs} pages, peak rss growth ${(peak / 1e6).toFixed(1)} MB`);
  // Held whole, the file alone would add its size (and its decoded strings twice that); streamed, far less.
  expect(peak).toBeLessThan(size / 2);
});
