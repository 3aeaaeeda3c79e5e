import { describe, expect, test } from "vitest";
import { parseArticleRecord, parseJsonFile, parseJsonLines } from "./records-file.js";

const AT = "2026-01-01T00:00:00Z";

describe("article records", () => {
  test("a .jsonl record keeps its id and metadata as hints", () => {
    const [doc] = parseJsonLines(JSON.stringify({ id: "a-1", text: "Body.", title: "T", outlet: "O", publishedAt: "2024-08-11", authors: ["A B"] }), "x.jsonl", AT);
    expect(doc).toEqual({ source: "x.jsonl:1", format: "text", body: "Body.", fetchedAt: AT, hints: { id: "a-1", title: "T", outlet: "O", publishedAt: "2024-08-11", authors: ["A B"] } });
  });

  test("html wins over text, numeric ids become strings", () => {
    expect(parseArticleRecord({ id: 7, html: "<p>x</p>", text: "x" }, "s", AT)).toMatchObject({ format: "html", body: "<p>x</p>", hints: { id: "7" } });
  });

  test("a bad line fails alone, naming its line", () => {
    const docs = parseJsonLines('{"id":"1","text":"ok"}\n{not json\n\n{"id":"3"}\n', "in.jsonl", AT);
    expect(docs).toHaveLength(3);
    expect(docs[0]).toMatchObject({ source: "in.jsonl:1", hints: { id: "1" } });
    expect(docs[1]).toMatchObject({ source: "in.jsonl:2", error: expect.stringContaining("not valid JSON") });
    expect(docs[2]).toMatchObject({ source: "in.jsonl:4", error: expect.stringContaining("neither") });
  });

  test.each([["[1,2]"], ["\"text\""], ["null"]])("a JSON value that is not an article object: %s", (json) => {
    const out = parseJsonFile(json, "a.json", AT);
    expect(out.every((d) => "error" in d)).toBe(true);
  });
});
