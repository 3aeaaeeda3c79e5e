/**
 * A plain text far over the article limit is refused before extraction (issue 19, memory per input): named, with
 * its size, and the documents beside it go on. Extraction of it would copy 20 MB several times over only to refuse it.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { processDocuments } from "../../src/pipeline.js";
import type { RawDocument } from "../../src/records.js";

const SEED = readFileSync(new URL("../../examples/000_e744ca5dccc51e1c.txt", import.meta.url), "utf8");
const text = (source: string, body: string): RawDocument => ({ source, format: "text", body, hints: {}, fetchedAt: "2024-01-01T00:00:00Z" });

test("a text ten times the article limit is refused by name before extraction; the article beside it is kept", () => {
  const huge = `${SEED}\n\n`.repeat(Math.ceil(3_100_000 / SEED.length));
  const processed = processDocuments([text("huge.txt", huge), text("seed.txt", SEED)], { maxArticleChars: 300_000 });
  expect(processed.failures).toEqual([{ source: "huge.txt", error: expect.stringMatching(/^the text is 3,\d{3}k characters; articles over 300k are refused/) }]);
  expect(processed.bundles.map((b) => b.article.source)).toEqual(["seed.txt"]);
});

test("a text just over the limit still goes through extraction, which measures the article itself", () => {
  // Every paragraph distinct (extraction drops repeated ones as boilerplate).
  const paragraphs = SEED.split(/\n+/).filter(Boolean);
  const long = Array.from({ length: Math.ceil(400_000 / 100) }, (_, i) => `${paragraphs[i % paragraphs.length]} (${i})`).join("\n\n");
  const processed = processDocuments([text("long.txt", long)], { maxArticleChars: 300_000 });
  expect(processed.failures).toEqual([{ source: "long.txt", error: expect.stringMatching(/^the article text is \d+k characters/) }]);
});
