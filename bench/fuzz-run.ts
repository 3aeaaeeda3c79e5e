/**
 * Runs hostile inputs through the three ways in: the pipeline in process (one input at a time, timed), the CLI
 * as a child process (batches, with --no-store and with a --data-dir store), and the HTTP API in process (the
 * Hono app over an in-memory PGlite, uploads through POST /api/files). Each run checks what issue 19 asks: no
 * crash, no input over 5 s, every input named (in an article, a failure or a skip), every good article kept.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readDocuments, processDocuments } from "../src/pipeline.js";
import { configFromEnv } from "../src/config.js";
import type { InputFailure, RawDocument } from "../src/records.js";
import { createApp } from "../src/serve/http/app.js";
import { openStore } from "../src/store/index.js";

/** Issue 19: an input that takes longer than this stalls everything queued behind it. */
export const HANG_MS = 5_000;

export interface InputOutcome {
  path: string;
  ms: number;
  /**
   * The process's CPU time over the input (user + system, GC threads included): what a hang is judged by, since on
   * shared cores at load 20 an input's wall time is many times its work.
   */
  cpuMs: number;
  crashed: string | null;
  /** Named in an article's source, a failure or a skip. */
  named: boolean;
  articles: number;
}

/** Each input alone through read → extract → analyze, as the CLI does, timed. */
export async function runInProcess(paths: readonly string[], onInput?: (outcome: InputOutcome) => void): Promise<InputOutcome[]> {
  const config = configFromEnv({});
  const out: InputOutcome[] = [];
  for (const path of paths) {
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const cpuMs = () => {
      const { user, system } = process.cpuUsage(cpuAtStart);
      return (user + system) / 1000;
    };
    try {
      const docs: (RawDocument | InputFailure)[] = [];
      for await (const doc of readDocuments([path], { maxInputBytes: config.maxInputBytes })) docs.push(doc);
      const processed = processDocuments(docs, { maxArticleChars: config.maxArticleChars });
      const sources = [...processed.bundles.map((b) => b.article.source), ...processed.failures.map((f) => f.source), ...processed.skipped.map((s) => s.source ?? "")];
      out.push({ path, ms: performance.now() - started, cpuMs: cpuMs(), crashed: null, named: sources.length > 0 && sources.every((s) => s.startsWith(path)), articles: processed.bundles.length });
    } catch (error) {
      out.push({ path, ms: performance.now() - started, cpuMs: cpuMs(), crashed: (error as Error).stack ?? String(error), named: false, articles: 0 });
    }
    onInput?.(out.at(-1)!);
  }
  return out;
}

export interface BatchOutcome {
  /** A non-zero exit other than 2 (some inputs failed), a stack trace, output that is not JSON, or an HTTP 5xx. */
  crashed: string | null;
  /** The request refused as a whole (HTTP 4xx), with its answer. */
  refused?: string;
  timedOut: boolean;
  ms: number;
  /** Peak resident memory of the child, in MB (null in process). */
  peakMb: number | null;
  named: string[];
  goodKept: number;
}

interface ReportLike {
  articles: { source: string }[];
  failures: { source: string }[];
  skipped: { source?: string }[];
}

/** Writes a preload that prints the process's peak RSS when it exits (Node reports it; no `time` binary needed). */
export function rssPreload(dir: string): string {
  const path = join(dir, "peak-rss.mjs");
  writeFileSync(path, 'process.on("exit", () => process.stderr.write(`\\n[peak-rss-kb] ${process.resourceUsage().maxRSS}\\n`));\n');
  return path;
}

