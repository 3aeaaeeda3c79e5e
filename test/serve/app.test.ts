/** The HTTP API and pages, in-process (`app.request`), over a fresh in-memory PGlite. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../src/serve/http/app.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

const examples = new URL("../../examples/", import.meta.url);
const seeds = readdirSync(examples).filter((f) => f.endsWith(".txt")).map((f) => ({ id: f.replace(/\.txt$/, ""), text: readFileSync(new URL(f, examples), "utf8") }));
let store: Store;
let app: ReturnType<typeof createApp>;

/** No built web app here: the server-rendered pages are tested; the built app's serving is tested below. */
const NO_WEB_APP = "/nonexistent/triangulate-web/";

beforeAll(async () => {
  store = await openStore({ dataDir: ":memory:", databaseUrl: null });
  app = createApp(store, { token: null, webRoot: NO_WEB_APP });
});
afterAll(() => store.close());

const post = (body: unknown, path = "/api/articles", json?: unknown) =>
  app.request(path, { method: "POST", body: json !== undefined ? JSON.stringify(json) : typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });

describe("API", () => {
  test("an empty database is healthy and has no stories", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, articles: 0, stories: 0 });
    expect(await (await app.request("/api/stories")).json()).toEqual({ total: 0, stories: [] });
  });

  test.each([
    ["not JSON", "{nope", 400, "JSON"],
    ["no articles", { articles: [] }, 400, "json.articles: must hold at least one article or URL"],
    ["a record without text", { articles: [{ title: "x" }] }, 400, "json.articles.0: needs \"text\" or \"html\""],
    ["a URL in place of a text", { articles: [{ url: "https://example.com/a" }] }, 400, "put its address in \"urls\""],
    ["a URL that is not http", { urls: ["file:///etc/passwd"] }, 400, "json.urls.0: must be an http:// or https:// URL"],
    ["a wrong type", { articles: [{ text: 42 }] }, 400, "json.articles.0.text"],
  ])("a bad request is refused clearly: %s", async (_, body, status, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toContain(message);
  });

  test("an article too short to read is a 422 that names it", async () => {
    const res = await post({ articles: [{ text: "Too short.", source: "note.txt" }] });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ stored: 0, skipped: [expect.objectContaining({ source: "note.txt" })] });
  });

  test("posting the seeds stores them and builds two stories; posting again changes nothing", async () => {
    const res = await post({ articles: seeds });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { stored: number; report: { stories: { id: string }[] } };
    expect(body.stored).toBe(5);
    expect(body.report.stories).toHaveLength(2);
    await post({ articles: seeds });
    const health = (await (await app.request("/api/health")).json()) as { articles: number; stories: number };
    expect(health).toMatchObject({ articles: 5, stories: 2 });
  });

  test("a story reads back with its comparison and articles; an unknown one is a 404", async () => {
    const { stories } = (await (await app.request("/api/stories")).json()) as { stories: { id: string; articleIds: string[] }[] };
    const res = await app.request(`/api/stories/${stories[0]!.id}`);
    expect(res.status).toBe(200);
    const stored = (await res.json()) as { comparison: { claims: unknown[] }; articles: unknown[] };
    expect(stored.articles).toHaveLength(stories[0]!.articleIds.length);
    expect(stored.comparison.claims.length).toBeGreaterThan(0);
    const missing = await app.request("/api/stories/story-none");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no story "story-none"' });
    expect((await app.request("/api/nothing")).status).toBe(404);
  });
});

describe("pages", () => {
  test("the front page lists the stories, each linking to its page", async () => {
    const html = await (await app.request("/")).text();
    expect(html).toContain("US offers pardon to Venezuela&#39;s Maduro to step down in secret talks");
    const link = /href="(\/stories\/[^"]+)"/.exec(html)![1]!;
    const story = await app.request(link);
    expect(story.status).toBe(200);
    const page = await story.text();
    // By the section's id: its heading is the report's wording ("Who carries what"), which may change.
    expect(page).toContain('<section data-section="claims">');
    expect(page).toContain("independent source");
  });

  test("an unknown page is a 404 page, not a crash", async () => {
    const res = await app.request("/stories/%3Cscript%3E");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("<script>");
  });
});

