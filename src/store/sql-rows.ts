import type { SqlParam, SqlRunner } from "./sql-client.js";

/** The wire protocol counts a statement's parameters in 16 bits. */
const MAX_PARAMS = 65_535;

/**
 * Rows per multi-row INSERT stop growing once a statement carries this much JSON. Calibration: one
 * statement per few MB keeps round trips low (a 5k-article save is a handful of statements) while PGlite,
 * which holds the whole message in its wasm heap, stays far from its memory limit.
 */
const MAX_STATEMENT_CHARS = 4 * 1024 * 1024;

/**
 * `INSERT … VALUES (…), (…) tail`, batched under the limits above. Every row has `width` values. `rows` may be a
 * generator, so a large write (every story's comparison as JSON) is serialised a batch at a time, not all at once.
 */
export async function insertRows(runner: SqlRunner, head: string, width: number, rows: Iterable<SqlParam[]>, tail = ""): Promise<void> {
  for (const batch of batches(rows, Math.floor(MAX_PARAMS / width))) {
    const values = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`);
    await runner.query(`${head} VALUES ${values.join(", ")} ${tail}`, batch.flat());
  }
}

/**
 * `sql` with `IN (%s)` run for `ids` in batches (SELECT or DELETE; every %s is the same list); the rows of all batches,
 * unordered. Ids no text column can hold (NUL, unpaired surrogates) match nothing, so they are left out rather than
 * sent: PostgreSQL would refuse the whole statement over one of them (a request for /api/articles/%00).
 */
export async function queryIn<Row>(runner: SqlRunner, sql: string, ids: readonly string[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const batch of batches(ids.filter(isStorableText).map((id) => [id]), MAX_PARAMS)) {
    const list = batch.map((_, i) => `$${i + 1}`).join(", ");
    // Not push(...rows): a batch can return more rows than a call can take arguments (the stack overflows).
    for (const row of (await runner.query<Row>(sql.replaceAll("%s", list), batch.flat())).rows) rows.push(row);
  }
  return rows;
}

function* batches(rows: Iterable<SqlParam[]>, maxRows: number): Generator<SqlParam[][]> {
  let batch: SqlParam[][] = [];
  let chars = 0;
  for (const row of rows) {
    const size = row.reduce<number>((n, v) => n + (typeof v === "string" ? v.length : 8), 0);
    if (batch.length > 0 && (batch.length >= maxRows || chars + size > MAX_STATEMENT_CHARS)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(row);
    chars += size;
  }
  if (batch.length > 0) yield batch;
}

/** NUL and unpaired surrogates: PostgreSQL text cannot hold them (the json `data` column keeps them, escaped). */
const UNSTORABLE_IN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when a text column can hold `value` as it is: a lookup by it can match. */
export function isStorableText(value: string): boolean {
  UNSTORABLE_IN_TEXT.lastIndex = 0;
  return !UNSTORABLE_IN_TEXT.test(value);
}

/** For the copied columns only (title, outlet, …): records are always read back from `data`. */
export function columnText<T extends string | null>(value: T): T {
  return (value === null ? null : value.replace(UNSTORABLE_IN_TEXT, "\uFFFD")) as T;
}

/**
 * Longest value kept whole in an indexed column, in UTF-16 units. PostgreSQL's btree refuses an index row over 2,704
 * bytes, and one unit is at most 3 UTF-8 bytes, so 800 stay under it whatever the script. Longer values (a 5,000
 * character URL of tracking parameters) are cut and end in "…", which no URL holds: the row is stored, and a lookup
 * by the whole value finds nothing (`watch` fetches such a link again) instead of the save failing.
 */
const MAX_INDEXED_UNITS = 800;

/** columnText, bounded for a btree index. */
export function indexedText<T extends string | null>(value: T): T {
  const text = columnText(value);
  if (text === null || text.length <= MAX_INDEXED_UNITS) return text;
  let end = MAX_INDEXED_UNITS - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--; // never split a surrogate pair
  return `${text.slice(0, end)}…` as T;
}

/** The order of `ORDER BY id COLLATE "C"`: UTF-8 bytes, i.e. code points (JS `<` compares UTF-16 units). */
export function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
