/**
 * Many workers over a real PostgreSQL (a throwaway server this test starts): documents queued by `ingest
 * --queue`, a worker killed with SIGKILL in the middle of a job, and a second worker that finishes everything.
 * Nothing is lost (every article stored, the killed job retried) and nothing is duplicated (one row per article).
 * Then the work split: an ingest-only worker and a rebuild-only worker (`--jobs`) on a database of their own.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { PostgresServer } from "../../bench/throwaway-postgres.js";
import { sharedPostgres } from "../shared-postgres.js";
import { EXAMPLES, runCli, spawnCli, tempDir } from "./run-cli.js";

let server: PostgresServer;
beforeAll(async () => {
  server = await sharedPostgres();
}, 120_000);
afterAll(() => server?.stop());

// Four jobs, so that one is certainly in hand when worker A is killed and others wait.
const DOCUMENTS = 100;
const BATCH = 25;

/** A .jsonl of `n` documents made from the seeds, each its own id and text. */
function seedBatch(n: number): string {
  const seeds = ["000_e744ca5dccc51e1c.txt", "001_33169ef43ff5a28d.txt", "002_a958ad6333562c25.txt", "003_96eb452bc6dc4573.txt", "004_f37875985f527884.txt"]
    .map((f) => readFileSync(`${EXAMPLES}${f}`, "utf8"));
  const input = join(tempDir(), "batch.jsonl");
  writeFileSync(input, Array.from({ length: n }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: `${seeds[i % seeds.length]}\n\nRecord ${i} of the batch.` })).join("\n"));
  return input;
}

test("kill -9 mid-job loses nothing and duplicates nothing", { timeout: 180_000 }, async () => {
  const env = { DATABASE_URL: server.url };
  const input = seedBatch(DOCUMENTS);

  const queued = await runCli(["ingest", input, "--queue", "--batch-size", String(BATCH), "--expire-seconds", "10"], { env });
  expect(queued.stderr).toBe("");
  expect(queued.stdout).toContain(`queued ${DOCUMENTS} documents in ${DOCUMENTS / BATCH} jobs`);

  // Worker A takes a job; it is killed the moment it says so, with its job half done.
  const first = spawnCli(["worker", "--expire-seconds", "10"], { HOME: tempDir(), ...env });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    first.stdout!.on("data", (d) => {
      out += d;
      if (/triangulate-ingest \S+ \d+ article/.test(out)) resolve();
    });
    first.on("exit", () => reject(new Error(`worker A exited before taking a job: ${out}`)));
  });
  first.kill("SIGKILL");
  await new Promise((resolve) => first.once("exit", resolve));

  const db = new pg.Client({ connectionString: server.url });
  await db.connect();
  try {
    const active = await db.query("SELECT count(*)::int AS n FROM triangulate_queue.job WHERE name = 'triangulate-ingest' AND state = 'active'");
    expect(active.rows[0].n).toBeGreaterThanOrEqual(1); // killed mid-job: its job is still held by the dead worker

    // Worker B (with the default expiry: the killed job keeps the 10 s it was queued with) waits for that job to
    // expire, takes it again, does the rest, rebuilds the stories and exits.
    const second = await runCli(["worker", "--exit-when-idle"], { env });
    expect(second.code).toBe(0);

    const jobs = await db.query("SELECT state, retry_count FROM triangulate_queue.job WHERE name = 'triangulate-ingest'");
    expect(jobs.rows.map((r) => r.state)).toEqual(Array(DOCUMENTS / BATCH).fill("completed"));
    expect(jobs.rows.some((r) => r.retry_count >= 1)).toBe(true); // the killed job was given to worker B
    const articles = await db.query("SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM articles");
    expect(articles.rows[0]).toEqual({ n: DOCUMENTS, ids: DOCUMENTS });
    const doubled = await db.query("SELECT count(*)::int AS n FROM (SELECT article_id, start, kind, data::text FROM annotations GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d");
    expect(doubled.rows[0].n).toBe(0);
    const stories = await db.query("SELECT count(*)::int AS n FROM story_articles");
    expect(stories.rows[0].n).toBe(DOCUMENTS); // the rebuild covers every article
  } finally {
    await db.end();
  }
});

test("--jobs splits the work: one worker only ingests, another only rebuilds, and the stories cover everything", { timeout: 180_000 }, async () => {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE split_jobs");
  await admin.end();
  const env = { DATABASE_URL: server.urlFor("split_jobs") };
  const queued = await runCli(["ingest", seedBatch(100), "--queue", "--batch-size", "25"], { env });
  expect(queued.stdout).toContain("queued 100 documents in 4 jobs");

  const [ingester, rebuilder] = await Promise.all([
    runCli(["worker", "--jobs", "ingest", "--exit-when-idle"], { env }),
    runCli(["worker", "--jobs", "rebuild", "--exit-when-idle"], { env }),
  ]);
  expect([ingester.code, rebuilder.code]).toEqual([0, 0]);
  expect(ingester.stdout).toMatch(/waiting for ingest jobs/);
  expect(ingester.stdout.match(/triangulate-ingest:done/g)).toHaveLength(4);
  expect(ingester.stdout).not.toContain("triangulate-rebuild");
  expect(rebuilder.stdout).toMatch(/triangulate-rebuild:done/);
  expect(rebuilder.stdout).not.toContain("triangulate-ingest");

  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  try {
    const covered = await db.query("SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(DISTINCT article_id)::int FROM story_articles) AS linked");
    expect(covered.rows[0]).toEqual({ articles: 100, linked: 100 });
  } finally {
    await db.end();
  }
  const bad = await runCli(["worker", "--jobs", "everything"], { env });
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('--jobs must be one of all, ingest, rebuild, not "everything"');
});
