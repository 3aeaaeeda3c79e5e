/**
 * Article fields are text in every report (issue 19, item 5): `--md` escapes raw HTML, links and emphasis taken from
 * articles instead of copying them, and `--html` escapes them as entities. Run through the real pipeline, so every
 * section that quotes an article (titles, outlets, claims, quotes, timeline) is fed the hostile text.
 */
import { expect, test } from "vitest";
import { processDocuments } from "../../pipeline.js";
import type { RawDocument } from "../../records.js";
import { buildReport } from "../build-report.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";

const SCRIPT = "<script>alert(1)</script>";
const LINK = "[click](javascript:alert(2))";
const IMG = '<img src=x onerror="alert(3)">';

function hostile(n: number, outlet: string): RawDocument {
  const body = [
    `The council closed the ${SCRIPT} bridge on Tuesday after engineers found cracks in two supports, officials said.`,
    `"We had no choice ${IMG}," Mayor Ana Ruiz said at a news conference, adding that repairs would cost $4 million ${LINK}.`,
    `Commuters were sent over the northern crossing on March 3, 2024, which adds about 20 minutes **to a trip**.`,
    `Shop owners near the bridge said they feared losing customers during the works, which are due to end in 2025.`,
  ].join("\n\n");
  return {
    source: `hostile-${n}.txt`, format: "text", body,
    hints: { id: `hostile-${n}`, title: `Bridge ${SCRIPT} closed ${LINK}`, outlet: `${outlet} ${IMG}`, publishedAt: "2024-03-03", authors: [`Jo ${SCRIPT}`] },
    fetchedAt: "2024-03-03T12:00:00Z",
  };
}

const processed = processDocuments([hostile(1, "Daily Post"), hostile(2, "Evening Star")], { maxArticleChars: 200_000 });
const { report } = buildReport(processed.bundles, { failures: processed.failures, skipped: processed.skipped });

test("the hostile articles were read and reported on (the test has something to check)", () => {
  expect(report.articles).toHaveLength(2);
  expect(report.stories.length).toBeGreaterThan(0);
  expect(renderMarkdown(report)).toContain("Bridge");
});

test("--md copies no raw HTML, link or emphasis from article fields", () => {
  const md = renderMarkdown(report);
  // Every "<" from an article is escaped; an unescaped one would be raw HTML to a Markdown renderer.
  expect(md).not.toMatch(/(?<!\\)</);
  expect(md).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
  expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
  expect(md).not.toMatch(/(?<!\\)\*\*to a trip(?<!\\)\*\*/);
});

test("--html escapes article fields as entities", () => {
  const html = renderHtml(report);
  expect(html).not.toContain("<script");
  expect(html).not.toContain("<img");
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
});
