/**
 * POST /api/files reads an upload file by file (issue 19): a file over the per-file limit is refused by name and the
 * good files beside it are stored; past the whole-body cap reading stops, keeping the files already whole. The
 * answers match the OpenAPI document. Small limits (AppOptions) keep the bodies small.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApp } from "../../src/serve/http/app.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

const seed = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");
const GOOD = [seed("000_e744ca5dccc51e1c.txt"), seed("003_96eb452bc6dc4573.txt")];
const FILE_LIMIT = 64 * 1024;
const BODY_LIMIT = 256 * 1024;

interface Refused { file: string; reason: string; error: string }
interface DoneJob { state: string; stored: number; failures: { source: string; error: string }[] }

let store: Store;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await openStore({ dataDir: ":memory:", databaseUrl: null });
  app = createApp(store, { token: null, webRoot: "/nonexistent/triangulate-web/", maxFileBytes: FILE_LIMIT, maxUploadBytes: BODY_LIMIT });
}, 60_000);
afterAll(() => store.close());

const upload = (files: [string, string | Uint8Array<ArrayBuffer>][]) => {
  const form = new FormData();
  for (const [name, body] of files) form.append("file", new Blob([body]), name);
  return app.request("/api/files", { method: "POST", body: form });
};
const finished = async (id: string): Promise<DoneJob> => {
  await app.jobsIdle();
  return ((await (await app.request(`/api/jobs/${id}`)).json()) as { job: DoneJob }).job;
};
const storedSources = async () => (await store.loadBundles(undefined, { kinds: [] })).map((b) => b.article.source);

test("a file over the per-file limit is refused by name; the good files sent with it are stored", { timeout: 120_000 }, async () => {
  const res = await upload([["first.txt", GOOD[0]!], ["huge.html", `<p>${"word ".repeat(FILE_LIMIT / 4)}</p>`], ["second.txt", GOOD[1]!]]);
  expect(res.status).toBe(202);
  const body = (await res.json()) as { job: { id: string }; refused: Refused[] };
  expect(body.refused).toEqual([{ file: "huge.html", reason: "too-large", error: expect.stringContaining("0.1 MB") }]);
  const job = await finished(body.job.id);
  expect(job).toMatchObject({ state: "done", stored: 2 });
  expect(job.failures).toEqual([{ source: "huge.html", error: expect.stringContaining("not read: the file is over") }]);
  expect(await storedSources()).toEqual(expect.arrayContaining(["first.txt", "second.txt"]));
});

test("when every file is over the limit, the answer is a 413 naming each", async () => {
  const big = "x".repeat(FILE_LIMIT + 1);
  const res = await upload([["a.txt", big], ["b.txt", big]]);
  expect(res.status).toBe(413);
  const body = (await res.json()) as { error: string; refused: Refused[] };
  expect(body.refused.map((r) => [r.file, r.reason])).toEqual([["a.txt", "too-large"], ["b.txt", "too-large"]]);
  expect(body.error).toMatch(/a\.txt: .*b\.txt: /);
});

test("past the body cap, reading stops: the files already whole are kept and the rest is named as not read", { timeout: 120_000 }, async () => {
  const filler = "y".repeat(FILE_LIMIT - 1000);
  const files: [string, string][] = [["early.txt", GOOD[1]!.replace("Hayom", "Hayom Daily")], ...Array.from({ length: 6 }, (_, i): [string, string] => [`filler-${i}.txt`, filler])];
  const res = await upload(files);
  expect(res.status).toBe(202);
  const body = (await res.json()) as { job: { id: string }; refused: Refused[] };
  expect(body.refused.at(-1)).toEqual({ file: "(the rest of the request)", reason: "cut-off", error: expect.stringContaining("0.3 MB") });
  expect(body.refused.filter((r) => r.reason === "cut-off").length).toBeGreaterThanOrEqual(1);
  const job = await finished(body.job.id);
  expect(job.state).toBe("done");
  expect(job.failures.map((f) => f.source)).toEqual(expect.arrayContaining(["(the rest of the request)"]));
  // The fillers before the cap are read (each fails alone as too short); the early article is stored.
  expect(await storedSources()).toContain("early.txt");
});

test("a body that is not multipart, and a multipart body that breaks off before any file, are 400s", async () => {
  const plain = await app.request("/api/files", { method: "POST", body: "hello", headers: { "content-type": "text/plain" } });
  expect(plain.status).toBe(400);
  expect(((await plain.json()) as { error: string }).error).toContain("multipart/form-data");
  const broken = await app.request("/api/files", { method: "POST", body: "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc", headers: { "content-type": "multipart/form-data; boundary=x" } });
  expect(broken.status).toBe(400);
  expect(((await broken.json()) as { error: string }).error).toContain("breaks off");
});

test("the OpenAPI document describes the upload's answers, refusals included", async () => {
  const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, Record<string, { requestBody: unknown; responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
  const route = doc.paths["/api/files"]!.post!;
  expect(Object.keys(route.responses).sort()).toEqual(["202", "400", "401", "413"]);
  expect(JSON.stringify(route.requestBody)).toContain("multipart/form-data");
  expect(doc.components.schemas).toHaveProperty("RefusedFile");
  expect(JSON.stringify(doc.components.schemas.FilesResponse)).toContain("refused");
});
