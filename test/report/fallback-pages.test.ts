/**
 * The no-JavaScript story page (src/serve/http/pages.ts, served when the app is not built) shows what the user's
 * outlet file says of each outlet, and the story's lean spread, as the other reports do; without a file, nothing.
 */
import { expect, test } from "vitest";
import { processDocuments } from "../../src/pipeline.js";
import type { RawDocument } from "../../src/records.js";
import { buildReport } from "../../src/report/build-report.js";
import { parseOutletFile } from "../../src/report/read-outlet-info.js";
import { storyPage } from "../../src/serve/http/pages.js";

const OUTLETS = ["name,domain,lean,country,owner", "Harbor Gazette,,Lean Left,Portugal,\"Gazette Media, Ltd\"", "Coast Radio News,,right-center,Portugal,"].join("\n");

const doc = (n: number, outlet: string): RawDocument => ({
  source: `bridge-${n}.txt`, format: "text", fetchedAt: "2025-03-05T12:00:00Z",
  hints: { id: `bridge-${n}`, title: "Elm Street bridge reopens", outlet, publishedAt: "2025-03-04" },
  body: [
    "The Elm Street bridge reopened to traffic on Monday after six months of repairs, the city's transport office said.",
    "Engineers replaced 40 cracked girders and the deck, at a cost of $12 million, the office said.",
  ].join("\n\n"),
});

test("the fallback story page shows each outlet's lean, country and owner from the outlet file, and nothing without one", () => {
  const processed = processDocuments([doc(1, "Harbor Gazette"), doc(2, "Coast Radio News")], { maxArticleChars: 200_000 });
  const { report, comparisons } = buildReport(processed.bundles, { failures: [], skipped: [] });
  const story = report.stories[0]!;
  const stored = { story, comparison: comparisons.find((c) => c.storyId === story.id) ?? null, articles: report.articles.filter((a) => story.articleIds.includes(a.id)) };
  const bundles = processed.bundles.filter((b) => story.articleIds.includes(b.article.id));
  const html = storyPage(stored, bundles, parseOutletFile(OUTLETS, "outlets.csv").entries);
  expect(html).toContain("Harbor Gazette (leans left · Portugal · owner: Gazette Media, Ltd)");
  expect(html).toContain("Coast Radio News (leans right · Portugal)");
  expect(html).toContain("Lean of the outlets (your file): 1 leans left · 1 leans right");
  expect(html).not.toMatch(/<script/i);
  const without = storyPage(stored, bundles, []);
  expect(without).toContain("Harbor Gazette");
  expect(without).not.toMatch(/leans left|Lean of the outlets/);
});
