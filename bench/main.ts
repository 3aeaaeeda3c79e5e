/**
 * `npm run bench` (node dist/bench/main.js): end-to-end throughput, stage shares and peak memory.
 *
 *   node dist/bench/main.js [--repeat N] [--docs N] [--rounds N] [--scaling] [--pages N] [--extraction-rounds N]
 *                           [--no-extraction] [--analysis-articles N] [--analysis-rounds N] [--only-analysis] [--no-compare]
 *                           [--workers] [--workers-articles N] [--memory] [--out FILE]
 *
 * Analysis speed (bench/analysis-speed.ts): --analysis-articles (default 200) articles of ~700 words built from ECB+
 * paragraphs, through every analyzer on one core, --analysis-rounds times (default 3), per-analyzer ms and the NLP
 * library alone (wink readDoc) on the same texts in the same run; ~15 s, in a fresh process (its own heap, as the
 * issue's per-core figure means). --only-analysis runs that section alone.
 *
 * Two corpora go through extract → analyze → cluster → compare + report:
 * - the five seeds (examples/), the whole pipeline repeated --repeat times (default 20) after one cold run;
 * - a corpus of real texts from the shared data ($TRIANGULATE_DATA, else ../shared/data): the first 60% of
 *   --docs (default 500) ECB+ documents and the rest AllSides excerpts, given as .jsonl-style text records
 *   ({ id, title, text, outlet }), --rounds times (default 3). Skipped, with a note, when the data is missing.
 * Stage times: extract = extractArticle, analyze = analyzeArticle, cluster = clusterStories alone, compare +
 * report = buildReport minus its own clustering. End-to-end = extract + analyze + buildReport.
 * Near-duplicates (bench/near-duplicates.ts): findNearDuplicates on 1k and 10k articles (and 100k with --scaling, ~1 min,
 * ~1.2 GB), each size in its own process.
 * One story's comparison (bench/compare-story.ts, issue 6: 50 articles in under 2 s): compareStory alone on stories of
 * 10–200 real articles (ECB+ documents, the same joined into ~700-word articles, AllSides "Coronavirus" excerpts), each
 * size in its own process, with its steps timed; ~2 min. --no-compare skips it; alone: node dist/bench/compare-story.js.
 * --scaling also times clusterStories alone on the first 250, 500 and 1,000 AllSides excerpts (~75 s): its
 * average linkage is superlinear in the size of the largest connected component, and short same-domain
 * excerpts make big components. 1k–100k articles, step by step: bench/cluster-scaling.ts.
 * HTML extraction: our extractHtmlArticle, Mozilla Readability on linkedom and htmlparser2's parse alone (the
 * floor) on the trafilatura-eval pages (DIR/extraction/trafilatura-eval; the first --pages, default all 990),
 * best of --extraction-rounds (default 2), each in its own process for its peak RSS (eval/extraction-baseline.ts,
 * shared with `npm run eval`); ~2–3 min on all pages. Skipped, with a note, when the pages are missing;
 * --no-extraction skips it.
 * Extraction as whole processes (bench/extract-process.ts, issue 20): `triangulate extract DIR --jsonl` against a
 * Readability-on-linkedom process on the same pages (--pages N; default: the first 181, then all 990), best of
 * --extraction-rounds (default 3) alternated, with each one's segment F1. End-to-end analysis as one process
 * (bench/analyze-process.ts): `triangulate analyze` on --analysis-articles ~700-word articles against one article,
 * articles per CPU second. CLI start-up (bench/startup.ts): --help, analyze --help, analyze --no-store and on the
 * embedded store (first and later run), best of 3 whole processes, each against `node -e ""` in the same round.
 * Hostile HTML pages (bench/hostile-pages.ts: deep nesting, unclosed tags, huge pages) are each extracted once and
 * timed: the bounded time per page the extraction issue asks for.
 * --workers (long: ~20 min per configuration at the default 100,000 on 2 cores) ingests and analyses
 * --workers-articles (default 100,000) real-text articles three ways in one child run: the embedded default (PGlite),
 * and a throwaway PostgreSQL with 1 and 2 `triangulate worker` processes; seconds, articles/s, peak RSS and the
 * ratios (bench/workers.ts; alone: node dist/bench/workers.js --articles N).
 * The machine is noisy (2 shared cores), so each round also times a fixed baseline workload (BASELINE: JSON
 * round trips of the seed articles and contentWords over their text, the same work in every run); quoting the
 * pipeline in baseline units moves less than seconds do when the machine is busy.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { contentWords } from "../src/_lib/text.js";
import { analyzeArticle } from "../src/analyze/index.js";
import { clusterStories } from "../src/cluster/cluster-stories.js";
import { extractArticle } from "../src/extract/extract.js";
import { expandInputs, readInput } from "../src/ingest/read-inputs.js";
import { type Article, type ArticleBundle, isSkip, type RawDocument } from "../src/records.js";
import { buildReport } from "../src/report/build-report.js";
import { type LabelledArticle, loadAllSides, loadEcbPlus } from "../eval/clustering-data.js";
import { formatThroughput, measureThroughput, type Throughput } from "../eval/extraction-baseline.js";
import { benchHostilePages, formatHostile } from "./hostile-pages.js";
import { type AnalysisSpeed, benchAnalysisSpeed, formatAnalysisSpeed } from "./analysis-speed.js";
import { benchExtractProcess, type ExtractProcessResult, formatExtractProcess } from "./extract-process.js";
import { benchStartup, formatStartup } from "./startup.js";
import { benchAnalyzeProcess, formatAnalyzeProcess } from "./analyze-process.js";

/** The page count issue 20 quotes for extraction as a process (the first 181 trafilatura-eval pages). */
const ISSUE_PAGES = 181;

