import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openStore } from "../../src/store/index.js";
import { redactDatabaseUrl } from "../../src/store/pg-client.js";
import type { Store } from "../../src/store/types.js";
import { testStore } from "./contract.js";
import { findPostgresBinDir, type PostgresServer } from "../../bench/throwaway-postgres.js";
import { sharedPostgres } from "../shared-postgres.js";

let server: PostgresServer | undefined;
let admin: pg.Pool | undefined;
let databases = 0;
const urlOf = new Map<Store, string>();

beforeAll(async () => {
  server = await sharedPostgres();
  admin = new pg.Pool({ connectionString: server.url, max: 1 });
}, 120_000);

afterAll(async () => {
  await admin?.end();
  await server?.stop();
});

/** A new, empty database on the test server: each test starts from nothing, as with PGlite. */
async function freshDatabaseUrl(): Promise<string> {
  if (!server || !admin) throw new Error("the test PostgreSQL server did not start (see the beforeAll error)");
  const name = `contract_${++databases}`;
  await admin.query(`CREATE DATABASE ${name}`);
  return server.urlFor(name);
}

async function openAt(url: string): Promise<Store> {
  const store = await openStore({ dataDir: join(tmpdir(), "triangulate-must-not-exist"), databaseUrl: url });
  urlOf.set(store, url);
  return store;
}

describe("PostgreSQL backend", { timeout: 60_000 }, () => {
  test("the server binaries are installed", () => {
    expect(findPostgresBinDir()).toMatch(/bin$/);
  });

  test("with DATABASE_URL the PGlite data directory is never created", async () => {
    const store = await openAt(await freshDatabaseUrl());
    expect(store.location).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/contract_\d+$/);
    expect(existsSync(join(tmpdir(), "triangulate-must-not-exist"))).toBe(false);
    await store.close();
  });

  test("two processes migrating one database at once take turns", async () => {
    const url = await freshDatabaseUrl();
    const stores = await Promise.all([openAt(url), openAt(url), openAt(url)]);
    expect((await stores[0]!.counts()).articles).toBe(0);
    await Promise.all(stores.map((s) => s.close()));
  });

  test("an unreachable server fails with a message naming it, without its password", async () => {
    await expect(openStore({ dataDir: ":memory:", databaseUrl: "postgres://me:secret@127.0.0.1:1/db" })).rejects.toThrow(
      /^\[triangulate\] \[store\] cannot connect to PostgreSQL at postgres:\/\/me@127\.0\.0\.1:1\/db: .*DATABASE_URL/,
    );
    expect(redactDatabaseUrl("postgres://me:secret@db.example:5432/news?password=x")).toBe("postgres://me@db.example:5432/news");
  });
});

testStore("PostgreSQL server", {
  open: async () => openAt(await freshDatabaseUrl()),
  reopen: async (store) => {
    await store.close();
    return openAt(urlOf.get(store)!);
  },
});
