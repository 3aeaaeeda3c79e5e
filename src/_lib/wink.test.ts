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
