import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { openStore } from "../../src/store/index.js";
import { LOCK_DIR, lockDataDir } from "../../src/store/lock.js";
import { OWNER_FILE } from "../../src/store/lock-owner.js";
import { compileStore, spawnStoreChild } from "./child-store.js";
import { bundle } from "./fixtures.js";

let root = "";
let indexJs = "";
let dirs = 0;
const freshDir = async () => {
  const dir = join(root, `data-${++dirs}`);
  await mkdir(dir, { recursive: true });
  return dir;
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "triangulate-lock-"));
  indexJs = await compileStore();
}, 120_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  if (indexJs) await rm(dirname(dirname(indexJs)), { recursive: true, force: true });
});

describe("one process per data directory", { timeout: 90_000 }, () => {
  test("a second process is refused with a clear error, and the first one's data survives", async () => {
    const dir = await freshDir();
    const first = await openStore({ dataDir: dir, databaseUrl: null });
    try {
      await first.saveBundles([bundle("a")]);
      const second = spawnStoreChild(indexJs, dir, "open");
      expect(await second.exited).toBe(3);
      expect(second.stderr()).toContain(`[triangulate] [store] the data directory ${dir} is in use by another triangulate process (pid ${process.pid}`);
      expect(second.stderr()).toContain("use --data-dir to pick another directory");
      expect(await first.loadBundles()).toEqual([bundle("a")]);
    } finally {
      await first.close();
    }
    const again = await openStore({ dataDir: dir, databaseUrl: null });
    expect(await again.loadBundles()).toEqual([bundle("a")]);
    await again.close();
  });

  test("the same process opening it twice is refused too", async () => {
    const dir = await freshDir();
    const first = await openStore({ dataDir: dir, databaseUrl: null });
    try {
      await expect(openStore({ dataDir: dir, databaseUrl: null })).rejects.toThrow(/is already open in this process/);
    } finally {
      await first.close();
    }
  });

  // Chosen behaviour: a lock whose owner is certainly dead (same machine, pid gone) is taken over at once.
  test("a lock left by a killed process is taken over at once, with the killed process's data", async () => {
    const dir = await freshDir();
    const child = spawnStoreChild(indexJs, dir, "hold");
    await child.printed("READY");
    child.process.kill("SIGKILL");
    expect(await child.exited).toBe("SIGKILL");
    expect(existsSync(join(dir, LOCK_DIR, OWNER_FILE))).toBe(true);
    const store = await openStore({ dataDir: dir, databaseUrl: null });
    expect(await store.loadBundles()).toEqual([bundle("child")]);
    await store.close();
    expect(existsSync(join(dir, LOCK_DIR))).toBe(false);
  });

  test("closeOnExit: SIGINT closes the database, releases the lock and exits 130", async () => {
    const dir = await freshDir();
    const child = spawnStoreChild(indexJs, dir, "sigint");
    await child.printed("READY");
    child.process.kill("SIGINT");
    expect(await child.exited).toBe(130);
    expect(existsSync(join(dir, LOCK_DIR))).toBe(false);
    const after = spawnStoreChild(indexJs, dir, "open");
    expect(await after.exited).toBe(0);
    expect(JSON.parse(after.stdout())).toEqual({ articles: 1, stories: 0, storylines: 0 });
  });
});

describe("lockDataDir", { timeout: 30_000 }, () => {
  const foreignOwner = { pid: 4242, hostname: "elsewhere.example", since: "2024-01-01T00:00:00Z", startTicks: null, bootId: null, command: "triangulate serve" };

  test("a lock held from another machine is respected while its heartbeat is fresh, and taken once stale", async () => {
    const dir = await freshDir();
    await mkdir(join(dir, LOCK_DIR));
    await writeFile(join(dir, LOCK_DIR, OWNER_FILE), JSON.stringify(foreignOwner));
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by another triangulate process \(pid 4242 on host elsewhere\.example/);
    const old = new Date(Date.now() - 120_000);
    await utimes(join(dir, LOCK_DIR), old, old);
    const lock = await lockDataDir(dir);
    await lock.release();
    await lock.release();
    expect(existsSync(join(dir, LOCK_DIR))).toBe(false);
  });

  test("a lock with no owner file is reported as such", async () => {
    const dir = await freshDir();
    await mkdir(join(dir, LOCK_DIR));
    await expect(lockDataDir(dir)).rejects.toThrow(/pid unknown/);
  });

  test("a lost lock is reported, not thrown from a timer, and the store refuses further queries", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const dir = await freshDir();
    const store = await openStore({ dataDir: dir, databaseUrl: null });
    try {
      await rm(join(dir, LOCK_DIR), { recursive: true });
      // proper-lockfile notices at its next heartbeat (UPDATE_MS, 5 s).
      let refusal: Error | null = null;
      for (let i = 0; i < 100 && !refusal; i++) {
        await new Promise((r) => setTimeout(r, 200));
        refusal = await store.counts().then(() => null, (error: Error) => error);
      }
      expect(refusal?.message).toMatch(/^\[triangulate\] \[store\] pglite:.* lost its lock on the data directory/);
      expect(stderr.mock.calls.map(([text]) => String(text)).join("")).toContain(`[triangulate] [store] lost the lock on the data directory ${dir}`);
    } finally {
      stderr.mockRestore();
      await store.close();
    }
  });
});
