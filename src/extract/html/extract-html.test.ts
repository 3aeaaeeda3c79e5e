import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type Article, isSkip, type RawDocument } from "../../records.js";
import { extractHtmlArticle, MAX_HTML_CHARS } from "./extract-html.js";

/** A PNG file's first bytes read as text, the way a .html file that is really an image reaches the extractor. */
const PNG_AS_TEXT = new TextDecoder("utf-8").decode(
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 400 }, (_, i) => (i * 37) % 256)]),
);

const FIXTURES = new URL("../../../test/fixtures/html/", import.meta.url);
const FETCHED_AT = "2025-12-31T00:00:00Z";

function extract(file: string, hints: RawDocument["hints"] = {}) {
  const body = readFileSync(new URL(file, FIXTURES), "utf8");
  return extractHtmlArticle({ source: file, format: "html", body, hints, fetchedAt: FETCHED_AT });
}

function article(file: string, hints: RawDocument["hints"] = {}): Article {
  const result = extract(file, hints);
  if (isSkip(result)) throw new Error(`${file} skipped: ${result.skip} ${result.detail}`);
  return result;
}

interface Row {
  file: string;
  /** Story sentences that must be in the text. */
  has: string[];
  /** Menus, promos, bios, comments, captions, embeds, bylines: never in the text. */
  hasNot: string[];
  meta: Partial<Pick<Article, "title" | "outlet" | "authors" | "publishedAt" | "modifiedAt" | "language" | "url">>;
  from: Partial<Record<keyof Article["provenance"], string>>;
}

const ROWS: Row[] = [
  {
    file: "news-jsonld.html",
    has: [
      "Washington discussed pardons for Venezuela's leader", // the standfirst under the headline
      "The United States has discussed offering amnesty to Nicolás Maduro",
      "declared Maduro the winner with 52 percent of the vote.",
      "\"Nothing is off the table,\" one of the people said",
    ],
    hasNot: [
      "Related:", "What we know about Venezuela's disputed election", "Share on Facebook", "Sign up for our daily newsletter",
      "Breitbart News", "Ana Ruiz covers Venezuela", "You might also like", "Oil prices climb", "best reporting on Venezuela",
      "Most read", "All rights reserved", "Supporters of the opposition march", "Venezuela merece una transición",
      "Tags:", "Politics", "By Ana Ruiz",
    ],
    meta: {
      title: "US weighed amnesty offer for Maduro, officials say",
      outlet: "The Caracas Ledger",
      authors: ["Ana Ruiz", "Mark Ellis"],
      publishedAt: "2024-08-11T09:30:00-04:00",
      modifiedAt: "2024-08-12T14:05:00-04:00",
      language: "en",
      url: "https://www.caracasledger.example/world/2024/08/11/us-amnesty-maduro/",
    },
    from: { title: "json-ld:headline", authors: "json-ld:author", outlet: "json-ld:publisher", url: "link:canonical" },
  },
  {
    file: "meta-only.html",
    has: ["El presidente Nicolás Maduro rechazó este viernes", "recompensa de 15 millones de dólares"],
    hasNot: ["Lea también", "La oposición responde", "Compartir", "Lo más leído", "Hoy en Caracas", "Todos los derechos", "Portada"],
    meta: {
      title: "Maduro rechaza propuesta de amnistía",
      outlet: "Diario del Sur",
      authors: ["Lucía Fernández"],
      publishedAt: "2025-11-21T18:02:11Z",
      language: "es",
      url: "https://diariodelsur.example/politica/maduro-rechaza-amnistia",
    },
    from: { title: "meta:og:title", outlet: "meta:og:site_name", publishedAt: "meta:article:published_time" },
  },
  {
    file: "byline-title.html",
    has: ["a dozen Venezuelan exiles gathered on Tuesday", "\"We have heard this before,\" said Carmen Díaz"],
    hasNot: ["By Maria Lopez", "December 2, 2025", "Share this story", "freelance writer based in Madrid", "El Nacional", "Sports"],
    meta: {
      title: "Exiled Venezuelans watch talks from Madrid",
      outlet: "The Harbor Post",
      authors: ["Maria Lopez", "Tom Reed"],
      publishedAt: "2025-12-02",
    },
    from: { title: "html:title", outlet: "html:title-suffix", publishedAt: "html:date-element" },
  },
  {
    file: "malformed.html",
    has: ["Los vecinos de Maracaibo pasaron el domingo", "promesas similares en marzo no se cumplieron."],
    hasNot: ["PHP Warning", "mysql_connect", "primero!!!", "track|2025", "Apagones golpean de nuevo al Zulia"],
    meta: { title: "Apagones golpean de nuevo al Zulia", language: "es", outlet: null, publishedAt: null, authors: [] },
    from: { title: "html:title", language: "html:lang" },
  },
];

