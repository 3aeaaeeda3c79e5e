/**
 * The API's requests and responses as zod schemas: the same objects validate every request and generate the
 * OpenAPI document (`GET /api/openapi.json`), so the two cannot drift apart. Records are described here at the
 * level a client needs; their every field is in `src/records.ts` and `schema/report.schema.json`.
 */
import { z } from "@hono/zod-openapi";
import { idProblem, MAX_ID_CHARS } from "../../_lib/safe-text.js";

/** One request body may carry this many articles; more should be sent in batches. */
export const MAX_ARTICLES_PER_REQUEST = 500;

const Record_ = (name: string, description: string) => z.record(z.string(), z.unknown()).openapi(name, { description });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date, YYYY-MM-DD");

export const ErrorBody = z.object({ error: z.string().openapi({ example: "query.limit: must be at most 500" }) }).openapi("Error");

export const ArticleInput = z
  .object({
    text: z.string().optional().openapi({ description: "scraped or plain text; `text` or `html` is required" }),
    html: z.string().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    outlet: z.string().optional(),
    publishedAt: z.string().optional().openapi({ description: "ISO 8601, trusted over anything extraction finds" }),
    authors: z.union([z.array(z.string()), z.string()]).optional(),
    id: z.union([
      z.string().refine((id) => idProblem(id) === null, {
        error: (issue) => `${idProblem(String(issue.input))}: an id is at most ${MAX_ID_CHARS} characters, without NUL or unpaired surrogates`,
      }),
      z.number(),
    ]).optional().openapi({ description: "kept as the article id" }),
    source: z.string().max(500).optional().openapi({ description: "what to call the input in messages, e.g. a file name" }),
  })
  .refine((a) => a.text !== undefined || a.html !== undefined, {
    message: "needs \"text\" or \"html\" (to fetch a page, put its address in \"urls\")",
  })
  .openapi("ArticleInput");

const HttpUrl = z
  .string()
  .max(2000)
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "must be an http:// or https:// URL");

export const ArticlesBody = z
  .object({
    articles: z.array(ArticleInput).max(MAX_ARTICLES_PER_REQUEST, `at most ${MAX_ARTICLES_PER_REQUEST} articles per request`).default([]),
    urls: z.array(HttpUrl).max(MAX_ARTICLES_PER_REQUEST, `at most ${MAX_ARTICLES_PER_REQUEST} URLs per request`).default([])
      .openapi({ description: "pages to fetch (politely: robots.txt, per-host limits; private addresses refused)" }),
  })
  .refine((b) => b.articles.length + b.urls.length > 0, { message: "must hold at least one article or URL", path: ["articles"] })
  .refine((b) => b.articles.length + b.urls.length <= MAX_ARTICLES_PER_REQUEST, { message: `at most ${MAX_ARTICLES_PER_REQUEST} articles and URLs per request`, path: ["urls"] })
  .openapi("ArticlesBody");

/**
 * POST /api/files' body, for the document only: a plain OpenAPI schema, not zod, so no validator reads the body
 * whole before the handler streams it file by file (uploads.ts).
 */
export const FilesBody = {
  type: "object",
  properties: {
    file: {
      type: "array", items: { type: "string", format: "binary" },
      description: "one or more files: .txt scraped text, .html, .json (one article) or .jsonl (one per line); each file over the per-file limit (20 MB) is refused by name and the others are taken; the whole request may carry 64 MB",
    },
  },
} as const;


