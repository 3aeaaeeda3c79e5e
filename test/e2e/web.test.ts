/**
 * The web UI in a real browser: playwright-core drives a chromium found on this machine against a throwaway
 * server (in-memory store) serving the built app from dist/web (`npm test` builds it first). The journey of
 * issue 7: add the five seeds through the page, see two stories, open the amnesty story, find the Wall Street
 * Journal as the one primary source of the offer, and follow a ✓ to the sentence in the article.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { createServer, type Server as HttpServer } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "./chromium.js";
import { fetchDocuments } from "../../src/ingest/fetch/index.js";
import { createApp } from "../../src/serve/http/app.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";

const WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
const TOKEN = "e2e-token";
let store: Store;
let server: ServerType;
let browser: Browser;
let base: string;
let pages: HttpServer;
let pagesBase: string;

/** A news page on a local server, for adding by address. */
const QUAKE_PAGE = `<!doctype html><html><head><title>Earthquake shakes Papua</title><meta property="og:site_name" content="Local Wire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Earthquake shakes Papua</h1>
<p>A magnitude 6.1 earthquake struck off the coast of Papua on Sunday, damaging houses and a bridge, the disaster agency said.</p>
<p>Residents of Manokwari ran from their homes as the tremor hit shortly after dawn, and several aftershocks followed during the morning.</p>
<p>The agency said there was no tsunami warning, and that teams were checking schools and hospitals in the area for damage.</p>
</article><footer>© Local Wire</footer></body></html>`;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("[triangulate] [e2e] no chromium found (CHROMIUM_PATH, /usr/bin/chromium, chromium or chromium-browser on PATH): run `bash scripts/setup.sh`");
  if (!existsSync(`${WEB_ROOT}index.html`)) throw new Error(`[triangulate] [e2e] no built web app in ${WEB_ROOT}: run \`npm run build:web\` (npm test does)`);
  mkdirSync(SHOTS, { recursive: true });
  store = await openStore({ dataDir: ":memory:", databaseUrl: null });
  pages = createServer((req, res) => {
    if (req.url === "/robots.txt") return void res.writeHead(404).end();
    if (req.url === "/quake") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(QUAKE_PAGE);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  // The real fetcher, let through to the page server on 127.0.0.1 only (private addresses are refused otherwise).
  const app = createApp(store, { webRoot: WEB_ROOT, token: TOKEN, fetchPages: (urls) => fetchDocuments(urls, { allowHosts: ["127.0.0.1"], minDelayMs: 0 }) });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (pages ? pages.close(resolve) : resolve(undefined)));
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await store?.close();
});

/** A page that collects script errors, CSP violations (console errors) and failed requests, to fail the test on. */
async function openPage(width: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  return { page, problems };
}