/** One CLI run over hostile and good files: `analyze --json` with --no-store, or with a store in `dataDir`. */
export async function runCliBatch(cli: string, preload: string, hostile: readonly string[], good: readonly string[], dataDir: string | null): Promise<BatchOutcome> {
  const storeArgs = dataDir ? ["--data-dir", dataDir] : ["--no-store"];
  const args = ["--import", preload, cli, "analyze", "--json", ...storeArgs, ...hostile, ...good];
  const timeoutMs = HANG_MS * (hostile.length + good.length) + 60_000;
  const started = performance.now();
  const { code, stdout, stderr, timedOut } = await run(process.execPath, args, timeoutMs, { HOME: dataDir ?? process.env.HOME ?? "/tmp" });
  const ms = performance.now() - started;
  const peak = /\[peak-rss-kb\] (\d+)/.exec(stderr);
  const peakMb = peak ? Math.round(Number(peak[1]) / 1024) : null;
  let report: ReportLike | null = null;
  try {
    report = JSON.parse(stdout) as ReportLike;
  } catch {
    // judged below
  }
  const stack = /\n\s+at .+\(.+:\d+:\d+\)/.exec(stderr);
  const crashed = timedOut ? null : code !== 0 && code !== 2 ? `exit ${code}: ${stderr.slice(-400)}` : stack ? `stack trace: ${stack[0]}` : !report ? `output is not a JSON report: ${stderr.slice(-300)}` : null;
  const sources = report ? [...report.articles, ...report.failures, ...report.skipped].map((r) => r.source ?? "") : [];
  const named = hostile.filter((path) => sources.some((s) => s.startsWith(path)) || stderr.includes(path));
  const goodKept = good.filter((path) => report?.articles.some((a) => a.source === path)).length;
  return { crashed, timedOut, ms, peakMb, named, goodKept };
}

function run(command: string, args: string[], timeoutMs: number, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), timedOut });
    });
  });
}

interface JobLike {
  state: string;
  stored: number;
  failures: { source: string }[];
  skipped: { source?: string }[];
}

/** One upload of hostile and good files to POST /api/files on a fresh in-memory store, waiting for its job. */
export async function runApiBatch(files: readonly { name: string; bytes: Uint8Array }[], goodNames: readonly string[]): Promise<BatchOutcome> {
  const started = performance.now();
  const store = await openStore({ dataDir: ":memory:", databaseUrl: null });
  try {
    const app = createApp(store, { token: null, webRoot: "/nonexistent/triangulate-web/" });
    const form = new FormData();
    for (const file of files) form.append("file", new File([new Uint8Array(file.bytes)], file.name));
    const res = await app.request("/api/files", { method: "POST", body: form });
    if (res.status >= 500) return { crashed: `POST /api/files answered ${res.status}: ${(await res.text()).slice(0, 300)}`, timedOut: false, ms: performance.now() - started, peakMb: null, named: [], goodKept: 0 };
    if (res.status !== 202) return { crashed: null, refused: `${res.status} ${(await res.text()).slice(0, 200)}`, timedOut: false, ms: performance.now() - started, peakMb: null, named: [], goodKept: 0 };
    const { job } = (await res.json()) as { job: { id: string } };
    const deadline = Date.now() + HANG_MS * files.length + 60_000;
    let done: JobLike | null = null;
    while (Date.now() < deadline) {
      const poll = (await (await app.request(`/api/jobs/${job.id}`)).json()) as { job: JobLike };
      if (poll.job.state === "done" || poll.job.state === "failed") {
        done = poll.job;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - started;
    if (!done) return { crashed: null, timedOut: true, ms, peakMb: null, named: [], goodKept: 0 };
    const storedSources = (await store.loadBundles(undefined, { kinds: [] })).map((b) => b.article.source);
    const sources = [...done.failures.map((f) => f.source), ...done.skipped.map((s) => s.source ?? ""), ...storedSources];
    const hostileNames = files.map((f) => f.name).filter((n) => !goodNames.includes(n));
    return {
      crashed: done.state === "failed" ? "the job failed as a whole" : null,
      timedOut: false,
      ms,
      peakMb: null,
      named: hostileNames.filter((n) => sources.some((s) => s.startsWith(n))),
      goodKept: goodNames.filter((n) => storedSources.includes(n)).length,
    };
  } finally {
    await store.close();
  }
}
