/**
 * The HTTP API and the web pages, over one open Store. The server process owns the database (and its lock), so
 * other processes add articles through the API instead of opening the directory. Routes are declared with their
 * zod schemas (api-schemas.ts): a request is validated before a handler sees it, and the same schemas are the
 * OpenAPI document at /api/openapi.json. docs/api.md says what each endpoint is for.
 */
import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { outletLabel } from "../../compare/sources.js";
import { configFromEnv } from "../../config.js";
import { fetchDocuments } from "../../ingest/fetch/index.js";
import { documentsFromBytes } from "../../ingest/read-inputs.js";
import { parseArticleRecord } from "../../ingest/records-file.js";
import { finishInterruptedRebuild, type Processed, processDocuments, reportFor, storeAndRebuild } from "../../pipeline.js";
import type { Story } from "../../records.js";
import { resolveEntities } from "../../report/resolve-entities.js";
import type { ClaimCounts, Store } from "../../store/types.js";
import { GENERATOR } from "../../version.js";
import { hostAccess, writeAccess } from "./access.js";
import {
  ArticleResponse, ArticlesBody, describeProblem, ErrorBody, FilesBody, FilesRefusedBody, FilesResponse, HealthResponse, IdParam, IngestResponse, JobResponse, MAX_ARTICLES_PER_REQUEST,
  StoriesQuery, StoriesResponse, StorylinesResponse, StoryResponse,
} from "./api-schemas.js";
import { type FetchStep, type JobInput, JobQueue } from "./jobs.js";
import { readUpload, UploadError } from "./uploads.js";
import { notFoundPage, storiesPage, storyPage } from "./pages.js";
import { htmlPage, servePages, WEB_ROOT } from "./web.js";

/** A request body over this is refused with 413 before it is read whole (POST /api/files excepted: below). */
const MAX_BODY_BYTES = 20 * 1024 * 1024;
/**
 * POST /api/files reads its body file by file, each file up to maxInputBytes (20 MB), and stops reading here:
 * calibration: three files at the per-file limit, so a request of a few large files is taken while one request
 * never holds more than this of raw upload in memory.
 */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const isUpload = (method: string, path: string) => method === "POST" && path === "/api/files";

export interface AppOptions {
  maxArticleChars: number;
  /** TRIANGULATE_TOKEN: writes need it; null lets loopback clients write without one. */
  token: string | null;
  /** The built web app (default dist/web/); where it has no index.html, the server-rendered pages stand in. */
  webRoot: string;
  /** How pages are fetched for `urls` (default: the polite fetcher, private addresses refused). */
  fetchPages: FetchStep;
  /** Names besides IP addresses and localhost that requests may give in `Host` without a token (access.ts). */
  hostNames: readonly string[];
  /** POST /api/files: a file over this is refused by name (default: maxInputBytes, 20 MB). */
  maxFileBytes: number;
  /** POST /api/files: reading stops past this many bytes of body (default MAX_UPLOAD_BYTES). */
  maxUploadBytes: number;
}

export interface App extends OpenAPIHono {
  /** Resolves when the ingestion jobs submitted so far have finished. */
  jobsIdle(): Promise<unknown>;
}

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const errors = (...codes: (400 | 401 | 404 | 413 | 422)[]) =>
  Object.fromEntries(codes.map((code) => [code, json(ErrorBody, { 400: "a malformed request", 401: "no or wrong token", 404: "not found", 413: "body too large", 422: "no article could be read" }[code])]));

