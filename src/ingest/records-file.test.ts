import { describe, expect, test } from "vitest";
import { parseArticleRecord, parseJsonFile, parseJsonLines, MAX_NAMED_RECORD_FAILURES } from "./records-file.js";

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
    expect(docs[2]).toMatchObject({ source: "in.jsonl:4", error: expect.stringContaining("has no text") });
  });

  test.each([["[1,2]"], ["\"text\""], ["null"]])("a JSON value that is not an article object: %s", (json) => {
    const out = parseJsonFile(json, "a.json", AT);
    expect(out.every((d) => "error" in d)).toBe(true);
  });

  // Real records from the tools and APIs users export from, trimmed to the fields read.
  test("news-please: maintext, date_publish, source_domain; the download date is never the publication date", () => {
    const record = { title: "Quake hits Napa", maintext: "A quake struck.", date_publish: "2014-08-24 10:20:00", date_download: "2020-01-01 00:00:00", source_domain: "www.sfgate.com", url: "https://www.sfgate.com/a", authors: ["Kale Williams"] };
    expect(parseArticleRecord(record, "s", AT)).toMatchObject({
      format: "text", body: "A quake struck.",
      hints: { title: "Quake hits Napa", publishedAt: "2014-08-24 10:20:00", outlet: "www.sfgate.com", url: "https://www.sfgate.com/a", authors: ["Kale Williams"] },
    });
  });

  test("NewsAPI: source and author as objects or strings", () => {
    const record = { source: { id: "cnn", name: "CNN" }, author: "Jane Doe", title: "T", url: "https://cnn.com/x", publishedAt: "2021-10-18T16:15:00Z", content: "Body text" };
    expect(parseArticleRecord(record, "s", AT)).toMatchObject({ body: "Body text", hints: { outlet: "CNN", authors: ["Jane Doe"], publishedAt: "2021-10-18T16:15:00Z" } });
  });

  test("schema.org NewsArticle: headline, articleBody, datePublished, publisher and authors as objects", () => {
    const record = { "@type": "NewsArticle", headline: "H", articleBody: "B", datePublished: "2024-08-11", publisher: { "@type": "Organization", name: "Reuters" }, author: [{ "@type": "Person", name: "A One" }, { "@type": "Person", name: " B Two " }] };
    expect(parseArticleRecord(record, "s", AT)).toMatchObject({ body: "B", hints: { title: "H", publishedAt: "2024-08-11", outlet: "Reuters", authors: ["A One", "B Two"] } });
  });

  test("an AllSides crawl: newsTitle, newsLink, newsSource, and the body as paragraphs", () => {
    const record = { newsSource: "CNBC", newsTitle: "Supreme Court sides with police", newsLink: "https://www.cnbc.com/2021/10/18/x.html", newBody: ["First.", "Second."] };
    expect(parseArticleRecord(record, "s", AT)).toMatchObject({ body: "First.\n\nSecond.", hints: { outlet: "CNBC", title: "Supreme Court sides with police", url: "https://www.cnbc.com/2021/10/18/x.html" } });
  });

  test("our own names win over the others; a URL is not an outlet; Unix times are dates", () => {
    expect(parseArticleRecord({ text: "x", outlet: "Ours", source: "Theirs", publishedAt: "2024-01-02", date: "2020-01-01" }, "s", AT)).toMatchObject({ hints: { outlet: "Ours", publishedAt: "2024-01-02" } });
    expect(parseArticleRecord({ text: "x", source: "https://example.com/feed" }, "s", AT)).toMatchObject({ hints: {} });
    expect(parseArticleRecord({ text: "x", published: 1_408_875_600 }, "s", AT)).toMatchObject({ hints: { publishedAt: "2014-08-24T10:20:00.000Z" } });
    expect(parseArticleRecord({ text: "x", published: 1_408_875_600_000 }, "s", AT)).toMatchObject({ hints: { publishedAt: "2014-08-24T10:20:00.000Z" } });
    expect((parseArticleRecord({ text: "x", date: -5, author: 3 }, "s", AT) as { hints: object }).hints).toEqual({});
  });

  test("a body that is neither a string nor paragraphs is not text", () => {
    expect(parseArticleRecord({ text: [1, 2], body: { a: 1 } }, "s", AT)).toMatchObject({ error: expect.stringContaining("maintext") });
  });
});

describe("a records file fails record by record, and says so briefly", () => {
  test("a million {} lines: 20 failures named, the rest counted in one", () => {
    const results = parseJsonLines("{}\n".repeat(1_000_000), "many.jsonl", AT);
    expect(results).toHaveLength(MAX_NAMED_RECORD_FAILURES + 1);
    expect(results[0]).toMatchObject({ source: "many.jsonl:1", error: expect.stringContaining("no text") });
    expect(results.at(-1)).toEqual({ source: "many.jsonl", error: "999,980 more records could not be read (999,980 the record has no text)" });
  });

  test("good records past the named failures are all kept", () => {
    const lines = [...Array.from({ length: 50 }, () => "not json"), JSON.stringify({ text: "Kept." }), "{}"];
    const results = parseJsonLines(lines.join("\n"), "mixed.jsonl", AT);
    expect(results.filter((r) => !("error" in r))).toHaveLength(1);
    expect(results.at(-1)).toMatchObject({ error: "31 more records could not be read (30 not valid JSON; 1 the record has no text)" });
  });

  test.each([
    ["an empty array", "[]", parseJsonFile],
    ["only blank lines", "\n\n  \n", parseJsonLines],
  ])("%s names the input and why nothing came out", (_, text, parse) => {
    expect(parse(text, "empty.json", AT)).toEqual([{ source: "empty.json", error: expect.stringContaining("no records in it") }]);
  });

  test("a NUL in an id fails that record alone; NULs in its text are dropped", () => {
    const results = parseJsonLines([JSON.stringify({ id: "a\u0000b", text: "x" }), JSON.stringify({ id: "ok", title: "T\u0000", text: "Good\u0000 text." })].join("\n"), "nul.jsonl", AT);
    expect(results[0]).toEqual({ source: "nul.jsonl:1", error: 'the "id" holds a NUL character' });
    expect(results[1]).toMatchObject({ body: "Good text.", hints: { id: "ok", title: "T" } });
  });
});

test("a field far longer than its kind (a 1 MB title) is left out, the record kept", () => {
  const record = { title: "T".repeat(1_000_000), outlet: "O".repeat(1000), authors: ["A B", "C".repeat(1000)], text: "Body text." };
  expect(parseArticleRecord(record, "s", AT)).toMatchObject({ body: "Body text.", hints: { authors: ["A B"] } });
  expect((parseArticleRecord(record, "s", AT) as { hints: object }).hints).not.toHaveProperty("title");
});
