import { PGlite } from "@electric-sql/pglite";
import type { SqlClient, SqlParam, SqlRunner } from "./sql-client.js";

/**
 * PGlite, the embedded default. `dataDir` null: in memory, gone on close. PGlite takes no lock on its
 * directory, so callers must hold one (lock.ts) before calling this with a path: two opens corrupt it.
 */
export async function openPgliteClient(dataDir: string | null): Promise<SqlClient> {
  const location = `pglite:${dataDir ?? ":memory:"}`;
  const db = dataDir !== null ? new PGlite(dataDir) : await newMemoryDatabase();
  try {
    await db.waitReady;
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
 * A new in-memory database runs initdb in wasm (2–6 s here); loading a dump of a blank one takes about a
 * quarter of that. Worth it only for processes that open many (test suites): the first open pays nothing
 * extra, the second makes the ~40 MB dump and keeps it, later ones load it.
 */
let memoryOpens = 0;
let blankDump: Promise<Blob | File> | null = null;

async function newMemoryDatabase(): Promise<PGlite> {
  if (++memoryOpens === 2) {
    blankDump = (async () => {
      const blank = new PGlite();
      try {
        await blank.waitReady;
        return await blank.dumpDataDir("none");
      } finally {
        await blank.close();
      }
    })();
    blankDump.catch(() => (blankDump = null));
  }
  const dump = blankDump && (await blankDump.catch(() => null));
  return dump ? new PGlite({ loadDataDir: dump }) : new PGlite();
}
