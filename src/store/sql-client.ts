/**
 * The little the store needs from a SQL connection. Two adapters implement it: PGlite (embedded, default)
 * and node-postgres (DATABASE_URL), so sql-store.ts and the migrations run unchanged on both.
 */
export interface SqlRunner {
  /** One statement; `$1…` parameters are strings, numbers or null. Rows come back with json columns parsed. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<{ rows: Row[] }>;
  /** Several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

export type SqlParam = string | number | null;

export interface SqlClient extends SqlRunner {
  /** "pglite:/path" or "postgres://user@host:port/db" (never a password): for messages. */
  readonly location: string;
  /** BEGIN … COMMIT around `fn`, ROLLBACK when it throws. Use only `tx` inside `fn`. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding a lock named `key` that every process using this database respects (PostgreSQL: a
   * session advisory lock on a connection of its own, released if the process dies; PGlite: one process owns the
   * database, so an in-process queue). `fn` queries through this client as usual.
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
