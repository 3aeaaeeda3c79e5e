import { expect, test } from "vitest";
import { lastLineBefore } from "./cue-context.js";

/** The pattern lastLineBefore replaced: the same answer, found by backtracking over every split of a line. */
function byPattern(text: string, end: number, reach: number): [number, number] | null {
  const from = Math.max(0, end - reach);
  const m = /(?:^|\n)([^\n]*\S[^\n]*)\n\s*$/.exec(text.slice(from, end));
  if (!m) return null;
  const start = from + m.index + m[0].indexOf(m[1]!);
  return [start, start + m[1]!.length];
}

test("the last line with text before a paragraph, as the old pattern read it, on random text of lines and blanks", () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pieces = ["a", "Said", " ", "\n", "\n\n", "\t", " \n ", "\u00a0", ":", "x y"];
  for (let round = 0; round < 3000; round++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    const end = Math.floor(random() * (text.length + 1));
    const reach = 1 + Math.floor(random() * 40);
    expect(lastLineBefore(text, end, reach), JSON.stringify({ text, end, reach })).toEqual(byPattern(text, end, reach));
  }
});

test("a line that introduces the next paragraph is found; text running up to the paragraph is not a line before it", () => {
  const text = "Asked about the vote, she said:\n\n“We will win.”";
  const paragraph = text.indexOf("“");
  expect(lastLineBefore(text, paragraph, 2000)).toEqual([0, text.indexOf(":") + 1]);
  expect(lastLineBefore("no break before", 15, 2000)).toBeNull();
});
