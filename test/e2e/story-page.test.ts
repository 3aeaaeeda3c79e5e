/**
 * The story page a journalist reads in thirty seconds (issue 23), in a real browser: a throwaway server on
 * 127.0.0.1 over a store in a temporary folder holding the five seeds and a two-outlet story with a disputed
 * death toll. The bottom line comes first with its counts; nothing at 375 px hides a verdict off to the right; the
 * reader's side panel shows each outlet's version; the page works by keyboard; the timeline says an inferred
 * year; no meaning rests on colour alone (axe-core's colour and contrast rules, and a word or shape on every
 * verdict). Screenshots of /, a story, an article and /add at 1280 and 375 px go to docs/screenshots/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "./chromium.js";
import { createApp } from "../../src/serve/http/app.js";
import { openStore } from "../../src/store/index.js";
import type { Store } from "../../src/store/types.js";
import { STORY_SECTIONS } from "../../src/report/render/sections.js";

/** The built web app: dist/web (`npm test` builds it), or TRIANGULATE_WEB_ROOT for a build elsewhere. */
const WEB_ROOT = process.env.TRIANGULATE_WEB_ROOT?.replace(/\/?$/, "/") ?? fileURLToPath(new URL("../../dist/web/", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const SHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const TOKEN = "story-page-token";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Two outlets on one storm, disagreeing on the toll (14 per the emergency office, 22 per hospital workers). */
const DISPUTE = [
  { source: "harbor-gazette.txt", outlet: "Harbor Gazette", publishedAt: "2025-03-04", title: "Storm leaves 14 dead in coastal towns, officials say",
    text: "A winter storm that swept the coast on Monday killed 14 people, the regional emergency office said on Tuesday.\n\nThe storm brought winds of more than 120 kilometres an hour and flooded the lower districts of Porto Vale and Santa Rita, where rescue teams worked through the night.\n\nThe emergency office said 2,300 people had been moved to shelters and that power had been restored to most homes by Tuesday evening.\n\nThe regional governor, Marta Quiroga, declared three days of mourning. \"We will rebuild every house,\" she said.\n\nSchools in both towns will stay closed until March 10, the education department said." },
  { source: "coast-radio.txt", outlet: "Coast Radio News", publishedAt: "2025-03-05", title: "Storm death toll rises to 22, hospital workers say",
    text: "The winter storm that hit the coast on Monday killed 22 people, hospital workers in Porto Vale said on Wednesday, contradicting the official count.\n\nThe storm flooded the lower districts of Porto Vale and Santa Rita with winds of more than 120 kilometres an hour.\n\nThe regional emergency office said 2,300 people had been moved to shelters.\n\nHospital staff said several victims had been brought in from outlying villages that the emergency office had not yet reached.\n\nSchools in both towns will remain closed until March 10, according to the education department." },
];

let dataDir: string | undefined;
let store: Store | undefined;
let server: ServerType | undefined;
let browser: Browser | undefined;
let base = "";
let seedStory = "";
let disputeStory = "";

async function post(articles: object[]): Promise<{ report: { stories: { id: string; title: string }[] } }> {
  const res = await fetch(`${base}/api/articles`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ articles }) });
  if (!res.ok) throw new Error(`[story-page] POST /api/articles: ${res.status} ${await res.text()}`);
  return (await res.json()) as { report: { stories: { id: string; title: string }[] } };
}

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("[triangulate] [e2e] no chromium found (CHROMIUM_PATH, /usr/bin/chromium, chromium on PATH): run `bash scripts/setup.sh`");
  if (!existsSync(join(WEB_ROOT, "index.html"))) throw new Error(`[triangulate] [e2e] no built web app in ${WEB_ROOT}: run \`npm run build:web\` (npm test does)`);
  dataDir = mkdtempSync(join(tmpdir(), "triangulate-story-page-"));
  store = await openStore({ dataDir, databaseUrl: null });
  // The user's outlet file, as `serve --outlets FILE` hands it to the pages (made-up outlets: no real ratings here).
  writeFileSync(join(dataDir, "outlets.csv"), "name,lean,country,owner\nHarbor Gazette,lean left,Portugal,Gazette Media\nCoast Radio News,right,Portugal,\n");
  process.env.TRIANGULATE_OUTLETS = join(dataDir, "outlets.csv");
  const app = createApp(store, { webRoot: WEB_ROOT, token: TOKEN });
  delete process.env.TRIANGULATE_OUTLETS;
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const seeds = readdirSync(EXAMPLES).filter((f) => f.endsWith(".txt")).sort().map((f) => ({ text: readFileSync(EXAMPLES + f, "utf8"), source: f }));
  const seeded = await post(seeds);
  seedStory = seeded.report.stories.find((s) => /pardon/i.test(s.title))!.id;
  const disputed = await post(DISPUTE);
  disputeStory = disputed.report.stories.find((s) => /storm/i.test(s.title))!.id;
  browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await store?.close().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function open(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
  await page.goto(base + path);
  try {
    await page.locator("main h1").first().waitFor({ timeout: 20_000 });
    await page.locator('[role="status"]', { hasText: "Loading" }).waitFor({ state: "detached", timeout: 20_000 });
  } catch (error) {
    throw new Error(`[story-page] ${path} did not render: ${problems.join("; ")}\n${(await page.content()).slice(0, 800)}`, { cause: error });
  }
  return { page, problems };
}