describe("extractHtmlArticle on hand-made news pages", () => {
  test.each(ROWS)("$file: body has the story, not the furniture", ({ file, has, hasNot }) => {
    const { text } = article(file);
    for (const s of has) expect(text).toContain(s);
    for (const s of hasNot) expect(text).not.toContain(s);
    expect(text).not.toMatch(/<[a-z][^>]*>|\n{3,}| {2,}/);
  });

  test.each(ROWS)("$file: metadata and provenance", ({ file, meta, from }) => {
    const a = article(file);
    expect(a).toMatchObject(meta);
    for (const [field, source] of Object.entries(from)) expect(a.provenance[field as keyof Article["provenance"]]?.from).toBe(source);
    expect(a.extractedBy).toBe("html:content");
  });

  test("an author bio's former employer never becomes the outlet", () => {
    expect(article("news-jsonld.html").outlet).not.toMatch(/Breitbart/);
    expect(article("byline-title.html").outlet).not.toMatch(/Nacional/);
  });

  test("embedded posts are set aside with author, handle, date and URL", () => {
    expect(article("news-jsonld.html").embeds).toEqual([
      {
        kind: "post", platform: "x", author: "Brian A. Nichols", handle: "@WHAAsstSecty",
        text: "Venezuela merece una transición pacífica. Seguiremos trabajando con nuestros aliados.",
        date: "2024-08-11", url: "https://twitter.com/WHAAsstSecty/status/1822667410000000000",
      },
    ]);
    expect(article("meta-only.html").embeds).toEqual([
      {
        kind: "post", platform: "instagram", author: "Nicolás Maduro", handle: "@nicolasmaduro",
        text: "Hoy en Caracas, con el pueblo en la calle.", date: "2025-11-21T15:00:00+00:00",
        url: "https://www.instagram.com/p/C9xYz12AbcD/",
      },
    ]);
  });

  test("captions keep their credit and leave the body", () => {
    expect(article("news-jsonld.html").captions).toEqual([
      "Supporters of the opposition march in Caracas on August 3. Photo: Leo Ramírez/AFP",
    ]);
  });

  test("ids: the input's id, else a stable hash of the canonical URL without tracking parameters", () => {
    expect(article("news-jsonld.html", { id: "rec-7" }).id).toBe("rec-7");
    const a = article("news-jsonld.html").id;
    const b = article("news-jsonld.html", { url: "https://www.caracasledger.example/world/2024/08/11/us-amnesty-maduro/?utm_source=x" }).id;
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
    expect(article("malformed.html").id).toMatch(/^[0-9a-f]{16}$/);
  });

  test("input hints win, with provenance 'input'", () => {
    const a = article("meta-only.html", { title: "Given title", outlet: "Given Outlet", publishedAt: "2025-11-20", authors: ["A. Person"] });
    expect(a).toMatchObject({ title: "Given title", outlet: "Given Outlet", publishedAt: "2025-11-20", authors: ["A. Person"] });
    expect(a.provenance.title).toEqual({ from: "input", confidence: 1 });
  });
});

describe("extractHtmlArticle skips", () => {
  const page = (body: string) => extractHtmlArticle({ source: "inline", format: "html", body, hints: {}, fetchedAt: FETCHED_AT });
  test.each([
    { name: "garbage bytes", body: readFileSync(new URL("garbage.html", FIXTURES), "utf8"), reason: "binary" },
    { name: "an empty document", body: "  \n ", reason: "empty" },
    { name: "a page with no visible text", body: "<html><head><title>x</title></head><body><img src=a.png></body></html>", reason: "empty" },
    {
      name: "a menu-only page",
      body: "<html><body><nav><a href=/a>Home</a> <a href=/b>World</a></nav><footer>© 2025 Site</footer></body></html>",
      reason: "not-article",
    },
    { name: "a stub", body: "<html><body><article><h1>Headline</h1><p>Developing story. More soon.</p></article></body></html>", reason: "too-short" },
    { name: "a PNG renamed .html", body: PNG_AS_TEXT, reason: "binary" },
    {
      name: "a page that is only a cookie wall",
      body:
        '<html><body><div class="cookie-consent"><p>We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. ' +
        'By continuing you agree to our use of cookies.</p><button>Accept all</button></div></body></html>',
      reason: "not-article",
    },
    { name: "HTML over the size limit", body: `<p>${"x".repeat(MAX_HTML_CHARS)}</p>`, reason: "not-article" },
  ])("$name → $reason", ({ body, reason }) => {
    const result = page(body);
    expect(isSkip(result) && result.skip).toBe(reason);
    expect(isSkip(result) && result.source).toBe("inline");
  });
});

describe("extractHtmlArticle on hostile markup", () => {
  const page = (body: string) => extractHtmlArticle({ source: "inline", format: "html", body, hints: {}, fetchedAt: FETCHED_AT });
  const story = "The port authority said on Monday that cargo traffic fell by a third after the strike, the steepest drop since 2009. ";

  test("10,000 nested elements: no stack overflow, the text is kept", () => {
    const result = page(`<html><body>${"<div>".repeat(10_000)}<p>${story.repeat(3)}</p>${"</div>".repeat(10_000)}</body></html>`);
    expect(isSkip(result)).toBe(false);
    expect((result as Article).text).toContain("cargo traffic fell by a third");
  });

  test("a 50 MB page (text over the size limit) is refused, not parsed", () => {
    const result = page(`<html><body><p>${story.repeat(Math.ceil(50_000_000 / story.length))}</p></body></html>`);
    expect(isSkip(result) && result.detail).toMatch(/characters of HTML, over the/);
  });

  test("invalid UTF-8 decoded with replacement characters still yields the story", () => {
    const bytes = Buffer.concat([Buffer.from(`<html><body><article><p>${story}`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`${story}</p></article></body></html>`)]);
    const result = page(new TextDecoder("utf-8").decode(bytes));
    expect((result as Article).text).toContain("steepest drop since 2009");
  });

  test("unclosed tags, stray end tags and attributes without quotes", () => {
    const result = page(`<html><body><div class=story><p>${story}<p>${story}</span></b><p>${story}</div></div></div><footer>Footer</footer>`);
    expect((result as Article).text.split("\n\n")).toHaveLength(3);
  });
});
