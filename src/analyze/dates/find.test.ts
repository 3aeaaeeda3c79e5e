import { expect, test } from "vitest";
import { CHRONO_RESTRICTED } from "./chrono-dates.js";
import { findDates } from "./find.js";

const dates = (text: string, publishedAt: string | null) => findDates(text, publishedAt).map((d) => [text.slice(d.span[0], d.span[1]), d.date]);

test.each([
  ["a full date", "The vote was held on July 28, 2024 in Caracas.", null, [["July 28, 2024", "2024-07-28"]]],
  ["month-day resolved by the publication date", "He spoke on July 28 about the vote.", "2024-08-11", [["July 28", "2024-07-28"]]],
  ["month-day, year unknown", "Maduro told Trump on November 21 that he would go.", null, [["November 21", "--11-21"]]],
  ["a month, year unknown", "The talks began in November.", null, [["November", "--11"]]],
  ["month-day in the past year", "On Dec. 30 the talks began.", "2025-01-05T10:00:00Z", [["Dec. 30", "2024-12-30"]]],
  ["relative month", "He lost last month's election.", "2024-08-11", [["last month", "2024-07"]]],
  ["weekday with a publication date", "On Thursday, the envoy met him.", "2025-12-06", [["Thursday", "2025-12-04"]]],
  ["a date-time publication date, its own day", "He spoke on Friday.", "1998-02-13T23:30:00-05:00", [["Friday", "1998-02-13"]]],
  ["a year after 'in'", "The U.S. in 2020 placed a bounty.", null, [["2020", "2020"]]],
  ["a year after a determiner", "It recalled its 1990 invasion of Kuwait.", null, [["1990", "1990"]]],
  ["a bare month is the closest one: next January, seen from August", "His term ends in January.", "2024-08-11", [["January", "2025-01"]]],
  ["'last August'", "Prices fell last August.", "1998-02-19", [["August", "1997-08"]]],
  ["'last May', which chrono misses", "the treaty the two presidents signed last May.", "1998-02-27", [["May", "1997-05"]]],
  ["'June last year'", "But in June last year, the leaders met.", "1998-02-19", [["June last year", "1997-06"]]],
  ["a month-day closest to the publication date", "The vote is set for Dec. 15.", "1989-11-02", [["Dec. 15", "1989-12-15"]]],
  ["a past verb picks the past month", "The products were introduced in April.", "1989-10-26", [["April", "1989-04"]]],
  ["a deadline looks ahead", "He must leave by Jan. 14.", "1999-06-01", [["Jan. 14", "2000-01-14"]]],
  ["but not a year ahead", "He must leave by Jan. 14.", "2000-01-15", [["Jan. 14", "2000-01-14"]]],
  ["a weekday is the past one", "Stocks fell on Friday.", "1990-08-15", [["Friday", "1990-08-10"]]],
  ["unless the sentence looks ahead", "The board will meet on Friday.", "1990-08-15", [["Friday", "1990-08-17"]]],
  ["a 'would' in reported speech does not", "He said on Tuesday that Iraq would retreat.", "1990-08-15", [["Tuesday", "1990-08-14"]]],
  ["two dates of a range", "shares bought from Aug. 26 to Oct. 20", "1989-10-30", [["Aug. 26", "1989-08-26"], ["Oct. 20", "1989-10-20"]]],
  ["'ago' keeps the unit's granularity", "Two weeks ago the plant closed; five months ago it was sold.", "1998-03-22", [["Two weeks ago", "1998-03-08"], ["five months ago", "1997-10"]]],
] as const)("%s", (_, text, publishedAt, expected) => {
  expect(dates(text, publishedAt)).toEqual(expected);
});

test.each([
  ["July 28, 2024", null, "day", false],
  ["in July 2024", null, "month", false],
  ["in 2020", null, "year", false],
  ["on July 28", "2024-08-11", "day", true],
  ["on July 28", null, "day", true],
  ["last month", "2024-08-11", "month", true],
  ["last year", "2024-08-11", "year", true],
  ["yesterday", "2024-08-11", "day", true],
  ["on Thursday", "2024-08-11", "day", true],
] as const)("granularity and relative: %s (published %s)", (text, publishedAt, granularity, relative) => {
  expect(findDates(text, publishedAt)).toMatchObject([{ granularity, relative }]);
});

test.each([
  ["a number chrono misreads", "The index closed at 4,467 points on the day.", null],
  ["a number chrono misreads, with a date to resolve by", "The index closed at 4,467 points.", "2024-08-11"],
  ["a time of day", "The blast came at 4 p.m. and again at 10:30.", "2024-08-11"],
  ["a weekday without a publication date", "On Thursday, the envoy met him.", null],
  ["'yesterday' and 'last month' without a publication date", "He left yesterday, after last month's vote.", null],
  ["'may' the verb", "The talks may resume soon.", "2024-08-11"],
  ["'May' the verb, capitalised", "May God help them, he said.", "2024-08-11"],
  ["'April' the name", "April Ryan asked the question.", "2024-08-11"],
  ["'Jan' the name", "Jan Kavan of the Czech Republic spoke.", "2024-08-11"],
  ["a week", "Trump spoke with him last week.", "2025-12-02"],
  ["a count that looks like a year", "The 1500 troops arrived.", "2024-08-11"],
  ["a duration", "He will serve within 5 years, and 2 days later he left.", "2024-08-11"],
] as const)("no date: %s", (_, text, publishedAt) => {
  expect(dates(text, publishedAt)).toEqual([]);
});

test("chrono runs with its date parsers only", () => {
  expect(CHRONO_RESTRICTED).toBe(true);
});
