import { PGlite } from "@electric-sql/pglite";
import type { SqlClient, SqlParam, SqlRunner } from "./sql-client.js";

/**
 * PGlite, the embedded default. `dataDir` null: in memory, gone on close. PGlite takes no lock on its
 * directory, so callers must hold one (lock.ts) before calling this with a path: two opens corrupt it.
 */
export async function openPgliteClient(dataDir: string | null): Promise<SqlClient> {
  const location = `pglite:${dataDir ?? ":memory:"}`;
  const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
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
  return {
    location,
    ...runner(db),
    transaction: (fn) => db.transaction((tx) => fn(runner(tx))),
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}
