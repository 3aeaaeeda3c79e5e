import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import type { SqlClient, SqlParam, SqlRunner } from "./sql-client.js";

/**
 * PGlite, the embedded default. `dataDir` null: in memory, gone on close. PGlite takes no lock on its
 * directory, so callers must hold one (lock.ts) before calling this with a path: two opens corrupt it.
 */
export async function openPgliteClient(dataDir: string | null): Promise<SqlClient> {
  const location = `pglite:${dataDir ?? ":memory:"}`;
  let db: PGlite;
  try {
    db = await openDatabase(dataDir);
  } catch (cause) {
    throw new Error(`[triangulate] [store] cannot open the embedded database at ${location}: ${(cause as Error).message}`, { cause });
  }
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

/**
 * A new database runs PostgreSQL's initdb in wasm: 3–6 s of CPU on a small machine, most of a first
 * `triangulate analyze` and of every test that opens a store. Unpacking a blank database made once
 * (`npm run build` writes it to dist/, see writeBlankTemplate) takes about a quarter of that. Without
 * the template (a checkout never built, another PGlite version) a database is made the slow way.
 */
async function openDatabase(dataDir: string | null): Promise<PGlite> {
  const fresh = dataDir === null || !existsSync(join(dataDir, "PG_VERSION"));
  const [template, runtime] = await Promise.all([fresh ? readBlankTemplate() : null, pgliteRuntime()]);
  const open = (options: PGliteOptions) => ready(dataDir === null ? new PGlite({ ...runtime, ...options }) : new PGlite(dataDir, { ...runtime, ...options }));
  if (template) {
    try {
      return await open({ loadDataDir: template });
    } catch {
      // A damaged template: make the database the slow way, from an empty directory.
      if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
    }
  }
  return open({});
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

/** The blank database's file name carries PGlite's version: a template from another version is never used. */
export function blankTemplateName(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  for (let dir = dirname(entry), up = ""; up !== dir; up = dir, dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) return `pglite-${(JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version}-blank.tar.gz`;
  }
  return "pglite-unknown-blank.tar.gz";
}

/**
 * TRIANGULATE_PGLITE_TEMPLATE names the folder holding it (the test suite's global setup sets it when dist/
 * has none); otherwise it is looked for in dist/ from wherever this module runs: dist/src/store/ (build),
 * src/store/ (vitest) or the lock tests' compiled copy.
 */
export function findBlankTemplate(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  const name = blankTemplateName();
  const given = process.env.TRIANGULATE_PGLITE_TEMPLATE;
  if (given) return join(given, name);
  let dir = from;
  // Up to the checkout from dist/src/store/, src/store/, or a compiled copy under node_modules/.cache/x/store/.
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    for (const file of [join(dir, name), join(dir, "dist", name)]) if (existsSync(file)) return file;
  }
  return null;
}

let template: Promise<Blob | null> | null = null;

/** Read and unzipped once per process: a suite that opens many stores pays for gunzip once, not per store. */
function readBlankTemplate(): Promise<Blob | null> {
  template ??= (async () => {
    const file = findBlankTemplate();
    if (!file || !existsSync(file)) return null;
    return new Blob([gunzipSync(await readFile(file))], { type: "application/x-tar" });
  })().catch(() => null);
  return template;
}

/** Makes the blank database that new ones are unpacked from; `npm run build` calls this. Returns the file written. */
export async function writeBlankTemplate(dir: string): Promise<string> {
  const blank = new PGlite();
  try {
    await blank.waitReady;
    const dump = await blank.dumpDataDir("gzip");
    await mkdir(dir, { recursive: true });
    const file = join(dir, blankTemplateName());
    await writeFile(`${file}.tmp-${process.pid}`, Buffer.from(await dump.arrayBuffer()));
    await rename(`${file}.tmp-${process.pid}`, file);
    return file;
  } finally {
    await blank.close();
  }
}
