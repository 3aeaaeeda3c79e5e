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

test.each([
  ["a party tag in parentheses before a comma",
    "Rep. Zoe Lofgren (D-Calif.), who introduced a bill this month, said so. Others disagreed.",
    ["Rep. Zoe Lofgren (D-Calif.), who introduced a bill this month, said so.", "Others disagreed."]],
  ["a dotted party tag cut inside its parentheses",
    "Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus, spoke first. He was angry.",
    ["Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus, spoke first.", "He was angry."]],
  ["an abbreviation in parentheses before a lower-case continuation",
    "Sen. Bernie Sanders (I-Vt.) and others met donors (incl. bankers) on Monday. Nothing was agreed.",
    ["Sen. Bernie Sanders (I-Vt.) and others met donors (incl. bankers) on Monday.", "Nothing was agreed."]],
  ["a parenthesis that holds whole sentences still ends them",
    "The vote was delayed. (The board met. Nobody spoke.) Then it passed.",
    ["The vote was delayed.", "(The board met.", "Nobody spoke.)", "Then it passed."]],
  ["a closing parenthesis after a full word still ends the sentence",
    "The bill passed (narrowly). Critics were angry.",
    ["The bill passed (narrowly).", "Critics were angry."]],
] as const)("%s", (_, text, expected) => {
  expect(split(text)).toEqual(expected);
});