const STAGES = ["extract", "analyze", "cluster", "compare + report"] as const;
type Stage = (typeof STAGES)[number];

interface Round {
  ms: Record<Stage, number>;
  endToEndMs: number;
  articles: number;
  skipped: Record<string, number>;
  stories: number;
  baselineMs: number;
}

interface CorpusResult {
  name: string;
  documents: number;
  rounds: Round[];
  cold?: Round;
  median: Round;
  articlesPerSecond: number;
  maxRssMiB: number;
}

/** A fixed workload: 50 JSON round trips of the five seed articles and 20 tokenizer passes over them; best of 5. */
const BASELINE = { jsonRoundTrips: 50, tokenizePasses: 20 };
let baselineArticles: Article[] = [];

function runBaseline(): number {
  const once = () =>
    time(() => {
      for (let k = 0; k < BASELINE.jsonRoundTrips; k++) JSON.parse(JSON.stringify(baselineArticles));
      for (let k = 0; k < BASELINE.tokenizePasses; k++) for (const a of baselineArticles) contentWords(a.text);
    });
  return Math.min(...Array.from({ length: 5 }, once));
}

function runPipeline(docs: readonly RawDocument[]): Round {
  const t0 = performance.now();
  const extracted = docs.map(extractArticle);
  const t1 = performance.now();
  const articles = extracted.filter((a): a is Article => !isSkip(a));
  const skipped: Record<string, number> = {};
  for (const x of extracted) if (isSkip(x)) skipped[x.skip] = (skipped[x.skip] ?? 0) + 1;
  const bundles: ArticleBundle[] = articles.map((article) => ({ article, annotations: analyzeArticle(article) }));
  const t2 = performance.now();
  const { stories } = clusterStories(bundles);
  const t3 = performance.now();
  buildReport(bundles);
  const t4 = performance.now();
  const baselineMs = runBaseline();
  return {
    ms: { extract: t1 - t0, analyze: t2 - t1, cluster: t3 - t2, "compare + report": Math.max(0, t4 - t3 - (t3 - t2)) },
    endToEndMs: t4 - t0 - (t3 - t2), // buildReport clusters again: count clustering once
    articles: articles.length,
    skipped,
    stories: stories.length,
    baselineMs,
  };
}