export function createApp(store: Store, options: Partial<AppOptions> = {}): App {
  const config = configFromEnv();
  const maxInputBytes = Math.min(config.maxInputBytes, MAX_BODY_BYTES);
  const { maxArticleChars, token, webRoot, fetchPages, hostNames, maxFileBytes, maxUploadBytes } = {
    maxArticleChars: config.maxArticleChars, token: process.env.TRIANGULATE_TOKEN || null, webRoot: WEB_ROOT, hostNames: [],
    fetchPages: ((urls) => fetchDocuments(urls, { maxInputBytes: config.maxInputBytes })) as FetchStep, maxFileBytes: maxInputBytes, maxUploadBytes: MAX_UPLOAD_BYTES, ...options,
  };
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ error: describeProblem(result.target, result.error) }, 400);
    },
  }) as App;

  // One writer at a time: a rebuild reads every stored article and replaces all stories.
  let writing: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writing.then(work, work);
    writing = next.catch(() => undefined);
    return next;
  };
  const storeStep = async (processed: Processed): Promise<string[]> => {
    // A job reports no section, only the stories its articles are in: no comparison is held (rebuild-slices.ts).
    const analysis = await serially(() => storeAndRebuild(store, processed, new Set(), { comparisons: "reported" }));
    const ids = new Set(processed.bundles.map((b) => b.article.id));
    return (analysis?.report.stories ?? []).filter((s) => s.articleIds.some((id) => ids.has(id))).map((s) => s.id);
  };
  const jobs = new JobQueue(storeStep, fetchPages, { maxArticleChars });
  // A writer killed between its save and its rebuild left articles in no story: rebuild first, before any write.
  const startup = serially(() => finishInterruptedRebuild(store)).catch((error: Error) => {
    console.error(`[triangulate] [serve] finishing an interrupted rebuild failed: ${error.message}`);
  });
  app.jobsIdle = () => Promise.all([startup, jobs.idle()]);

  app.use("*", hostAccess({ token, hostNames }));
  const writes = writeAccess({ token });
  app.use("/api/*", async (c, next) => {
    // Set on every answer, errors included: a client's text echoed in a message is never read as HTML or script.
    c.header("X-Content-Type-Options", "nosniff");
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return writes(c, next);
    await next();
  });
  const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: `the body is over ${MAX_BODY_BYTES / 1024 / 1024} MB: send the articles in batches` }, 413) });
  // Uploads are capped as they stream (uploads.ts), so that a file over the limit costs only itself.
  app.use("/api/*", (c, next) => (isUpload(c.req.method, c.req.path) ? next() : limitBody(c, next)));

  app.openapi(createRoute({ method: "get", path: "/api/health", responses: { 200: json(HealthResponse, "the server and database are up, with counts") } }), async (c) =>
    c.json({ ok: true as const, generator: GENERATOR, database: store.location, ...(await store.counts()) }, 200));

  app.openapi(
    createRoute({ method: "get", path: "/api/stories", request: { query: StoriesQuery }, responses: { 200: json(StoriesResponse, "stories, newest first, filtered"), ...errors(400) } }),
    async (c) => {
      const query = c.req.valid("query");
      const [stories, counts] = await Promise.all([store.listStories(), store.claimCounts()]);
      const matching = stories.filter(matches(query)).sort(newestFirst);
      const page = matching.slice(query.offset, query.offset + query.limit);
      const summaries = await Promise.all(page.map((s) => summarize(store, s, counts.get(s.id))));
      return c.json({ total: matching.length, stories: summaries }, 200);
    },
  );

  app.openapi(createRoute({ method: "get", path: "/api/storylines", responses: { 200: json(StorylinesResponse, "all storylines") } }), async (c) =>
    c.json({ storylines: await store.listStorylines() }, 200));

  app.openapi(
    createRoute({ method: "get", path: "/api/stories/{id}", request: { params: IdParam }, responses: { 200: json(StoryResponse, "a story with its comparison, articles and entities"), ...errors(404) } }),
    async (c) => {
      const { id } = c.req.valid("param");
      const stored = await store.getStory(id);
      if (!stored) throw new HTTPException(404, { message: `no story "${id}"` });
      const entities = resolveEntities(await store.loadBundles(stored.articles.map((a) => a.id)));
      // Records are interfaces (no index signature); the schema describes them as open objects: `as never` bridges the two.
      return c.json({ ...stored, entities } as never, 200);
    },
  );

  app.openapi(
    createRoute({ method: "get", path: "/api/articles/{id}", request: { params: IdParam }, responses: { 200: json(ArticleResponse, "an article with every analyzer's annotations"), ...errors(404) } }),
    async (c) => {
      const { id } = c.req.valid("param");
      const [bundle] = await store.loadBundles([id]);
      if (!bundle) throw new HTTPException(404, { message: `no article "${id}"` });
      return c.json({ article: bundle.article, annotations: bundle.annotations, storyId: await store.storyIdOf(id) } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post", path: "/api/jobs", request: { body: { content: { "application/json": { schema: ArticlesBody } }, required: true } },
      responses: { 202: json(JobResponse, "the job, queued: poll GET /api/jobs/{id}"), ...errors(400, 401, 413) },
    }),
    async (c) => {
      const { articles, urls } = c.req.valid("json");
      const fetchedAt = new Date().toISOString();
      const job = jobs.submit([...articles.map((item, i) => parseArticleRecord(withoutSource(item), item.source || `request#${i}`, fetchedAt)), ...urls.map((url) => ({ url }))]);
      return c.json({ job }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "post", path: "/api/files",
      request: { body: { content: { "multipart/form-data": { schema: FilesBody } }, required: true } },
      responses: {
        202: json(FilesResponse, "the files taken, queued as a job (poll GET /api/jobs/{id}); `refused` names each file not taken and why"),
        400: json(FilesRefusedBody, "not a multipart body, or no file in it that could be taken (`refused` says why, file by file)"),
        413: json(FilesRefusedBody, "every file sent was over the per-file limit, or the request passed the body cap before any file was whole"),
        ...errors(401),
      },
    }),
    async (c) => {
      let upload;
      try {
        upload = await readUpload(c.req.raw, { maxFileBytes, maxBodyBytes: maxUploadBytes, maxFiles: MAX_ARTICLES_PER_REQUEST });
      } catch (error) {
        if (error instanceof UploadError) return c.json({ error: `form.file: ${error.message}`, refused: [] }, 400);
        throw error;
      }
      const { files, refused } = upload;
      if (!files.length) {
        const tooLarge = refused.some((r) => r.reason !== "other");
        const error = refused.length ? `no file was taken: ${refused.map((r) => `${r.file}: ${r.error}`).join("; ")}` : "form.file: send one or more files as multipart fields named \"file\"";
        return c.json({ error, refused }, tooLarge ? 413 : 400);
      }
      const fetchedAt = new Date().toISOString();
      // The refused files are the job's failures too, so that polling it names every file sent.
      const inputs: JobInput[] = refused.map((r) => ({ source: r.file, error: `not read: ${r.error}` }));
      for (const file of files) inputs.push(...documentsFromBytes(file.bytes, file.name, { maxInputBytes: maxFileBytes, fetchedAt }));
      return c.json({ job: jobs.submit(inputs), refused } as never, 202);
    },
  );

  app.openapi(
    createRoute({ method: "get", path: "/api/jobs/{id}", request: { params: IdParam }, responses: { 200: json(JobResponse, "a job and its progress"), ...errors(404) } }),
    (c) => {
      const { id } = c.req.valid("param");
      const job = jobs.get(id);
      if (!job) throw new HTTPException(404, { message: `no job "${id}" (finished jobs are kept for an hour)` });
      return c.json({ job }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post", path: "/api/articles", request: { body: { content: { "application/json": { schema: ArticlesBody } }, required: true } },
      responses: { 200: json(IngestResponse, "stored, with the report of what was sent"), 422: json(IngestResponse, "nothing could be read: the failures and skips say why"), ...errors(400, 401, 413) },
    }),
    async (c) => {
      const { articles, urls } = c.req.valid("json");
      const fetchedAt = new Date().toISOString();
      const pages = urls.length ? await fetchPages(urls) : [];
      const processed = processDocuments([...articles.map((item, i) => parseArticleRecord(withoutSource(item), item.source || `request#${i}`, fetchedAt)), ...pages], { maxArticleChars });
      // Nothing read, nothing to store: no rebuild for a request of unreadable records.
      const analysis = processed.bundles.length ? await serially(() => storeAndRebuild(store, processed)) : null;
      const { report } = reportFor(processed, analysis);
      return c.json({ stored: processed.bundles.length, failures: processed.failures, skipped: processed.skipped, report } as never, processed.bundles.length ? 200 : 422);
    },
  );

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Triangulate", version: GENERATOR.version, description: "Stories, their cross-source comparison, articles and ingestion jobs. See docs/api.md." },
  });

  servePages(app, {
    root: webRoot,
    fallback: {
      stories: async () => storiesPage(await store.listStories(), await store.counts()),
      story: async (id) => {
        const stored = await store.getStory(id);
        return stored ? storyPage(stored, await store.loadBundles(stored.articles.map((a) => a.id))) : null;
      },
    },
  });

  app.notFound((c) => (c.req.path.startsWith("/api/") ? c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404) : htmlPage(c, notFoundPage(c.req.path), 404)));
  app.onError((error, c) => {
    c.header("X-Content-Type-Options", "nosniff");
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    if (error instanceof SyntaxError && c.req.path.startsWith("/api/")) return c.json({ error: `the body must be JSON: ${error.message}` }, 400);
    // The client's doing, not a fault: it hung up, or sent chunks its own framing does not hold, mid-body.
    if ((error as NodeJS.ErrnoException).code === "ECONNRESET" || error.message === "aborted") return c.json({ error: "the request body was cut short (connection closed or malformed chunks)" }, 400);
    console.error(`[triangulate] [serve] ${c.req.method} ${c.req.path}:`, error);
    return c.json({ error: "internal error: see the server log" }, 500);
  });
  return app;
}