const counts = async (page: Page) => Object.fromEntries(await Promise.all(["outlets", "sources", "corroborated", "disputes"].map(async (k) =>
  [k, Number(await page.getByTestId(`count-${k}`).getAttribute("data-count"))] as const)));

describe("the story page", () => {
  test("the seeds' story opens with its bottom line: one source, no outlet confirms it, and the counts", async () => {
    const { page, problems } = await open(`/stories/${seedStory}`);
    const first = page.locator("main .view > section").first();
    expect(await first.getAttribute("data-testid")).toBe("bottom-line");
    const line = await page.getByTestId("bottom-line-sentence").allInnerTexts();
    expect(line[0]).toMatch(/trace what they share to one source: The Wall Street Journal/);
    expect(line[0]).toMatch(/No outlet confirms it independently/);
    expect(await counts(page)).toMatchObject({ outlets: 3, sources: 1, corroborated: 0 });
    expect(await page.getByTestId("none-established").innerText()).toMatch(/No claim/);
    // Sections in the one order every report follows (src/report/render/sections.ts), with the same titles.
    const order = await page.locator("main .view > section").evaluateAll((els) => els.map((e) => [e.getAttribute("data-testid"), e.querySelector("h2")?.textContent]));
    const ids = STORY_SECTIONS.map((x) => x.id as string);
    expect(order.map(([id]) => id)).toEqual(ids.filter((id) => order.some(([o]) => o === id)));
    for (const [id, title] of order) expect(title, id!).toBe(STORY_SECTIONS.find((x) => x.id === id)!.title);
    expect(order.map(([id]) => id)).toEqual(expect.arrayContaining(["bottom-line", "coverage", "brief", "disputes", "established", "chains", "claims", "framing", "timeline", "quotes"]));
    // One label per outlet: the unnamed seed is its file's short name, and "unknown outlet (" is nowhere.
    expect(await page.locator("main").innerText()).not.toContain("unknown outlet (");
    expect(await page.getByTestId("articles").innerText()).toContain("000_e744ca5dc… (outlet unknown");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("a story with a dispute says it in its bottom line and shows each side with who gives it", async () => {
    const { page } = await open(`/stories/${disputeStory}`);
    const shown = await counts(page);
    expect(shown).toMatchObject({ outlets: 2 });
    expect(shown.disputes).toBeGreaterThanOrEqual(1);
    expect(shown.sources).toBeGreaterThanOrEqual(1);
    expect(await page.locator("main .view > section").first().getAttribute("data-testid")).toBe("bottom-line");
    expect((await page.getByTestId("bottom-line-sentence").allInnerTexts()).join(" ")).toMatch(/dispute/);
    const sides = await page.getByTestId("disputes").getByTestId("dispute-side").allInnerTexts();
    expect(sides.some((s) => /^14\b/.test(s))).toBe(true);
    expect(sides.some((s) => /^22\b/.test(s))).toBe(true);
    expect(await page.getByTestId("disputes").locator("a.cite").count()).toBeGreaterThanOrEqual(2);
    // The user's outlet file: each outlet's lean beside it, and the story's lean spread, as Ground News shows lean.
    expect(await page.getByTestId("outlet-info").allInnerTexts()).toEqual(expect.arrayContaining([" (leans left · Portugal · owner: Gazette Media)", " (right · Portugal)"]));
    expect(await page.getByTestId("lean-spread").innerText()).toBe("Lean of the outlets (your file): 1 leans left · 1 right");
    await page.close();
    // And on the list of stories, under the story's coverage bar.
    const list = await open("/");
    const item = list.page.getByTestId("story-item").filter({ hasText: /storm/i });
    expect(await item.getByTestId("lean-spread").innerText()).toBe("Lean of the outlets (your file): 1 leans left · 1 right");
    expect(await item.getByTestId("coverage-bar").getAttribute("aria-label")).toContain("Harbor Gazette (leans left · Portugal · owner: Gazette Media)");
    await list.page.close();
  });

  test("at 375 px nothing scrolls sideways and every verdict is on screen", async () => {
    for (const id of [seedStory, disputeStory]) {
      const { page } = await open(`/stories/${id}`, 375);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const boxes = await page.locator("[data-testid=matrix] .status, [data-testid=independent-sources]").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
      expect(boxes.length).toBeGreaterThan(0);
      for (const right of boxes) expect(right).toBeLessThanOrEqual(375);
      await page.close();
    }
  });

  test("the reader's side panel shows each outlet's version of the sentence in focus, its source and what differs", async () => {
    const { page } = await open(`/stories/${seedStory}`);
    const href = (await page.getByTestId("matrix-row").filter({ hasNotText: "(headline)" }).filter({ hasText: /pardon/i }).first().locator('[data-state="supports"] a').first().getAttribute("href"))!;
    await page.goto(base + href);
    await page.getByTestId("version-list").waitFor();
    const versions = page.getByTestId("version");
    expect(await versions.count()).toBeGreaterThanOrEqual(2);
    expect(new Set(await versions.evaluateAll((els) => els.map((e) => e.getAttribute("data-outlet")))).size).toBeGreaterThanOrEqual(2);
    for (const text of await versions.allInnerTexts()) expect(text).toMatch(/source: \S/);
    await page.close();

    // In the dispute, the other outlet's version marks its other value.
    const story = await open(`/stories/${disputeStory}`);
    const side = story.page.getByTestId("dispute-side").filter({ hasText: /^22/ }).locator("a.cite").first();
    await story.page.goto(base + (await side.getAttribute("href"))!);
    await story.page.getByTestId("version-list").waitFor();
    expect((await story.page.getByTestId("differences").allInnerTexts()).join(" ")).toMatch(/other value: 14/);
    await story.page.close();
  });

  test("by keyboard: skip to the content, reach a citation, follow it to its sentence", async () => {
    const { page } = await open(`/stories/${seedStory}`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    let onCite = false;
    for (let i = 0; i < 80 && !onCite; i++) {
      await page.keyboard.press("Tab");
      onCite = await page.evaluate(() => document.activeElement?.classList.contains("cite") ?? false);
    }
    expect(onCite).toBe(true);
    const href = (await page.evaluate(() => document.activeElement?.getAttribute("href")))!;
    await page.keyboard.press("Enter");
    await page.waitForURL(`**${href}`);
    await page.getByTestId("article-text").waitFor();
    if (href.includes("#")) expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("target");
    await page.close();
  });

  test("the timeline writes dates as a reader does and says when a year is inferred", async () => {
    const { page } = await open(`/stories/${seedStory}`);
    const entries = await page.getByTestId("timeline-entry").allInnerTexts();
    expect(entries.join("\n")).not.toMatch(/--\d\d/);
    const inferred = page.locator('[data-testid=timeline-entry][data-inferred="true"]');
    expect(await inferred.count()).toBeGreaterThanOrEqual(1);
    expect(await inferred.first().innerText()).toMatch(/^\d{1,2} [A-Z][a-z]{2} 20\d\d \(year inferred\)|^[A-Z][a-z]{2} 20\d\d \(year inferred\)/);
    // The January deadline is one entry, dated Jan 2025, not also "Jan (year unknown)".
    expect(entries.filter((e) => /everything on the table/.test(e))).toHaveLength(1);
    expect(entries.find((e) => /everything on the table/.test(e))).toMatch(/^Jan 2025/);
    await page.close();
  });

  test("no meaning by colour alone: every verdict has its word, and axe finds no colour or contrast fault", async () => {
    for (const path of [`/stories/${seedStory}`, `/stories/${disputeStory}`, "/", "/add"]) {
      const { page } = await open(path);
      for (const text of await page.locator(".status").allTextContents()) expect(text).toMatch(/corroborated|single source|disputed/);
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: "rule", values: ["color-contrast", "link-in-text-block", "list", "listitem", "definition-list", "dlitem", "aria-allowed-attr", "button-name", "link-name", "label", "heading-order", "region", "scrollable-region-focusable"] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      });
      expect(violations, path).toEqual([]);
      await page.close();
    }
  });

  test("screenshots of /, a story, an article and /add at 1280 and 375 px", async () => {
    const { page: story } = await open(`/stories/${seedStory}`);
    const article = (await story.getByTestId("matrix-row").filter({ hasNotText: "(headline)" }).filter({ hasText: /pardon/i }).first().locator('[data-state="supports"] a').first().getAttribute("href"))!;
    await story.close();
    for (const [name, path] of [["stories", "/"], ["story", `/stories/${seedStory}`], ["article", article], ["add", "/add"]] as const) {
      for (const width of [1280, 375]) {
        const { page } = await open(path, width);
        if (name === "article") await page.getByTestId("versions").waitFor();
        await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: name !== "story" && name !== "article" });
        if (name === "story") await page.getByTestId("claims").screenshot({ path: `${SHOTS}story-matrix-${width}.png` });
        if (name === "story" && width === 1280) await page.getByTestId("timeline").screenshot({ path: `${SHOTS}story-timeline-${width}.png` });
        await page.close();
      }
    }
    expect(readdirSync(SHOTS).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(8);
  });
});

