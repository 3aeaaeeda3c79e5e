import { describe, expect, test } from "vitest";
import { NEWS_SITEMAP, SITEMAP_INDEX } from "./fixtures.js";
import { parseSitemap } from "./parse-sitemap.js";

describe("parseSitemap", () => {
  test("a news sitemap: lastmod, publication date, title and outlet; non-http(s) locs skipped", () => {
    expect(parseSitemap(NEWS_SITEMAP, "https://example.com/news-sitemap.xml")).toEqual({
      sitemaps: [],
      urls: [
        {
          url: "https://example.com/2025/06/10/strikes.html",
          lastmod: "2025-06-10T15:00:00.000Z",
          publishedAt: "2025-06-10T12:30:00.000Z",
          title: "Strikes on boats & what we know",
          outlet: "The Example Times",
        },
        { url: "https://example.com/about", lastmod: "2024-01-02" },
      ],
    });
  });

  test("a sitemap index: its child sitemaps, relative ones resolved, each once", () => {
    const body = SITEMAP_INDEX(["https://example.com/s1.xml", "/s2.xml", "https://example.com/s1.xml"]);
    expect(parseSitemap(body, "https://example.com/sitemap.xml")).toEqual({ urls: [], sitemaps: ["https://example.com/s1.xml", "https://example.com/s2.xml"] });
  });

  test("an empty urlset has no URLs", () => {
    expect(parseSitemap(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`, "https://e.com/s.xml")).toEqual({ urls: [], sitemaps: [] });
  });

  test.each([
    ["malformed XML", `<urlset><url><loc>https://e.com/a</loc></urlset>`, /malformed XML/],
    ["other XML", `<rss version="2.0"><channel/></rss>`, /without <urlset> or <sitemapindex>/],
    ["not XML", `https://e.com/a\nhttps://e.com/b`, /not XML/],
    ["gzip bytes decoded as text", `\u001f\u008b\u0008\u0000`, /gzipped/],
  ])("%s is a named error", (_name, body, message) => {
    const r = parseSitemap(body, "https://e.com/s.xml");
    expect("error" in r && r.error).toMatch(message);
  });
});
