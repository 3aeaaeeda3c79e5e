/**
 * Pages built to be slow or deep, each timed once through `extractHtmlArticle`: the issue asks for bounded time per
 * page, and a unit test may not time things. Generated here rather than stored: they are a few repeated strings.
 */
import { extractHtmlArticle } from "../src/extract/html/extract-html.js";
import { isSkip } from "../src/records.js";

const STORY = "The port authority said on Monday that cargo traffic fell by a third after the strike, the steepest drop since 2009. ";

const PAGES: Record<string, () => string> = {
  "10,000 nested <div>s": () => `<html><body>${"<div>".repeat(10_000)}<p>${STORY.repeat(3)}</p>${"</div>".repeat(10_000)}</body></html>`,
  "10,000 nested captioned divs": () =>
    `<html><body>${'<div class="caption author date">x '.repeat(10_000)}${STORY}${"</div>".repeat(10_000)}</body></html>`,
  "3,000 unclosed nested tables": () => `<html><body>${"<table><tr><td>".repeat(3_000)}${STORY}</body></html>`,
  "15,000 unclosed inline tags": () => `<html><body>${"<span><b><i>".repeat(5_000)}${STORY}</body></html>`,
  "150,000 paragraphs (18.6 MB)": () => `<html><body>${`<p>${STORY}</p>`.repeat(150_000)}</body></html>`,
  "50,000 linked list items (7 MB)": () => `<html><body><ul>${`<li><a href=/x>${STORY}</a></li>`.repeat(50_000)}</ul></body></html>`,
};

export interface HostileResult {
  page: string;
  megabytes: number;
  seconds: number;
  outcome: string;
}

export function benchHostilePages(): HostileResult[] {
  return Object.entries(PAGES).map(([page, build]) => {
    const body = build();
    const started = performance.now();
    const result = extractHtmlArticle({ source: page, format: "html", body, hints: {}, fetchedAt: new Date().toISOString() });
    const seconds = (performance.now() - started) / 1000;
    const outcome = isSkip(result) ? `skip: ${result.skip}` : `article, ${result.text.length.toLocaleString("en")} characters`;
    return { page, megabytes: Math.round((body.length / 1e6) * 10) / 10, seconds: Math.round(seconds * 100) / 100, outcome };
  });
}

export function formatHostile(results: readonly HostileResult[]): string[] {
  return [
    "| page | MB | seconds | outcome |",
    "|---|---|---|---|",
    ...results.map((r) => `| ${r.page} | ${r.megabytes} | ${r.seconds} | ${r.outcome} |`),
  ];
}
