import { afterAll, beforeAll, expect, test } from "vitest";
import type { SqlClient } from "../../src/store/sql-client.js";
import { openPgliteClient } from "../../src/store/pglite-client.js";
import { insertRows, queryIn } from "../../src/store/sql-rows.js";

let client: SqlClient;
beforeAll(async () => void (client = await openPgliteClient(null)));
afterAll(() => client.close());

test("queryIn returns a result larger than a call can take as arguments (a rebuild's slice of annotations)", async () => {
  // 300,000 rows from one statement: spreading them into push() overflowed the stack at the first 100k-article rebuild.
  const rows = await queryIn<{ g: number }>(client, "SELECT g FROM generate_series(1, 300000) AS g WHERE 'x' IN (%s)", ["x"]);
  expect(rows.length).toBe(300_000);
  expect(rows.at(-1)).toEqual({ g: 300_000 });
});

test("queryIn repeats the id list at every %s; insertRows takes rows from a generator", async () => {
  await client.exec("CREATE TABLE pairs (a text, b text)");
  await insertRows(client, "INSERT INTO pairs (a, b)", 2, (function* () {
    for (let i = 0; i < 5; i++) yield [`a${i}`, `b${i}`];
  })());
  const rows = await queryIn<{ x: string }>(client, "SELECT a AS x FROM pairs WHERE a IN (%s) UNION SELECT b FROM pairs WHERE b IN (%s)", ["a1", "b3", "zz"]);
  expect(rows.map((r) => r.x).sort()).toEqual(["a1", "b3"]);
});
