import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findMigrationsDir, migrate, readMigrations } from "../../src/store/migrate.js";
import { openPgliteClient } from "../../src/store/pglite-client.js";
import type { SqlClient } from "../../src/store/sql-client.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const migrations = join(repo, "src", "store", "migrations");

describe("migrations", { timeout: 60_000 }, () => {
  test.each([
    ["vitest, from the sources", join(repo, "src", "store")],
    ["npm run build (tsconfig.build.json)", join(repo, "dist", "store")],
    ["tsc -p tsconfig.json", join(repo, "dist", "src", "store")],
    ["an install under node_modules", join(repo, "node_modules", ".cache", "x", "store")],
  ])("are found when running from %s", (_, from) => {
    expect(findMigrationsDir(from)).toBe(migrations);
  });

  test("a missing directory is an error naming where it looked", () => {
    expect(() => findMigrationsDir("/nonexistent/dist/store")).toThrow(/\[triangulate\] \[store\] migrations not found: no 001-init.sql in \/nonexistent\/dist\/store\/migrations/);
  });

  test("files are numbered and read in order", async () => {
    const all = await readMigrations();
    expect(all.map((m) => m.version)).toEqual([...all.map((m) => m.version)].sort());
    expect(all[0]).toMatchObject({ version: "001", name: "001-init.sql" });
  });

  describe("on a database", () => {
    let client: SqlClient;
    beforeAll(async () => {
      client = await openPgliteClient(null);
    }, 60_000);
    afterAll(() => client?.close());

    test("a store made before a migration existed gets only what it lacks, then nothing", async () => {
      const all = await readMigrations();
      expect(await migrate(client, all.slice(0, 1))).toEqual(["001"]);
      expect(await migrate(client)).toEqual(all.slice(1).map((m) => m.version));
      expect(await migrate(client)).toEqual([]);
      expect((await client.query("SELECT version FROM schema_migrations ORDER BY version")).rows).toEqual(all.map((m) => ({ version: m.version })));
    });

    test("a failing migration leaves nothing behind", async () => {
      const broken = [...(await readMigrations()), { version: "900", name: "900-broken.sql", sql: "CREATE TABLE half (x int); SELECT nope;" }];
      await expect(migrate(client, broken)).rejects.toThrow(/\[triangulate\] \[store\] migration 900-broken.sql failed on pglite::memory:/);
      expect((await client.query("SELECT to_regclass('half') AS t")).rows).toEqual([{ t: null }]);
    });

    test("a database migrated by a newer version is refused", async () => {
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ('999', '999-future.sql')");
      await expect(migrate(client)).rejects.toThrow(/migrated by a newer triangulate \(migration 999 is unknown here\)/);
    });
  });
});
