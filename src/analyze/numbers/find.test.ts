import { expect, test } from "vitest";
import { findNumbers } from "./find.js";

test.each([
  ["The U.S. placed a $15 million bounty on him.", "$15 million", 15_000_000, "USD", "bounty"],
  ["declared him the winner with 52% of the votes.", "52%", 52, "%", "votes"],
  ["arresting over 2,400 dissidents and protesters", "2,400", 2400, null, "dissidents"],
  ["collecting 7.3 million votes to his 3.3 million", "7.3 million", 7_300_000, null, "votes"],
  ["won by almost 38 percentage points", "38 percentage points", 38, "points", null],
  ["plans to build two new prisons", "two", 2, null, "new prisons"],
  ["€3bn in aid", "€3bn", 3_000_000_000, "EUR", "in"],
] as const)("%s", (text, said, value, unit, counts) => {
  const [n] = findNumbers(text);
  expect(n).toBeDefined();
  expect(text.slice(n!.span[0], n!.span[1])).toBe(said);
  expect(n).toMatchObject({ value, unit });
  if (counts !== "in") expect(n!.counts).toBe(counts);
});

test.each([
  ["a year", "The sanctions were imposed in 2019 by the Treasury."],
  ["a date", "The election took place on July 28 and results came later."],
  ["a word-number counting nothing", "One of the people said it was over."],
])("not a count: %s", (_, text) => {
  expect(findNumbers(text)).toEqual([]);
});
