/**
 * One order and one set of words for a story in every report (issue 23): the terminal summary, Markdown and HTML
 * walk STORY_SECTIONS (src/report/render/sections.ts), as the web page does (test/e2e/story-page.test.ts checks
 * its order). Run on the seeds through the real pipeline; one claim is then marked corroborated and one omission
 * added, so every section has something to show and its place can be checked.
 */
import { expect, test } from "vitest";
import { processInputs } from "../../src/pipeline.js";
import type { Report } from "../../src/records.js";
import { bottomLine } from "../../src/report/bottom-line.js";
import { buildReport } from "../../src/report/build-report.js";
import { renderHtml } from "../../src/report/render/html.js";
import { renderMarkdown } from "../../src/report/render/markdown.js";
import { describeChain, describeSide, distinctDisputes, NONE_ESTABLISHED, singleSourceChains, STORY_SECTIONS, type SectionId } from "../../src/report/render/sections.js";
import { renderSummary } from "../../src/report/render/summary.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const processed = await processInputs([examples], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const { report: seeds } = buildReport(processed.bundles, { failures: [], skipped: [] });
const story = seeds.stories.find((s) => /pardon/i.test(s.title))!;

/** The seeds' story with every section filled: its first single-source claim corroborated, one outlet leaving it out. */
function everySection(report: Report): Report {
  const claims = report.claims.map((c) => ({ ...c }));
  const corroborated = claims.find((c) => c.storyId === story.id && c.status === "single-source" && c.outlets.length >= 2 && c.support.some((s) => s.field !== "title"))!;
  corroborated.status = "corroborated";
  corroborated.independentSources = 2;
  const silent = report.articles.find((a) => story.articleIds.includes(a.id) && !corroborated.support.some((s) => s.articleId === a.id))!;
  return { ...report, claims, omissions: [...report.omissions, { storyId: story.id, outlet: silent.outlet ?? "unknown", articleIds: [silent.id], missingClaimIds: [corroborated.id] }] };
}

const report = everySection(seeds);
const firstStory = (text: string, start: string, next: string): string => {
  const from = text.indexOf(start);
  const to = text.indexOf(next, from + start.length);
  return text.slice(from, to < 0 ? undefined : to);
};
const TITLE_TO_ID = new Map<string, SectionId>(STORY_SECTIONS.map((s) => [s.title, s.id]));
const REQUIRED: SectionId[] = ["bottom-line", "coverage", "disputes", "established", "chains", "claims", "omissions", "framing", "timeline", "quotes"];

function expectInOrder(found: SectionId[]): void {
  const order = STORY_SECTIONS.map((s) => s.id as SectionId);
  expect(found).toEqual(order.filter((id) => found.includes(id)));
  expect(found).toEqual(expect.arrayContaining(REQUIRED));
}

test("the terminal summary, Markdown and HTML give the sections in the one order, and every one of them", () => {
  const summary = firstStory(renderSummary(report), `  Story: ${story.title}`, "  Story: ");
  expectInOrder(summary.split("\n").map((l) => /^ {2}([A-Z][^:]*):/.exec(l)?.[1]).filter((t) => t && TITLE_TO_ID.has(t)).map((t) => TITLE_TO_ID.get(t!)!));
  const markdown = firstStory(renderMarkdown(report), `### ${story.title}`, "\n### ");
  expectInOrder(markdown.split("\n").filter((l) => l.startsWith("#### ")).map((l) => TITLE_TO_ID.get(l.slice(5))!));
  const html = firstStory(renderHtml(report), `<article id="${story.id}"`, "<article ");
  expectInOrder([...html.matchAll(/<section data-section="([a-z-]+)"><h4>([^<]+)<\/h4>/g)].map((m) => {
    expect(TITLE_TO_ID.get(m[2]!)).toBe(m[1]);
    return m[1] as SectionId;
  }));
});

test("the same words in each: the bottom line, each dispute's side with who says it, where a chain leads, nothing established", () => {
  const view = { claims: seeds.claims.filter((c) => c.storyId === story.id), articles: seeds.articles.filter((a) => story.articleIds.includes(a.id)) };
  const line = bottomLine(view.claims, view.articles).sentences.join(" ");
  const side = describeSide(distinctDisputes(view.claims)[0]!.dispute.sides[0]!).text;
  const chain = describeChain(singleSourceChains(view.claims)[0]!);
  const asText = {
    summary: renderSummary(seeds),
    markdown: renderMarkdown(seeds).replace(/\*\*/g, "").replace(/\\(.)/g, "$1"),
    html: renderHtml(seeds).replace(/<[^>]+>/g, "").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  };
  for (const [name, text] of Object.entries(asText)) {
    expect(text, name).toContain(line);
    expect(text, name).toContain(side);
    expect(text, name).toContain(chain);
    expect(text, name).toContain(NONE_ESTABLISHED);
  }
  expect(side).toMatch(/^52% — the National Electoral Council/);
  expect(chain).toMatch(/^The Wall Street Journal → /);
});