describe("API: reads", () => {
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  type Summary = { id: string; title: string; outlets: string[]; coverage: { outlet: string; articles: number }[]; claims: { total: number } };

  test("stories list with coverage and claim counts, and filter by words, outlet and dates", async () => {
    const all = (await get("/api/stories")).body as { total: number; stories: Summary[] };
    expect(all.total).toBe(2);
    const amnesty = all.stories.find((s) => s.outlets.includes("Israel Hayom"))!;
    expect(amnesty.coverage.reduce((n, c) => n + c.articles, 0)).toBe(3);
    // Named as the story's comparison names them: the Breitbart seed's outlet is unknown, so its source names it.
    expect(amnesty.coverage.map((c) => c.outlet).sort()).toEqual(["Israel Hayom", "The Rio Times", expect.stringMatching(/^unknown outlet \(request#\d+\)$/)]);
    expect(amnesty.claims.total).toBeGreaterThan(10);
    expect(((await get("/api/stories?q=PARDON%20maduro")).body as { stories: Summary[] }).stories.map((s) => s.id)).toEqual([amnesty.id]);
    expect(((await get("/api/stories?outlet=New%20York%20Post")).body as { stories: Summary[] }).stories).toHaveLength(1);
    expect(((await get("/api/stories?from=2024-08-01&to=2024-08-31")).body as { stories: Summary[] }).stories.map((s) => s.id)).toEqual([amnesty.id]);
    expect(((await get("/api/stories?from=2030-01-01")).body as { total: number }).total).toBe(0);
    expect(((await get("/api/stories?limit=1&offset=1")).body as { total: number; stories: Summary[] })).toMatchObject({ total: 2, stories: [expect.anything()] });
  });

  test.each([
    ["/api/stories?limit=0", "query.limit"],
    ["/api/stories?limit=many", "query.limit"],
    ["/api/stories?from=August", "query.from: an ISO date"],
  ])("a bad query is a 400 naming the parameter: %s", async (path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error).toContain(message);
  });

  test("a story reads back with its entities; an article with its annotations and story", async () => {
    const { stories } = (await get("/api/stories?q=pardon")).body as { stories: Summary[] };
    const story = (await get(`/api/stories/${stories[0]!.id}`)).body as { entities: { name: string }[]; articles: { id: string }[] };
    expect(story.entities.map((e) => e.name)).toContain("Nicolás Maduro");
    const article = await get(`/api/articles/${encodeURIComponent(story.articles[0]!.id)}`);
    expect(article.status).toBe(200);
    expect(article.body.storyId).toBe(stories[0]!.id);
    expect((article.body.annotations as { kind: string }[]).some((a) => a.kind === "quote")).toBe(true);
    expect((await get("/api/articles/none")).status).toBe(404);
  });

  test("the OpenAPI document lists every route, and its schemas compile", async () => {
    const { status, body } = await get("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    const paths = body.paths as Record<string, Record<string, unknown>>;
    for (const [path, method] of [["/api/stories", "get"], ["/api/stories/{id}", "get"], ["/api/articles/{id}", "get"], ["/api/jobs", "post"], ["/api/jobs/{id}", "get"], ["/api/articles", "post"], ["/api/health", "get"]]) {
      expect(paths[path!]?.[method!], `${method} ${path}`).toBeDefined();
    }
    // The components reference one another ("#/components/schemas/Story"): added as one document, compiled by name.
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ $id: "https://triangulate.test/openapi.json", components: body.components });
    const names = Object.keys((body.components as { schemas: Record<string, object> }).schemas);
    expect(names).toEqual(expect.arrayContaining(["StorySummary", "Job", "ArticlesBody", "Error"]));
    for (const name of names) expect(ajv.getSchema(`https://triangulate.test/openapi.json#/components/schemas/${name}`), name).toBeTypeOf("function");
  });
});

describe("API: writes", () => {
  test("a job ingests in the background and reports its progress and stories", async () => {
    const res = await post(undefined, "/api/jobs", { articles: seeds.map((s) => ({ ...s, id: `job-${s.id}`, source: `${s.id}.txt` })) });
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string; state: string; total: number } };
    expect(job).toMatchObject({ state: "queued", total: 5 });
    await app.jobsIdle();
    const done = (await (await app.request(`/api/jobs/${job.id}`)).json()) as { job: Record<string, unknown> };
    expect(done.job).toMatchObject({ state: "done", processed: 5, stored: 5, failures: [], error: null });
    expect((done.job.storyIds as string[]).length).toBeGreaterThanOrEqual(2);
    expect((await app.request("/api/jobs/job-none")).status).toBe(404);
    // An API record's `source` names the input; it is not the outlet, as `source` in a file's record is.
    const seed = seeds[0]!;
    const { article } = (await (await app.request(`/api/articles/job-${seed.id}`)).json()) as { article: { source: string; outlet: string | null } };
    expect(article.source).toBe(`${seed.id}.txt`);
    expect(article.outlet).not.toBe(`${seed.id}.txt`);
  });

  test("URLs in a job are fetched (by the fetcher given), read and stored; a failed fetch is named", async () => {
    const pages = new Map([["https://news.example/hayom", seeds[1]!.text]]);
    const fetched: string[][] = [];
    const withFetcher = createApp(store, {
      token: null, webRoot: NO_WEB_APP,
      fetchPages: async (urls) => {
        fetched.push([...urls]);
        return urls.map((url) => (pages.has(url) ? { source: url, format: "text" as const, body: pages.get(url)!, hints: { url }, fetchedAt: "2026-01-01T00:00:00Z" } : { source: url, error: "HTTP 404" }));
      },
    });
    const res = await withFetcher.request("/api/jobs", { method: "POST", body: JSON.stringify({ urls: ["https://news.example/hayom", "https://news.example/gone"] }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string; total: number } };
    expect(job.total).toBe(2);
    await withFetcher.jobsIdle();
    const done = ((await (await withFetcher.request(`/api/jobs/${job.id}`)).json()) as { job: Record<string, unknown> }).job;
    expect(done).toMatchObject({ state: "done", processed: 2, stored: 1, failures: [{ source: "https://news.example/gone", error: "HTTP 404" }] });
    expect(fetched).toEqual([["https://news.example/hayom", "https://news.example/gone"]]);
  });

  test("with a token set, writes need it; reads do not", async () => {
    const guarded = createApp(store, { token: "s3cret", webRoot: NO_WEB_APP });
    const body = JSON.stringify({ articles: [{ text: seeds[0]!.text }] });
    const send = (authorization?: string) =>
      guarded.request("/api/jobs", { method: "POST", body, headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) } });
    expect((await send()).status).toBe(401);
    expect(((await (await send()).json()) as { error: string }).error).toContain("needs a token");
    expect((await send("Bearer wrong")).status).toBe(401);
    expect((await send("Bearer s3cret")).status).toBe(202);
    await guarded.jobsIdle();
    expect((await guarded.request("/api/stories")).status).toBe(200);
  });

  test("a body over the size limit is a 413 before it is read", async () => {
    const res = await post(JSON.stringify({ articles: [{ text: "x".repeat(21 * 1024 * 1024) }] }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain("MB");
  });
});

describe("the built web app", () => {
  test("page routes serve its index and assets, with a Content-Security-Policy", async () => {
    const root = mkdtempSync(join(tmpdir(), "triangulate-web-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>Triangulate</title><script type=\"module\" src=\"/assets/app.js\"></script>");
    writeFileSync(join(root, "assets", "app.js"), "export {};");
    const web = createApp(store, { token: null, webRoot: `${root}/` });
    for (const path of ["/", "/stories/x", "/articles/y", "/add"]) {
      const res = await web.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain("<title>Triangulate</title>");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    }
    const asset = await web.request("/assets/app.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect((await web.request("/api/nothing")).status).toBe(404);
    rmSync(root, { recursive: true, force: true });
  });

  test("without a build, the server-rendered pages allow no script", async () => {
    const res = await app.request("/");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });
});

describe("API: file uploads", () => {
  test("files posted as multipart become a job; a binary file fails by its name", async () => {
    const form = new FormData();
    form.append("file", new Blob([seeds[1]!.text]), "hayom.txt");
    form.append("file", new Blob([new Uint8Array([0, 1, 2, 3, 0, 0, 255, 254, 0, 7])]), "photo.jpg");
    const res = await app.request("/api/files", { method: "POST", body: form });
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string; total: number } };
    expect(job.total).toBe(2);
    await app.jobsIdle();
    const done = ((await (await app.request(`/api/jobs/${job.id}`)).json()) as { job: { state: string; stored: number; failures: { source: string; error: string }[] } }).job;
    expect(done.state).toBe("done");
    expect(done.stored).toBe(1);
    expect(done.failures).toEqual([expect.objectContaining({ source: "photo.jpg" })]);
  });

  test("a form without files is a 400 that says what to send", async () => {
    const res = await app.request("/api/files", { method: "POST", body: new FormData() });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("\"file\"");
  });
});
