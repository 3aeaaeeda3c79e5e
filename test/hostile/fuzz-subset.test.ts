/**
 * A fixed score of the hostile corpus (bench/fuzz-corpus.ts; `npm run fuzz` runs all of it), small enough for
 * `npm test`: through the pipeline in process, the HTTP API and the built CLI, with good articles beside them.
 * Nothing may crash, every input must be named (in an article, a failure or a skip), every good article kept.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { goodArticle, hostileCorpus } from "../../bench/fuzz-corpus.js";
import { rssPreload, runApiBatch, runCliBatch, runInProcess } from "../../bench/fuzz-run.js";

const SUBSET = [
  "random-4096.html", "text-head-binary-tail-8192.txt", "truncated-0.5.warc.gz", "requests-only.warc.gz", "gzip-bomb-in.warc",
  "undeclared-cp1251.txt", "undeclared-shift_jis.html", "undeclared-utf-16le.txt", "nested-div-s.html", "unmatched-end-tags.html",
  "one-long-word.txt", "long-word-ending-in-a-credit.txt", "nul-in-id.jsonl", "nul-in-text.json", "nul-past-first-window.txt",
  "empty-array.json", "many-records.jsonl", "deep-json.json", "date-2.json", "date-number-100000000000000000000.json", "only-script.html",
];

const dir = mkdtempSync(join(tmpdir(), "triangulate-fuzz-subset-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpus = hostileCorpus().filter((input) => SUBSET.includes(input.name));
const paths = corpus.map((input) => {
  const path = join(dir, input.name);
  writeFileSync(path, input.bytes);
  return path;
});
const good = [0, 1].map((n) => {
  const article = goodArticle(500 + n);
  const path = join(dir, article.name);
  writeFileSync(path, article.bytes);
  return { ...article, path };
});

describe("a hostile subset", () => {
  test("is the whole list (names drift when the corpus changes)", () => {
    expect(corpus.map((c) => c.name).sort()).toEqual([...SUBSET].sort());
  });

  test("in process: no crash, every input named", async () => {
    const outcomes = await runInProcess(paths);
    expect(outcomes.filter((o) => o.crashed).map((o) => `${o.path}: ${o.crashed}`)).toEqual([]);
    expect(outcomes.filter((o) => !o.named).map((o) => o.path)).toEqual([]);
  }, 300_000);

  test("through POST /api/files: no 5xx, every input named, the good articles stored", async () => {
    const files = [...corpus.map((c) => ({ name: c.name, bytes: c.bytes })), ...good.map((g) => ({ name: g.name, bytes: g.bytes }))];
    const outcome = await runApiBatch(files, good.map((g) => g.name));
    expect(outcome.crashed).toBeNull();
    expect(outcome.timedOut).toBe(false);
    expect(corpus.map((c) => c.name).filter((n) => !outcome.named.includes(n))).toEqual([]);
    expect(outcome.goodKept).toBe(good.length);
  }, 300_000);

  const cli = new URL("../../dist/src/serve/cli/main.js", import.meta.url).pathname;
  test.runIf(existsSync(cli))("through the CLI (--no-store): no crash, every input named, the good articles kept", async () => {
    const outcome = await runCliBatch(cli, rssPreload(dir), paths, good.map((g) => g.path), null);
    expect(outcome.crashed).toBeNull();
    expect(outcome.timedOut).toBe(false);
    expect(paths.filter((p) => !outcome.named.includes(p))).toEqual([]);
    expect(outcome.goodKept).toBe(good.length);
  }, 300_000);
});
