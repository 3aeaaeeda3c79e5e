/** The same commands against a real PostgreSQL server (DATABASE_URL), as a user who outgrew one machine. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { PostgresServer } from "../../bench/throwaway-postgres.js";
import { sharedPostgres } from "../shared-postgres.js";
import { EXAMPLES, runCli, tempDir } from "./run-cli.js";

let server: PostgresServer;
beforeAll(async () => {
  server = await sharedPostgres();
});
afterAll(() => server?.stop());

test("analyze, re-analyze, stories and show with DATABASE_URL: no data directory, same stories", async () => {
  const env = { DATABASE_URL: server.url };
  const home = tempDir();
  const first = await runCli(["analyze", EXAMPLES, "--json"], { env, home });
  expect(existsSync(join(home, ".local", "share", "triangulate"))).toBe(false);
  expect(first.stderr).toBe("");
  expect(first.code).toBe(0);
  const ids = (out: string) => JSON.parse(out).stories.map((s: { id: string }) => s.id).sort();
  expect(ids(first.stdout)).toHaveLength(2);
  const again = await runCli(["analyze", EXAMPLES, "--json"], { env });
  expect(ids(again.stdout)).toEqual(ids(first.stdout));
  const listed = await runCli(["stories", "--json"], { env });
  expect(ids(listed.stdout)).toEqual(ids(first.stdout));
  const shown = await runCli(["show", ids(first.stdout)[0], "--json"], { env });
  expect(JSON.parse(shown.stdout).articles.length).toBeGreaterThan(0);
});
