import type { Annotation, Article, ArticleBundle, Story, StoryComparison, Storyline } from "../records.js";
import type { SqlClient, SqlParam } from "./sql-client.js";
import { safeTextSameLength } from "../_lib/safe-text.js";
import { saveBundles } from "./save-bundles.js";
import { columnText, compareIds, insertRows, isStorableText, queryIn } from "./sql-rows.js";
import type { ClaimCounts, Store, StoredStory } from "./types.js";

/** Articles whose annotations are read per query when loading bundles: ~35–100 rows each, a few MB a slice. */
const ANNOTATION_SLICE = 2_000;

/** Articles read per query when loading all of them: ~1–5 KB of JSON each, a few MB a page. */
const ARTICLE_PAGE = 2_000;

/** Rows made one at a time as insertRows takes them. */
function* lazily<T, R>(items: Iterable<T>, row: (item: T) => R): Generator<R> {
  for (const item of items) yield row(item);
}

/**
 * The Store over any SqlClient (PGlite or PostgreSQL): same SQL on both. Records go in whole as json and
 * come back from that column only, so what is loaded equals what was saved.
 */
export function createSqlStore(client: SqlClient, onClose: () => Promise<void> = async () => {}): Store {
  let closed: Promise<void> | null = null;

  /** One place that names the operation and the database in every failure. */
  async function run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    if (closed) throw new Error(`[triangulate] [store] ${operation}: ${client.location} is already closed`);
    try {
      return await fn();
    } catch (cause) {
      const message = (cause as Error).message;
      if (message.startsWith("[triangulate]")) throw cause;
      throw new Error(`[triangulate] [store] ${operation} failed on ${client.location}: ${message}`, { cause });
    }
  }

  /**
   * The annotations a slice of articles at a time: one result of every row of a large store (millions) would be
   * held twice over (the driver's rows and the bundles made of them) at the peak of a rebuild.
   */
  async function annotationsOf(articleIds: readonly string[], kinds: readonly string[] | undefined): Promise<Map<string, Annotation[]>> {
    const byArticle = new Map<string, Annotation[]>();
    for (let start = 0; start < articleIds.length; start += ANNOTATION_SLICE) {
      const slice = articleIds.slice(start, start + ANNOTATION_SLICE);
      for (const row of await queryIn<AnnotationRow>(client, `SELECT article_id, data FROM annotations WHERE article_id IN (%s)${kindFilter(kinds)} ORDER BY article_id, ord`, slice)) {
        const list = byArticle.get(row.article_id);
        if (list) list.push(row.data);
        else byArticle.set(row.article_id, [row.data]);
      }
    }
    return byArticle;
  }

  /**
   * Every stored article, a page at a time by id: one result of every row would sit whole in PGlite's wasm heap
   * (which never shrinks) and in the driver's rows at once, on top of the articles made of them.
   */
  async function allArticles(): Promise<{ data: Article }[]> {
    const all: { data: Article }[] = [];
    for (let after: string | null = null; ;) {
      const page: { id: string; data: Article }[] = (await client.query<{ id: string; data: Article }>(
        `SELECT id, data FROM articles${after === null ? "" : " WHERE id > $1"} ORDER BY id LIMIT ${ARTICLE_PAGE}`, after === null ? [] : [after],
      )).rows;
      for (const row of page) all.push({ data: row.data });
      if (page.length < ARTICLE_PAGE) return all;
      after = page.at(-1)!.id;
    }
  }

  return {
    location: client.location,

    saveBundles: (bundles) => run("saveBundles", () => saveBundles((fn) => client.transaction(fn), bundles)),

    loadBundles: (ids, options = {}) =>
      run("loadBundles", async () => {
        if (ids && ids.length === 0) return [];
        const articles = ids ? await queryIn<{ data: Article }>(client, "SELECT data FROM articles WHERE id IN (%s)", [...new Set(ids)]) : await allArticles();
        const byArticle = await annotationsOf(articles.map((row) => row.data.id), options.kinds);
        return articles
          .map((row): ArticleBundle => ({ article: row.data, annotations: byArticle.get(row.data.id) ?? [] }))
          .sort((a, b) => compareIds(a.article.id, b.article.id));
      }),

    loadAnnotations: (ids, options = {}) => run("loadAnnotations", () => annotationsOf([...new Set(ids)], options.kinds)),

    replaceStories: (stories, storylines, comparisons, meta = {}, kept) =>
      run("replaceStories", () =>
        client.transaction(async (tx) => {
          for (const table of ["story_articles", "stories", "storylines"]) await tx.query(`DELETE FROM ${table}`);
          await insertRows(tx, "INSERT INTO storylines (id, ord, title, data)", 4, storylines.map((s, ord) => [s.id, ord, columnText(s.title), JSON.stringify(s)]));
          await insertRows(tx, "INSERT INTO stories (id, ord, storyline_id, title, first_published, last_published, data)", 7, stories.map(storyRow));
          await insertRows(tx, "INSERT INTO story_articles (story_id, article_id, ord)", 3, stories.flatMap((s) =>
            [...new Set(s.articleIds)].map((articleId, ord) => [s.id, articleId, ord])));
          // Comparisons outlive the stories' rows (migration 004): those of unchanged stories stay, every other goes.
          const storyIds = new Set(stories.map((s) => s.id));
          const stays = (id: string) => !!kept?.unchanged.has(id) && storyIds.has(id);
          const stored = (await tx.query<{ story_id: string }>("SELECT story_id FROM comparisons")).rows.map((r) => r.story_id);
          await queryIn(tx, "DELETE FROM comparisons WHERE story_id IN (%s)", stored.filter((id) => !stays(id)));
          await insertRows(tx, "INSERT INTO comparisons (story_id, data, input_key)", 3, lazily(comparisons, (c) => [c.storyId, comparisonJson(c), kept?.keys.get(c.storyId) ?? null]));
          await insertRows(tx, "INSERT INTO store_meta (key, value)", 2, Object.entries(meta).map(([key, value]) => [key, value]),
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
        })),

    comparisonKeys: () =>
      run("comparisonKeys", async () => {
        const rows = (await client.query<{ story_id: string; input_key: string }>("SELECT story_id, input_key FROM comparisons WHERE input_key IS NOT NULL")).rows;
        return new Map(rows.map((r) => [r.story_id, r.input_key]));
      }),

    saveMark: () =>
      run("saveMark", async () => (await client.query<{ mark: string }>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS mark")).rows[0]!.mark),

    savedSince: (mark) =>
      run("savedSince", async () => {
        if (!/^\d+$/.test(mark)) throw new Error(`[triangulate] [store] savedSince: not a save mark: "${mark}"`);
        return (await client.query<{ id: string }>("SELECT id FROM articles WHERE saved_xact >= $1::xid8 ORDER BY id", [mark])).rows.map((r) => r.id);
      }),

    getMeta: (key) =>
      run("getMeta", async () => (await client.query<{ value: string }>("SELECT value FROM store_meta WHERE key = $1", [key])).rows[0]?.value ?? null),

    listStories: () => run("listStories", async () => (await client.query<{ data: Story }>("SELECT data FROM stories ORDER BY ord")).rows.map((r) => r.data)),

    listStorylines: () =>
      run("listStorylines", async () => (await client.query<{ data: Storyline }>("SELECT data FROM storylines ORDER BY ord")).rows.map((r) => r.data)),

    getStory: (id) =>
      run("getStory", async (): Promise<StoredStory | null> => {
        if (!isStorableText(id)) return null;
        const story = (await client.query<{ data: Story }>("SELECT data FROM stories WHERE id = $1", [id])).rows[0]?.data;
        if (!story) return null;
        const comparison = (await client.query<{ data: StoryComparison }>("SELECT data FROM comparisons WHERE story_id = $1", [id])).rows[0]?.data ?? null;
        const rows = await queryIn<{ data: Article }>(client, "SELECT data FROM articles WHERE id IN (%s)", [...new Set(story.articleIds)]);
        const byId = new Map(rows.map((r) => [r.data.id, r.data]));
        // In the story's order; an article the story names but the store lacks is left out, not invented.
        const articles = [...new Set(story.articleIds)].flatMap((articleId) => byId.get(articleId) ?? []);
        return { story, comparison, articles };
      }),

    claimCounts: () =>
      run("claimCounts", async () => {
        const rows = (await client.query<{ story_id: string } & ClaimCounts>(
          `SELECT story_id, count(*)::int AS total,
                  (count(*) FILTER (WHERE c->>'status' = 'corroborated'))::int AS corroborated,
                  (count(*) FILTER (WHERE c->>'status' IN ('conflicting', 'disputed')))::int AS conflicting
             FROM comparisons, json_array_elements(data->'claims') AS c
            GROUP BY story_id`,
        )).rows;
        return new Map(rows.map(({ story_id, ...counts }) => [story_id, counts]));
      }),

    outletsOf: (articleIds) =>
      run("outletsOf", async () => {
        const rows = await queryIn<{ id: string; outlet: string | null; source: string }>(client, "SELECT id, outlet, source FROM articles WHERE id IN (%s)", [...new Set(articleIds)]);
        return new Map(rows.map((r) => [r.id, { outlet: r.outlet, source: r.source }]));
      }),

    knownUrls: (urls) =>
      run("knownUrls", async () => {
        // Either column: a feed link that redirected is stored with its final url and the link as its source.
        const rows = await queryIn<{ known: string }>(client, "SELECT url AS known FROM articles WHERE url IN (%s) UNION SELECT source FROM articles WHERE source IN (%s)", [...new Set(urls)]);
        return new Set(rows.map((r) => r.known));
      }),

    storyIdOf: (articleId) =>
      run("storyIdOf", async () =>
        !isStorableText(articleId) ? null : (await client.query<{ story_id: string }>("SELECT story_id FROM story_articles WHERE article_id = $1 ORDER BY story_id LIMIT 1", [articleId])).rows[0]?.story_id ?? null),

    counts: () =>
      run("counts", async () => {
        const row = (await client.query<{ articles: number; stories: number; storylines: number }>(
          "SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM stories)::int AS stories, (SELECT count(*) FROM storylines)::int AS storylines",
        )).rows[0];
        return row ?? { articles: 0, stories: 0, storylines: 0 };
      }),

    exclusive: (key, fn) => client.exclusive(key, fn),

    close() {
      // Idempotent: the CLI, a signal handler and process exit may all ask.
      closed ??= client.close().finally(onClose);
      return closed;
    },
  };
}

/** The kinds as SQL literals: they are annotation kinds, lowercase words, never user text (checked all the same). */
function kindFilter(kinds: readonly string[] | undefined): string {
  if (!kinds) return "";
  const bad = kinds.find((k) => !/^[a-z][a-z-]*$/.test(k));
  if (bad !== undefined) throw new Error(`not an annotation kind: ${JSON.stringify(bad)}`);
  return kinds.length ? ` AND kind IN (${kinds.map((k) => `'${k}'`).join(", ")})` : " AND false";
}

interface AnnotationRow {
  article_id: string;
  data: Annotation;
}

/**
 * A comparison as stored: every NUL and unpaired surrogate in its strings replaced by U+FFFD, one unit for one, so its
 * offsets stay valid. claimCounts reads it with json operators, and PostgreSQL fails any of them over a value holding
 * "\u0000" or a lone "\ud800": one such quote would take the list of stories down. Articles' `data` is never read
 * with an operator and keeps them exactly.
 */
function comparisonJson(c: StoryComparison): string {
  return JSON.stringify(c, (_key, value: unknown) => (typeof value === "string" ? safeTextSameLength(value) : value));
}

function storyRow(s: Story, ord: number): SqlParam[] {
  return [s.id, ord, s.storylineId, columnText(s.title), s.firstPublished, s.lastPublished, JSON.stringify(s)];
}
