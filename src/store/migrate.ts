import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlClient } from "./sql-client.js";

/** "001-init.sql" → version "001". Versions sort as strings, so keep them zero-padded to three digits. */
const MIGRATION_FILE = /^(\d{3})-[a-z0-9-]+\.sql$/;

/**
 * Any constant works; it only has to be the same in every triangulate process, so that two processes
 * migrating one PostgreSQL database at once take turns instead of racing on CREATE TABLE.
 */
const MIGRATION_LOCK_KEY = 7_470_322_010;

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

/**
 * The .sql files ship as source (package.json "files": "src/store/migrations") and are read at runtime,
 * so find them from wherever this module runs: src/store/ (vitest), dist/store/ (build), dist/src/store/
 * (tsc -p tsconfig.json), or a compiled copy elsewhere in the checkout. Walk up to a `src/store/migrations`.
 */
export function findMigrationsDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  const candidates = [join(from, "migrations")];
  for (let dir = from, up = ""; up !== dir; up = dir, dir = dirname(dir)) candidates.push(join(dir, "src", "store", "migrations"));
  const found = candidates.find((dir) => existsSync(join(dir, "001-init.sql")));
  if (found) return found;
  throw new Error(`[triangulate] [store] migrations not found: no 001-init.sql in ${candidates.slice(0, 3).join(", ")} or above. Is src/store/migrations missing from the install?`);
}

export async function readMigrations(dir: string = findMigrationsDir()): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => ({ version: name.slice(0, 3), name, sql: await readFile(join(dir, name), "utf8") })),
  );
}

/** Applies what is missing in one transaction (a failing file leaves nothing half-applied). Returns the versions applied. */
export async function migrate(client: SqlClient, migrations?: readonly Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  return client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = new Set((await tx.query<{ version: string }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    const known = new Set(all.map((m) => m.version));
    const newer = [...done].filter((v) => !known.has(v)).sort();
    if (newer.length > 0) {
      throw new Error(`[triangulate] [store] ${client.location} was migrated by a newer triangulate (migration ${newer.join(", ")} is unknown here): upgrade triangulate, or use another database.`);
    }
    const applied: string[] = [];
    for (const m of all.filter((m) => !done.has(m.version))) {
      try {
        await tx.exec(m.sql);
      } catch (cause) {
        throw new Error(`[triangulate] [store] migration ${m.name} failed on ${client.location}: ${(cause as Error).message}`, { cause });
      }
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
