import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InputFailure, RawDocument } from "../../records.js";
import type { FetchOptions } from "../fetch/index.js";
import { discover } from "./discover.js";
import { SITEMAP_INDEX, URLSET, words } from "./fixtures.js";
import { readFeeds } from "./read-feeds.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
// No Content-Type: the fetcher sniffs markup; see "typed" below for why.
const send = (body: string | Buffer, headers: Record<string, string> = {}): Handler => (_req, res) => res.writeHead(200, headers).end(body);
const html = (title: string) => send(`<!doctype html><html><head><title>${title}</title></head><body><article><p>${words(200, "p")}</p></article></body></html>`, { "content-type": "text/html; charset=utf-8" });

const FEED = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Loopback Ledger</title><link>${base}/</link>
  <item><title>Full story</title><link>/a/full</link><pubDate>Mon, 09 Jun 2025 08:00:00 GMT</pubDate><dc:creator>Ana Lima</dc:creator>
    <content:encoded><![CDATA[<p>${words(180, "full")}</p>]]></content:encoded></item>
  <item><title>Second story</title><link>/a/two</link><pubDate>Tue, 10 Jun 2025 08:00:00 GMT</pubDate><dc:creator>Bo Berg</dc:creator>
    <description>Only a teaser.</description></item>
  <item><title>Third story</title><link>${base}/a/three</link><pubDate>1900-01-01</pubDate></item>
  <item><title>Second story again</title><link>/a/two#comments</link></item>
