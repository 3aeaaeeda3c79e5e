/**
 * Extraction as a user runs it: `triangulate extract DIR --jsonl` as a whole process (start-up, reading,
 * extracting, writing JSON lines) against a whole process running Mozilla Readability on linkedom over the same
 * files (read, parse, `new Readability(doc).parse()`, print a JSON line each: the 15-line script of issue 20),
 * on the trafilatura-eval pages, decoded once to UTF-8 .html files in a temporary folder. Rounds alternate
 * (ours, Readability, ours, …) so a busy spell hits both; the best round of each counts. The first round's output
 * is scored the way `npm run eval` scores extraction (segments that must and must not appear), so the speed
 * is quoted at the F1 it was had at.
 *
 *   node dist/bench/extract-process.js [--pages N] [--rounds N] [--json]
 *
 * Run with `--readability-child DIR`, this file is the Readability process.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEvalPages, readEvalDocument, type EvalPage } from "../eval/extraction-data.js";

const CLI = fileURLToPath(new URL("../src/serve/cli/main.js", import.meta.url));
const SELF = fileURLToPath(import.meta.url);

export interface ProcessContender {
  label: string;
  command: string;
  bestSeconds: number;
  roundSeconds: number[];
  /** User + system CPU seconds of the process (GNU time), best round: steadier than wall time on a busy machine. */
  bestCpuSeconds: number | null;
  pagesPerSecond: number;
  f1: number;
  precision: number;
  recall: number;
}

export interface ExtractProcessResult {
  pages: number;
  rounds: number;
  ours: ProcessContender;
  readability: ProcessContender;
  /** Readability's best time over ours: how many times faster our process is. */
  ratio: number;
  /** The same from CPU seconds (null without GNU time). */
  cpuRatio: number | null;
}

export async function benchExtractProcess(dataDir: string, opts: { pages?: number; rounds?: number } = {}): Promise<ExtractProcessResult> {
  const rounds = opts.rounds ?? 3;
  const pages = await loadEvalPages(dataDir, opts.pages);
  const dir = await mkdtemp(join(tmpdir(), "triangulate-bench-extract-"));
  try {
    for (const page of pages) await writeFile(join(dir, `${page.file}.html`), (await readEvalDocument(dataDir, page)).body);
    const contenders = {
      ours: { label: "triangulate extract DIR --jsonl", args: [CLI, "extract", dir, "--jsonl"], times: [] as number[], cpu: [] as number[], output: "" },
      readability: { label: "@mozilla/readability on linkedom, one process", args: [SELF, "--readability-child", dir], times: [] as number[], cpu: [] as number[], output: "" },
    };
    for (let round = 0; round < rounds; round++) {
      for (const c of Object.values(contenders)) {
        const { seconds, cpuSeconds, stdout } = await timedProcess(c.args);
        c.times.push(seconds);
        if (cpuSeconds !== null) c.cpu.push(cpuSeconds);
        if (round === 0) c.output = stdout;
      }
    }
    const finish = (c: (typeof contenders)["ours"]): ProcessContender => {
      const best = Math.min(...c.times);
      return { label: c.label, command: `node ${c.args.map((a) => a.replace(dir, "DIR")).join(" ")}`, bestSeconds: round3(best), roundSeconds: c.times.map(round3), bestCpuSeconds: c.cpu.length ? round3(Math.min(...c.cpu)) : null, pagesPerSecond: Math.round(pages.length / best), ...score(pages, c.output) };
    };
    const ours = finish(contenders.ours);
    const readability = finish(contenders.readability);
    const cpuRatio = ours.bestCpuSeconds && readability.bestCpuSeconds ? Math.round((readability.bestCpuSeconds / ours.bestCpuSeconds) * 100) / 100 : null;
    return { pages: pages.length, rounds, ours, readability, ratio: Math.round((readability.bestSeconds / ours.bestSeconds) * 100) / 100, cpuRatio };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatExtractProcess(r: ExtractProcessResult): string[] {
  const line = (c: ProcessContender) => `  ${c.label}: best ${c.bestSeconds} s wall (${c.roundSeconds.join(", ")}), ${c.bestCpuSeconds ?? "?"} s CPU, ${c.pagesPerSecond} pages/s, F1 ${c.f1} (P ${c.precision}, R ${c.recall})`;
  return [`Extraction as whole processes, ${r.pages} pages, best of ${r.rounds} alternated rounds:`, line(r.ours), line(r.readability), `  ours is ${r.ratio}x Readability's throughput (wall), ${r.cpuRatio ?? "?"}x by CPU time`];
}

const GNU_TIME = "/usr/bin/time";

export async function timedProcess(args: string[]): Promise<{ seconds: number; cpuSeconds: number | null; stdout: string }> {
  const cpuFile = existsSync(GNU_TIME) ? join(tmpdir(), `triangulate-bench-cpu-${process.pid}`) : null;
  const run = await runProcess(cpuFile ? [GNU_TIME, "-f", "%U %S", "-o", cpuFile, process.execPath, ...args] : [process.execPath, ...args]);
  if (!cpuFile) return { ...run, cpuSeconds: null };
  const [user, system] = (await readFile(cpuFile, "utf8")).trim().split("\n").at(-1)!.split(" ").map(Number);
  await rm(cpuFile, { force: true });
  return { ...run, cpuSeconds: user! + system! };
}

function runProcess([command, ...args]: string[]): Promise<{ seconds: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command!, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      // Exit 2 is "some inputs could not be read" (named on stderr): the rest is still output and scored.
      if (code !== 0 && code !== 2) reject(new Error(`[triangulate] [bench] ${args.join(" ")} exited ${code}: ${err.slice(-500)}`));
      else resolve({ seconds, stdout: Buffer.concat(out).toString("utf8") });
    });
  });
}

