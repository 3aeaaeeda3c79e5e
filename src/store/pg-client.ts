import type { SqlClient, SqlParam, SqlRunner } from "./sql-client.js";

/** Enough for a CLI run and a small server; PostgreSQL's own default allows 100. */
const POOL_SIZE = 4;

/** The URL without password or query string (which may carry one): safe to print. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${u.username}@` : "";
    return `${u.protocol}//${user}${u.host}${u.pathname}`;
  } catch {
    return "postgres:(unparsable DATABASE_URL)";
  }
}

/** What Pool and PoolClient have in common. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** node-postgres, loaded only here so that the embedded path never loads it. */
export async function openPgClient(databaseUrl: string): Promise<SqlClient> {
  const location = redactDatabaseUrl(databaseUrl);
  let pg: (typeof import("pg"))["default"];
  try {
    pg = (await import("pg")).default;
  } catch (cause) {
    throw new Error(`[triangulate] [store] DATABASE_URL is set but the "pg" package cannot be loaded: run \`npm install pg\`, or unset DATABASE_URL to use the embedded database.`, { cause });
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    await pool.query("SELECT 1");
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new Error(`[triangulate] [store] cannot connect to PostgreSQL at ${location}: ${(cause as Error).message}. Check DATABASE_URL, or unset it to use the embedded database.`, { cause });
  }
  const runner = (target: Queryable): SqlRunner => ({
    query: async <Row>(sql: string, params: readonly SqlParam[] = []) => {
      const result = await target.query(sql, [...params]);
      return { rows: result.rows as Row[] };
    },
    exec: async (sql: string) => {
      await target.query(sql);
    },
  });
  let ended = false;
  return {
    location,
    ...runner(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(runner(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exclusive(key, fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      if (ended) return;
      ended = true;
      await pool.end();
    },
  };
}
