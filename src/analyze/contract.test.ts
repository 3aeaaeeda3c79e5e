/** The contract every analyzer keeps, run on real articles (the seeds and the text fixtures). */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type Annotation, type Article, isSkip } from "../records.js";
import { extractTextArticle } from "../extract/text/extract-text.js";
import { ANALYZERS, analyzeArticle } from "./index.js";

const root = new URL("../../", import.meta.url);
const files = [
  ...readdirSync(new URL("examples/", root)).map((f) => new URL(`examples/${f}`, root)),
  ...readdirSync(new URL("test/fixtures/text/", root)).map((f) => new URL(`test/fixtures/text/${f}`, root)),
];
const articles: Article[] = files.flatMap((url) => {
  const out = extractTextArticle({ source: url.pathname, format: "text", body: readFileSync(url, "utf8"), hints: {}, fetchedAt: "" });
  return isSkip(out) ? [] : [{ ...out.article, id: url.pathname, source: url.pathname, extractedBy: "text:lines" }];
});
const EMPTY: Article = { ...articles[0]!, text: "", title: "" };

test("fixtures are there", () => expect(articles.length).toBeGreaterThanOrEqual(8));

for (const analyzer of ANALYZERS) {
  describe(`analyzer ${analyzer.name}`, () => {
    test.each(articles.map((a) => [a.source.split("/").at(-1)!, a] as const))("spans in bounds, kinds declared: %s", (_, article) => {
      const prior: Annotation[] = [];
      for (const earlier of ANALYZERS.slice(0, ANALYZERS.indexOf(analyzer))) prior.push(...earlier.analyze(article, prior));
      for (const a of analyzer.analyze(article, prior)) {
        expect(analyzer.kinds).toContain(a.kind);
        const field = a.kind === "label" && a.field === "title" ? article.title : article.text;
        expect(a.span[0] >= 0 && a.span[0] < a.span[1] && a.span[1] <= field.length).toBe(true);
        expect(a.by).toBe(`${analyzer.name}@${analyzer.version}`);
      }
    });
    test("empty text yields nothing", () => expect(analyzer.analyze(EMPTY, [])).toEqual([]));
  });
}

test("analysis is deterministic", () => {
  expect(analyzeArticle(articles[1]!)).toEqual(analyzeArticle(articles[1]!));
});

test("an analyzer listed before what it needs is a programmer error", () => {
  const quotes = ANALYZERS.find((a) => a.name === "quotes")!;
  expect(() => analyzeArticle(articles[0]!, [quotes])).toThrow(/needs "sentence"/);
});
