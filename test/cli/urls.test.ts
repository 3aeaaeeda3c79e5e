/**
 * `triangulate analyze https://…` against a page server this test starts on 127.0.0.1: fetched, extracted and
 * reported with its final URL; refused as a local address unless the host is allowed explicitly.
 */
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { EXAMPLES, runCli } from "./run-cli.js";

const seed = readFileSync(`${EXAMPLES}001_33169ef43ff5a28d.txt`, "utf8");
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/robots.txt") return void res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nDisallow: /private\n");
    if (req.url === "/old") return void res.writeHead(301, { location: "/story" }).end();
    if (req.url === "/story") return void res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(seed);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("a URL is fetched politely, follows its redirect and keeps its final address; robots.txt is obeyed", async () => {
  const { code, stdout, stderr } = await runCli(["analyze", `${base}/old`, `${base}/private/x`, "--allow-host", "127.0.0.1", "--json", "--no-store"]);
  expect(code).toBe(2);
  const report = JSON.parse(stdout) as { articles: { source: string; url: string | null; outlet: string | null }[]; failures: { source: string; error: string }[] };
  expect(report.articles).toEqual([expect.objectContaining({ source: `${base}/old`, url: `${base}/story`, outlet: "Israel Hayom" })]);
  expect(report.failures).toEqual([expect.objectContaining({ source: `${base}/private/x`, error: expect.stringMatching(/robots\.txt/) })]);
  expect(stderr).toContain(`${base}/private/x`);
});

test("a local address is refused unless allowed, and the message says why", async () => {
  const { code, stdout } = await runCli(["analyze", `${base}/story`, "--json", "--no-store"]);
  expect(code).toBe(2);
  const report = JSON.parse(stdout) as { articles: unknown[]; failures: { source: string; error: string }[] };
  expect(report.articles).toEqual([]);
  expect(report.failures[0]!.error).toMatch(/private|loopback|local/i);
});
