/**
 * The HTTP API and the first web pages, over one open Store. The server process owns the database (and its
 * lock), so other processes add articles through POST /api/articles instead of opening the directory.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { parseArticleRecord } from "../../ingest/records-file.js";
import { configFromEnv } from "../../config.js";
import { processDocuments, reportFor, storeAndRebuild } from "../../pipeline.js";
import type { Store } from "../../store/types.js";
import { GENERATOR } from "../../version.js";
import { storyPage, storiesPage, notFoundPage } from "./pages.js";

/** One request body may carry this many articles; more should be sent in batches. */
const MAX_ARTICLES_PER_REQUEST = 500;

export function createApp(store: Store, options: { maxArticleChars: number } = { maxArticleChars: configFromEnv().maxArticleChars }): Hono {
  const app = new Hono();
  let writing: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writing.then(work, work);
    writing = next.catch(() => undefined);
    return next;
  };

  app.get("/api/health", async (c) => c.json({ ok: true, generator: GENERATOR, database: store.location, ...(await store.counts()) }));
  app.get("/api/stories", async (c) => c.json({ stories: await store.listStories() }));
  app.get("/api/storylines", async (c) => c.json({ storylines: await store.listStorylines() }));
  app.get("/api/stories/:id", async (c) => {
    const stored = await store.getStory(c.req.param("id"));
    if (!stored) throw new HTTPException(404, { message: `no story "${c.req.param("id")}"` });
    return c.json(stored);
  });
  app.post("/api/articles", async (c) => {
    const body = await c.req.json().catch(() => {
      throw new HTTPException(400, { message: "the body must be JSON: { \"articles\": [{ \"text\" | \"html\", \"title\"?, \"url\"?, \"outlet\"?, \"publishedAt\"?, \"authors\"?, \"id\"? }] }" });
    });
    const items = (body as { articles?: unknown })?.articles;
    if (!Array.isArray(items) || items.length === 0) throw new HTTPException(400, { message: "\"articles\" must be a non-empty array" });
    if (items.length > MAX_ARTICLES_PER_REQUEST) throw new HTTPException(413, { message: `at most ${MAX_ARTICLES_PER_REQUEST} articles per request` });
    const fetchedAt = new Date().toISOString();
    const processed = processDocuments(items.map((item, i) => parseArticleRecord(item, `request#${i}`, fetchedAt)), { maxArticleChars: options.maxArticleChars });
    const analysis = await serially(() => storeAndRebuild(store, processed));
    const { report } = reportFor(processed, analysis);
    return c.json({ stored: processed.bundles.length, failures: processed.failures, skipped: processed.skipped, report }, processed.bundles.length ? 200 : 422);
  });

  app.get("/", async (c) => c.html(storiesPage(await store.listStories(), await store.counts())));
  app.get("/stories/:id", async (c) => {
    const stored = await store.getStory(c.req.param("id"));
    return stored ? c.html(storyPage(stored)) : c.html(notFoundPage(c.req.param("id")), 404);
  });

  app.notFound((c) => (c.req.path.startsWith("/api/") ? c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404) : c.html(notFoundPage(c.req.path), 404)));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    console.error(`[triangulate] [serve] ${c.req.method} ${c.req.path}:`, error);
    return c.json({ error: "internal error: see the server log" }, 500);
  });
  return app;
}
