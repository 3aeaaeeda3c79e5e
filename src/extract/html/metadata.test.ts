import { describe, expect, test } from "vitest";
import type { InputHints } from "../../records.js";
import { parseDocument } from "./dom.js";
import { readMetadataCandidates, resolveMetadata } from "./metadata.js";

const FETCHED_AT = "2025-12-31T00:00:00Z";

function metadataOf(head: string, body = "", hints: InputHints = {}) {
  const page = parseDocument(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
  return resolveMetadata(readMetadataCandidates(page, hints), { hints, fetchedAt: FETCHED_AT });
}

const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

describe("metadata sources, in priority order", () => {
  test("JSON-LD @graph: headline, @id-referenced authors, publisher, dates, entities decoded", () => {
    const m = metadataOf(
      ld({
        "@graph": [
          { "@type": "Person", "@id": "#p1", name: "Ana Ruiz" },
          {
            "@type": "article", headline: "&#8222;Arschloch&#8220;: Trennung &amp; Streit", author: [{ "@id": "#p1" }, "Mark Ellis"],
            datePublished: "2024-08-11T09:30:00-04:00", publisher: { name: "Ledger" },
          },
        ],
      }) + '<meta property="og:title" content="Other title">',
    );
    expect(m).toMatchObject({ title: "„Arschloch“: Trennung & Streit", authors: ["Ana Ruiz", "Mark Ellis"], outlet: "Ledger" });
    expect(m.publishedAt).toBe("2024-08-11T09:30:00-04:00");
    expect(m.provenance.title).toEqual({ from: "json-ld:headline", confidence: 0.9 });
  });

  test("meta tags: og, article:*, name=author; og:title loses the site name", () => {
    const m = metadataOf(
      `<meta property="og:title" content="Maduro rechaza propuesta | Diario del Sur"><meta property="og:site_name" content="Diario del Sur">
       <meta property="article:published_time" content="2025-11-21T18:02:11Z"><meta name="author" content="Lucía Fernández">
       <meta property="og:locale" content="es_VE">`,
    );
    expect(m).toMatchObject({ title: "Maduro rechaza propuesta", outlet: "Diario del Sur", authors: ["Lucía Fernández"], language: "es" });
    expect(m.provenance.publishedAt?.from).toBe("meta:article:published_time");
  });

  test.each([
    ["sailthru.date", "2024-08-11 09:30:00", "2024-08-11T09:30:00"],
    ["parsely-pub-date", "2024-08-11T13:30:00Z", "2024-08-11T13:30:00Z"],
    ["dc.date", "2024-08-11", "2024-08-11"],
    ["citation_publication_date", "2024/08/11", "2024-08-11"],
  ])("date meta %s=%s → %s", (name, content, iso) => {
    expect(metadataOf(`<meta name="${name}" content="${content}">`).publishedAt).toBe(iso);
  });

  test("a printed date under the headline, in German", () => {
    const m = metadataOf("", "<article><h1>Neue Regeln für Radfahrer in der Stadt</h1><span class='datum'>31. Mai 2012</span><p>Text.</p></article>");
    expect(m.publishedAt).toBe("2012-05-31");
    expect(m.provenance.publishedAt?.from).toBe("html:date-element");
  });

  test("the URL's date and domain come last", () => {
    const m = metadataOf("<title>Headline here</title>", "", { url: "https://www.example.co.uk/news/2019/08/02/headline-here" });
    expect(m).toMatchObject({ publishedAt: "2019-08-02", outlet: "example.co.uk" });
    expect(m.provenance.outlet).toEqual({ from: "url:domain", confidence: 0.2 });
  });

  test("input hints win", () => {
    const m = metadataOf('<meta property="og:title" content="Page title">', "", { title: "Given", publishedAt: "2024-01-02" });
    expect(m).toMatchObject({ title: "Given", publishedAt: "2024-01-02" });
    expect(m.provenance.title).toEqual({ from: "input", confidence: 1 });
  });
});

describe("metadata must-nots", () => {
  test("never the fetch time, never a date after it", () => {
    const m = metadataOf('<meta property="article:published_time" content="2031-01-01T00:00:00Z">');
    expect(m.publishedAt).toBeNull();
    expect(metadataOf("<title>No dates here at all</title>").publishedAt).toBeNull();
  });

  test("a comment's microdata author and date are not the article's", () => {
    const m = metadataOf(
      "",
      `<article><h1>A headline long enough</h1><p>Body.</p>
        <div class="comment" itemprop="comment"><span itemprop="author">Troll McTroll</span><time datetime="2024-09-09">Sep 9</time></div></article>`,
    );
    expect(m.authors).toEqual([]);
    expect(m.publishedAt).toBeNull();
  });

  test("an author bio's employer is not the outlet; an author URL is not an author", () => {
    const m = metadataOf(
      '<meta property="article:author" content="https://www.facebook.com/janedoe">',
      "<article><h1>Headline of the story</h1><p>Body.</p><div class='author-bio'>Jane Doe previously worked for Breitbart News.</div></article>",
    );
    expect(m.outlet).toBeNull();
    expect(m.authors).toEqual([]);
  });

  test("malformed JSON-LD is skipped, not fatal", () => {
    const m = metadataOf('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><title>Fallback title here</title>');
    expect(m.title).toBe("Fallback title here");
  });
});
