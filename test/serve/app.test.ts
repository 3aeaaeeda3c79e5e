/** The HTTP API and pages, in-process (`app.request`), over a fresh in-memory PGlite. */
import { readFileSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../src/serve/http/app.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

const examples = new URL("../../examples/", import.meta.url);
const seeds = readdirSync(examples).filter((f) => f.endsWith(".txt")).map((f) => ({ id: f.replace(/\.txt$/, ""), text: readFileSync(new URL(f, examples), "utf8") }));
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await openStore({ dataDir: ":memory:", databaseUrl: null });
  app = createApp(store);
});
afterAll(() => store.close());

const post = (body: unknown) => app.request("/api/articles", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });

describe("API", () => {
  test("an empty database is healthy and has no stories", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, articles: 0, stories: 0 });
    expect(await (await app.request("/api/stories")).json()).toEqual({ stories: [] });
  });

  test.each([
    ["not JSON", "{nope", 400, "must be JSON"],
    ["no articles", { articles: [] }, 400, "non-empty array"],
    ["a record without text", { articles: [{ title: "x" }] }, 422, ""],
  ])("a bad request is refused clearly: %s", async (_, body, status, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error?: string; failures?: unknown[] };
    if (message) expect(json.error).toContain(message);
    else expect(json.failures).toHaveLength(1);
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
    expect(page).toContain("<h4>Claims</h4>");
    expect(page).toContain("independent source");
  });

  test("an unknown page is a 404 page, not a crash", async () => {
    const res = await app.request("/stories/%3Cscript%3E");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("<script>");
  });
});
