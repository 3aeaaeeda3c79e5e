import { expect, test } from "vitest";
import { parsePublicationDate } from "./dates.js";

test.each([
  ["2024-08-11T09:30:00+0200", [], "2024-08-11T09:30:00+02:00", 1],
  ["2024-08-11", [], "2024-08-11", 1],
  ["August 11, 2024 9:30 AM", [], "2024-08-11T09:30:00", 0.9],
  ["25/12/2024", [], "2024-12-25", 1],
  ["12/25/2024", [], "2024-12-25", 1],
  // Ambiguous day/month: the article's own latest full date decides.
  ["08-11-2024 09:30", ["2024-08-11"], "2024-08-11T09:30:00", 0.7],
  ["08-11-2024", ["2024-11-01"], "2024-11-08", 0.7],
  ["08-11-2024", [], "2024-08-11", 0.5],
] as const)("%s", (value, evidence, iso, confidence) => {
  expect(parsePublicationDate(value, evidence)).toEqual({ iso, confidence });
});

test.each([["yesterday"], ["31/02/2024"], ["not a date"], ["May 12"]])("no publication date in %s", (value) => {
  expect(parsePublicationDate(value)).toBeNull();
});
