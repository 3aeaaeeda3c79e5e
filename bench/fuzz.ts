/**
 * `npm run fuzz`: the hostile corpus (fuzz-corpus.ts, 200+ inputs) through the pipeline in process, the CLI
 * (--no-store, and a --data-dir store) and the HTTP API, with good articles mixed into every batch; prints the
 * table docs/BENCHMARKS.md records. Exit 1 when anything crashed, hung or lost a good article.
 *
 *   node dist/bench/fuzz.js [--only in-process,cli,api] [--batch 25]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { goodArticle, hostileCorpus, type HostileInput } from "./fuzz-corpus.js";
import { type BatchOutcome, HANG_MS, type InputOutcome, rssPreload, runApiBatch, runCliBatch, runInProcess } from "./fuzz-run.js";

const CLI = new URL("../src/serve/cli/main.js", import.meta.url).pathname;
const GOOD_PER_BATCH = 2;

interface Row {
  surface: string;
  inputs: number;
  crashes: number;
  hangs: number;
  peakMb: string;
  named: string;
  goodKept: string;
  seconds: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = (args[args.indexOf("--only") + 1] ?? "").split(",").filter((s) => args.includes("--only") && s);
  const batchSize = args.includes("--batch") ? Number(args[args.indexOf("--batch") + 1]) : 25;
  const wants = (s: string) => only.length === 0 || only.includes(s);

  const dir = mkdtempSync(join(tmpdir(), "triangulate-fuzz-"));
  try {
    const corpus = hostileCorpus();
    mkdirSync(join(dir, "in"));
    const paths = corpus.map((input) => {
      const path = join(dir, "in", input.name);
      writeFileSync(path, input.bytes);
      return path;
    });
    const batches = chunk(corpus.map((input, i) => ({ input, path: paths[i]! })), batchSize);
    const rows: Row[] = [];
    const problems: string[] = [];
    console.log(`${corpus.length} hostile inputs, ${batches.length} batches of ${batchSize} with ${GOOD_PER_BATCH} good articles each; ${cpus().length} cores, Node ${process.version}`);

    if (wants("in-process")) {
      const started = performance.now();
      const outcomes = await runInProcess(paths, (o) => {
        if (o.ms > 1000 || o.crashed) process.stderr.write(`  ${o.path.split("/").pop()}: ${(o.ms / 1000).toFixed(1)} s (CPU ${(o.cpuMs / 1000).toFixed(1)} s)${o.crashed ? ", crashed" : ""}\n`);
      });
      rows.push(inProcessRow(outcomes, (performance.now() - started) / 1000));
      for (const o of outcomes) {
        if (o.crashed) problems.push(`in process: ${o.path}: crashed: ${o.crashed.split("\n")[0]}`);
        if (o.cpuMs > HANG_MS) problems.push(`in process: ${o.path}: ${(o.cpuMs / 1000).toFixed(1)} CPU-s (${(o.ms / 1000).toFixed(1)} s wall)`);
        if (!o.named) problems.push(`in process: ${o.path}: not named in any article, failure or skip`);
      }
    }
    let goodIndex = 0;
    const goodFiles = (n: number) =>
      Array.from({ length: n }, () => {
        const good = goodArticle(goodIndex++);
        const path = join(dir, "in", good.name);
        writeFileSync(path, good.bytes);
        return { name: good.name, path, bytes: good.bytes };
      });
    const preload = rssPreload(dir);
    for (const [surface, dataDir] of [["CLI --no-store", false], ["CLI --data-dir", true]] as const) {
      if (!wants("cli")) continue;
      const started = performance.now();
      const outcomes: BatchOutcome[] = [];
      for (const [k, batch] of batches.entries()) {
        const good = goodFiles(GOOD_PER_BATCH);
        const store = dataDir ? join(dir, `store-${k}`) : null;
        const outcome = await runCliBatch(CLI, preload, batch.map((b) => b.path), good.map((g) => g.path), store);
        outcomes.push(outcome);
        report(problems, surface, k, batch, outcome, good.length);
      }
      rows.push(batchRow(surface, corpus.length, outcomes, batches.length * GOOD_PER_BATCH, (performance.now() - started) / 1000));
    }
    if (wants("api")) {
      const started = performance.now();
      const outcomes: BatchOutcome[] = [];
      // Uploads kept under the API's 20 MB body limit, so a refusal is the input's, not the batch's size.
      const uploads = bySize(corpus.map((input) => ({ input, path: input.name })), UPLOAD_MAX_BYTES);
      for (const [k, upload] of uploads.entries()) {
        const good = goodFiles(GOOD_PER_BATCH);
        const files = [...upload.map((b) => ({ name: b.input.name, bytes: b.input.bytes })), ...good.map((g) => ({ name: g.name, bytes: g.bytes }))];
        const outcome = await runApiBatch(files, good.map((g) => g.name));
        outcomes.push(outcome);
        report(problems, "API", k, upload, outcome, good.length);
      }
      rows.push(batchRow(`API POST /api/files (${uploads.length} uploads)`, corpus.length, outcomes, uploads.length * GOOD_PER_BATCH, (performance.now() - started) / 1000));
    }
    console.log(["", "| surface | inputs | crashes | hangs (> 5 s) | peak memory | inputs named | good articles kept | seconds |", "|---|---|---|---|---|---|---|---|",
      ...rows.map((r) => `| ${r.surface} | ${r.inputs} | ${r.crashes} | ${r.hangs} | ${r.peakMb} | ${r.named} | ${r.goodKept} | ${Math.round(r.seconds)} |`)].join("\n"));
    if (problems.length) console.log(`\n${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join("\n")}`);
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const UPLOAD_MAX_BYTES = 16 * 1024 * 1024;

/** Greedy packing in corpus order: each group's bytes stay under `max` (an input over it goes alone). */
function bySize<T extends { input: HostileInput }>(items: readonly T[], max: number): T[][] {
  const groups: T[][] = [];
  let size = Infinity;
  for (const item of items) {
    if (size + item.input.bytes.length > max) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(item);
    size += item.input.bytes.length;
  }
  return groups;
}

