import { expect, test } from "vitest";
import { isPersonNoun } from "./person-nouns.js";

test.each(["president", "governor", "diplomat", "neurosurgeon", "columnist", "Democrat", "Republican", "friend", "narrator", "diplomats", "zebra-keeper-not-a-word"].map((w, i) => [w, i < 10]))(
  "%s is a person noun: %s", (word, expected) => {
    expect(isPersonNoun(word as string)).toBe(expected);
  },
);

test.each(["statement", "crowd", "source", "head", "letter", "report", "Monday", "aaa", "zzzzz"])("%s is not a person noun", (word) => {
  expect(isPersonNoun(word)).toBe(false);
});
