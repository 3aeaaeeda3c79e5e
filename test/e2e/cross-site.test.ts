/**
 * A server without TRIANGULATE_TOKEN takes writes only from its own pages (issue 19, item 4), proved in a real browser:
 * Debian's chromium (playwright-core) opens an "attacker" page on another origin (another port of 127.0.0.1: same
 * site, other origin; and localhost: another site) which POSTs a file as a no-cors form upload and an article as JSON
 * to the server. Nothing may be stored. The same upload from a page of the server's own origin is stored, so the
 * browser's requests do reach the server and the refusal is what keeps them out. Everything started here is stopped,
 * and the data folder removed, even when a step fails.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "./chromium.js";
import { createApp } from "../../src/serve/http/app.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

const TEXT = "The city council voted on Tuesday to close the old bridge after engineers found cracks in two of its supports. " +
  "The mayor said repairs would take a year and cost about four million dollars, paid from the state's road fund. " +
  "Commuters will be sent over the northern crossing, which the transport office expects to add twenty minutes to a trip. " +
  "Shop owners near the bridge said they feared losing customers during the works.";

/** What the attacker's page runs: the writes any web page may send without asking (no-cors), and a JSON post. */
const attackScript = (target: string) => `
  const text = ${JSON.stringify(TEXT)};
  const form = new FormData();
  form.append("file", new Blob([text], { type: "text/plain" }), "planted.txt");
  const results = [];
  const attempt = async (name, init) => {
    try { const r = await fetch(${JSON.stringify(target)} + init.path, init); results.push(name + ":" + r.type + ":" + r.status); }
    catch (e) { results.push(name + ":error"); }
  };
  await attempt("files", { path: "/api/files", mode: "no-cors", method: "POST", body: form });
  await attempt("jobs-text", { path: "/api/jobs", mode: "no-cors", method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ articles: [{ text }] }) });
  await attempt("articles-json", { path: "/api/articles", method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ articles: [{ text }] }) });
  document.title = "done " + results.join(" ");
`;

let dataDir: string | undefined;
let store: Store | undefined;
let app: ReturnType<typeof createApp> | undefined;
let server: ServerType | undefined;
let attacker: HttpServer | undefined;
let browser: Browser | undefined;
let base = "";
let attackerPort = 0;
/** Every request the server answered, as "METHOD /path STATUS". */
const answered: string[] = [];

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("[triangulate] [e2e] no chromium found (CHROMIUM_PATH, /usr/bin/chromium, chromium or chromium-browser on PATH): run `bash scripts/setup.sh`");
  dataDir = mkdtempSync(join(tmpdir(), "triangulate-cross-site-"));
  store = await openStore({ dataDir, databaseUrl: null });
  app = createApp(store, { token: null, webRoot: "/nonexistent/triangulate-web/", hostNames: ["127.0.0.1"] });
  const served = app;
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({
      fetch: async (request, env) => {
        const response = await served.fetch(request, env);
        answered.push(`${request.method} ${new URL(request.url).pathname} ${response.status}`);
        return response;
      },
      port: 0, hostname: "127.0.0.1",
    }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  attacker = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><title>attacker</title><script type="module">${attackScript(base)}</script>`);
  });
  await new Promise<void>((resolve) => attacker!.listen(0, "127.0.0.1", resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await new Promise((resolve) => (attacker ? attacker.close(resolve) : resolve(undefined)));
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await app?.jobsIdle();
  await store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function runAttackFrom(origin: string): Promise<string> {
  const page = await browser!.newPage();
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.title.startsWith("done"), undefined, { timeout: 30_000 });
    return await page.title();
  } finally {
    await page.close();
  }
}

describe("cross-site writes to a server without a token", { timeout: 120_000 }, () => {
  test.each([
    ["another port of 127.0.0.1 (same site, other origin)", () => `http://127.0.0.1:${attackerPort}`],
    ["localhost (another site)", () => `http://localhost:${attackerPort}`],
  ])("a page on %s cannot store anything", async (_, origin) => {
    answered.length = 0;
    const title = await runAttackFrom(origin());
    // The no-cors posts reached the server and were refused; the JSON post was stopped at its preflight or refused.
    expect(answered).toContain("POST /api/files 403");
    expect(answered).toContain("POST /api/jobs 403");
    expect(answered.filter((a) => a.startsWith("POST") && !a.endsWith(" 403"))).toEqual([]);
    expect(title).toMatch(/files:opaque:0/);
    await app!.jobsIdle();
    expect((await store!.counts()).articles).toBe(0);
  });

  test("the same upload from the server's own origin is stored", async () => {
    const page = await browser!.newPage();
    try {
      await page.goto(`${base}/api/health`);
      const status = await page.evaluate(async (text) => {
        const form = new FormData();
        form.append("file", new Blob([text], { type: "text/plain" }), "own.txt");
        return (await fetch("/api/files", { method: "POST", body: form })).status;
      }, TEXT);
      expect(status).toBe(202);
    } finally {
      await page.close();
    }
    await app!.jobsIdle();
    expect((await store!.counts()).articles).toBe(1);
  });
});
