/**
 * A writer killed between saving and rebuilding (issue 19, item 5): a real second process saves an article into a
 * PGlite data folder whose stories are built, and is killed with SIGKILL before any rebuild. The next open finishes
 * the rebuild (the server's app on start, or finishInterruptedRebuild), so the article is in a story; a store whose
 * last rebuild saw every save is not rebuilt again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { finishInterruptedRebuild, rebuildPending, storeAndRebuild } from "../../src/pipeline.js";
import { createApp } from "../../src/serve/http/app.js";
import { openStore } from "../../src/store/index.js";
import { compileStore, spawnStoreChild } from "./child-store.js";
import { bundle } from "./fixtures.js";

let indexJs: string;
const dirs: string[] = [];

beforeAll(async () => {
  indexJs = await compileStore();
}, 180_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with two articles in stories, then a child's save killed before its rebuild. */
async function folderWithKilledWriter(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "triangulate-interrupted-"));
  dirs.push(dir);
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  try {
    await storeAndRebuild(store, { bundles: [bundle("a"), bundle("b")], failures: [], skipped: [] });
    expect(await rebuildPending(store)).toBe(false);
    expect(await finishInterruptedRebuild(store)).toBe(false);
  } finally {
    await store.close();
  }
  const child = spawnStoreChild(indexJs, dir, "hold");
  await child.printed("READY");
  child.process.kill("SIGKILL");
  expect(await child.exited).toBe("SIGKILL");
  return dir;
}

const storiesOf = async (dir: string, read: (store: Awaited<ReturnType<typeof openStore>>) => Promise<void>) => {
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  try {
    await read(store);
  } finally {
    await store.close();
  }
};

describe("a kill between save and rebuild", { timeout: 180_000 }, () => {
  test("the next open finishes the rebuild: the killed writer's article is in a story, and only once", async () => {
    const dir = await folderWithKilledWriter();
    await storiesOf(dir, async (store) => {
      expect((await store.loadBundles()).map((b) => b.article.id)).toEqual(["a", "b", "child"]);
      expect(await store.storyIdOf("child")).toBeNull();
      expect(await rebuildPending(store)).toBe(true);
      expect(await finishInterruptedRebuild(store)).toBe(true);
      expect(await store.storyIdOf("child")).not.toBeNull();
      expect(await rebuildPending(store)).toBe(false);
      expect(await finishInterruptedRebuild(store)).toBe(false);
    });
  });

  test("a server started on such a folder rebuilds before anything else", async () => {
    const dir = await folderWithKilledWriter();
    await storiesOf(dir, async (store) => {
      const app = createApp(store, { token: null, webRoot: "/nonexistent/triangulate-web/" });
      await app.jobsIdle();
      expect(await store.storyIdOf("child")).not.toBeNull();
      const res = await app.request("/api/articles/child");
      expect(((await res.json()) as { storyId: string | null }).storyId).not.toBeNull();
    });
  });
});
