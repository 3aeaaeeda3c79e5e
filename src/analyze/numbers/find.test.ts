import { expect, test } from "vitest";
import { findNumbers } from "./find.js";

const read = (text: string) =>
  findNumbers(text).map((n) => [text.slice(n.span[0], n.span[1]), n.value, n.unit, n.counts, n.hedge]);

test.each([
  ["The U.S. placed a $15 million bounty on him.", ["$15 million", 15_000_000, "USD", "bounty", null]],
  ["declared him the winner with 52% of the votes.", ["52%", 52, "%", "votes", null]],
  ["At least 80 people were killed in the strikes.", ["80", 80, "people", "people", "At least"]],
  ["nearly eight million Venezuelans have left the country", ["eight million", 8_000_000, "people", "Venezuelans", "nearly"]],
  ["won by almost 38 percentage points", ["38 percentage points", 38, "percentage points", null, "almost"]],
  ["arresting over 2,400 dissidents and protesters", ["2,400", 2400, "people", "dissidents", "over"]],
  ["collecting 7.3 million votes to his rival's", ["7.3 million", 7_300_000, null, "votes", null]],
  ["plans to build two new prisons", ["two", 2, null, "new prisons", null]],
  ["€3bn in aid", ["€3bn", 3_000_000_000, "EUR", "aid", null]],
  ["The index closed at 4,467 points on the day.", ["4,467 points", 4467, "points", null, null]],
  ["a dozen eggs", ["a dozen", 12, null, "eggs", null]],
  ["two-thirds of the Senate", ["two-thirds", 66.67, "%", "Senate", null]],
  ["as tens of thousands of workers walked out", ["tens of thousands", 20_000, "people", "workers", null]],
  ["1 in 4 residents lived in poverty", ["1 in 4", 25, "%", "residents", null]],
  ["a 33-year-old actress", ["33-year-old", 33, "years", null, null]],
  ["some 200 civilians fled", ["200", 200, "people", "civilians", "some"]],
  ["fewer than 10 percent of voters", ["10 percent", 10, "%", "voters", "fewer than"]],
  ["up to 12 nautical miles", ["12 nautical miles", 12, "nautical miles", null, "up to"]],
  ["Twenty-seven states are suing.", ["Twenty-seven", 27, null, "states", null]],
  ["1 million jobs economists expected", ["1 million", 1_000_000, null, "jobs", null]],
  ["would add $84 billion over 10 years", ["$84 billion", 84e9, "USD", null, null], ["10 years", 10, "years", null, null]],
] as const)("%s", (text, ...expected) => {
  expect(read(text)).toEqual(expected);
});

test.each([
  ["a year", "The sanctions were imposed in 2019 by the Treasury."],
  ["a year before a noun", "the 2020 election and Trump's 1996 campaign"],
  ["a date", "The election took place on July 28 and results came later."],
  ["an abbreviated date", "The order goes into effect Sept. 2, with enforcement from 13 September."],
  ["an ordinal", "his 60th birthday on the 2nd floor"],
  ["a time of day", "The blast came at 4 p.m., and again at 10:30 and at 2 a.m."],
  ["a disease and a group", "COVID-19 was on the G7 agenda, as were F-16 jets."],
  ["a phone number", "Call 555-123-4567 or (202) 555-0100."],
  ["a score and a tally", "Indianapolis (11-4) won 31-24 after the 54-35 vote."],
  ["labels", "The phase three trial, grade 7, Article 5, the Boeing 737 and the number 2 man."],
  ["page furniture", "5 min read\nPhoto 3 of 12\n"],
  ["a word-number counting nothing", "One of the people said it was over."],
  ["'one' alone", "one official said it was one of those days"],
  ["capitalised word-numbers are names", "He met the Big Three on Channel Four."],
  ["a metre-like 'm' without money", "He ran the 100m in 10 seconds flat."],
])("not a count: %s", (_, text) => {
  const found = read(text).filter(([said]) => said !== "10 seconds");
  expect(found).toEqual([]);
});
