/**
 * The lock before the work (issue 19, item 5): a writer on a data folder another process holds is refused before it
 * reads anything. A real second process holds the folder; reserveStore, and the CLI's withReservedStore around the
 * reading of `ingest` and `analyze`, refuse at once naming the holder, without calling the work.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { configFrom, withReservedStore } from "../../src/serve/cli/common.js";
import { reserveStore } from "../../src/store/index.js";
import { type Child, compileStore, spawnStoreChild } from "./child-store.js";

let indexJs: string;
const dirs: string[] = [];
const children: Child[] = [];

beforeAll(async () => {
  indexJs = await compileStore();
}, 180_000);
afterAll(async () => {
  for (const child of children) child.process.kill("SIGKILL");
  await Promise.all(children.map((c) => c.exited));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "triangulate-lock-first-"));
  dirs.push(dir);
  return dir;
};

describe("a second writer on a busy data folder", { timeout: 120_000 }, () => {
  test("is refused before its work starts, naming the process holding the folder", async () => {
    const dir = freshDir();
    const holder = spawnStoreChild(indexJs, dir, "hold");
    children.push(holder);
    await holder.printed("READY");
    await expect(reserveStore({ dataDir: dir, databaseUrl: null })).rejects.toThrow(new RegExp(`in use by another triangulate process \\(pid ${holder.process.pid}`));
    let worked = false;
    await expect(withReservedStore(configFrom({ "data-dir": dir }), async () => {
      worked = true;
    })).rejects.toThrow(/is in use by another triangulate process/);
    expect(worked).toBe(false);
  });

  test("a free folder is locked while the work runs, opened on demand, and released after", async () => {
    const dir = freshDir();
    const counts = await withReservedStore(configFrom({ "data-dir": dir }), async (store) => {
      // Held from the start of the work: a second writer is refused while the first still reads its inputs.
      await expect(reserveStore({ dataDir: dir, databaseUrl: null })).rejects.toThrow(/already open in this process/);
      return (await store!()).counts();
    });
    expect(counts.articles).toBe(0);
    const again = await reserveStore({ dataDir: dir, databaseUrl: null });
    await again.release();
  });
});
