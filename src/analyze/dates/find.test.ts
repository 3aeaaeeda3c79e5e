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
  ["a bare month is the closest one: next January, seen from August", "His term ends in January.", "2024-08-11", [["January", "2025-01"]]],
  ["'last August'", "Prices fell last August.", "1998-02-19", [["August", "1997-08"]]],
  ["a month-day closest to the publication date", "The vote is set for Dec. 15.", "1989-11-02", [["Dec. 15", "1989-12-15"]]],
  ["a weekday is the past one", "Stocks fell on Friday.", "1990-08-15", [["Friday", "1990-08-10"]]],
  ["unless the sentence looks ahead", "The board will meet on Friday.", "1990-08-15", [["Friday", "1990-08-17"]]],
  ["'ago' keeps the unit's granularity", "Two weeks ago the plant closed; five months ago it was sold.", "1998-03-22", [["Two weeks ago", "1998-03-08"], ["five months ago", "1997-10"]]],
] as const)("%s", (_, text, publishedAt, expected) => {
  expect(dates(text, publishedAt)).toEqual(expected);
});

test.each([
  ["a number chrono misreads", "The index closed at 4,467 points on the day.", null],
  ["a weekday without a publication date", "On Thursday, the envoy met him.", null],
  ["'may' the verb", "The talks may resume soon.", "2024-08-11"],
  ["a week", "Trump spoke with him last week.", "2025-12-02"],
] as const)("no date: %s", (_, text, publishedAt) => {
  expect(dates(text, publishedAt)).toEqual([]);
});
