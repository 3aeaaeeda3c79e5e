/**
 * Every function that reads page or article text must run in time linear in its input (issue 19): one pasted
 * page of a single 1 MB "word" once cost minutes in one regex. Each reader gets adversarial text built to make
 * backtracking patterns and per-node DOM work blow up (long words, runs of spaces, punctuation, quotes, dots,
 * capitalised words, deep nesting, many short lines), at 100 KB and at 1 MB.
 *
 * Not a speed test: the budget is a ratio taken in the same run (linear work grows 10×, quadratic 100×), with a
 * floor under the small run so a tiny, noisy baseline cannot flake on a loaded machine. Anything quadratic that
 * matters costs seconds at 1 MB and fails here by a wide margin.
 */
import { describe, expect, test } from "vitest";
import { analyzeArticle } from "../../src/analyze/index.js";
import { extractArticle } from "../../src/extract/extract.js";
import { isBoilerplateLine, isCaptionLine, isEndOfStoryMarker } from "../../src/extract/lines.js";
import { parsePublicationDate } from "../../src/extract/dates.js";
import { detectLanguage } from "../../src/extract/language.js";
import { decodeBytes } from "../../src/ingest/decode.js";
import { parseFeed, parseSitemap } from "../../src/ingest/feeds/index.js";
import { plainText } from "../../src/ingest/feeds/feed-text.js";
import { documentsFromBytes } from "../../src/ingest/read-inputs.js";
import { parseJsonFile, parseJsonLines } from "../../src/ingest/records-file.js";
import type { Article } from "../../src/records.js";
import { ADVERSARIAL_HTML, ADVERSARIAL_TEXT } from "../../bench/fuzz-shapes.js";

const SMALL = 100_000;
const LARGE = 1_000_000;
/** Linear work grows 10× from SMALL to LARGE, quadratic 100×; 30× leaves room for a loaded machine. */
const MAX_GROWTH = 30;
/** The small run's time is taken as at least this, so a fast baseline and one GC pause at 1 MB cannot fail the test. */
const BASELINE_FLOOR_MS = 100;

function elapsed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Times `read` on the shape at both sizes and checks the growth. */
function expectLinear(read: (input: string) => unknown, shape: (size: number) => string, small = SMALL, large = LARGE): void {
  const smallInput = shape(small);
  const largeInput = shape(large);
  read(shape(small / 10)); // warm the JIT
  const smallMs = Math.max(elapsed(() => read(smallInput)), BASELINE_FLOOR_MS);
  const largeMs = elapsed(() => read(largeInput));
  expect(largeMs, `${Math.round(largeMs)} ms at ${large} characters against ${Math.round(smallMs)} ms at ${small}`).toBeLessThan(MAX_GROWTH * smallMs);
}

const textShapes = Object.entries(ADVERSARIAL_TEXT);
const htmlShapes = Object.entries(ADVERSARIAL_HTML);

function article(text: string): Article {
  return {
    id: "hostile",
    source: "hostile.txt",
    url: null,
    outlet: null,
    title: "Hostile input",
    authors: [],
    publishedAt: "2024-03-01",
    modifiedAt: null,
    language: "en",
    text,
    captions: [],
    embeds: [],
    provenance: {},
    extractedBy: "input",
  };
}

const doc = (format: "html" | "text") => (body: string) =>
  extractArticle({ source: `hostile.${format}`, format, body, hints: {}, fetchedAt: "2024-03-02T00:00:00Z" });

describe("line classifiers are linear", () => {
  test.each(textShapes)("%s", (_, shape) => {
    expectLinear((text) => [isBoilerplateLine(text), isCaptionLine(text), isEndOfStoryMarker(text)], shape);
  });
});

describe("text extraction is linear", () => {
  test.each(textShapes)("%s", (_, shape) => expectLinear(doc("text"), shape));
});

/** Text shapes inside a paragraph: the ones that reach the HTML extractor's own patterns (captions, bylines, titles). */
const IN_PARAGRAPH = ["one long word", "long word ending in a credit", "capitalised words", "spaces then a letter", "punctuation run", "quotes", "handles", "an unclosed bracket"];

describe("HTML extraction is linear", () => {
  test.each([
    ...htmlShapes,
    ...textShapes.filter(([name]) => IN_PARAGRAPH.includes(name)).map(([name, shape]) => [`<p>${name}</p>`, (n: number) => `<html><body><p>${shape(n)}</p></body></html>`] as const),
  ])(
    "%s",
    (_, shape) => expectLinear(doc("html"), shape),
  );
});

describe("dates, language and decoding are linear", () => {
  test.each(textShapes)("%s", (_, shape) => {
    expectLinear((text) => [parsePublicationDate(text.slice(0, 2_000)), detectLanguage(text), decodeBytes(Buffer.from(text))], shape);
  });
});

describe("feed, sitemap and record readers are linear", () => {
  test.each(textShapes)("%s", (_, shape) => {
    expectLinear((text) => {
      parseFeed(`<rss><channel><item><title>${text}</title><description>${text}</description></item></channel></rss>`, "https://example.com/feed");
      parseSitemap(`<urlset><url><loc>https://example.com/${text}</loc></url></urlset>`, "https://example.com/sitemap.xml");
      parseJsonLines(text, "hostile.jsonl", "2024-03-02T00:00:00Z");
      parseJsonFile(JSON.stringify([{ title: "T", text }]), "hostile.json", "2024-03-02T00:00:00Z");
      // An upload without an extension is sniffed: "{" then a run of blank lines once cost a minute per 80 KB.
      documentsFromBytes(Buffer.from(`{}${text}`), "upload", { maxInputBytes: 20_000_000, fetchedAt: "2024-03-02T00:00:00Z" });
      plainText(text);
    }, shape);
  });
});

/**
 * The pipeline refuses articles over 300k characters (config.maxArticleChars) before analysis, so the analyzers
 * are fed at most 250k. wink-nlp's tokenizer is quadratic on one long token and on long runs of mixed blanks:
 * src/_lib/wink.ts cuts such runs before it reads them, and every shape runs here.
 */
// Analysis costs ~40 ms per 1,000 characters, so 26 shapes at 250k took minutes of `npm test`; 10k → 100k shows the
// same 10× against 100× and is what `npm test` runs. TRIANGULATE_HOSTILE_FULL=1 feeds 25k → 250k (the pipeline's cap).
const FULL = process.env.TRIANGULATE_HOSTILE_FULL === "1";
const ANALYSIS_SMALL = FULL ? 25_000 : 10_000;
const ANALYSIS_LARGE = FULL ? 250_000 : 100_000;

describe("the analyzers are linear", () => {
  test.each(textShapes)("%s", (_, shape) =>
    expectLinear((text) => analyzeArticle(article(text)), shape, ANALYSIS_SMALL, ANALYSIS_LARGE),
  );
});