function benchCorpus(name: string, docs: readonly RawDocument[], rounds: number, withCold: boolean): CorpusResult {
  process.stderr.write(`bench: ${name}, ${docs.length} documents × ${rounds}…\n`);
  const cold = withCold ? runPipeline(docs) : undefined;
  const all = Array.from({ length: rounds }, () => runPipeline(docs));
  const median = medianRound(all);
  return {
    name, documents: docs.length, rounds: all, cold, median,
    articlesPerSecond: (median.articles * 1000) / median.endToEndMs,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

async function seedDocuments(): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for (const input of await expandInputs([resolve("examples")])) {
    if (typeof input !== "string") throw new Error(`[triangulate] [bench] ${input.source}: ${input.error}`);
    for (const d of await readInput(input, { maxInputBytes: 10 * 1024 * 1024 })) if (!("error" in d)) docs.push(d);
  }
  if (docs.length === 0) throw new Error("[triangulate] [bench] no seed articles under examples/ (run from the project root)");
  return docs;
}

async function corpusDocuments(dataDir: string, n: number): Promise<RawDocument[]> {
  const ecb = Math.round(n * 0.6);
  const picked = [...(await loadEcbPlus(dataDir)).slice(0, ecb), ...(await loadAllSides(dataDir)).slice(0, n - ecb)];
  const fetchedAt = new Date().toISOString();
  return picked.map(({ article: a }: LabelledArticle) => ({
    source: a.source, format: "text", body: a.text, fetchedAt,
    hints: { id: a.id, title: a.title, ...(a.outlet ? { outlet: a.outlet } : {}) },
  }));
}

async function main(argv: string[]): Promise<void> {
  const num = <T extends number | undefined>(name: string, fallback: T): number | T => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`[triangulate] [bench] ${name} wants a positive integer`);
    return v;
  };
  const outFile = argv.includes("--out") ? argv[argv.indexOf("--out") + 1] : undefined;
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  if (argv.includes("--only-analysis")) {
    const analysis = await analysisSection(dataDir, num("--analysis-articles", 200), num("--analysis-rounds", 3));
    if (outFile) await writeFile(outFile, `${JSON.stringify({ date: new Date().toISOString(), machine: machineInfo(), analysis }, null, 2)}\n`);
    return;
  }
  const seeds = await seedDocuments();
  baselineArticles = seeds.map(extractArticle).filter((a): a is Article => !isSkip(a));
  const results = [benchCorpus("seeds (examples/)", seeds, num("--repeat", 20), true)];
  let note = "";
  try {
    results.push(benchCorpus("ECB+ and AllSides texts", await corpusDocuments(dataDir, num("--docs", 500)), num("--rounds", 3), false));
  } catch (error) {
    note = `corpus skipped: cannot read the shared data at ${dataDir} (set TRIANGULATE_DATA): ${(error as Error).message}`;
  }
  print(results, note);
  process.stderr.write("bench: hostile HTML pages…\n");
  const hostile = benchHostilePages();
  process.stdout.write(`\n## Hostile HTML pages (one extraction each)\n\n${formatHostile(hostile).join("\n")}\n`);
  const analysis = await analysisInChild(num("--analysis-articles", 200), num("--analysis-rounds", 3));
  const scaling = argv.includes("--scaling") && !note ? await clusterScaling(dataDir, [250, 500, 1000]) : [];
  const duplicates = note ? null : await nearDuplicatesInChildren(argv.includes("--scaling") ? [1_000, 10_000, 100_000] : [1_000, 10_000]);
  const compare = note || argv.includes("--no-compare") ? null : await compareStoryInChildren();
  const workers = argv.includes("--workers") && !note ? await workersInChild(num("--workers-articles", 100_000)) : null;
  if (argv.includes("--memory") && !note) await memoryInChild();
  // Last, so the pipeline rows' peak RSS stays what it was; the extraction contenders run in their own processes.
  const extraction = argv.includes("--no-extraction")
    ? { throughput: null, note: "extraction skipped (--no-extraction)" }
    : await benchExtraction(join(dataDir, "extraction", "trafilatura-eval"), num("--pages", undefined), num("--extraction-rounds", 2));
  // As a user runs them: whole processes, the CLI's start-up included (issue 20).
  // Issue 20 names 181 pages (start-up weighs more there); all 990 too, unless --pages picks one size.
  const extractProcess: ExtractProcessResult[] = [];
  if (!argv.includes("--no-extraction") && existsSync(join(dataDir, "extraction", "trafilatura-eval", "evaldata.json"))) {
    for (const pages of num("--pages", undefined) ? [num("--pages", 0)] : [ISSUE_PAGES, undefined]) {
      const run = await benchExtractProcess(join(dataDir, "extraction", "trafilatura-eval"), { pages, rounds: num("--extraction-rounds", 3) });
      process.stdout.write(`\n## Extraction as whole processes\n\n${formatExtractProcess(run).join("\n")}\n`);
      extractProcess.push(run);
    }
  }
  const analyzeProcess = note ? null : await benchAnalyzeProcess(dataDir, num("--analysis-articles", 200), 3);
  if (analyzeProcess) process.stdout.write(`\n## End-to-end analysis as one process\n\n${formatAnalyzeProcess(analyzeProcess).join("\n")}\n`);
  const startup = await benchStartup(3);
  process.stdout.write(`\n## CLI start-up\n\n${formatStartup(startup).join("\n")}\n`);
  if (outFile) {
    const machine = machineInfo();
    await writeFile(outFile, `${JSON.stringify({ date: new Date().toISOString(), machine, results, hostile, analysis, scaling, duplicates, compare, workers, extraction, extractProcess, analyzeProcess, startup }, null, 2)}\n`);
  }
}

