/**
 * Following feeds and reading web archives from the command line, against a feed server this test starts on
 * 127.0.0.1 and an archive it writes: `analyze --feed`, `watch --once` twice (the second round adds nothing, a
 * broken feed is named and does not stop the others), and a .warc.gz read record by record.
 */
import { createServer, type Server } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EXAMPLES, runCli, tempDir } from "./run-cli.js";

const seed = (name: string) => readFileSync(`${EXAMPLES}${name}`, "utf8");
const HAYOM = seed("001_33169ef43ff5a28d.txt");
const RIO = seed("002_a958ad6333562c25.txt");
let server: Server;
let base = "";
const hits: string[] = [];

const rss = (items: { link: string; title: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title><link>/</link>${items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Sun, 11 Aug 2024 09:30:00 GMT</pubDate></item>`)
    .join("")}</channel></rss>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url!);
    const send = (type: string, body: string) => res.writeHead(200, { "content-type": type }).end(body);
    if (req.url === "/robots.txt") return void res.writeHead(404).end();
    if (req.url === "/feed.xml") return void send("application/rss+xml", rss([{ link: "/a/hayom", title: "US offers pardon to Maduro" }, { link: "/go/rio", title: "US considers amnesty deal" }]));
    // A feed link that redirects to the article, as tracking links do: stored under /a/rio, known by /go/rio too.
    if (req.url === "/go/rio") return void res.writeHead(302, { location: "/a/rio" }).end();
    if (req.url === "/broken.xml") return void send("application/xml", "<rss><channel><item><title>never closed");
    if (req.url === "/a/hayom") return void send("text/plain; charset=utf-8", HAYOM);
    if (req.url === "/a/rio") return void send("text/plain; charset=utf-8", RIO);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("analyze --feed reads a feed's articles, with the feed's titles and dates as hints", async () => {
  const { code, stdout } = await runCli(["analyze", "--feed", `${base}/feed.xml`, "--allow-host", "127.0.0.1", "--json", "--no-store"]);
  expect(code).toBe(0);
  const report = JSON.parse(stdout) as { articles: { url: string; title: string; publishedAt: string | null }[] };
  expect(report.articles.map((a) => [a.url, a.title, a.publishedAt?.slice(0, 10)]).sort()).toEqual([
    [`${base}/a/hayom`, "US offers pardon to Maduro", "2024-08-11"],
    [`${base}/a/rio`, "US considers amnesty deal", "2024-08-11"],
  ]);
});

describe("watch", () => {
  test("a round adds the new articles; the next adds none; a broken feed is named and the others go on", async () => {
    hits.length = 0;
    const home = tempDir();
    const dataDir = join(home, "data");
    const args = ["watch", `${base}/feed.xml`, `${base}/broken.xml`, "--once", "--allow-host", "127.0.0.1", "--data-dir", dataDir];
    const first = await runCli(args, { home });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/round 1 .*: 2 new articles, 1 story$/m);
    expect(first.stderr).toContain(`${base}/broken.xml`);
    const second = await runCli(args, { home });
    expect(second.stdout).toMatch(/: 0 new articles, 1 story$/m);
    expect(hits.filter((h) => h === "/go/rio")).toHaveLength(1); // the redirected link is not fetched again
    const stories = await runCli(["stories", "--json", "--data-dir", dataDir], { home });
    expect((JSON.parse(stories.stdout) as { stories: unknown[] }).stories).toHaveLength(1);
  });

  test("refuses what is not a feed URL, with usage", async () => {
    const { code, stderr } = await runCli(["watch", "feeds.txt", "--once"]);
    expect(code).toBe(1);
    expect(stderr).toContain("not an http(s) URL");
  });
});

test("a .warc.gz archive is read record by record: its HTML responses become articles, the rest is passed over", async () => {
  const record = (type: string, headers: Record<string, string>, block: Buffer) => {
    const lines = Object.entries({ "WARC-Type": type, "WARC-Date": "2024-08-12T00:00:00Z", ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    return gzipSync(Buffer.concat([Buffer.from(`WARC/1.0\r\n${lines}Content-Length: ${block.length}\r\n\r\n`), block, Buffer.from("\r\n\r\n")]));
  };
  const response = (uri: string, type: string, body: string) => {
    const bytes = Buffer.from(body);
    const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nContent-Length: ${bytes.length}\r\n\r\n`);
    return record("response", { "WARC-Target-URI": uri, "Content-Type": "application/http; msgtype=response" }, Buffer.concat([http, bytes]));
  };
  const html = (text: string) => `<!doctype html><html><head><title>Archived</title></head><body><article>${text.split(/\n\s*\n/).map((p) => `<p>${p.replace(/</g, "&lt;")}</p>`).join("")}</article></body></html>`;
  const dir = tempDir();
  const archive = join(dir, "news.warc.gz");
  writeFileSync(archive, Buffer.concat([
    record("warcinfo", { "Content-Type": "application/warc-fields" }, Buffer.from("software: test\r\n")),
    response("https://news.example/hayom", "text/html; charset=utf-8", html(HAYOM)),
    response("https://news.example/logo.png", "image/png", "\x89PNG"),
    response("https://news.example/rio", "text/html; charset=utf-8", html(RIO)),
  ]));
  const { code, stdout } = await runCli(["analyze", archive, "--json", "--no-store"]);
  expect(code).toBe(0);
  const report = JSON.parse(stdout) as { articles: { source: string; url: string; publishedAt: string | null }[] };
  expect(report.articles.map((a) => a.url).sort()).toEqual(["https://news.example/hayom", "https://news.example/rio"]);
  expect(report.articles.every((a) => a.publishedAt !== "2024-08-12")).toBe(true); // the crawl date is never the publication date
});

test("extract reads a .warc.gz among plain files (its reader loads only when an archive is given)", async () => {
  const http = (body: string) => Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const block = http(`<!doctype html><html><head><title>Archived</title></head><body><article>${RIO.split(/\n\s*\n/).map((p) => `<p>${p.replace(/</g, "&lt;")}</p>`).join("")}</article></body></html>`);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-08-12T00:00:00Z\r\nWARC-Target-URI: https://news.example/rio\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${block.length}\r\n\r\n`;
  const dir = tempDir();
  writeFileSync(join(dir, "news.warc.gz"), gzipSync(Buffer.concat([Buffer.from(head), block, Buffer.from("\r\n\r\n")])));
  writeFileSync(join(dir, "hayom.txt"), HAYOM);
  const { code, stdout } = await runCli(["extract", dir, "--jsonl"]);
  expect(code).toBe(0);
  const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as { source: string; url: string | null; text: string });
  expect(lines).toHaveLength(2);
  expect(lines.find((l) => l.url === "https://news.example/rio")?.text).toContain("This proposal aims to secure his resignation");
  expect(lines.find((l) => l.source.endsWith("hayom.txt"))).toBeDefined();
  const plain = await runCli(["extract", join(dir, "hayom.txt"), "--jsonl"]);
  expect(plain.code).toBe(0);
  expect(plain.stdout.trim().split("\n")).toHaveLength(1);
});
