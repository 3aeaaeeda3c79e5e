import type { Annotation, Article, ArticleBundle, InputFailure } from "../records.js";
import { idProblem } from "../_lib/safe-text.js";
import type { SqlParam, SqlRunner } from "./sql-client.js";
import { columnText, indexedText, insertRows, queryIn } from "./sql-rows.js";
import type { SaveOutcome } from "./types.js";

/**
 * SQLSTATE classes that are one row's own fault: 22 data exception (a byte sequence the encoding refuses, a value out
 * of range), 23 integrity constraint, 54 program limit exceeded (an index row too large). Anything else (a lost
 * connection, a full disk, a lock) is the database's fault and fails the whole save.
 */
const ROW_FAULT = /^(22|23|54)/;

/**
 * Stores every article of `bundles` the database takes, in one transaction, and names the others. The batch is
 * written at once (a few statements for thousands of articles); only when the database refuses it is it split in
 * halves, each written under a savepoint, down to the articles at fault: a bad one among n costs about 2n rows
 * written again and 2·log₂ n savepoints, not the batch. Ids no store can hold are refused before any SQL.
 */
export async function saveBundles(transaction: <T>(fn: (tx: SqlRunner) => Promise<T>) => Promise<T>, bundles: readonly ArticleBundle[]): Promise<SaveOutcome> {
  // The last bundle for an id wins, as if they had been saved one after another.
  const latest = [...new Map(bundles.map((b) => [b.article.id, b] as const)).values()];
  const failures: InputFailure[] = [];
  const storable = latest.filter((b) => {
    const problem = idProblem(b.article.id);
    if (problem) failures.push({ source: b.article.source, error: `not stored: the article id ${problem}` });
    return !problem;
  });
  if (storable.length === 0) return { saved: [], failures };
  const saved = await transaction((tx) => saveOrSplit(tx, storable, failures));
  return { saved, failures };
}

async function saveOrSplit(tx: SqlRunner, bundles: readonly ArticleBundle[], failures: InputFailure[]): Promise<string[]> {
  const fault = await inSavepoint(tx, () => writeBundles(tx, bundles));
  if (!fault) return bundles.map((b) => b.article.id);
  if (bundles.length === 1) {
    const { article } = bundles[0]!;
    failures.push({ source: article.source, error: `not stored: the database refused article "${columnText(article.id)}": ${fault.message}` });
    return [];
  }
  const half = Math.ceil(bundles.length / 2);
  return [...(await saveOrSplit(tx, bundles.slice(0, half), failures)), ...(await saveOrSplit(tx, bundles.slice(half), failures))];
}

/** `fn` under a savepoint: a row fault rolls back `fn`'s writes alone and is returned; any other error is thrown. */
async function inSavepoint(tx: SqlRunner, fn: () => Promise<void>): Promise<Error | null> {
  await tx.query("SAVEPOINT save_articles");
  try {
    await fn();
  } catch (error) {
    if (!ROW_FAULT.test(String((error as { code?: unknown }).code ?? ""))) throw error;
    await tx.query("ROLLBACK TO SAVEPOINT save_articles");
    await tx.query("RELEASE SAVEPOINT save_articles");
    return error as Error;
  }
  await tx.query("RELEASE SAVEPOINT save_articles");
  return null;
}

async function writeBundles(tx: SqlRunner, bundles: readonly ArticleBundle[]): Promise<void> {
  await insertRows(tx, "INSERT INTO articles (id, source, url, outlet, title, published_at, data)", 7, bundles.map(({ article }) => articleRow(article)),
    `ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, url = EXCLUDED.url, outlet = EXCLUDED.outlet, title = EXCLUDED.title,
     published_at = EXCLUDED.published_at, data = EXCLUDED.data, updated_at = now(), saved_xact = pg_current_xact_id()`);
  await queryIn(tx, "DELETE FROM annotations WHERE article_id IN (%s)", bundles.map((b) => b.article.id));
  const annotations = function* () {
    for (const { article, annotations } of bundles) yield* annotations.map((a, ord) => annotationRow(article.id, ord, a));
  };
  await insertRows(tx, 'INSERT INTO annotations (article_id, ord, kind, start, "end", data)', 6, annotations());
}

/** Indexed columns are bounded (indexedText); `title` is not indexed. Records are read back from `data` only. */
function articleRow(a: Article): SqlParam[] {
  return [a.id, indexedText(a.source), indexedText(a.url), indexedText(a.outlet), columnText(a.title), indexedText(a.publishedAt), JSON.stringify(a)];
}

function annotationRow(articleId: string, ord: number, a: Annotation): SqlParam[] {
  return [articleId, ord, a.kind, a.span[0], a.span[1], JSON.stringify(a)];
}
