import { Writable } from "node:stream";
import { afterEach, expect, test, vi } from "vitest";
import { progressReporter, rebuildStatus } from "./progress.js";

/** A stream that keeps what is written, a terminal or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { written: string } {
  const out = new Writable({ write(chunk, _encoding, done) { out.written += String(chunk); done(); } }) as unknown as NodeJS.WriteStream & { written: string };
  out.written = "";
  out.isTTY = isTTY;
  return out;
}

afterEach(() => vi.unstubAllEnvs());

test("on a terminal, the rebuild's status line says each step with its count and is cleared at the end", async () => {
  vi.stubEnv("CI", "");
  const terminal = stream(true);
  const status = rebuildStatus(terminal);
  status("load", null);
  status("cluster", 10_000);
  status("compare", 1);
  status("store", 8_834);
  status.stop();
  await new Promise((resolve) => setImmediate(resolve));
  expect(terminal.written.split("\r\x1b[K")).toEqual([
    "",
    "updating stories: reading the store…",
    "updating stories: grouping 10,000 articles…",
    "updating stories: comparing 1 story…",
    "updating stories: saving 8,834 stories…",
    "",
  ]);
});

test("piped or in CI, nothing is written", async () => {
  vi.stubEnv("CI", "");
  const piped = stream(false);
  const inCi = stream(true);
  const quietPiped = rebuildStatus(piped);
  quietPiped("cluster", 5);
  quietPiped.stop();
  vi.stubEnv("CI", "true");
  const quietCi = rebuildStatus(inCi);
  quietCi("cluster", 5);
  quietCi.stop();
  await new Promise((resolve) => setImmediate(resolve));
  expect(piped.written + inCi.written).toBe("");
});

test("on a terminal, the reading bar takes a total that changes after it started (a count shown before a folder expanded)", async () => {
  vi.stubEnv("CI", "");
  const terminal = stream(true);
  const bar = progressReporter("ingesting", terminal);
  bar({ done: 0, total: 1, source: "200 articles stored" });
  bar({ done: 3, total: 4, source: "last.jsonl" });
  bar.stop();
  await new Promise((resolve) => setImmediate(resolve));
  expect(terminal.written).toContain("200 articles stored");
  expect(terminal.written).toContain("3/4 last.jsonl");
});