const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function matches(query: z.infer<typeof StoriesQuery>): (story: Story) => boolean {
  const wanted = words(query.q ?? "");
  return (story) => {
    const haystack = new Set(words(`${story.title} ${(story.outlets ?? []).join(" ")}`));
    if (!wanted.every((w) => haystack.has(w))) return false;
    if (query.outlet && !(story.outlets ?? []).includes(query.outlet)) return false;
    // A story is in a range when its dates overlap it; undated stories match no date filter.
    if (query.from && (!story.lastPublished || story.lastPublished.slice(0, 10) < query.from)) return false;
    if (query.to && (!story.firstPublished || story.firstPublished.slice(0, 10) > query.to)) return false;
    return true;
  };
}

const newestFirst = (a: Story, b: Story): number => (b.lastPublished ?? "").localeCompare(a.lastPublished ?? "");

async function summarize(store: Store, story: Story, claims: ClaimCounts | undefined) {
  const perOutlet = new Map<string, number>();
  // Labelled as the comparison labels them, so a story's bars and its matrix columns name the same outlets.
  for (const article of (await store.outletsOf(story.articleIds)).values()) perOutlet.set(outletLabel(article), (perOutlet.get(outletLabel(article)) ?? 0) + 1);
  const coverage = [...perOutlet].map(([outlet, articles]) => ({ outlet, articles })).sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
  return { ...story, coverage, claims: claims ?? { total: 0, corroborated: 0, conflicting: 0 } };
}

/** An API record's `source` names the input in messages (ArticleInput); in a file, `source` is read as the outlet. */
function withoutSource<T extends { source?: string }>(item: T): Omit<T, "source"> {
  const { source: _name, ...record } = item;
  return record;
}
