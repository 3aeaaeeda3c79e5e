/**
 * storeAndRebuild over a real (in-memory PGlite) store: the clustering's fingerprint travels with the stories, and
 * stored comparisons are kept exactly where their story's inputs did not change.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Article, ArticleBundle } from "../../src/records.js";
import { analyzeArticle } from "../../src/analyze/index.js";
import { clusterStories, clusteringFingerprint, STORY_THRESHOLD, STORYLINE_THRESHOLD } from "../../src/cluster/cluster-stories.js";
import { CLUSTERING_META_KEY, type Processed, processInputs, rebuildStories, storeAndRebuild } from "../../src/pipeline.js";
import { buildReport } from "../../src/report/build-report.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: ":memory:", databaseUrl: null });
}, 60_000);
afterAll(() => store?.close());

test("each rebuild stores the fingerprint of the clustering that made the stories, and a second batch keeps the first's ids", { timeout: 60_000 }, async () => {
  const options = { maxInputBytes: 10_000_000, maxArticleChars: 1_000_000 };
  const [first, second] = [await processInputs([`${EXAMPLES}000_e744ca5dccc51e1c.txt`, `${EXAMPLES}001_33169ef43ff5a28d.txt`], options), await processInputs([EXAMPLES], options)];
  expect(await store.getMeta(CLUSTERING_META_KEY)).toBeNull();
  const before = await storeAndRebuild(store, first);
  expect(await store.getMeta(CLUSTERING_META_KEY)).toBe(clusteringFingerprint(STORY_THRESHOLD, STORYLINE_THRESHOLD));
  const after = await storeAndRebuild(store, second);
  expect(after.report.stories).toHaveLength(2);
  const amnesty = after.report.stories.find((s) => s.articleIds.some((id) => before.report.stories[0]!.articleIds.includes(id)))!;
  expect(amnesty.id).toBe(before.report.stories[0]!.id);
});

describe("a rebuild compares again only the stories whose inputs changed", () => {
  const options = { maxInputBytes: 10_000_000, maxArticleChars: 1_000_000 };
  const quake = (id: string, title: string, text: string, publishedAt: string): ArticleBundle => {
    const article: Article = {
      id, source: id, url: null, outlet: `Outlet ${id}`, title, authors: [], publishedAt, modifiedAt: null, language: "en",
      text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
    };
    return { article, annotations: analyzeArticle(article) };
  };
  const quakes = [
    quake("q1", "Magnitude 6.1 earthquake strikes Napa Valley", "A magnitude 6.1 earthquake struck the Napa Valley in California early Sunday, injuring dozens and damaging historic buildings in downtown Napa, the U.S. Geological Survey said.", "2014-08-24"),
    quake("q2", "Napa earthquake injures dozens, damages wineries", "The earthquake that hit Napa on Sunday injured more than 100 people and damaged wineries across the valley, officials in Napa County said as aftershocks continued.", "2014-08-25"),
  ];
  const only = (bundles: ArticleBundle[]): Processed => ({ bundles, failures: [], skipped: [] });
  const stored = async (s: Store) => Object.fromEntries(await Promise.all((await s.listStories()).map(async (story) => [story.id, (await s.getStory(story.id))!.comparison])));
  let incremental: Store;
  let batch: Store;
  beforeAll(async () => {
    [incremental, batch] = [await openStore({ dataDir: ":memory:", databaseUrl: null }), await openStore({ dataDir: ":memory:", databaseUrl: null })];
  }, 60_000);
  afterAll(() => Promise.all([incremental?.close(), batch?.close()]));

  test("new articles of another story leave the stored comparisons as they were, equal to one batch's", { timeout: 120_000 }, async () => {
    const seeds = await processInputs([EXAMPLES], options);
    const first = await storeAndRebuild(incremental, seeds);
    expect(first.kept?.unchanged.size).toBe(0);
    expect(first.comparisons).toHaveLength(2);

    const second = await storeAndRebuild(incremental, only(quakes));
    const seedStories = first.report.stories.map((s) => s.id);
    expect([...second.kept!.unchanged].sort()).toEqual([...seedStories].sort());
    expect(second.comparisons.map((c) => c.storyId)).toEqual(second.report.stories.filter((s) => s.articleIds.includes("q1")).map((s) => s.id));

    const batchAnalysis = await storeAndRebuild(batch, only([...seeds.bundles, ...quakes]));
    expect(await stored(incremental)).toEqual(await stored(batch));
    // The rebuild read every article with its planning annotations only, and whole ones for the stories it
    // compared: the same entities, stories and comparisons as a report built from every annotation.
    const whole = buildReport(await batch.loadBundles());
    expect(batchAnalysis.report.entities).toEqual(whole.report.entities);
    expect(await batch.listStories()).toEqual(whole.report.stories);
    expect(await stored(batch)).toEqual(Object.fromEntries(whole.comparisons.map((c) => [c.storyId, c])));
    expect(await incremental.comparisonKeys()).toEqual(await batch.comparisonKeys());

    // Nothing new, nothing reported on: nothing is compared. Each step says what it works on as it starts.
    const steps: [string, number | null][] = [];
    const third = await rebuildStories(incremental, { failures: [], skipped: [], reportOn: new Set(), onStepStart: (step, items) => steps.push([step, items]) });
    expect(third.comparisons).toEqual([]);
    expect(third.kept!.unchanged.size).toBe(third.report.stories.length);
    expect(steps).toEqual([["load", null], ["cluster", seeds.bundles.length + quakes.length], ["compare", 0], ["store", third.report.stories.length]]);
    // Unless told to compare everything again: the same comparisons, all made anew.
    const again = await rebuildStories(incremental, { failures: [], skipped: [], reportOn: new Set(), reuseComparisons: false });
    expect(again.kept!.unchanged.size).toBe(0);
    expect(Object.fromEntries(again.comparisons.map((c) => [c.storyId, c]))).toEqual(await stored(batch));
  });

  test("an article re-saved with other text (its outlet updated the page) is linked again, as one batch would", { timeout: 120_000 }, async () => {
    const store = await openStore({ dataDir: ":memory:", databaseUrl: null });
    try {
      const chile = quake("x", "Strong earthquake hits Chile's north coast", "An 8.2 magnitude earthquake struck off the northern coast of Chile near Iquique on Tuesday night, triggering a tsunami warning and killing six people, Chilean officials said.", "2014-08-25");
      const first = await storeAndRebuild(store, only([...quakes, chile]));
      expect(first.report.stories.map((s) => [...s.articleIds].sort()).sort()).toEqual([["q1", "q2"], ["x"]]);
      // The same page, rewritten: now a report of the Napa earthquake. Its id is not new, its vector is.
      const updated = quake("x", "Napa Valley earthquake damages historic buildings and wineries", "Sunday's magnitude 6.1 earthquake in the Napa Valley damaged historic buildings in downtown Napa and wineries across the valley, and injured dozens of people, officials in Napa County and the U.S. Geological Survey said.", "2014-08-25");
      const second = await storeAndRebuild(store, only([updated]));
      const batch = clusterStories(await store.loadBundles());
      expect(second.report.stories.map((s) => [...s.articleIds].sort())).toEqual(batch.stories.map((s) => [...s.articleIds].sort()));
      expect(second.report.stories.map((s) => [...s.articleIds].sort())).toEqual([["q1", "q2", "x"]]);
    } finally {
      await store.close();
    }
  });

  test("an article re-saved with a new title has its story compared again, and only that story", { timeout: 120_000 }, async () => {
    const [article] = await incremental.loadBundles([quakes[1]!.article.id]);
    const retitled = { ...article!, article: { ...article!.article, title: "Napa earthquake injures more than 100" } };
    await incremental.saveBundles([retitled]);
    const after = await rebuildStories(incremental, { failures: [], skipped: [], reportOn: new Set() });
    const napa = after.report.stories.find((s) => s.articleIds.includes("q2"))!;
    expect(after.comparisons.map((c) => c.storyId)).toEqual([napa.id]);
    expect((await incremental.getStory(napa.id))!.comparison!.claims.some((c) => c.support.some((s) => s.text.includes("more than 100")))).toBe(true);
  });
});
