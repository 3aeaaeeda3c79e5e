/** storeAndRebuild over a real (in-memory PGlite) store: the clustering's fingerprint travels with the stories. */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { clusteringFingerprint, STORY_THRESHOLD, STORYLINE_THRESHOLD } from "../../src/cluster/cluster-stories.js";
import { CLUSTERING_META_KEY, processInputs, storeAndRebuild } from "../../src/pipeline.js";
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