export const StoriesQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: "words that must all appear in the title or an outlet (case-insensitive)" }),
  outlet: z.string().max(200).optional().openapi({ description: "only stories this outlet covers (exact name)" }),
  from: isoDate.optional().openapi({ description: "only stories with an article on or after this date" }),
  to: isoDate.optional().openapi({ description: "only stories with an article on or before this date" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** An id as a path gives it: text a store can hold (no NUL, no unpaired surrogate), at most MAX_ID_CHARS long. */
export const IdParam = z.object({
  id: z.string().min(1).max(MAX_ID_CHARS).refine((id) => idProblem(id) === null, { error: (issue) => `the id ${idProblem(String(issue.input))}` }),
});

const Story = z
  .object({
    id: z.string(),
    title: z.string(),
    articleIds: z.array(z.string()),
    storylineId: z.string(),
    firstPublished: z.string().nullable(),
    lastPublished: z.string().nullable(),
    outlets: z.array(z.string()).optional(),
  })
  .passthrough()
  .openapi("Story");

export const StorySummary = Story.extend({
  coverage: z.array(z.object({ outlet: z.string(), articles: z.number().int() })),
  claims: z.object({ total: z.number().int(), corroborated: z.number().int(), conflicting: z.number().int() }),
}).openapi("StorySummary");

export const HealthResponse = z
  .object({
    ok: z.literal(true),
    generator: z.object({ name: z.string(), version: z.string() }),
    database: z.string().openapi({ description: "where the data lives: pglite:/path or postgres://host/db (no password)" }),
    articles: z.number().int(),
    stories: z.number().int(),
    storylines: z.number().int(),
  })
  .openapi("Health");

export const StorylinesResponse = z.object({
  storylines: z.array(z.object({ id: z.string(), title: z.string(), storyIds: z.array(z.string()) }).openapi("Storyline")),
});

export const IngestResponse = z.object({
  stored: z.number().int(),
  failures: z.array(z.object({ source: z.string(), error: z.string() })),
  skipped: z.array(z.object({ source: z.string(), skip: z.string(), detail: z.string().optional() })),
  report: Record_("Report", "the versioned report of what was sent: schema/report.schema.json"),
});

export const StoriesResponse = z.object({ total: z.number().int(), stories: z.array(StorySummary) });

export const StoryResponse = z.object({
  story: Story,
  comparison: Record_("StoryComparison", "claims (with sources), drift, framing, outletFraming, omissions, timeline, brief: src/records.ts").nullable(),
  articles: z.array(Record_("Article", "the clean article with metadata and provenance: src/records.ts")),
  entities: z.array(Record_("Entity", "one entity across the story's articles, with aliases, descriptions and mentions")),
});

export const ArticleResponse = z.object({
  article: Record_("ArticleRecord", "the clean article: src/records.ts Article"),
  annotations: z.array(Record_("Annotation", "one analyzer finding with its span into article.text: src/records.ts Annotation")),
  storyId: z.string().nullable(),
});

export const Job = z
  .object({
    id: z.string(),
    state: z.enum(["queued", "running", "done", "failed"]),
    total: z.number().int(),
    processed: z.number().int(),
    stored: z.number().int(),
    failures: z.array(z.object({ source: z.string(), error: z.string() })),
    skipped: z.array(z.object({ source: z.string(), skip: z.string(), detail: z.string().optional() })),
    storyIds: z.array(z.string()),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("Job");

export const JobResponse = z.object({ job: Job });

export const RefusedFile = z
  .object({
    file: z.string().openapi({ description: "the file's name as sent, or \"(the rest of the request)\" for what was never read" }),
    reason: z.enum(["too-large", "cut-off", "other"]).openapi({ description: "too-large: over the per-file limit; cut-off: the request passed the body cap; other: see error" }),
    error: z.string(),
  })
  .openapi("RefusedFile");

export const FilesResponse = z
  .object({
    job: Job,
    refused: z.array(RefusedFile).openapi({ description: "the files not taken, each with why; they are among the job's failures too" }),
  })
  .openapi("FilesResponse");

export const FilesRefusedBody = z
  .object({ error: z.string(), refused: z.array(RefusedFile) })
  .openapi("FilesRefused");

/** "body.articles.2: needs "text" or "html"…": the first problem, with where it is. */
export function describeProblem(where: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${where}: invalid`;
  const path = [where, ...issue.path.map(String)].join(".");
  return `${path}: ${issue.message}`;
}