</channel></rss>`;

describe("readFeeds against a local server", () => {
  let base = "";
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url!);
    const route = routes[req.url!];
    if (route) route(req, res);
    else res.writeHead(404).end("not found");
  });
  const routes: Record<string, Handler> = {
    "/feed.xml": (req, res) => send(FEED(base))(req, res),
    "/sitemap.xml": (req, res) => send(SITEMAP_INDEX([`${base}/sitemap-1.xml`, "/missing-sitemap.xml"]))(req, res),
    "/sitemap-1.xml": (req, res) => send(URLSET([`${base}/p/1`, `${base}/p/2`]))(req, res),
    "/sitemap-gz-index.xml": (req, res) => send(SITEMAP_INDEX([`${base}/news-sitemap.xml.gz`]))(req, res),
    "/news-sitemap.xml.gz": (req, res) => send(gzipSync(URLSET([`${base}/p/2`, `${base}/p/1`])), { "content-type": "application/x-gzip" })(req, res),
    "/home": (req, res) => send(`<!doctype html><html><head><title>Home</title>
      <link rel="alternate" type="application/rss+xml" title="Ledger Feed" href="/typed.xml">
      <link rel="alternate" type="application/rss+xml" title="Ledger Comments Feed" href="/comments/feed/"></head><body>Front page</body></html>`, { "content-type": "text/html" })(req, res),
    "/bare": html("No feed announced"),
    "/down.xml": (_req, res) => res.writeHead(500).end(),
    "/garbage.xml": send("%PDF-1.4 this is no feed"),
    "/typed.xml": send("<rss version='2.0'><channel><title>Typed</title><item><title>Typed item</title><link>/a/typed</link></item></channel></rss>", { "content-type": "application/rss+xml" }),
    "/a/typed": html("Typed"),
    "/a/full": html("should not be fetched"),
    "/a/two": html("Two"),
    "/a/three": html("Three"),
    "/p/1": html("P1"),
    "/p/2": html("P2"),
    "/self-index.xml": (req, res) => send(SITEMAP_INDEX([`${base}/self-index.xml`]))(req, res),
    "/empty-urlset.xml": (req, res) => send(URLSET([]))(req, res),
  };
  const FAST: FetchOptions = { allowHosts: ["127.0.0.1"], minDelayMs: 0, retries: 0, headersTimeoutMs: 2000, bodyTimeoutMs: 3000, now: () => "2025-06-12T00:00:00.000Z" };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => void (server.closeAllConnections(), server.close()));

  test("feeds and sitemaps → documents; a full-content item is read without fetching; broken sources are named failures", async () => {
    const inputs = ["/feed.xml", "/sitemap.xml", "/down.xml", "/garbage.xml", "/typed.xml"].map((p) => base + p);
    const results = await readFeeds(inputs, FAST);
    const failures = results.filter((r): r is InputFailure => "error" in r);
    const docs = results.filter((r): r is RawDocument => !("error" in r));

    expect(failures.map((f) => [f.source.replace(base, ""), f.error])).toEqual([
      ["/down.xml", expect.stringMatching(/HTTP 500/)],
      ["/garbage.xml", expect.stringMatching(/not a feed or sitemap/)],
      ["/missing-sitemap.xml", expect.stringMatching(/HTTP 404/)],
    ]);
    // A feed served as application/rss+xml is read as one (the fetcher's `formats`, for feeds only).
    expect(docs.map((d) => d.source.replace(base, ""))).toEqual(["/a/full", "/a/two", "/a/three", "/p/1", "/p/2", "/a/typed"]);
    expect(hits).not.toContain("/a/full");

    const [full, two, three] = docs;
    expect(full).toMatchObject({ format: "html", body: `<p>${words(180, "full")}</p>`, fetchedAt: "2025-06-12T00:00:00.000Z" });
    expect(full!.hints).toEqual({ url: `${base}/a/full`, title: "Full story", publishedAt: "2025-06-09T08:00:00.000Z", authors: ["Ana Lima"], outlet: "Loopback Ledger" });
    // Fetched pages keep the page's URL and take the feed's plain facts; an implausible date (1900) is not passed on.
    expect(two!.hints).toEqual({ url: `${base}/a/two`, title: "Second story", publishedAt: "2025-06-10T08:00:00.000Z", authors: ["Bo Berg"] });
    expect(two!.body).toContain("<title>Two</title>");
    expect(three!.hints).toEqual({ url: `${base}/a/three`, title: "Third story" });
  });

  test("a gzipped sitemap (news-sitemap.xml.gz, served as application/x-gzip) is inflated and read", async () => {
    const found = await discover([`${base}/sitemap-gz-index.xml`], FAST);
    expect(found.failures).toEqual([]);
    expect(found.items.map((i) => ("body" in i ? i.source : i.url).replace(base, ""))).toEqual(["/p/2", "/p/1"]);
  });

  test("a web page given as a feed is followed to the article feeds it announces (not its comment feed); one with none is named", async () => {
    const found = await discover([`${base}/home`, `${base}/bare`], FAST);
    expect(found.items.map((i) => ("body" in i ? i.source : i.url).replace(base, ""))).toEqual(["/a/typed"]);
    expect(found.failures).toEqual([{ source: `${base}/bare`, error: expect.stringMatching(/^a web page that announces no feed: give the site's feed/) }]);
    expect(hits).not.toContain("/comments/feed/");
  });

  test("discover: de-duplicated by URL, capped at maxItems, sitemap children capped at maxSitemaps", async () => {
    const one = await discover([`${base}/feed.xml`, `${base}/feed.xml`, `${base}/sitemap.xml`], { ...FAST, maxItems: 4, maxSitemaps: 1 });
    expect(one.failures).toEqual([]);
    expect(one.items.map((i) => ("body" in i ? i.source : i.url).replace(base, ""))).toEqual(["/a/full", "/a/two", "/a/three", "/p/1"]);
  });

  test("a sitemap index listing itself, or a sitemap listing nothing, is named with why nothing came out", async () => {
    hits.length = 0;
    const results = await readFeeds([`${base}/self-index.xml`, `${base}/empty-urlset.xml`], FAST);
    expect(results).toEqual([
      { source: `${base}/self-index.xml`, error: expect.stringContaining("lists only itself") },
      { source: `${base}/empty-urlset.xml`, error: "no articles: it lists none" },
    ]);
    expect(hits.filter((h) => h === "/self-index.xml")).toHaveLength(1);
  });
});
