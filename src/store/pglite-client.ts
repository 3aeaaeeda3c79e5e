import { existsSync } from "node:fs";
import { readdir, readFile, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { findMigrationsDir, migrate } from "./migrate.js";
import { extractTemplate, findTemplate, readTemplate, templateName, writeTemplates } from "./pglite-template.js";
import type { SqlClient, SqlParam, SqlRunner } from "./sql-client.js";

/**
 * PGlite, the embedded default. `dataDir` null: in memory, gone on close. PGlite takes no lock on its
 * directory, so callers must hold one (lock.ts) before calling this with a path: two opens corrupt it.
 */
export async function openPgliteClient(dataDir: string | null, options: PgliteOpenOptions = {}): Promise<SqlClient> {
  const location = `pglite:${dataDir ?? ":memory:"}`;
  let db: PGlite;
  try {
    db = await openDatabase(dataDir, options);
  } catch (cause) {
    throw new Error(`[triangulate] [store] cannot open the embedded database at ${location}: ${(cause as Error).message}`, { cause });
  }
  return clientOf(db, location);
}

function clientOf(db: PGlite, location: string): SqlClient {
  const runner = (target: Pick<PGlite, "query" | "exec">): SqlRunner => ({
    query: async <Row>(sql: string, params: readonly SqlParam[] = []) => {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows };
    },
    exec: async (sql: string) => {
      await target.exec(sql);
    },
  });
  let held: Promise<unknown> = Promise.resolve();
  return {
    location,
    ...runner(db),
    transaction: (fn) => db.transaction((tx) => fn(runner(tx))),
    exclusive: <T>(_key: string, fn: () => Promise<T>): Promise<T> => {
      const next = held.then(fn, fn);
      held = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}

/** `migrationsDir`: the store's migrations, so that a new database can start from the template they were applied to. */
export interface PgliteOpenOptions {
  migrationsDir?: string;
}

/**
 * A new database runs PostgreSQL's initdb in wasm: 3–6 s of CPU on a small machine, most of a first
 * `triangulate analyze` and of every test that opens a store. Unpacking a template made once (`npm run build`,
 * pglite-template.ts) costs a fraction of that: on disk its files are written directly and PGlite opens them as an
 * existing database; in memory PGlite loads them. Without a template (a checkout never built, another PGlite
 * version) a database is made the slow way.
 */
async function openDatabase(dataDir: string | null, options: PgliteOpenOptions): Promise<PGlite> {
  const fresh = dataDir === null || !existsSync(join(dataDir, "PG_VERSION"));
  const [template, runtime] = await Promise.all([fresh ? freshTemplate(options) : null, pgliteRuntime()]);
  const open = (given: PGliteOptions = {}) => {
    const options = { ...runtime, startParams: START_PARAMS, ...given };
    return ready(dataDir === null ? new PGlite(options) : new PGlite(dataDir, options));
  };
  if (template) {
    try {
      if (dataDir === null) return await open({ loadDataDir: blobOf(template) });
      await unpackInto(template, dataDir);
      return await open();
    } catch {
      // A damaged template: make the database the slow way, from an empty directory.
      if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
    }
  }
  return open();
}

/**
 * PostgreSQL's buffer cache, inside PGlite's wasm memory, which never shrinks. initdb's 128 MB filled as the store
 * grew, so RSS rose with every megabyte ingested up to 128 MB more (bench/memory-probe.ts: the wasm mapping 151 →
 * 187 MB resident over 5 MB of JSONL). On disk, pages past the cache are read from PGlite's files, which the
 * kernel's page cache keeps (not this process's memory). Calibration: 16 MB holds the indexes a save and a
 * rebuild walk for a store of tens of thousands of articles; a rebuild reads the articles once, in order.
 */
const SHARED_BUFFERS = "16MB";
const START_PARAMS = [...PGlite.defaultStartParams, "-c", `shared_buffers=${SHARED_BUFFERS}`];

/** One Blob per template and process: a suite that makes many stores in memory copies the 40 MB tar once. */
const blobs = new WeakMap<Buffer, Blob>();
function blobOf(template: Buffer<ArrayBuffer>): Blob {
  let blob = blobs.get(template);
  if (!blob) blobs.set(template, (blob = new Blob([template], { type: "application/x-tar" })));
  return blob;
}

async function freshTemplate({ migrationsDir }: PgliteOpenOptions): Promise<Buffer<ArrayBuffer> | null> {
  return (migrationsDir ? await readTemplate("schema", migrationsDir) : null) ?? (await readTemplate("blank"));
}

/** Unpacked beside the data directory, then renamed into place: a crash halfway leaves no half database. */
async function unpackInto(template: Buffer, dataDir: string): Promise<void> {
  const parent = dirname(dataDir);
  const partial = `${basename(dataDir)}.tmp-`;
  // The caller holds the directory's lock, so a leftover partial copy is a crashed process's: remove it.
  for (const name of await readdir(parent).catch(() => [] as string[])) if (name.startsWith(partial)) await rm(join(parent, name), { recursive: true, force: true });
  const staging = join(parent, `${partial}${process.pid}`);
  try {
    extractTemplate(template, staging);
    await rm(dataDir, { recursive: true, force: true });
    await rename(staging, dataDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

let runtime: Promise<Pick<PGliteOptions, "pgliteWasmModule" | "fsBundle">> | null = null;

/**
 * PGlite's wasm module and file bundle, read and compiled once per process: a process that opens several
 * databases (the test suite, a server's tests) saves about a quarter of each later open. Where the files are
 * not found (another PGlite layout), PGlite loads its own.
 */
function pgliteRuntime(): Promise<Pick<PGliteOptions, "pgliteWasmModule" | "fsBundle">> {
  runtime ??= (async () => {
    const dist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const [wasm, bundle] = await Promise.all([readFile(join(dist, "pglite.wasm")), readFile(join(dist, "pglite.data"))]);
    return { pgliteWasmModule: await WebAssembly.compile(wasm), fsBundle: new Blob([bundle]) };
  })().catch(() => ({}));
  return runtime;
}

async function ready(db: PGlite): Promise<PGlite> {
  await db.waitReady;
  return db;
}

/** The blank template's file name (pglite-template.ts). */
export const blankTemplateName = (): string => templateName("blank");

/** The blank template's path when both templates are found (blank and this checkout's schema), else null. */
export function findBlankTemplate(from?: string): string | null {
  return findTemplate("schema", findMigrationsDir(), from) ? findTemplate("blank", undefined, from) : null;
}

/** Makes the templates new databases are unpacked from (`npm run build` calls this); returns the files written. */
export async function writeBlankTemplate(dir: string): Promise<string[]> {
  return writeTemplates(dir, findMigrationsDir(), async (db) => {
    await migrate(clientOf(db, "pglite:template"));
  });
}
