import { expect, test } from "vitest";
import { processInputs } from "../pipeline.js";
import { buildReport } from "./build-report.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const { bundles } = await processInputs([examples], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const now = () => "2026-01-01T00:00:00.000Z";

test("reportOn limits the annotation sections to the stories holding those articles; stories and comparisons are unchanged", () => {
  const full = buildReport(bundles, { now });
  const nyPost = full.report.articles.find((a) => a.source.split("/").at(-1)!.startsWith("004"))!;
  const itsStory = full.report.stories.find((s) => s.articleIds.includes(nyPost.id))!;
  const focused = buildReport(bundles, { now, reportOn: new Set([nyPost.id]) });

  expect(focused.report.stories).toEqual(full.report.stories);
  expect(focused.comparisons).toEqual(full.comparisons);
  expect(focused.report.entities).toEqual(full.report.entities);
  const inStory = (items: { articleId: string }[]) => items.filter((x) => itsStory.articleIds.includes(x.articleId));
  for (const section of ["quotes", "numbers", "citations", "dates", "attributions", "cues"] as const) {
    expect(focused.report[section], section).toEqual(inStory(full.report[section]));
  }
  expect(focused.report.quotes.length).toBeGreaterThan(0);
  expect(buildReport(bundles, { now, reportOn: new Set() }).report.quotes).toEqual([]);
});