const machineInfo = () => ({ cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version });

/**
 * The analysis-speed section in a fresh process, as the extraction contenders run: after the corpora above, this
 * process's heap and garbage collector would add their own pauses to the per-core figure (198 against 260 measured).
 */
async function analysisInChild(articles: number, rounds: number): Promise<AnalysisSpeed | { note: string }> {
  const out = join(tmpdir(), `triangulate-bench-analysis-${process.pid}.json`);
  const args = [fileURLToPath(import.meta.url), "--only-analysis", "--analysis-articles", String(articles), "--analysis-rounds", String(rounds), "--out", out];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, env: process.env });
  process.stdout.write(stdout.replace(/^wrote .*\n?/m, ""));
  try {
    return (JSON.parse(await readFile(out, "utf8")) as { analysis: AnalysisSpeed | { note: string } }).analysis;
  } finally {
    await rm(out, { force: true });
  }
}

/** Near-duplicate detection at growing sizes, each size in its own process for its peak RSS (bench/near-duplicates.ts). */
async function nearDuplicatesInChildren(sizes: readonly number[]): Promise<string> {
  process.stderr.write(`bench: near-duplicates at ${sizes.join(", ")} articles…\n`);
  const runner = fileURLToPath(new URL("./near-duplicates.js", import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [runner, "--sizes", sizes.join(",")], { maxBuffer: 16 * 1024 * 1024, env: process.env });
  process.stdout.write(`\n## Near-duplicates: MinHash + LSH at growing sizes\n\n${stdout}`);
  return stdout;
}

/** Embedded vs 1 and 2 PostgreSQL workers (bench/workers.ts, which runs each configuration in processes of its own). */
async function workersInChild(articles: number): Promise<string> {
  process.stderr.write(`bench: ingest ${articles} articles embedded, then with 1 and 2 PostgreSQL workers (long)…\n`);
  const runner = fileURLToPath(new URL("./workers.js", import.meta.url));
  const running = promisify(execFile)(process.execPath, [runner, "--articles", String(articles)], { maxBuffer: 16 * 1024 * 1024, env: process.env });
  running.child.stderr?.pipe(process.stderr);
  const { stdout } = await running;
  process.stdout.write(`\n## Workers: ${articles} articles, embedded vs PostgreSQL with 1 and 2 workers\n\n${stdout}`);
  return stdout;
}

/** Memory per input (issue 19): bench/memory.ts runs each input in a process of its own (long: ~1 h on 2 cores). */
async function memoryInChild(): Promise<void> {
  process.stderr.write("bench: peak RSS per input size, each in its own process (long)…\n");
  const running = promisify(execFile)(process.execPath, [fileURLToPath(new URL("./memory.js", import.meta.url)), "--runs", "stream,cli-ingest"], { maxBuffer: 16 * 1024 * 1024, env: process.env });
  running.child.stderr?.pipe(process.stderr);
  process.stdout.write(`\n## Memory per input (peak RSS − baseline) ÷ size\n\n${(await running).stdout}`);
}

/** One story's comparison at 10–200 articles (bench/compare-story.ts runs each size in its own process). */
async function compareStoryInChildren(): Promise<string> {
  process.stderr.write("bench: one story's comparison, 10–200 articles (~2 min)…\n");
  const runner = fileURLToPath(new URL("./compare-story.js", import.meta.url));
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, [runner], { maxBuffer: 16 * 1024 * 1024, env: process.env }));
  } catch (error) {
    // It exits 1 when the 50-article target fails; its table is still the result.
    const failed = error as { code?: number; stdout?: string };
    if (failed.code !== 1 || !failed.stdout) throw error;
    stdout = failed.stdout;
  }
  process.stdout.write(`\n## One story's comparison: compareStory at 10–200 articles\n\n${stdout}`);
  return stdout;
}

