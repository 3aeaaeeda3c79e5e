/**
 * Streaming (issue 19, memory per input): ingestion in batches saved as they are done, and a rebuild that compares a
 * slice of stories at a time, give what the whole-at-once pipeline gives — the same articles stored, skipped and
 * failed, the same stories, the same stored comparisons and the same report.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ingestAndRebuild, ingestInputs } from "../../src/ingest-batches.js";
import { processInputs, rebuildStories, storeAndRebuild } from "../../src/pipeline.js";
import { openSpill } from "../../src/rebuild-slices.js";
import type { Report } from "../../src/records.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const TEXTS = fileURLToPath(new URL("../fixtures/text/", import.meta.url));
const options = { maxInputBytes: 10_000_000, maxArticleChars: 300_000 };
const memory = () => openStore({ dataDir: ":memory:", databaseUrl: null });
const stamped = (report: Report) => ({ ...report, generatedAt: "" });
const storedComparisons = async (store: Store) =>
  Object.fromEntries(await Promise.all((await store.listStories()).map(async (s) => [s.id, (await store.getStory(s.id))!.comparison])));

let dir: string;
let inputs: string[];
const stores: Store[] = [];
beforeAll(() => {
  // The seeds and the text fixtures, a copy of one seed (a duplicate in a later batch), and a bad record beside them.
  dir = mkdtempSync(join(tmpdir(), "triangulate-stream-"));
  copyFileSync(`${EXAMPLES}002_a958ad6333562c25.txt`, join(dir, "zz-copy-of-002.txt"));
  writeFileSync(join(dir, "records.jsonl"), `{"id":"bad\\u0000id","text":"x"}\n{"title":"no text"}\n`);
  inputs = [EXAMPLES, TEXTS, dir];
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

test("two-document batches store, skip and fail what one batch does, and rebuild the same stories and comparisons", { timeout: 180_000 }, async () => {
  const [whole, streamed] = [await memory(), await memory()];
  stores.push(whole, streamed);
  const processed = await processInputs(inputs, options);
  const before = await storeAndRebuild(whole, processed, new Set());
  const { ingested, analysis } = await ingestAndRebuild(streamed, inputs, { ...options, batchDocuments: 2 }, { sliceArticles: 1 });

  expect(ingested.stored).toEqual(processed.bundles.map((b) => b.article.id));
  expect(ingested.skipped).toEqual(processed.skipped);
  expect(ingested.skipped.some((s) => s.skip === "duplicate" && s.source.endsWith("zz-copy-of-002.txt"))).toBe(true);
  expect(ingested.failures).toEqual(processed.failures);
  expect(ingested.failures.length).toBeGreaterThanOrEqual(2);
  expect(analysis.report.stories).toEqual(before.report.stories);
  expect(analysis.report.storylines).toEqual(before.report.storylines);
  expect(await streamed.loadBundles()).toEqual(await whole.loadBundles());
  expect(await storedComparisons(streamed)).toEqual(await storedComparisons(whole));
  // Reporting on no story, the streamed rebuild holds no comparison: they went to the store through the spill.
  expect(analysis.comparisons).toEqual([]);
  expect(Object.values(await storedComparisons(streamed)).every((c) => c !== null)).toBe(true);
});

test("a rebuild a story at a time gives the report and comparisons of one over everything", { timeout: 180_000 }, async () => {
  const [one, sliced] = [await memory(), await memory()];
  stores.push(one, sliced);
  const processed = await processInputs([EXAMPLES, TEXTS], options);
  for (const store of [one, sliced]) await store.saveBundles(processed.bundles);
  // Reported on: one seed's story only, so the others' comparisons are made but not returned ("reported").
  const reportOn = new Set([processed.bundles[0]!.article.id]);
  const whole = await rebuildStories(one, { failures: [], skipped: [], reportOn, sliceArticles: Number.MAX_SAFE_INTEGER });
  const bySlice = await rebuildStories(sliced, { failures: [], skipped: [], reportOn, sliceArticles: 1 });
  expect(stamped(bySlice.report)).toEqual(stamped(whole.report));
  expect(bySlice.comparisons).toEqual(whole.comparisons);
  expect(whole.report.quotes.length).toBeGreaterThan(0);

  const reported = await rebuildStories(sliced, { failures: [], skipped: [], reportOn, sliceArticles: 1, comparisons: "reported", reuseComparisons: false });
  const storiesReported = new Set(whole.report.stories.filter((s) => s.articleIds.some((id) => reportOn.has(id))).map((s) => s.id));
  expect(reported.comparisons.map((c) => c.storyId)).toEqual(whole.comparisons.filter((c) => storiesReported.has(c.storyId)).map((c) => c.storyId));
  expect(reported.report.claims.every((c) => storiesReported.has(c.storyId))).toBe(true);
  expect(await storedComparisons(sliced)).toEqual(await storedComparisons(one));
});

test("ingestInputs names an input that fails and keeps the batch's other articles", { timeout: 120_000 }, async () => {
  const store = await memory();
  stores.push(store);
  const ingested = await ingestInputs(store, [join(dir, "records.jsonl"), `${EXAMPLES}000_e744ca5dccc51e1c.txt`], { ...options, batchDocuments: 1 });
  expect(ingested.stored).toHaveLength(1);
  expect(ingested.failures.map((f) => f.source)).toEqual([expect.stringContaining("records.jsonl"), expect.stringContaining("records.jsonl")]);
  expect((await store.counts()).articles).toBe(1);
});

test("a spill gives back what was written, in order, across read chunks and multi-byte characters", () => {
  const spill = openSpill<{ n: number; text: string }>();
  const items = Array.from({ length: 300 }, (_, n) => ({ n, text: `${"é—\n\u2028".repeat(n * 7)}${"x".repeat(n % 3 ? 10 : 9000)}` }));
  for (const item of items) spill.add(item);
  expect(spill.count).toBe(300);
  expect([...spill.read()]).toEqual(items);
  spill.close();
});
