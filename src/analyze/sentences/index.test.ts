import { expect, test } from "vitest";
import type { Article } from "../../records.js";
import sentences from "./index.js";

const article = (text: string) => ({ text }) as Article;
const split = (text: string) => sentences.analyze(article(text), []).map((s) => text.slice(s.span[0], s.span[1]));

test.each([
  ["abbreviations do not end a sentence", "The U.S. Sen. Marco Rubio spoke on Sept. 2 in Washington. He left.", ["The U.S. Sen. Marco Rubio spoke on Sept. 2 in Washington.", "He left."]],
  ["a suffix after a name", "Martin Luther King Jr. spoke in Atlanta. Crowds cheered.", ["Martin Luther King Jr. spoke in Atlanta.", "Crowds cheered."]],
  ["curly quotes stay with their sentence", "“We will win,” said Machado. “Nobody leaves.”", ["“We will win,” said Machado.", "“Nobody leaves.”"]],
  ["an em dash is no boundary", "WASHINGTON — The talks failed. Both sides left.", ["WASHINGTON — The talks failed.", "Both sides left."]],
  ["a paragraph break always ends a sentence", "Talks in Doha\n\nThe talks failed.", ["Talks in Doha", "The talks failed."]],
] as const)("%s", (_, text, expected) => {
  expect(split(text)).toEqual(expected);
});
