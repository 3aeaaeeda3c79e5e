import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DataDirLock } from "./lock.js";
import { findMigrationsDir, migrate } from "./migrate.js";
import type { SqlClient } from "./sql-client.js";
import { createSqlStore } from "./sql-store.js";
import type { Store, StoreOptions } from "./types.js";

export type { SaveOutcome, Store, StoredStory, StoreOptions } from "./types.js";

/** Inside the data directory: PGlite's own files, beside the `lock` directory (lock.ts). */
export const PGLITE_DIR = "pgdata";

/**
 * DATABASE_URL set: PostgreSQL through node-postgres. Otherwise PGlite in `dataDir` (created if missing,
 * locked against a second process, migrated), or in memory for ":memory:". Call only when storing: PGlite,
 * pg and the lock library load here, on first use, not when this module is imported. Close the store when
 * done (a process with PGlite open does not exit by itself); `closeOnExit` covers Ctrl-C and kill.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  return (await reserveStore(options)).open();
}

/** A data directory locked for this process, its database opening (or open) in the background. */
export interface ReservedStore {
  /** The store, once open; an error opening it is thrown here. The same store on every call. */
  open(): Promise<Store>;
  /** Closes the store if it opened, and releases the lock in any case. Idempotent. */
  release(): Promise<void>;
}

/**
 * Takes the data directory's lock now, so a writer on a busy directory is refused before it reads or analyses
 * anything, and opens the database in the background while the caller works (PGlite takes seconds to start).
 * DATABASE_URL: connected and migrated now (a wrong URL is reported before the work, and takes well under a second).
 * ":memory:": nothing to lock or to refuse; made on the first `open()`.
 */
export async function reserveStore(options: StoreOptions): Promise<ReservedStore> {
  if (options.databaseUrl) {
    const store = await migrated(await (await import("./pg-client.js")).openPgClient(options.databaseUrl));
    return { open: async () => store, release: () => store.close() };
  }
  if (options.dataDir === ":memory:") {
    let opening: Promise<Store> | null = null;
    const open = async () => migrated(await (await import("./pglite-client.js")).openPgliteClient(null, { migrationsDir: findMigrationsDir() }));
    return {
      open: () => (opening ??= open()),
      release: async () => {
        if (opening) await (await opening.catch(() => null))?.close();
      },
    };
  }
  const dir = resolve(options.dataDir);
  await mkdir(dir, { recursive: true }).catch((cause: Error) => {
    throw new Error(`[triangulate] [store] cannot create the data directory ${dir}: ${cause.message}. Use --data-dir to pick another directory.`, { cause });
  });
  const { lockDataDir } = await import("./lock.js");
  const lock = await lockDataDir(dir);
  const opening = (async () => {
    try {
      const { openPgliteClient } = await import("./pglite-client.js");
      const client = guarded(await openPgliteClient(join(dir, PGLITE_DIR), { migrationsDir: findMigrationsDir() }), lock, `pglite:${dir}`);
      return await migrated(client, () => lock.release());
    } catch (error) {
      await lock.release();
      throw error;
    }
  })();
  // Reported when the caller asks for the store; until then, not an unhandled rejection.
  opening.catch(() => {});
  return {
    open: () => opening,
    release: async () => {
      await (await opening.catch(() => null))?.close();
      await lock.release();
    },
  };
}

async function migrated(client: SqlClient, onClose?: () => Promise<void>): Promise<Store> {
  try {
    await migrate(client);
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
  return createSqlStore(client, onClose);
}

/** Refuses queries once the directory lock is lost: another process may own the files by then. */
function guarded(client: SqlClient, lock: DataDirLock, location: string): SqlClient {
  const check = () => {
    if (lock.compromised) {
      throw new Error(`[triangulate] [store] ${location}: this process lost its lock on the data directory (${lock.compromised.message}); refusing to touch the database. Restart this process.`);
    }
  };
  return {
    location,
    query: (sql, params) => (check(), client.query(sql, params)),
    exec: (sql) => (check(), client.exec(sql)),
    transaction: (fn) => (check(), client.transaction(fn)),
    exclusive: (key, fn) => (check(), client.exclusive(key, fn)),
    close: () => client.close(),
  };
}

/** 128 + the signal's number, as shells report a process ended by it. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** A close that hangs must not keep a stopped process alive: exit anyway after this. */
const CLOSE_TIMEOUT_MS = 10_000;

const toClose = new Set<Store>();
let installed = false;
let stopping = false;

/**
 * Closes `store` on SIGINT/SIGTERM (then exits 130/143) and when the event loop drains. Handlers are
 * installed once per process, however many stores are registered. A second Ctrl-C exits at once.
 */
export function closeOnExit(store: Store): void {
  toClose.add(store);
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      if (stopping) process.exit(code);
      stopping = true;
      setTimeout(() => process.exit(code), CLOSE_TIMEOUT_MS);
      void closeAll().finally(() => process.exit(code));
    });
  }
  process.on("beforeExit", () => {
    if (toClose.size > 0) void closeAll();
  });
}

async function closeAll(): Promise<void> {
  const stores = [...toClose];
  toClose.clear();
  await Promise.allSettled(stores.map((store) => store.close()));
}
