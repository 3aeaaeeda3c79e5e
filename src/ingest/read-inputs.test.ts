import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expandInputs, readInput } from "./read-inputs.js";

const dir = mkdtempSync(join(tmpdir(), "triangulate-ingest-"));
mkdirSync(join(dir, "nested"));
writeFileSync(join(dir, "b.txt"), "Plain text article.");
writeFileSync(join(dir, "nested", "a.html"), "<html><body><p>Hi</p></body></html>");
writeFileSync(join(dir, "notes.docx"), "ignored");
writeFileSync(join(dir, ".hidden.txt"), "ignored");
writeFileSync(join(dir, "big.txt"), "x".repeat(2048));
writeFileSync(join(dir, "blank.txt"), "  \n\n ");
const options = { maxInputBytes: 1024, now: () => "2026-01-01T00:00:00Z" };

describe("expandInputs", () => {
  test("folders expand recursively, in name order, to the formats we read", async () => {
    const out = await expandInputs([dir]);
    expect(out).toEqual([join(dir, "b.txt"), join(dir, "big.txt"), join(dir, "blank.txt"), join(dir, "nested", "a.html")]);
  });

  test("a missing path is a failure that names it; a URL is passed on to be fetched", async () => {
    const out = await expandInputs([join(dir, "nope.txt"), "https://example.com/a", "-"]);
    expect(out).toEqual([{ source: join(dir, "nope.txt"), error: "no such file or folder" }, "https://example.com/a", "-"]);
  });
});

describe("readInput", () => {
  test("a text file becomes one text document", async () => {
    expect(await readInput(join(dir, "b.txt"), options)).toEqual([{ source: join(dir, "b.txt"), format: "text", body: "Plain text article.", hints: {}, fetchedAt: "2026-01-01T00:00:00Z" }]);
  });

  test("stdin is sniffed: HTML", async () => {
    const [doc] = await readInput("-", { ...options, readStdin: async () => new TextEncoder().encode("<!doctype html><p>x</p>") });
    expect(doc).toMatchObject({ source: "-", format: "html" });
  });

  test.each([
    ["too large", "big.txt", "too large"],
    ["empty", "blank.txt", "empty input"],
  ])("%s input is refused, naming the limit", async (_, file, message) => {
    const [doc] = await readInput(join(dir, file), options);
    expect(doc).toMatchObject({ source: join(dir, file), error: expect.stringContaining(message) });
  });
});
