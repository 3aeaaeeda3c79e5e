/**
 * Runs the CLI as a user would, in a throwaway HOME so nothing touches the real data folder: in this process
 * by default (src/serve/cli/run-cli.ts, the code the binary runs, with its output, exit code and environment
 * captured), or as the built binary (dist/, `npm test` builds it) when `child` is set, a standard input is given,
 * or the command is `worker` (it ends its process). In process, a file loads the stages once instead of once
 * per command: the CLI tests' cost was mostly process start-up. A few tests per file keep the real binary.
 *
 * Every folder made by tempDir() is removed after the file's tests, and a child still running when its test
 * ends (a timeout) is killed, whatever the outcome (the hooks below register on the importing file).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { runCli as runCliInProcess } from "../../src/serve/cli/run-cli.js";

export const CLI = new URL("../../dist/src/serve/cli/main.js", import.meta.url).pathname;
export const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string;
  home?: string;
  env?: Record<string, string>;
  /** Run the built binary in a child process (the end-to-end check), not in this process. */
  child?: boolean;
}

const made: string[] = [];
const running = new Set<ChildProcess>();

export const tempDir = (prefix = "triangulate-test-") => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

// The stages and their models load once per file, here, not inside the first test's time limit: loading them
// (and vite transforming them) is a large share of a CLI test on a busy machine, and no test's subject.
beforeAll(async () => {
  const { processDocuments } = await import("../../src/pipeline.js");
  const text = readFileSync(`${EXAMPLES}001_33169ef43ff5a28d.txt`, "utf8");
  processDocuments([{ source: "warm-up", format: "text", body: text, hints: {}, fetchedAt: new Date(0).toISOString() }], { maxArticleChars: 300_000 });
}, 180_000);

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
});
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const home = options.home ?? tempDir();
  const env = { HOME: home, XDG_DATA_HOME: join(home, ".local", "share"), ...options.env };
  return options.child || options.input !== undefined || args[0] === "worker" ? runChild(args, env, options.input) : inProcess(args, env);
}

/** Spawns the binary with only PATH and `env`, as a clean shell would. */
export function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["pipe", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

function runChild(args: string[], env: Record<string, string>, input: string | undefined): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin!.end(input ?? "");
  });
}

/** One in-process run at a time: each takes over process.env, stdout, stderr and exitCode while it runs. */
let queue: Promise<unknown> = Promise.resolve();

function inProcess(args: string[], env: Record<string, string>): Promise<CliResult> {
  const run = queue.then(() => captured(args, env));
  queue = run.catch(() => undefined);
  return run;
}

/** Variables a user's shell may set that would change what the CLI does: cleared unless the test gives them. */
const CLEARED = ["DATABASE_URL", "TRIANGULATE_TOKEN", "XDG_DATA_HOME", "CI", "NO_COLOR", "FORCE_COLOR"];
const SIGNALS = ["SIGINT", "SIGTERM", "beforeExit"] as const;

async function captured(args: string[], env: Record<string, string>): Promise<CliResult> {
  const saved = { env: process.env, stdout: process.stdout.write, stderr: process.stderr.write, exitCode: process.exitCode };
  const listenersOf = (event: (typeof SIGNALS)[number]) => process.listeners(event as "SIGINT") as unknown[];
  const listeners = new Map(SIGNALS.map((s) => [s, new Set(listenersOf(s))]));
  let stdout = "";
  let stderr = "";
  const capture = (append: (text: string) => void) =>
    ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), done?: (err?: Error | null) => void) => {
      append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const callback = typeof encoding === "function" ? encoding : done;
      if (callback) queueMicrotask(() => callback(null));
      return true;
    }) as typeof process.stdout.write;
  const base = { ...saved.env };
  for (const name of CLEARED) delete base[name];
  process.env = { ...base, ...env };
  process.exitCode = undefined;
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  try {
    await runCliInProcess(args);
    return { code: typeof process.exitCode === "number" ? process.exitCode : Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    process.env = saved.env;
    process.exitCode = saved.exitCode;
    // closeOnExit's Ctrl-C handlers belong to a CLI process, not to the test worker.
    for (const signal of SIGNALS) for (const l of listenersOf(signal)) if (!listeners.get(signal)!.has(l)) process.off(signal, l as () => void);
  }
}