describe("web UI", () => {
  test("pages carry a Content-Security-Policy that allows only this origin", async () => {
    for (const path of ["/", "/add", "/stories/none", "/articles/none"]) {
      const res = await fetch(base + path);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    }
  });

  test("add the seeds, find the amnesty story's one primary source, follow a ✓ to its sentence", async () => {
    const { page, problems } = await openPage(1280);

    await page.goto(`${base}/add`);
    await page.getByTestId("token").fill(TOKEN);
    const seeds = readdirSync(EXAMPLES).filter((f) => f.endsWith(".txt")).map((f) => EXAMPLES + f);
    expect(seeds).toHaveLength(5);
    await page.getByTestId("file-input").setInputFiles(seeds);
    await expect.poll(() => page.getByTestId("file-list").locator("li").count()).toBe(5);
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="job"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("job").innerText()).toContain("5 / 5");
    await expect.poll(() => page.getByTestId("job-stories").locator("a").count()).toBe(2);

    await page.getByTestId("nav-stories").click();
    await page.getByTestId("stories").waitFor();
    expect(await page.getByTestId("story-item").count()).toBe(2);
    // The seeds' two stories (the 2024 amnesty offer, the 2025 exile talks) continue one another: one storyline.
    expect(await page.getByTestId("storyline").getByTestId("story-item").count()).toBe(2);
    expect(await page.getByTestId("storyline").locator(".storyline-head").innerText()).toMatch(/^Storyline · 2 stories · /);
    await page.screenshot({ path: `${SHOTS}stories.png`, fullPage: true });
    await page.getByTestId("search").fill("Belarus");
    await page.getByTestId("search").press("Enter");
    await page.waitForURL("**/?q=Belarus");
    await expect.poll(() => page.getByTestId("story-item").count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.getByTestId("story-item").count()).toBe(2);

    await page.getByTestId("story-link").filter({ hasText: /Maduro/ }).filter({ hasText: /pardon/i }).click();
    await page.getByTestId("matrix").waitFor();
    const offer = page.getByTestId("matrix-row").filter({ hasText: /pardon|amnesty/i }).first();
    expect(await offer.locator('[data-testid="cell"][data-state="supports"]').count()).toBe(3);
    expect(await offer.getByTestId("independent-sources").innerText()).toBe("1");
    expect(await offer.getByTestId("primary-sources").locator(".source-name").allInnerTexts()).toEqual(["The Wall Street Journal"]);
    await page.screenshot({ path: `${SHOTS}story-1280.png`, fullPage: true });

    // At phone width the matrix scrolls inside its box and nothing widens the page.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${SHOTS}story-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Follow a ✓ of a claim stated in the body (not only in headlines) to its sentence.
    const bodyRow = page.getByTestId("matrix-row").filter({ hasNotText: "(headline)" }).filter({ hasText: /pardon/i }).first();
    const cell = bodyRow.locator('[data-testid="cell"][data-state="supports"] a').first();
    const href = (await cell.getAttribute("href"))!;
    const [, articleId, start, end] = /^\/articles\/([^#]+)#(\d+)-(\d+)$/.exec(href)!;
    await cell.click();
    await page.waitForURL(`**/articles/${articleId}#${start}-${end}`);
    const target = page.getByTestId("target");
    await target.waitFor();
    const text = (await page.evaluate(() => document.querySelector("[data-testid=article-text]")!.textContent))!;
    expect(await target.innerText()).toBe(text.slice(Number(start), Number(end)));
    expect(await target.innerText()).toMatch(/pardon/i);
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    await page.screenshot({ path: `${SHOTS}article.png` });

    // The seeds were pasted from a browser with menus and bios left in: the reader shows what was taken out.
    await page.getByTestId("toggle-set-aside").click();
    await page.getByTestId("set-aside").waitFor();
    expect(await page.getByTestId("set-aside").locator("ul.removed li").count()).toBeGreaterThan(0);

    expect(problems).toEqual([]);
    await page.close();
  });

  test("a pasted text that looks like HTML is shown as text, never run or parsed", async () => {
    const { page, problems } = await openPage(1280);
    const markup = `<img src="/x" onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
    const paragraphs = [
      "Officials in Caracas said on Monday that the electricity grid failed again across three states.",
      `The outage began in the afternoon and lasted for more than six hours, according to the national power company, which blamed a fire at a substation near Valencia. A reader wrote in: ${markup}`,
      "Residents described long queues at petrol stations and shops that could not take card payments while the networks were down.",
      "Engineers restored power to most districts by evening, the company said, and an inquiry into the cause of the fire has been opened.",
    ];
    await page.goto(`${base}/add`);
    await page.getByTestId("token").fill(TOKEN);
    await page.getByTestId("paste-text").fill(paragraphs.join("\n\n"));
    await page.getByTestId("paste-title").fill("Power cut across three Venezuelan states");
    await page.getByTestId("paste-outlet").fill("Test Wire");
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="job"][data-state="done"]').waitFor({ timeout: 60_000 });
    await page.getByTestId("job-stories").locator("a").first().click();
    await page.getByTestId("articles").getByRole("link", { name: "Power cut across three Venezuelan states" }).click();
    const text = page.getByTestId("article-text");
    await text.waitFor();
    expect(await text.textContent()).toContain(markup);
    expect(await text.locator("img, script").count()).toBe(0);
    expect(await page.title()).not.toBe("pwned");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("an address given in the page is fetched by the server and lands in a story", async () => {
    const { page, problems } = await openPage(1280);
    await page.goto(`${base}/add`);
    await page.getByTestId("token").fill(TOKEN);
    await page.getByTestId("urls").fill(`${pagesBase}/quake`);
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="job"][data-state="done"]').waitFor({ timeout: 60_000 });
    await page.getByTestId("job-stories").locator("a").first().click();
    await page.getByTestId("articles").getByRole("link", { name: "Earthquake shakes Papua" }).click();
    const text = page.getByTestId("article-text");
    await text.waitFor();
    expect(await text.textContent()).toContain("A magnitude 6.1 earthquake struck off the coast of Papua");
    expect(await text.textContent()).not.toContain("World");
    expect(problems).toEqual([]);
    await page.close();
  });
});
