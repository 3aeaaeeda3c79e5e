import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ingestInputs } from "../../src/ingest-batches.js";
import { collectGarbage } from "../../src/rebuild-slices.js";
import type { ArticleBundle } from "../../src/records.js";
import type { Store } from "../../src/store/types.js";

const dir = mkdtempSync(join(tmpdir(), "triangulate-ingest-batches-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paragraph = (n: number) => `Officials in city number ${n} said on Monday that the new bridge would open in March after two years of work. `.repeat(12);

describe("ingestInputs batches", () => {
  test("a batch is cut by characters as well as by documents", async () => {
    const files = [1, 2, 3, 4].map((n) => {
      const file = join(dir, `a${n}.txt`);
      writeFileSync(file, `Bridge ${n} opens\n\n${paragraph(n)}`);
      return file;
    });
    const saves: number[] = [];
    const batches: number[] = [];
    const store = { saveBundles: async (bundles: ArticleBundle[]) => (saves.push(bundles.length), { saved: bundles.map((b) => b.article.id), failures: [] }) } as unknown as Store;
    // Every body is as long as the first: the second document of a batch reaches the limit.
    const chars = `Bridge 1 opens\n\n${paragraph(1)}`.length;
    const ingested = await ingestInputs(store, files, { maxInputBytes: 1_000_000, maxArticleChars: 300_000, batchDocuments: 100, batchChars: chars * 2, onBatch: (d) => batches.push(d.stored) });
    expect(ingested.stored).toHaveLength(4);
    expect(saves).toEqual([2, 2]);
    expect(batches).toEqual([2, 4]);
  });

  test("collectGarbage runs a full collection: an object only a WeakRef holds is gone after it", async () => {
    let ref: WeakRef<object> | null = null;
    (() => {
      ref = new WeakRef({ big: new Array(1000).fill("x") });
    })();
    // WeakRef targets are kept until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref!.deref()).toBeUndefined();
  });
});
