/**
 * One bad article never costs the others their save (issue 19, item 1), on PGlite and on PostgreSQL: an id no text
 * column can hold is refused by name before any SQL; a row the database itself refuses is rolled back alone; lookups
 * by such ids find nothing instead of failing; a comparison quoting NUL text does not break the list of stories.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ArticleBundle } from "../../src/records.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";
import { bundle, comparison, story, storyline } from "./fixtures.js";
import { type PostgresServer, startPostgres } from "../../bench/throwaway-postgres.js";

let server: PostgresServer | undefined;
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function postgresStore(): Promise<Store> {
  if (!server) throw new Error("the test PostgreSQL server did not start (see the beforeAll error)");
  const admin = new pg.Pool({ connectionString: server.url, max: 1 });
  const name = `isolation_${++databases}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return openStore({ dataDir: "/nonexistent", databaseUrl: server.urlFor(name) });
}

/** A bundle the database refuses although its id is fine: an annotation offset beyond PostgreSQL's int. */
function refusedByTheDatabase(id: string): ArticleBundle {
  const b = bundle(id);
  return { ...b, annotations: [{ kind: "sentence", span: [0, 2 ** 40], by: "sentences@1" }] };
}

for (const [name, open] of [["PGlite", () => openStore({ dataDir: ":memory:", databaseUrl: null })], ["PostgreSQL", postgresStore]] as const) {
  describe(`one bad article fails alone: ${name}`, { timeout: 120_000 }, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });

    test("an id holding NUL or an unpaired surrogate is named, and every other article of the batch is stored", async () => {
      const batch = [bundle("good-1"), bundle("bad\u0000id", { source: "records.jsonl:2" }), bundle("lone\uD800", { source: "records.jsonl:3" }), bundle("good-2")];
      const outcome = await store.saveBundles(batch);
      expect(outcome.saved).toEqual(["good-1", "good-2"]);
      expect(outcome.failures).toEqual([
        { source: "records.jsonl:2", error: expect.stringMatching(/article id holds U\+0000 \(NUL\) at character 4/) },
        { source: "records.jsonl:3", error: expect.stringMatching(/unpaired surrogate \(U\+D800\) at character 5/) },
      ]);
      expect((await store.loadBundles(["good-1", "good-2"])).map((b) => b.article.id)).toEqual(["good-1", "good-2"]);
    });

    test("a row the database refuses is rolled back alone, found by splitting the batch, and named with the database's reason", async () => {
      const batch = [...Array.from({ length: 9 }, (_, i) => bundle(`split-${i}`)), refusedByTheDatabase("split-bad"), bundle("split-9")];
      const outcome = await store.saveBundles(batch);
      expect(outcome.saved).toEqual([...Array.from({ length: 9 }, (_, i) => `split-${i}`), "split-9"]);
      expect(outcome.failures).toHaveLength(1);
      expect(outcome.failures[0]!.source).toBe("examples/split-bad.txt");
      expect(outcome.failures[0]!.error).toMatch(/not stored: the database refused article "split-bad": .*out of range/);
      const stored = await store.loadBundles(batch.map((b) => b.article.id));
      expect(stored.map((b) => b.article.id)).not.toContain("split-bad");
      expect(stored).toHaveLength(10);
      // Nothing half-written: the refused article has no annotations either.
      expect((await store.loadAnnotations(["split-bad"])).size).toBe(0);
    });

    test("indexed columns over the index's limit are cut, and the article is stored whole", async () => {
      const longUrl = `https://news.example/${"x".repeat(12_000)}`;
      const outcome = await store.saveBundles([bundle("long-url", { url: longUrl, outlet: "O".repeat(5000), source: `s${"é".repeat(4000)}` })]);
      expect(outcome).toEqual({ saved: ["long-url"], failures: [] });
      expect((await store.loadBundles(["long-url"]))[0]!.article.url).toBe(longUrl);
    });

    test("lookups by ids no column can hold find nothing instead of failing", async () => {
      expect(await store.getStory("\u0000")).toBeNull();
      expect(await store.loadBundles(["\u0000", "x\uDC00"])).toEqual([]);
      expect(await store.storyIdOf("a\u0000")).toBeNull();
      expect((await store.outletsOf(["\u0000"])).size).toBe(0);
      expect((await store.knownUrls(["https://a.example/\u0000"])).size).toBe(0);
    });

    test("a comparison quoting NUL and an unpaired surrogate keeps the stories list working, its offsets intact", async () => {
      const c = comparison("s-nul", ["good-1"]);
      c.claims[0]!.text = "Officials\u0000 said \uD800 it";
      await store.replaceStories([story("s-nul", ["good-1"])], [storyline("line-1", ["s-nul"])], [c]);
      expect((await store.claimCounts()).get("s-nul")).toEqual({ total: 1, corroborated: 0, conflicting: 0 });
      const stored = (await store.getStory("s-nul"))!.comparison!;
      expect(stored.claims[0]!.text).toBe("Officials\uFFFD said \uFFFD it");
      expect(stored.claims[0]!.text).toHaveLength(c.claims[0]!.text.length);
    });
  });
}