async function analysisSection(dataDir: string, articles: number, rounds: number): Promise<AnalysisSpeed | { note: string }> {
  process.stderr.write(`bench: analysis speed, ${articles} articles of ~700 words × ${rounds}…\n`);
  const heading = "\n## Analysis speed: 700-word articles, one core\n";
  try {
    const speed = await benchAnalysisSpeed(dataDir, articles, rounds);
    process.stdout.write(`${heading}\n${formatAnalysisSpeed(speed).join("\n")}\n`);
    return speed;
  } catch (error) {
    const note = `analysis speed skipped: cannot read ECB+ under ${dataDir} (set TRIANGULATE_DATA): ${(error as Error).message}`;
    process.stdout.write(`${heading}\n${note}\n`);
    return { note };
  }
}

async function benchExtraction(
  pagesDir: string, pages: number | undefined, rounds: number,
): Promise<{ throughput: Throughput | null; note: string }> {
  const heading = "\n## HTML extraction: trafilatura-eval pages\n";
  if (!existsSync(join(pagesDir, "evaldata.json"))) {
    const note = `extraction skipped: no trafilatura-eval pages at ${pagesDir} (set TRIANGULATE_DATA)`;
    process.stdout.write(`${heading}\n${note}\n`);
    return { throughput: null, note };
  }
  process.stderr.write(`bench: HTML extraction, ${pages ?? "all"} pages × ${rounds} rounds × 3 contenders…\n`);
  const throughput = await measureThroughput(pagesDir, { limit: pages, rounds });
  process.stdout.write(`${heading}\n${formatThroughput(throughput).join("\n")}\n`);
  return { throughput, note: "" };
}

function print(results: CorpusResult[], note: string): void {
  const f = (x: number, d = 0) => x.toFixed(d);
  const lines = [
    `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}; medians over rounds`,
    "",
    "| corpus | docs → articles | stories | end-to-end ms | articles/s | " + STAGES.map((s) => `${s} %`).join(" | ") + " | baseline ms | end-to-end ÷ baseline | peak RSS MiB |",
    "|---|---|---|---|---|" + STAGES.map(() => "---|").join("") + "---|---|---|",
    ...results.map(({ name, documents, median: m, articlesPerSecond, maxRssMiB }) =>
      `| ${name} | ${documents} → ${m.articles} | ${m.stories} | ${f(m.endToEndMs)} | ${f(articlesPerSecond, 1)} | ` +
      STAGES.map((s) => f((100 * m.ms[s]) / m.endToEndMs, 1)).join(" | ") +
      ` | ${f(m.baselineMs, 1)} | ${f(m.endToEndMs / m.baselineMs, 1)} | ${f(maxRssMiB)} |`),
  ];
  const cold = results[0]?.cold;
  if (cold) lines.push("", `Seeds, first (cold) run: ${f(cold.endToEndMs)} ms end-to-end (loads the NLP models and the word-frequency table).`);
  for (const r of results) if (Object.keys(r.median.skipped).length) lines.push(`${r.name}: skipped by extraction ${JSON.stringify(r.median.skipped)}.`);
  lines.push("Peak RSS is the process maximum so far (resourceUsage().maxRSS), so the corpus row includes the seeds run.");
  if (note) lines.push("", note);
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function clusterScaling(dataDir: string, sizes: number[]): Promise<{ documents: number; seconds: number }[]> {
  const all = (await loadAllSides(dataDir)).slice(0, Math.max(...sizes));
  const bundles = all.map(({ article }) => ({ article, annotations: analyzeArticle(article) }));
  const rows = sizes.map((n) => ({ documents: Math.min(n, bundles.length), seconds: time(() => clusterStories(bundles.slice(0, n))) / 1000 }));
  process.stdout.write(`\nclusterStories alone on AllSides excerpts (shipped thresholds):\n\n| documents | seconds |\n|---|---|\n${
    rows.map((r) => `| ${r.documents} | ${r.seconds.toFixed(1)} |`).join("\n")}\n`);
  return rows;
}

function medianRound(rounds: Round[]): Round {
  const sorted = [...rounds].sort((a, b) => a.endToEndMs - b.endToEndMs);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  const med = (f: (r: Round) => number) => rounds.map(f).sort((a, b) => a - b)[Math.floor(rounds.length / 2)]!;
  return { ...mid, baselineMs: med((r) => r.baselineMs) };
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\nusage: node dist/bench/main.js [--repeat N] [--docs N] [--rounds N] [--scaling] [--pages N] [--extraction-rounds N] [--no-extraction] [--analysis-articles N] [--analysis-rounds N] [--only-analysis] [--workers] [--workers-articles N] [--out FILE]\n`);
  process.exit(1);
});