/** Segment precision, recall and F1 over the pages, by the rule of eval/extraction.ts (whitespace collapsed). */
function score(pages: readonly EvalPage[], jsonl: string): { f1: number; precision: number; recall: number } {
  const texts = new Map<string, string>();
  for (const line of jsonl.split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { source: string; text?: string };
    texts.set(row.source.replace(/^.*\//, "").replace(/\.html$/, ""), row.text ?? "");
  }
  const squash = (s: string) => s.replace(/\s+/g, " ").trim();
  let tp = 0, fn = 0, fp = 0;
  for (const page of pages) {
    const text = squash(texts.get(page.file) ?? "");
    const found = page.with.filter((s) => text.includes(squash(s))).length;
    tp += found;
    fn += page.with.length - found;
    fp += page.without.filter((s) => text.includes(squash(s))).length;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { f1: round3((2 * precision * recall) / (precision + recall || 1)), precision: round3(precision), recall: round3(recall) };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The Readability process: every .html file in DIR, in name order, one JSON line each. */
async function readabilityChild(dir: string): Promise<void> {
  const [{ Readability }, { parseHTML }] = await Promise.all([import("@mozilla/readability"), import("linkedom")]);
  const lines: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".html")).sort()) {
    const source = join(dir, name);
    try {
      const document = parseHTML(await readFile(source, "utf8")).document as unknown as Document;
      const article = new Readability(document).parse();
      lines.push(JSON.stringify({ source, title: article?.title ?? null, text: article?.textContent ?? "" }));
    } catch (error) {
      lines.push(JSON.stringify({ source, error: (error as Error).message }));
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (process.argv[1] === SELF) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const child = arg("--readability-child");
  if (child) await readabilityChild(child);
  else {
    const dataDir = join(process.env.TRIANGULATE_DATA ?? fileURLToPath(new URL("../../../shared/data", import.meta.url)), "extraction", "trafilatura-eval");
    const result = await benchExtractProcess(dataDir, { pages: arg("--pages") ? Number(arg("--pages")) : undefined, rounds: arg("--rounds") ? Number(arg("--rounds")) : undefined });
    process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(result, null, 2)}\n` : `${formatExtractProcess(result).join("\n")}\n`);
  }
}
