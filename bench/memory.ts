/**
 * Memory per input (issue 19: ≤ 10× its size): peak RSS of whole processes on 2/5/10/20 MB inputs of JSONL, HTML
 * and plain text (bench/memory-corpus.ts: real news text), against the same process on a tiny input (the baseline:
 * Node, the NLP models, PGlite), as (peak − baseline) ÷ input size.
 *
 *   node dist/bench/memory.js [--sizes 2,5,10,20] [--formats jsonl,html,text] [--runs stream,cli-ingest,cli-analyze]
 *                             [--out FILE]      (data: $TRIANGULATE_DATA, else ../shared/data)
 *
 * Runs, each input in a process of its own (its maxRSS is its own):
 * - stream: ingestAndRebuild (src/ingest-batches.ts) into a new PGlite folder: batches analysed and saved as they
 *   are done, stories compared a slice at a time, comparisons spilled to the store;
 * - cli-ingest: `triangulate ingest FILE --data-dir DIR`, as the CLI runs today;
 * - cli-analyze: `triangulate analyze FILE --no-store --json` (the report itself is ~18× a JSONL input's size).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBenchTexts, MEMORY_FORMATS, type MemoryFormat, writeMemoryInput } from "./memory-corpus.js";

const CLI = fileURLToPath(new URL("../src/serve/cli/main.js", import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const RUNS = ["stream", "cli-ingest", "cli-analyze"] as const;
type Run = (typeof RUNS)[number];

export interface MemoryRow {
  run: Run;
  format: MemoryFormat | "tiny";
  inputMb: number;
  articles: number;
  peakMb: number;
  seconds: number;
  exit: number | null;
}

/** One run on one input, in a child process; its maxRSS as the child itself reads it at exit. */
async function measure(run: Run, file: string, work: string): Promise<Omit<MemoryRow, "format" | "inputMb" | "articles"> & { stored: number | null }> {
  const dataDir = mkdtempSync(join(work, "store-"));
  const preload = join(work, "peak-rss.mjs");
  writeFileSync(preload, 'process.on("exit", () => process.stderr.write(`\\n[peak-rss-kb] ${process.resourceUsage().maxRSS}\\n`));\n');
  const args = run === "stream" ? [SELF, "--child", file, dataDir]
    : run === "cli-ingest" ? [CLI, "ingest", file, "--data-dir", dataDir] : [CLI, "analyze", file, "--no-store", "--json"];
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, ["--import", preload, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOME: dataDir } });
    let [out, err] = ["", ""];
    // The report of cli-analyze is large: only its first bytes are kept (the count is read from stderr's absence of failure).
    child.stdout.setEncoding("utf8").on("data", (s: string) => { if (out.length < 4096) out += s; });
    child.stderr.setEncoding("utf8").on("data", (s: string) => { err = (err + s).slice(-20_000); });
    child.on("close", (exitCode) => done({ code: exitCode, stdout: out, stderr: err }));
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(dataDir, { recursive: true, force: true });
  const peak = /\[peak-rss-kb\] (\d+)/.exec(stderr);
  const stored = /stored (\d[\d,]*) article/.exec(stdout) ?? /"stored":(\d+)/.exec(stdout);
  if (code !== 0 && code !== 2) process.stderr.write(`  ${run} ${file}: exit ${code}: ${stderr.slice(-600)}\n`);
  return { run, peakMb: peak ? Math.round(Number(peak[1]) / 1024) : NaN, seconds, exit: code, stored: stored ? Number(stored[1]!.replaceAll(",", "")) : null };
}

/** --child FILE DIR: the streaming ingestion in this process, as `triangulate ingest` runs it with ingestAndRebuild. */
async function child(file: string, dataDir: string): Promise<void> {
  const [{ configFromEnv }, { openStore }, { ingestAndRebuild }] = await Promise.all([
    import("../src/config.js"), import("../src/store/index.js"), import("../src/ingest-batches.js"),
  ]);
  const config = configFromEnv();
  const store = await openStore({ dataDir, databaseUrl: null });
  try {
    const { ingested, analysis } = await ingestAndRebuild(store, [file], { maxInputBytes: config.maxInputBytes, maxArticleChars: config.maxArticleChars });
    process.stdout.write(`${JSON.stringify({ stored: ingested.stored.length, failures: ingested.failures.length, stories: analysis.report.stories.length })}\n`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === "--child") return child(argv[1]!, argv[2]!);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const sizes = (option("--sizes") ?? "2,5,10,20").split(",").map(Number);
  const formats = (option("--formats") ?? MEMORY_FORMATS.join(",")).split(",") as MemoryFormat[];
  const runs = (option("--runs") ?? "stream").split(",") as Run[];
  const bad = [...formats.filter((f) => !MEMORY_FORMATS.includes(f)), ...runs.filter((r) => !RUNS.includes(r))];
  if (bad.length || sizes.some((s) => !(s > 0))) throw new Error(`[triangulate] [bench] memory: unknown ${bad.join(", ") || "size"}: formats ${MEMORY_FORMATS.join(",")}, runs ${RUNS.join(",")}`);
  const texts = await loadBenchTexts(resolve(process.env.TRIANGULATE_DATA ?? "../shared/data"));
  const work = mkdtempSync(join(tmpdir(), "triangulate-bench-memory-"));
  const lines: string[] = [];
  try {
    console.log(`memory per input: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`);
    // The baseline input: two articles of one story (~2 KB), so that every stage, and every model it loads (the
    // analyzers', the comparison's word vectors), is in the baseline; what grows with the input is the rest.
    const tiny = join(work, "tiny.jsonl");
    await writeMemoryInput(tiny, "jsonl", Infinity, texts.slice(0, 1), 2);
    for (const run of runs) {
      const base = await measure(run, tiny, work);
      console.log(`${run}: baseline (tiny input) ${base.peakMb} MB, ${base.seconds.toFixed(1)} s`);
      lines.push(`| ${run} | tiny | 0 | — | ${base.peakMb} | — | ${base.seconds.toFixed(0)} |`);
      for (const format of formats) {
        for (const mb of sizes) {
          const file = join(work, `input-${mb}.${format === "text" ? "txt" : format}`);
          const written = await writeMemoryInput(file, format, mb * 1_000_000, texts);
          const row = await measure(run, file, work);
          rmSync(file, { force: true });
          const perByte = (row.peakMb - base.peakMb) / (written.bytes / 1024 / 1024);
          const line = `| ${run} | ${format} | ${mb} | ${written.articles.toLocaleString("en")}${format === "jsonl" ? "" : " (one input)"} | ${row.peakMb.toLocaleString("en")} | ${perByte.toFixed(1)}× | ${row.seconds.toFixed(0)} |`;
          console.log(line);
          lines.push(line);
        }
      }
    }
    const table = ["", `load ${loadavg()[0]!.toFixed(1)} at the end`, "| run | format | MB | articles | peak RSS MB | (peak − baseline) ÷ size | seconds |", "|---|---|---|---|---|---|---|", ...lines].join("\n");
    console.log(table);
    if (option("--out")) writeFileSync(option("--out")!, `${table}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  main().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exitCode = 1;
  });
}

export { main as benchMemory };
