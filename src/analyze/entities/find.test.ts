import { expect, test } from "vitest";
import { findEntities } from "./find.js";

const names = (text: string, type?: string) => findEntities(text).filter((e) => !type || e.type === type).map((e) => e.name);

test.each([
  ["titles are not part of a name", "Venezuelan President Nicolás Maduro met Secretary of State Antony Blinken.", ["Nicolás Maduro", "Antony Blinken"]],
  ["a titled surname is a person", "President Trump spoke with Defense Secretary Pete Hegseth.", ["Trump", "Pete Hegseth"]],
  ["later surnames are the same person", "Emmanuel Macron arrived late. Macron then left.", ["Emmanuel Macron", "Macron"]],
  ["possessives are trimmed", "Angela Merkel's government fell.", ["Angela Merkel"]],
] as const)("%s", (_, text, expected) => {
  expect(names(text, "person")).toEqual(expected);
});

test("organisations keep their full names", () => {
  expect(names("The Justice Department and the White House declined to comment.", "org")).toContain("Justice Department");
});

test("a name's spans point at the name", () => {
  const text = "Officials said Jorge Rodríguez led the talks.";
  for (const e of findEntities(text)) expect(text.slice(e.span[0], e.span[1])).toBe(e.name);
});
