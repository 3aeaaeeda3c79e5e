import { expect, test } from "vitest";
import { findDates } from "./find.js";

const dates = (text: string, publishedAt: string | null) => findDates(text, publishedAt).map((d) => [text.slice(d.span[0], d.span[1]), d.date]);

test.each([
  ["a full date", "The vote was held on July 28, 2024 in Caracas.", null, [["July 28, 2024", "2024-07-28"]]],
  ["month-day resolved by the publication date", "He spoke on July 28 about the vote.", "2024-08-11", [["July 28", "2024-07-28"]]],
  ["month-day, year unknown", "Maduro told Trump on November 21 that he would go.", null, [["November 21", "--11-21"]]],
  ["month-day in the past year", "On Dec. 30 the talks began.", "2025-01-05T10:00:00Z", [["Dec. 30", "2024-12-30"]]],
  ["relative month", "He lost last month's election.", "2024-08-11", [["last month", "2024-07"]]],
  ["weekday with a publication date", "On Thursday, the envoy met him.", "2025-12-06", [["Thursday", "2025-12-04"]]],
  ["a year after 'in'", "The U.S. in 2020 placed a bounty.", null, [["2020", "2020"]]],
] as const)("%s", (_, text, publishedAt, expected) => {
  expect(dates(text, publishedAt)).toEqual(expected);
});

test.each([
  ["a number chrono misreads", "The index closed at 4,467 points on the day.", null],
  ["a weekday without a publication date", "On Thursday, the envoy met him.", null],
  ["a bare month, past or future", "His term ends in January.", "2024-08-11"],
  ["'may' the verb", "The talks may resume soon.", "2024-08-11"],
  ["a week", "Trump spoke with him last week.", "2025-12-02"],
] as const)("no date: %s", (_, text, publishedAt) => {
  expect(dates(text, publishedAt)).toEqual([]);
});
