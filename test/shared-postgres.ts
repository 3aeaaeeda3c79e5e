/**
 * A PostgreSQL database for a test file: a new database on the run's one shared server (test/global-setup.ts
 * starts it once: a server start is seconds of CPU per file otherwise), or, when the run has none (a filter the
 * setup did not recognise), a throwaway server of this file's own. Call in beforeAll; `stop` in afterAll.
 */
import pg from "pg";
import { inject } from "vitest";
import { type PostgresServer, startPostgres } from "../bench/throwaway-postgres.js";

let made = 0;

export async function sharedPostgres(): Promise<PostgresServer> {
  const shared = inject("postgresUrl");
  if (!shared) return startPostgres();
  const base = new URL(shared);
  const urlFor = (database: string) => Object.assign(new URL(base), { pathname: `/${database}` }).href;
  const name = `t${process.pid}_${++made}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(name),
    urlFor,
    // The server is the run's: global teardown stops it and removes its folder.
    stop: async () => {},
  };
}
