/**
 * Ingest and analyse N articles three ways in one run (issue 8): the embedded default (PGlite, one process), and
 * PostgreSQL with 1 and with 2 `triangulate worker` processes; seconds, articles/s, peak RSS and the ratios.
 *
 *   node dist/bench/workers.js [--articles N]     (default 100,000; data: $TRIANGULATE_DATA, else ../shared/data)
 *   npm run bench -- --workers [--workers-articles N]
 *
 * Articles: the 982 ECB+ documents and the AllSides excerpts (~1,500 texts) in that order, reused round-robin up to
 * N as cluster-scaling.ts does: copy k of a text gets its own id (`<id>~k`, given as the record's id hint, so
 * the store sees N distinct articles), from copy 1 on 10% of its words edited by a seeded generator
 * (eval/near-duplicates.ts's editWords), and a publication date drawn uniformly over ten years (copy 0 too;
 * AllSides links' own dates are replaced), so the copies of one event are mostly too far apart to be one story.
 * Each is a plain-text record (format "text", hints id/title/outlet/publishedAt) that goes through
 * extractArticle and every analyzer, like a .jsonl input. Documents are generated as they are consumed, never
 * held all at once.
 *
 * Each configuration is timed end to end, from opening the store or queue to the final story rebuild done:
 * 1. embedded: a child process opens PGlite in a temp --data-dir and, per 100 documents, runs processDocuments
 *    and store.saveBundles (what storeAndRebuild stores), then rebuildStories once over everything at the end:
 *    `triangulate ingest` on one big input stores once and rebuilds once; batches keep its memory bounded.
 *    Peak RSS: the child's resourceUsage().maxRSS.
 * 2. PostgreSQL, 1 worker: a fresh throwaway server (startPostgres); the documents queued from this process
 *    (openQueue + enqueueDocuments, 100 per job, as `triangulate ingest --queue --batch-size 100`), then one
 *    `triangulate worker --exit-when-idle` child (DATABASE_URL) until it exits: no job waiting or running,
 *    the last rebuild included. Workers ask for a rebuild after every batch; the "stately" rebuild queue keeps
 *    at most one waiting, so the rebuilds run back to back while batches keep coming. Peak RSS: the largest
 *    VmHWM of the worker processes, sampled from /proc every 200 ms (VmHWM only grows, so the last sample before
 *    exit is within 200 ms of the true peak). PostgreSQL's own memory is not counted.
 * 3. PostgreSQL, 2 workers: another fresh server, the same queue, two worker children.
 * After each PostgreSQL run the stories must cover every stored article (story_articles rows = distinct
 * articles in them = articles rows); after the embedded run, the same through listStories. A run that falls
 * short fails the bench loudly.
 */
import { spawn, execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadAllSides, loadEcbPlus } from "../eval/clustering-data.js";
import { editWords, seededRandom } from "../eval/near-duplicates.js";
import { configFromEnv } from "../src/config.js";
import { processDocuments, rebuildStories } from "../src/pipeline.js";
import type { RawDocument } from "../src/records.js";
import { startPostgres } from "./throwaway-postgres.js";

const BATCH_SIZE = 100;
const WORD_EDIT_RATE = 0.1;
const DATE_SPAN_DAYS = 3650;
const FIRST_DAY = Date.parse("2015-01-01");
const RSS_SAMPLE_MS = 200;

export interface WorkersRow {
  config: string;
  documents: number;
  /** Articles rows at the end (documents minus those extraction skipped). */
  stored: number;
  /** Articles in some story at the end. */
  inStories: number;
  seconds: number;
  /** PostgreSQL runs: the part of `seconds` spent queueing. */
  queueSeconds: number | null;
  peakRssMb: number;
  /** Ingest jobs done and story rebuilds run (embedded: batches and 1). */
  batches: number;
  rebuilds: number;
}

interface Text { id: string; source: string; title: string; text: string; outlet: string | null }

async function loadTexts(dataDir: string): Promise<Text[]> {
  const all = [...(await loadEcbPlus(dataDir)), ...(await loadAllSides(dataDir))];
  return all.map(({ article: a }) => ({ id: a.id, source: a.source, title: a.title, text: a.text, outlet: a.outlet }));
}

/** N distinct documents from the texts, made as they are read (see the top of the file). */
export function* benchDocuments(texts: readonly Text[], n: number): Generator<RawDocument> {
  const random = seededRandom(800);
  const vocabulary = texts.flatMap((t) => t.text.split(/\s+/).slice(0, 50)).filter((w) => /^\p{L}+$/u.test(w));
  const fetchedAt = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const t = texts[i % texts.length]!;
    const copy = Math.floor(i / texts.length);
    const day = new Date(FIRST_DAY + Math.floor(random() * DATE_SPAN_DAYS) * 86_400_000).toISOString().slice(0, 10);
    yield {
      source: `${t.source}~${copy}`, format: "text", fetchedAt,
      body: copy === 0 ? t.text : editWords(t.text, WORD_EDIT_RATE, random, vocabulary),
      hints: { id: `${t.id}~${copy}`, title: t.title, publishedAt: day, ...(t.outlet ? { outlet: t.outlet } : {}) },
    };
  }
}

