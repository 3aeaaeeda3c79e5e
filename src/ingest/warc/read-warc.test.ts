import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import type { InputFailure, RawDocument } from "../../records.js";
import { readWarc, readWarcStream, type WarcOptions } from "./read-warc.js";

// --- fixtures, built as CC-NEWS writes them: one gzip member per record ---------------------------------------

const DATE = "2024-03-05T10:20:30Z";
const dir = mkdtempSync(join(tmpdir(), "warc-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function warcRecord(type: string, headers: Record<string, string>, block: Buffer): Buffer {
  const lines = Object.entries({ "WARC-Type": type, "WARC-Date": DATE, ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  const head = `WARC/1.0\r\n${lines.join("")}Content-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from("\r\n\r\n")]);
}

function response(uri: string, body: string | Buffer, contentType = "text/html; charset=utf-8", status = "200 OK", extra = ""): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const http = `HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\n${extra}Content-Length: ${bytes.length}\r\n\r\n`;
  return warcRecord("response", { "WARC-Target-URI": uri, "Content-Type": "application/http; msgtype=response" }, Buffer.concat([Buffer.from(http), bytes]));
}

const page = (title: string, filler = "") => `<!doctype html><html><head><title>${title}</title></head><body><p>${title} story.</p>${filler}</body></html>`;
const gzipEach = (records: Buffer[]) => Buffer.concat(records.map((r) => gzipSync(r)));
const write = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
async function collect(gen: AsyncIterable<RawDocument | InputFailure>) {
  const out: (RawDocument | InputFailure)[] = [];
  for await (const x of gen) out.push(x);
  return out;
}
const OPTIONS: WarcOptions = { maxInputBytes: 1_000_000 };

const cp1252 = Buffer.concat([Buffer.from("<html><body><p>Caf"), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from("quoted"), Buffer.from([0x94]), Buffer.from("</p></body></html>")]);
const MIXED = [
  warcRecord("warcinfo", { "Content-Type": "application/warc-fields" }, Buffer.from("software: test\r\n")),
  warcRecord("request", { "WARC-Target-URI": "https://a.example/1" }, Buffer.from("GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n")),
  response("https://a.example/1", page("First")),
  warcRecord("metadata", { "WARC-Target-URI": "https://a.example/1" }, Buffer.from("fetchTimeMs: 12\r\n")),
  response("https://a.example/photo.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "image/jpeg"),
  response("https://a.example/gone", page("Gone"), "text/html", "404 Not Found"),
  warcRecord("revisit", { "WARC-Target-URI": "https://a.example/1", "WARC-Profile": "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest" }, Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")),
  response("https://b.example/2", page("Second"), "application/xhtml+xml"),
  response("https://c.example/latin", cp1252, "text/html; charset=windows-1252"),
  response("https://d.example/zipped", gzipSync(page("Zipped")), "text/html", "200 OK", "Content-Encoding: gzip\r\n"),
];
const EXPECTED_URLS = ["https://a.example/1", "https://b.example/2", "https://c.example/latin", "https://d.example/zipped"];

describe("readWarc", () => {
  test.each([
    ["per-record gzip members (CC-NEWS)", "mixed.warc.gz", gzipEach(MIXED)],
    ["one gzip member for the whole file", "whole.warc.gz", gzipSync(Buffer.concat(MIXED))],
    ["uncompressed", "mixed.warc", Buffer.concat(MIXED)],
    ["gzip named .warc: told by its bytes", "misnamed.warc", gzipEach(MIXED)],
  ])("%s: one document per 200 HTML response, nothing else", async (_, name, bytes) => {
    const path = write(name, bytes);
    const out = await collect(readWarc(path, OPTIONS));
    expect(out.map((d) => ("error" in d ? d : d.hints.url))).toEqual(EXPECTED_URLS);
    expect(out[0]).toEqual({ source: `${path}#https://a.example/1`, format: "html", body: page("First"), hints: { url: "https://a.example/1" }, fetchedAt: DATE });
    const latin = out[2] as RawDocument;
    expect(latin.body).toContain("Café “quoted”");
    expect((out[3] as RawDocument).body).toBe(page("Zipped"));
    for (const doc of out as RawDocument[]) expect(doc.hints).toEqual({ url: doc.hints.url }); // never publishedAt
  });

  test("a record over the cap is a failure naming it; reading goes on", async () => {
    const path = write("huge.warc.gz", gzipEach([response("https://a.example/1", page("One")), response("https://a.example/huge", page("Huge", "x".repeat(50_000))), response("https://a.example/3", page("Three"))]));
    const out = await collect(readWarc(path, { maxInputBytes: 10_000 }));
    expect(out).toHaveLength(3);
    expect(out[1]).toEqual({ source: `${path}#2 https://a.example/huge`, error: "too large (the limit is 0.0 MB)" });
    expect((out[2] as RawDocument).hints.url).toBe("https://a.example/3");
  });

  test("a gzip bomb in Content-Encoding stops at the cap", async () => {
    const bomb = gzipSync(Buffer.from(page("Bomb", " ".repeat(5_000_000))));
    const path = write("bomb.warc", Buffer.concat([response("https://a.example/bomb", bomb, "text/html", "200 OK", "Content-Encoding: gzip\r\n")]));
    const out = await collect(readWarc(path, { maxInputBytes: 100_000 }));
    expect(out).toEqual([{ source: `${path}#1 https://a.example/bomb`, error: expect.stringMatching(/^too large/) }]);
  });

  const three = [response("https://a.example/1", page("One")), response("https://a.example/2", page("Two")), response("https://a.example/3", page("Three", "y".repeat(5000)))];
  const members = three.map((r) => gzipSync(r));
  test.each([
    ["gzipped, cut inside the third member", "cut.warc.gz", Buffer.concat(members), members[0]!.length + members[1]!.length + 40],
    ["uncompressed, cut inside the third body", "cut.warc", Buffer.concat(three), three[0]!.length + three[1]!.length + 2000],
  ])("%s: what came before, then one failure at record 3", async (_, name, whole, cut) => {
    const path = write(name, whole.subarray(0, cut));
    const out = await collect(readWarc(path, OPTIONS));
    expect(out.slice(0, 2).map((d) => (d as RawDocument).hints.url)).toEqual(["https://a.example/1", "https://a.example/2"]);
    expect(out).toHaveLength(3);
    expect(out[2]).toEqual({ source: `${path}#3`, error: expect.stringMatching(/^truncated or corrupt (gzipped )?WARC at record 3: /) });
  });

  test("corrupt bytes inside a gzip member: pages before it, then one failure", async () => {
    // Incompressible bodies, as real pages are for zlib's 16 KB steps: what one failing step inflated is lost.
    const noise = (seed: number) => Array.from({ length: 6000 }, (_, i) => ((i * 7919 + seed * 104729) % 9973).toString(36)).join(" ");
    const big = [1, 2, 3, 4].map((i) => gzipSync(response(`https://a.example/${i}`, page(`P${i}`, noise(i)))));
    const third = big[2]!;
    third.fill(0x41, third.length >> 1, (third.length >> 1) + 64);
    const path = write("corrupt.warc.gz", Buffer.concat(big));
    const out = await collect(readWarc(path, OPTIONS));
    expect(out.slice(0, 2).map((d) => (d as RawDocument).hints.url)).toEqual(["https://a.example/1", "https://a.example/2"]);
    expect(out).toHaveLength(3);
    expect(out[2]).toEqual({ source: `${path}#3`, error: expect.stringMatching(/^truncated or corrupt gzipped WARC at record 3: /) });
  });

  test.each([
    ["text file", "notes.warc", "Just some notes, not an archive.\nSecond line.\n"],
    ["binary file", "image.warc", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48])],
    ["gzip of something else", "other.warc.gz", gzipSync("name,value\nx,1\n")],
    ["empty file", "empty.warc", ""],
    ["HTML page", "page.warc", page("Not an archive")],
  ])("not a WARC (%s): one failure naming the file", async (_, name, bytes) => {
    const path = write(name, bytes);
    expect(await collect(readWarc(path, OPTIONS))).toEqual([{ source: path, error: expect.stringMatching(/^not a WARC file/) }]);
  });

  test("a missing file is a failure, not a throw", async () => {
    const out = await collect(readWarc(join(dir, "nope.warc.gz"), OPTIONS));
    expect(out).toEqual([{ source: join(dir, "nope.warc.gz"), error: expect.stringMatching(/^cannot read: .*ENOENT/) }]);
  });

  test("maxRecords stops after that many archive records; onRecord counts them", async () => {
    const path = write("limit.warc.gz", gzipEach(MIXED));
    const seen: number[] = [];
    const out = await collect(readWarc(path, { ...OPTIONS, maxRecords: 3, onRecord: (n) => seen.push(n) }));
    expect(seen).toEqual([1, 2, 3]);
    expect(out.map((d) => (d as RawDocument).hints.url)).toEqual(["https://a.example/1"]);
  });
});

describe("an archive with no page in it says so", () => {
  test("only request records: one failure naming the file and what it held", async () => {
    const requests = [1, 2, 3].map((i) => warcRecord("request", { "WARC-Target-URI": `https://a.example/${i}` }, Buffer.from(`GET /${i} HTTP/1.1\r\nHost: a.example\r\n\r\n`)));
    const path = write("requests-only.warc.gz", gzipEach(requests));
    expect(await collect(readWarc(path, OPTIONS))).toEqual([
      { source: path, error: "no HTML pages in it: 3 record(s), none an HTML response with status 200 (3 request)" },
    ]);
  });
});