describe("/add", () => {
  test("takes .jsonl records as the command line does, and says where they landed", async () => {
    const { page } = await open("/add");
    expect(await page.getByTestId("add-kinds").innerText()).not.toMatch(/issue \d/);
    await page.getByTestId("token").fill(TOKEN);
    const record = (n: number, outlet: string) => JSON.stringify({
      id: `bridge-${n}`, outlet, publishedAt: "2025-06-02", title: `Lisbon closes the old river bridge for repairs (${outlet})`,
      text: "Lisbon closed its old river bridge on Monday after engineers found cracks in two of its supports, the city council said. " +
        "Repairs will take about four months and cost 12 million euros, the council said, and traffic will be sent over the northern crossing. " +
        "Shop owners near the bridge said they feared losing customers during the works. The council said ferries would run every ten minutes.",
    });
    await page.getByTestId("file-input").setInputFiles({ name: "bridge.jsonl", mimeType: "application/json", buffer: Buffer.from(`${record(1, "Lisbon Courier")}\n${record(2, "Tagus Daily")}\n`) });
    await expect.poll(() => page.getByTestId("file-list").innerText()).toContain("bridge.jsonl (records, one per line");
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="job"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("job").innerText()).toContain("2 articles stored.");
    await expect.poll(() => page.getByTestId("job-stories").locator("a").count()).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