/** Configuration 1, in this (child) process. */
async function runEmbedded(dataDir: string, n: number): Promise<WorkersRow> {
  const texts = await loadTexts(dataDir);
  const dir = await mkdtemp(join(tmpdir(), "triangulate-bench-embedded-"));
  const { openStore } = await import("../src/store/index.js");
  const { maxArticleChars } = configFromEnv();
  try {
    const t0 = performance.now();
    const store = await openStore({ dataDir: dir, databaseUrl: null });
    let batch: RawDocument[] = [];
    let batches = 0;
    const flush = async () => {
      await store.saveBundles(processDocuments(batch, { maxArticleChars }).bundles);
      batch = [];
      batches++;
    };
    for (const doc of benchDocuments(texts, n)) if (batch.push(doc) >= BATCH_SIZE) await flush();
    if (batch.length) await flush();
    await rebuildStories(store, { failures: [], skipped: [], reportOn: new Set() }); // as `triangulate ingest` and the workers do
    const seconds = (performance.now() - t0) / 1000;
    const stored = (await store.counts()).articles;
    const inStories = new Set((await store.listStories()).flatMap((s) => s.articleIds)).size;
    await store.close();
    return { config: "embedded (PGlite, 1 process)", documents: n, stored, inStories, seconds, queueSeconds: null, peakRssMb: process.resourceUsage().maxRSS / 1024, batches, rebuilds: 1 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface WorkerRun { code: number | null; batches: number; rebuilds: number; errors: string[]; lastLineAt: number }

/** No job done by any worker this long: they are stuck (a batch takes seconds, a rebuild of 100k ~6 min). */
const STALL_SECONDS = 600;

function spawnWorker(databaseUrl: string): { pid: number; kill: () => void; run: WorkerRun; done: Promise<WorkerRun> } {
  const cli = fileURLToPath(new URL("../src/serve/cli/main.js", import.meta.url));
  const child = spawn(process.execPath, [cli, "worker", "--exit-when-idle"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
  const run: WorkerRun = { code: null, batches: 0, rebuilds: 0, errors: [], lastLineAt: performance.now() };
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    const lines = out.split("\n");
    out = lines.pop()!;
    run.lastLineAt = performance.now();
    for (const line of lines) {
      if (line.includes("triangulate-ingest:done")) run.batches++;
      if (line.includes("triangulate-rebuild:done")) run.rebuilds++;
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => run.errors.push(...chunk.split("\n").filter(Boolean)));
  const done = new Promise<WorkerRun>((resolveRun, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolveRun({ ...run, code }));
  });
  return { pid: child.pid!, kill: () => child.kill("SIGKILL"), run, done };
}

/** VmHWM (peak resident set) of a live process in MB, or 0 once it is gone. */
function peakRssOf(pid: number): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Configurations 2 and 3: a fresh PostgreSQL server, the documents queued, then `workers` worker processes. */
async function runWorkers(dataDir: string, n: number, workers: number): Promise<WorkersRow> {
  const texts = await loadTexts(dataDir);
  const server = await startPostgres();
  try {
    const { openQueue, enqueueDocuments } = await import("../src/serve/queue/ingest-queue.js");
    const t0 = performance.now();
    const boss = await openQueue({ databaseUrl: server.url });
    const jobs = await enqueueDocuments(boss, benchDocuments(texts, n), BATCH_SIZE);
    await boss.stop({ graceful: false, close: true });
    const queueSeconds = (performance.now() - t0) / 1000;
    process.stderr.write(`bench: ${workers} worker(s): ${n} documents queued in ${jobs.length} jobs (${queueSeconds.toFixed(1)} s)…\n`);
    const children = Array.from({ length: workers }, () => spawnWorker(server.url));
    const peaks = children.map(() => 0);
    let stalled = false;
    const sampler = setInterval(() => {
      children.forEach((c, k) => (peaks[k] = Math.max(peaks[k]!, peakRssOf(c.pid))));
      if (performance.now() - Math.max(...children.map((c) => c.run.lastLineAt)) > STALL_SECONDS * 1000) {
        stalled = true;
        children.forEach((c) => c.kill());
      }
    }, RSS_SAMPLE_MS);
    const runs = await Promise.all(children.map((c) => c.done));
    clearInterval(sampler);
    if (stalled) throw new Error(`[triangulate] [bench] ${workers} worker(s) did no job for ${STALL_SECONDS} s; killed. Their stderr:\n${runs.flatMap((r) => r.errors).slice(-20).join("\n")}`);
    const seconds = (performance.now() - t0) / 1000;
    const failed = runs.filter((r) => r.code !== 0);
    if (failed.length) throw new Error(`[triangulate] [bench] ${failed.length} worker(s) exited with ${failed.map((r) => r.code).join(", ")}:\n${failed.flatMap((r) => r.errors).slice(-20).join("\n")}`);
    const errors = runs.flatMap((r) => r.errors);
    if (errors.length) process.stderr.write(`bench: worker stderr (${errors.length} lines):\n${errors.slice(0, 20).join("\n")}\n`);
    const { openPgClient } = await import("../src/store/pg-client.js");
    const db = await openPgClient(server.url);
    const { rows } = await db.query<{ stored: number; links: number; linked: number }>(
      "SELECT (SELECT count(*)::int FROM articles) AS stored, (SELECT count(*)::int FROM story_articles) AS links, (SELECT count(DISTINCT article_id)::int FROM story_articles) AS linked");
    await db.close();
    const { stored, links, linked } = rows[0]!;
    if (links !== linked) throw new Error(`[triangulate] [bench] ${workers} worker(s): ${links} story_articles rows for ${linked} articles: an article is in two stories`);
    return {
      config: `PostgreSQL, ${workers} worker${workers > 1 ? "s" : ""}`, documents: n, stored, inStories: linked, seconds, queueSeconds,
      peakRssMb: Math.max(...peaks), batches: runs.reduce((s, r) => s + r.batches, 0), rebuilds: runs.reduce((s, r) => s + r.rebuilds, 0),
    };
  } finally {
    await server.stop();
  }
}

/** Configuration 1 in a child process, so its peak RSS is its own. */
async function embeddedInChild(n: number): Promise<WorkersRow> {
  process.stderr.write(`bench: embedded, ${n} documents…\n`);
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, [self, "--one-embedded", "--articles", String(n)], { maxBuffer: 16 * 1024 * 1024, env: process.env });
  return JSON.parse(stdout) as WorkersRow;
}

export async function benchWorkers(n: number): Promise<{ rows: WorkersRow[]; table: string }> {
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  const rows: WorkersRow[] = [];
  for (const run of [() => embeddedInChild(n), () => runWorkers(dataDir, n, 1), () => runWorkers(dataDir, n, 2)]) {
    rows.push(await run());
    process.stderr.write(`bench: ${JSON.stringify(rows.at(-1))}\n`);
  }
  const short = rows.filter((r) => r.inStories !== r.stored);
  if (short.length) throw new Error(`[triangulate] [bench] the final stories miss articles: ${short.map((r) => `${r.config}: ${r.inStories} of ${r.stored} in stories`).join("; ")}`);
  if (new Set(rows.map((r) => r.stored)).size > 1) throw new Error(`[triangulate] [bench] the configurations stored different numbers of articles: ${rows.map((r) => r.stored).join(", ")}`);
  return { rows, table: formatWorkers(rows) };
}

export function formatWorkers(rows: readonly WorkersRow[]): string {
  const [embedded, one, two] = rows as [WorkersRow, WorkersRow, WorkersRow];
  const rate = (r: WorkersRow) => r.documents / r.seconds;
  const f = (x: number, d = 1) => x.toFixed(d);
  return [
    `${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}; ${embedded.documents} documents → ${embedded.stored} articles, batches of ${BATCH_SIZE}`,
    "",
    "| configuration | seconds | of which queueing | articles/s (documents ÷ s) | peak RSS MB (max over workers) | batches | story rebuilds | articles in stories |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.config} | ${f(r.seconds)} | ${r.queueSeconds === null ? "–" : f(r.queueSeconds)} | ${f(rate(r))} | ${f(r.peakRssMb, 0)} | ${r.batches} | ${r.rebuilds} | ${r.inStories} / ${r.stored} |`),
    "",
    `2 workers ÷ 1 worker: ${f(rate(two) / rate(one), 2)}× the articles/s, ${f(two.peakRssMb / one.peakRssMb, 2)}× the peak RSS per worker`,
    `PostgreSQL 1 worker ÷ embedded: ${f(rate(one) / rate(embedded), 2)}× the articles/s, ${f(one.peakRssMb / embedded.peakRssMb, 2)}× the peak RSS`,
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const n = argv.includes("--articles") ? Number(argv[argv.indexOf("--articles") + 1]) : 100_000;
  if (!Number.isInteger(n) || n < 1) throw new Error("[triangulate] [bench] --articles wants a positive integer");
  if (argv.includes("--one-embedded")) console.log(JSON.stringify(await runEmbedded(resolve(process.env.TRIANGULATE_DATA ?? "../shared/data"), n)));
  else {
    console.log((await benchWorkers(n)).table);
  }
}
