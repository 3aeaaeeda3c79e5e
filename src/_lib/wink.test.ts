import { expect, test } from "vitest";
import { tokenize } from "./wink.js";

test("a possessive is its own token whatever the engine read before", () => {
  // wink learns "Belgium's" as a word from the ellipsis case and would then keep it whole in every later text.
  tokenize("The census counted Belgium's...");
  const values = tokenize("Belgium's army is small.").tokens.map((t) => t.value);
  expect(values.slice(0, 3)).toEqual(["Belgium", "'s", "army"]);
  const text = "Belgium’s army is small.";
  const tokens = tokenize(text).tokens;
  expect(tokens.slice(0, 2).map((t) => text.slice(t.span[0], t.span[1]))).toEqual(["Belgium", "’s"]);
  expect(tokens[0]!.sentenceStart).toBe(true);
  expect(tokens[1]!.gap).toBe("");
});

test("a run of thousands of characters without a space is read in pieces, every offset still into the text", () => {
  // wink's tokenizer is quadratic in a token's length: such runs are cut before it reads them, keeping the length.
  const word = "a".repeat(1000) + "😀".repeat(300) + "b".repeat(10);
  const text = `The file held ${word} and nothing else.`;
  const { tokens, sentences } = tokenize(text);
  for (const t of tokens) expect(text.slice(t.span[0], t.span[1])).toBe(t.value);
  const inWord = tokens.filter((t) => t.span[0] >= 14 && t.span[1] <= 14 + word.length);
  expect(inWord.length).toBeGreaterThan(3);
  expect(Math.max(...inWord.map((t) => t.value.length))).toBeLessThanOrEqual(256);
  expect(inWord.every((t) => !/[\uD800-\uDBFF]$/.test(t.value) && !/^[\uDC00-\uDFFF]/.test(t.value))).toBe(true);
  expect(tokens.at(-2)!.value).toBe("else");
  expect(sentences).toHaveLength(1);
});
