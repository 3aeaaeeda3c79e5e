/**
 * One process owns a data directory: while `serve` holds it, a second process is refused with a clear message,
 * talks to the server's API instead, and the directory survives the attempt.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { EXAMPLES, runCli, spawnCli, tempDir } from "./run-cli.js";

// Two processes end to end (the server's start, its analysis and rebuild of the posted articles, Ctrl-C): 60 s
// at load 18 on two cores, so twice the default limit.
test("serve owns its data directory; others use its API; Ctrl-C closes it cleanly", { timeout: 120_000 }, async () => {
  const home = tempDir();
  const dataDir = join(home, "data");
  expect((await runCli(["ingest", `${EXAMPLES}000_e744ca5dccc51e1c.txt`, "--data-dir", dataDir], { home })).code).toBe(0);

  const server = spawnCli(["serve", "--port", "0", "--data-dir", dataDir], { HOME: home });
  let out = "";
  server.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout!.on("data", (d) => {
      out += d;
      const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  try {
    const second = await runCli(["ingest", EXAMPLES, "--data-dir", dataDir], { home });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`the data directory ${dataDir} is in use`);

    const seeds = ["001_33169ef43ff5a28d.txt", "004_f37875985f527884.txt"].map((f) => ({ text: readFileSync(`${EXAMPLES}${f}`, "utf8") }));
    const res = await fetch(new URL("api/articles", url), { method: "POST", body: JSON.stringify({ articles: seeds }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(200);
    const health = (await (await fetch(new URL("api/health", url))).json()) as { articles: number };
    expect(health.articles).toBe(3);
    // The built web app (npm test builds it first), with its policy.
    const page = await fetch(url);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    expect((await fetch(new URL(script!, url))).status).toBe(200);
  } finally {
    server.kill("SIGINT");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  const after = await runCli(["stories", "--json", "--data-dir", dataDir], { home });
  expect(after.code).toBe(0);
  const stories = JSON.parse(after.stdout).stories as { articleIds: string[] }[];
  expect(stories.flatMap((s) => s.articleIds)).toHaveLength(3);
});
