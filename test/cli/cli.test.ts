/** The commands as a user runs them: in process (run-cli.ts), and the built binary end to end where marked `child`. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { EXAMPLES, runCli, tempDir } from "./run-cli.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/report.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

describe("analyze --no-store", () => {
  test("the seeds: a valid report, two stories in one storyline, no database created", async () => {
    const home = tempDir();
    const { code, stdout, stderr } = await runCli(["analyze", EXAMPLES, "--json", "--no-store"], { home, child: true });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(validate(report)).toBe(true);
    expect(report.stories).toHaveLength(2);
    expect(report.storylines).toHaveLength(1);
    expect(existsSync(join(home, ".local", "share", "triangulate"))).toBe(false);
  });

  test("the default output is a readable summary", async () => {
    const { code, stdout } = await runCli(["analyze", EXAMPLES, "--no-store"]);
    expect(code).toBe(0);
    // The Breitbart seed names no outlet: it counts as one of its own, shown by its file's short name (issue 23).
    expect(stdout).toContain("5 articles from 5 outlets → 2 stories in 1 storyline");
    expect(stdout).toContain("Brief:");
  });

  test("--md and --html write to --out", async () => {
    const dir = tempDir();
    for (const [flag, file, marker] of [["--md", "r.md", "# Triangulate report"], ["--html", "r.html", "<!doctype html>"]] as const) {
      const { code } = await runCli(["analyze", EXAMPLES, flag, "--out", join(dir, file), "--no-store"]);
      expect(code).toBe(0);
      expect(readFileSync(join(dir, file), "utf8")).toContain(marker);
    }
    const md = readFileSync(join(dir, "r.md"), "utf8");
    expect(md).toContain("#### Who said what");
    expect(md).toMatch(/- \*\*Geoff Ramsey\*\*: “The US is focusing on carrots/);
    expect(md).toContain("**One source (anonymous)**");
    expect(readFileSync(join(dir, "r.html"), "utf8")).toContain("<h4>Who said what</h4>");
  });

  test("a bad input is named, the others are still processed, and the exit code says some failed", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "photo.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    const { code, stdout, stderr } = await runCli(["analyze", join(dir, "photo.txt"), join(dir, "missing.html"), `${EXAMPLES}001_33169ef43ff5a28d.txt`, "--json", "--no-store"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "photo.txt")}: looks like a binary file`);
    expect(stderr).toContain(`${join(dir, "missing.html")}: no such file`);
    const report = JSON.parse(stdout);
    expect(report.articles).toHaveLength(1);
    expect(report.failures).toHaveLength(2);
  });

  test("a huge document is refused by name, quickly, and the others go on", async () => {
    const dir = tempDir();
    const paragraph = "The committee met again on Tuesday to discuss the budget, and members said talks would continue next week.";
    writeFileSync(join(dir, "dump.txt"), Array.from({ length: 4000 }, (_, i) => `${paragraph} Item ${i}.`).join("\n\n"));
    const { code, stdout, stderr } = await runCli(["analyze", join(dir, "dump.txt"), `${EXAMPLES}002_a958ad6333562c25.txt`, "--json", "--no-store"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "dump.txt")}: the article text is 475k characters; articles over 300k are refused`);
    expect(JSON.parse(stdout).articles).toHaveLength(1);
  });

  test(".jsonl ids are kept unchanged, and stdin works", async () => {
    const seed = readFileSync(`${EXAMPLES}004_f37875985f527884.txt`, "utf8");
    const lines = [JSON.stringify({ id: "post-1", text: seed, outlet: "New York Post", publishedAt: "2025-12-02" }), "{broken"].join("\n");
    const { code, stdout, stderr } = await runCli(["analyze", "-", "--json", "--no-store"], { input: lines });
    expect(code).toBe(2);
    expect(stderr).toContain("-:2: not valid JSON");
    const report = JSON.parse(stdout);
    expect(report.articles.map((a: { id: string }) => a.id)).toEqual(["post-1"]);
    expect(report.articles[0]).toMatchObject({ outlet: "New York Post", publishedAt: "2025-12-02", provenance: { outlet: { from: "input" } } });
    expect(report.stories[0].articleIds).toEqual(["post-1"]);
  });

  test("no input is a usage error", async () => {
    const { code, stderr } = await runCli(["analyze", "--no-store"]);
    expect(code).toBe(1);
    expect(stderr).toContain("give at least one input");
  });
});

describe("extract and cluster", () => {
  test("extract --jsonl: one object per input, with the metadata fields", async () => {
    const { code, stdout } = await runCli(["extract", EXAMPLES, "--jsonl"]);
    expect(code).toBe(0);
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      for (const field of ["source", "title", "outlet", "authors", "publishedAt", "modifiedAt", "language", "text"]) expect(row).toHaveProperty(field);
    }
    const hayom = rows.find((r) => r.source.endsWith("001_33169ef43ff5a28d.txt"));
    expect(hayom).toMatchObject({ outlet: "Israel Hayom", authors: ["Miri Weissman"], publishedAt: "2024-08-11T09:30:00" });
    expect(hayom.text).not.toContain("Related Posts");
  });

  test("extract reads HTML pages: metadata, embeds and captions set aside, a garbage page named", async () => {
    const html = new URL("../fixtures/html/", import.meta.url).pathname;
    const { code, stdout, stderr } = await runCli(["extract", html, "--jsonl"]);
    expect(code).toBe(2);
    expect(stderr).toContain("garbage.html: looks like a binary file");
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l));
    const page = rows.find((r) => r.source.endsWith("news-jsonld.html"));
    expect(page).toMatchObject({ title: "US weighed amnesty offer for Maduro, officials say", outlet: "The Caracas Ledger", authors: ["Ana Ruiz", "Mark Ellis"], publishedAt: "2024-08-11T09:30:00-04:00", extractedBy: "html:content" });
    expect(page.embeds).toHaveLength(1);
    expect(page.captions).toHaveLength(1);
  });

  test("a batch of hostile HTML: each bad page named or skipped with its reason, the good ones extracted", async () => {
    const dir = tempDir();
    const story = "<p>The port authority said on Monday that cargo traffic fell by a third after the strike, the steepest drop since 2009.</p>";
    writeFileSync(join(dir, "good.html"), `<html><head><title>Cargo traffic falls</title></head><body><article>${story.repeat(3)}</article></body></html>`);
    writeFileSync(join(dir, "deep.html"), `<html><body>${"<div>".repeat(10_000)}${story.repeat(3)}${"</div>".repeat(10_000)}</body></html>`);
    writeFileSync(join(dir, "image.html"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, "empty.html"), "");
    writeFileSync(join(dir, "huge.html"), `<html><body>${story.repeat(Math.ceil(50_000_000 / story.length))}</body></html>`);
    writeFileSync(join(dir, "bad-utf8.html"), Buffer.concat([Buffer.from(`<html><body><article>${story}`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`${story.repeat(2)}</article></body></html>`)]));
    writeFileSync(join(dir, "cookie-wall.html"), '<html><body><div class="cookie-consent"><p>We use cookies to personalise content and ads and to analyse our traffic. By continuing you agree to our use of cookies.</p></div></body></html>');

    const { code, stdout, stderr } = await runCli(["extract", dir, "--jsonl"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "image.html")}: looks like a binary file`);
    expect(stderr).toMatch(new RegExp(`${join(dir, "huge.html")}: .*(larger|too large|over)`));
    expect(stderr).toContain(`${join(dir, "empty.html")}: empty input`);
    const rows = new Map(stdout.trim().split("\n").map((l) => JSON.parse(l)).map((r) => [r.source.split("/").at(-1), r]));
    expect(rows.get("good.html").text).toContain("cargo traffic fell");
    expect(rows.get("deep.html").text).toContain("cargo traffic fell");
    expect(rows.get("bad-utf8.html").text).toContain("steepest drop since 2009");
    expect(rows.get("cookie-wall.html")).toMatchObject({ skip: "not-article" });
  });

  test("cluster --json: stories, storylines and the articles they name, as schema/cluster.schema.json says", async () => {
    const { code, stdout } = await runCli(["cluster", EXAMPLES, "--json"]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    const { stories, articles } = output;
    expect(stories).toHaveLength(2);
    expect(stories.map((s: { articleIds: string[] }) => s.articleIds.length).sort()).toEqual([2, 3]);
    for (const s of stories) expect(Object.keys(s)).toEqual(expect.arrayContaining(["id", "title", "articleIds", "outlets", "firstPublished"]));
    // Every id leads back to its input file.
    const sources = new Map<string, string>(articles.map((a: { id: string; source: string }) => [a.id, a.source]));
    expect(stories.flatMap((s: { articleIds: string[] }) => s.articleIds).map((id: string) => sources.get(id)?.replace(/.*\//, "")).sort())
      .toEqual(readdirSync(EXAMPLES).filter((f) => f.endsWith(".txt")).sort());
    const schema = JSON.parse(readFileSync(new URL("../../schema/cluster.schema.json", import.meta.url), "utf8"));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...output, articles: undefined })).toBe(false);
  });
});

describe("with the embedded database", () => {
  // One data directory for the steps below, in order: each step is its own test, so none carries the whole
  // sequence's time (each command opens the database, as a user's would).
  const home = tempDir();
  const dataDir = join(home, "data");
  const ids = (r: string) => JSON.parse(r).stories.map((s: { id: string }) => s.id).sort();
  let first = { code: null as number | null, stdout: "", stderr: "" };

  test("analyze stores; re-analyzing is idempotent", async () => {
    first = await runCli(["analyze", EXAMPLES, "--json", "--data-dir", dataDir], { home });
    expect(first.code).toBe(0);
    const again = await runCli(["analyze", EXAMPLES, "--json", "--data-dir", dataDir], { home });
    expect(again.code).toBe(0);
    expect(ids(again.stdout)).toEqual(ids(first.stdout));
  });

  test("stories and show read it back", async () => {
    const listed = await runCli(["stories", "--json", "--data-dir", dataDir], { home });
    expect(JSON.parse(listed.stdout).stories.map((s: { id: string }) => s.id).sort()).toEqual(ids(first.stdout));
    const shown = await runCli(["show", ids(first.stdout)[0], "--json", "--data-dir", dataDir], { home });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).comparison.claims.length).toBeGreaterThan(0);
  });

  test("the Markdown view rebuilds the articles' quotes from the stored annotations, as `analyze` shows them", async () => {
    const analyzedMd = (await runCli(["analyze", EXAMPLES, "--md", "--data-dir", dataDir], { home })).stdout;
    for (const id of ids(first.stdout)) {
      const md = (await runCli(["show", id, "--md", "--data-dir", dataDir], { home })).stdout;
      const quotes = md.split("#### Who said what")[1]?.split("\n#### ")[0];
      expect(quotes, `show ${id} has no quotes`).toBeTruthy();
      expect(analyzedMd).toContain(quotes!.trim());
    }
  });

  test("a bad input on a later run is named and refused; what is stored stays as it was", async () => {
    writeFileSync(join(home, "bad.txt"), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    const bad = await runCli(["ingest", join(home, "bad.txt"), "--data-dir", dataDir], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(home, "bad.txt")}: looks like a binary file`);
    const still = await runCli(["stories", "--json", "--data-dir", dataDir], { home });
    expect(JSON.parse(still.stdout).stories.map((s: { id: string }) => s.id).sort()).toEqual(ids(first.stdout));

    const missing = await runCli(["show", "story-nope", "--data-dir", dataDir], { home });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no story "story-nope"');
  });
});

describe("incremental ingestion", () => {
  const files = ["000_e744ca5dccc51e1c.txt", "001_33169ef43ff5a28d.txt", "002_a958ad6333562c25.txt", "003_96eb452bc6dc4573.txt", "004_f37875985f527884.txt"].map((f) => `${EXAMPLES}${f}`);
  const stories = async (home: string) =>
    JSON.parse((await runCli(["stories", "--json", "--data-dir", join(home, "data")], { home })).stdout).stories as { id: string; articleIds: string[] }[];
  const partition = (list: { articleIds: string[] }[]) => list.map((s) => [...s.articleIds].sort().join(",")).sort();
  const stepwise = tempDir();
  let before: { id: string; articleIds: string[] }[] = [];
  let after: { id: string; articleIds: string[] }[] = [];

  test("a story that grows keeps its id", async () => {
    expect((await runCli(["ingest", ...files.slice(0, 2), "--data-dir", join(stepwise, "data")], { home: stepwise })).code).toBe(0);
    before = await stories(stepwise);
    expect((await runCli(["ingest", ...files.slice(2), "--data-dir", join(stepwise, "data")], { home: stepwise })).code).toBe(0);
    after = await stories(stepwise);

    const grown = before.find((s) => s.articleIds.length === 2)!;
    const now = after.find((s) => grown.articleIds.every((id) => s.articleIds.includes(id)))!;
    expect(now.articleIds.length).toBeGreaterThan(2);
    expect(now.id).toBe(grown.id);
  });

  test("two batches give the same stories as one", async () => {
    expect(after.length).toBeGreaterThan(0);
    const batch = tempDir();
    expect((await runCli(["ingest", ...files, "--data-dir", join(batch, "data")], { home: batch })).code).toBe(0);
    expect(partition(after)).toEqual(partition(await stories(batch)));
  });
});
