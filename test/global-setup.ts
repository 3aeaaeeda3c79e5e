/**
 * Once per `vitest run`, in the main process, before any test file:
 * - one temporary folder for the run (triangulate-test-run-*), made the workers' TMPDIR: every folder a test
 *   makes with tmpdir() lands inside it, and teardown removes it whole, also after a failed or timed-out test;
 * - one throwaway PostgreSQL server for every test file that needs one (test/shared-postgres.ts), started only
 *   when such a file is in the run; each file takes databases of its own on it;
 * - the PGlite databases (blank, and with the schema) to unpack new stores from, when dist/ has none
 *   (src/store/pglite-template.ts).
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type PostgresServer, startPostgres } from "../bench/throwaway-postgres.js";
import { findBlankTemplate, writeBlankTemplate } from "../src/store/pglite-client.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** postgres://…/postgres on the run's shared server, or "" when no file of this run needs one. */
    postgresUrl: string;
  }
}

/** Test files that take a database on the shared server (substring match, as vitest's own filters). */
const NEEDS_POSTGRES = ["test/store/postgres.test.ts", "test/cli/postgres.test.ts", "test/cli/workers.test.ts", "test/store/save-isolation.test.ts", "src/serve/queue/ingest-queue.test.ts"];

let runDir = "";
let server: PostgresServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  await sweepStaleRuns();
  runDir = await mkdtemp(join(tmpdir(), RUN_PREFIX));
  // PostgreSQL runs as its own user when the tests run as root: it must be able to reach its folder inside.
  await chmod(runDir, 0o711);
  await writeFile(join(runDir, OWNER_FILE), String(process.pid));
  process.env.TMPDIR = runDir;

  const filters = fileFilters();
  const needsPostgres = !filters.length || NEEDS_POSTGRES.some((file) => filters.some((f) => file.includes(f)));
  server = needsPostgres ? await startPostgres() : null;
  project.provide("postgresUrl", server?.url ?? "");
  if (!findBlankTemplate()) {
    process.env.TRIANGULATE_PGLITE_TEMPLATE = join(runDir, "pglite-template");
    await writeBlankTemplate(process.env.TRIANGULATE_PGLITE_TEMPLATE);
  }
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (runDir) await rm(runDir, { recursive: true, force: true, maxRetries: 3 });
}

const RUN_PREFIX = "triangulate-test-run-";
const OWNER_FILE = "vitest.pid";

/**
 * A folder without an owner file older than this is a run killed between making its folder and writing the file
 * (or one from before owner files): nothing live has it, since a run writes the file at once.
 */
const OWNERLESS_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * A run killed before its teardown (Ctrl-C twice, a CI timeout) leaves its folder, and maybe its PostgreSQL
 * server: the next run removes both when the process that made them is gone (or, with no owner file, after a day).
 */
async function sweepStaleRuns(): Promise<void> {
  const root = tmpdir();
  for (const name of (await readdir(root)).filter((n) => n.startsWith(RUN_PREFIX))) {
    const dir = join(root, name);
    const owner = Number(await readFile(join(dir, OWNER_FILE), "utf8").catch(() => "NaN"));
    if (Number.isInteger(owner) ? isAlive(owner) : !(await olderThan(dir, OWNERLESS_AGE_MS))) continue;
    for (const entry of await readdir(dir).catch(() => [] as string[])) {
      const postmaster = Number((await readFile(join(dir, entry, "data", "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
      if (Number.isInteger(postmaster) && postmaster > 0 && isAlive(postmaster)) process.kill(postmaster, "SIGQUIT");
    }
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function olderThan(dir: string, ms: number): Promise<boolean> {
  const modified = await stat(dir).then((s) => s.mtimeMs, () => Date.now());
  return Date.now() - modified > ms;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The file filters given on the command line (`vitest run test/cli …`): the arguments that are not options. */
function fileFilters(): string[] {
  const args = process.argv.slice(2).filter((a) => a !== "run");
  const filters: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("-")) {
      if (!arg.includes("=") && VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    filters.push(arg.replace(/^\.\//, ""));
  }
  return filters;
}

/** vitest options that take a value as the next argument (so it is not read as a file filter). */
const VALUE_OPTIONS = new Set(["--reporter", "--outputFile", "-t", "--testNamePattern", "--project", "--root", "-r", "--dir", "--config", "-c", "--maxWorkers", "--pool", "--shard", "--testTimeout", "--hookTimeout", "--exclude", "--environment", "--mode", "--sequence.seed", "--retry", "--bail"]);