function report(problems: string[], surface: string, k: number, batch: { input: HostileInput; path: string }[], outcome: BatchOutcome, good: number): void {
  if (outcome.refused) problems.push(`${surface} batch ${k} (${batch.map((b) => b.input.name).join(", ").slice(0, 120)}): refused whole: ${outcome.refused}`);
  if (outcome.crashed) problems.push(`${surface} batch ${k}: ${outcome.crashed}`);
  if (outcome.timedOut) problems.push(`${surface} batch ${k}: timed out after ${Math.round(outcome.ms / 1000)} s`);
  if (outcome.goodKept < good) problems.push(`${surface} batch ${k}: ${good - outcome.goodKept} good article(s) lost`);
  for (const { path } of batch) if (!outcome.crashed && !outcome.timedOut && !outcome.named.includes(path)) problems.push(`${surface} batch ${k}: ${path} not named`);
}

function inProcessRow(outcomes: InputOutcome[], seconds: number): Row {
  const named = outcomes.filter((o) => o.named).length;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  const slowest = outcomes.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
  return {
    surface: `in process (slowest: ${slowest.path.split("/").pop()}, ${(slowest.cpuMs / 1000).toFixed(1)} CPU-s, ${(slowest.ms / 1000).toFixed(1)} s wall)`,
    inputs: outcomes.length,
    crashes: outcomes.filter((o) => o.crashed).length,
    // By CPU time: wall time on shared cores counts other sessions' work (load 20: 5–10× an input's own).
    hangs: outcomes.filter((o) => o.cpuMs > HANG_MS).length,
    peakMb: `${peak} MB (process)`,
    named: `${named}/${outcomes.length}`,
    goodKept: "—",
    seconds,
  };
}

function batchRow(surface: string, inputs: number, outcomes: BatchOutcome[], good: number, seconds: number): Row {
  const peaks = outcomes.map((o) => o.peakMb).filter((m): m is number => m !== null);
  return {
    surface,
    inputs,
    crashes: outcomes.filter((o) => o.crashed).length,
    hangs: outcomes.filter((o) => o.timedOut).length,
    peakMb: peaks.length ? `${Math.max(...peaks)} MB (largest batch)` : "—",
    named: `${outcomes.reduce((n, o) => n + o.named.length, 0)}/${inputs}`,
    goodKept: `${outcomes.reduce((n, o) => n + o.goodKept, 0)}/${good}`,
    seconds,
  };
}

const chunk = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

await main();
