import { describe, expect, test } from "vitest";
import { ATOM, JSON_FEED, RDF, RSS2, words } from "./fixtures.js";
import { parseFeed, readFeed, type FeedItem } from "./parse-feed.js";
import { detectKind } from "./detect-kind.js";

const items = (body: string, url: string): FeedItem[] => {
  const r = parseFeed(body, url);
  if ("error" in r) throw new Error(`expected items, got: ${r.error}`);
  return r;
};

describe("parseFeed", () => {
  test("RSS 2.0: content:encoded, dc:creator, relative links, guid; items without an http(s) link skipped", () => {
    const parsed = readFeed(RSS2(words(10)), "https://example.com/world/rss.xml");
    if ("error" in parsed) throw new Error(parsed.error);
    expect(parsed.title).toBe("The Example Times – World");
    expect(parsed.items).toHaveLength(2);
    expect(parsed.items[0]).toEqual({
      url: "https://example.com/2025/06/10/strikes.html",
      id: "ex-123",
      title: "Strikes on boats & what we know",
      publishedAt: "2025-06-10T12:30:00.000Z",
      authors: ["Jane Roe", "John Doe"],
      summary: "<p>A short teaser.</p>",
      content: `<p>${words(10)}</p>`,
      contentFormat: "html",
    });
    // An e-mail is not an author name, but "World Desk" given beside it is; a bad date is dropped, not guessed.
    expect(parsed.items[1]).toEqual({ url: "https://example.com/2025/06/11/teaser.html", id: "https://example.com/2025/06/11/teaser.html", title: "Teaser only", authors: ["World Desk"] });
  });

  test("Atom: the alternate link, resolved; <content type=html>; an HTML title made plain", () => {
    expect(items(ATOM, "https://ledger.example/feeds/all.atom")).toEqual([{
      url: "https://ledger.example/feeds/articles/rates",
      id: "tag:ledger.example,2025:rates",
      title: "Rates & markets",
      publishedAt: "2025-06-09T08:00:00.000Z",
      authors: ["Ana Lima"],
      summary: "Rates rose.",
      content: "<p>The central bank raised rates.</p>",
      contentFormat: "html",
    }]);
  });

  test("RSS 1.0 (RDF): dc:date and dc:creator", () => {
    expect(items(RDF, "https://old.example/rss")).toEqual([{
      url: "https://old.example/story/1",
      id: "https://old.example/story/1",
      title: "Council votes",
      publishedAt: "2025-05-01T09:00:00.000Z",
      authors: ["Bo Berg"],
      summary: "The council voted.",
    }]);
  });

  test("JSON Feed 1.1: content_text and content_html, relative url resolved, an item without url skipped", () => {
    const got = items(JSON_FEED, "https://wire.example/feed.json");
    expect(got.map((i) => [i.url, i.id, i.contentFormat])).toEqual([
      ["https://wire.example/a/1", "w-1", "text"],
      ["https://wire.example/a/2", "w-2", "html"],
    ]);
    expect(got[0]).toMatchObject({ title: "Quake hits coast", publishedAt: "2025-06-01T03:04:05.000Z", authors: ["Cy Dee"], content: "A quake hit the coast." });
  });

  test.each([
    ["malformed XML", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item></channel></rss>`, /malformed XML at line 1/],
    ["an HTML page", `<!doctype html><html><head><title>Home</title></head><body><p>Hi</p></body></html>`, /an HTML page/],
    ["malformed JSON", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, /malformed JSON/],
    ["JSON that is not a feed", `{"hello": "world"}`, /not a JSON Feed/],
    ["other XML", `<?xml version="1.0"?><note><to>A</to></note>`, /not RSS, Atom or RDF/],
    ["plain text", `just some words`, /neither XML nor JSON/],
    ["nothing", `   `, /empty/],
  ])("%s is a named error, not a throw", (_name, body, message) => {
    const r = parseFeed(body, "https://example.com/feed");
    expect("error" in r && r.error).toMatch(message);
  });
});

describe("detectKind", () => {
  test.each([
    [RSS2("x"), "feed"], [ATOM, "feed"], [RDF, "feed"], [JSON_FEED, "feed"],
    [`<?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="s.xsl"?><urlset xmlns="x"></urlset>`, "sitemap"],
    [`<sitemapindex></sitemapindex>`, "sitemap"],
    [`<!doctype html><html></html>`, "page"], [`<!-- x --><html lang="en"><head>`, "page"], [`{"version": "1"}`, "unknown"], [`hello`, "unknown"],
  ])("%#", (body, kind) => expect(detectKind(body)).toBe(kind));
});
