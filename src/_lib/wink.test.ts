import { expect, test } from "vitest";
import { breakLongRuns, tokenize } from "./wink.js";

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

test("long runs are cut exactly where the two patterns say, whatever blanks the text uses (the quick pre-scan skips nothing)", () => {
  // What breakLongRuns did before its pre-scan: both regex replacements on every text.
  const byPatterns = (text: string) =>
    text
      .replace(/\S{257,}/g, (run) => run.replace(/(.{256})(.)/gsu, "$1 ").slice(0, run.length))
      .replace(/\s{65,}/g, (blank) => (blank.includes("\n") ? "\n" : " ").repeat(blank.length));
  const blanks = [" ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\u2028", "\ufeff", "\u1680", "\u202f"];
  const texts = [
    "short text", "a".repeat(256), "a".repeat(257), " ".repeat(64), " \n".repeat(32) + " ", " \n".repeat(33),
    ...blanks.flatMap((b) => [`x${b.repeat(70)}y`, `${"w".repeat(200)}${b}${"w".repeat(200)}`, `${b.repeat(64)}z`]),
    `${"\u200b".repeat(300)} zero-width spaces are not blanks`,
  ];
  for (const text of texts) {
    const cut = breakLongRuns(text);
    expect(cut.length).toBe(text.length);
    // Where the patterns change nothing, neither does the pre-scan path; where they do, the same positions become blanks.
    const expected = byPatterns(text);
    expect([...cut].map((c) => /\s/.test(c))).toEqual([...expected].map((c) => /\s/.test(c)));
  }
});
