import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { legacyEncoder } from "../../bench/legacy-encoder.js";
import { ingestInputs } from "../../src/ingest-batches.js";
import { readDocuments } from "../../src/pipeline.js";
import type { Store } from "../../src/store/types.js";

const dir = mkdtempSync(join(tmpdir(), "triangulate-encoding-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TEXT = "The Kremlin spokesman, Дмитрий Песков, said on Monday that talks would go on next week.";

async function collect<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe("--encoding through the pipeline (ProcessOptions.encoding)", () => {
  test("readDocuments decodes undeclared legacy files with the encoding named", async () => {
    const file = join(dir, "a.txt");
    writeFileSync(file, legacyEncoder("windows-1251")(TEXT));
    const [guessed] = await collect(readDocuments([file], { maxInputBytes: 1_000_000 }));
    expect(guessed).not.toHaveProperty("body", TEXT);
    const [named] = await collect(readDocuments([file], { maxInputBytes: 1_000_000, encoding: "cp1251" }));
    expect(named).toHaveProperty("body", TEXT);
  });

  test("an unknown name stops ingestion before any input is read or saved, naming the option", async () => {
    let saves = 0;
    const store = { saveBundles: async () => ((saves++), { saved: [], failures: [] }) } as unknown as Store;
    await expect(ingestInputs(store, [join(dir, "missing.txt")], { maxInputBytes: 1_000_000, maxArticleChars: 300_000, encoding: "nope-8" }))
      .rejects.toThrow(/--encoding: unknown encoding "nope-8"/);
    expect(saves).toBe(0);
  });
});
