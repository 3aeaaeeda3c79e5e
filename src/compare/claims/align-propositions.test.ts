import { expect, test } from "vitest";
import { joinSameQuantity } from "./align-propositions.js";
import { statementOf } from "./statement-features.js";
import type { NumberValue } from "./proposition.js";

const TOLL = "|death|||";
const count = (value: number): NumberValue => ({ value, unit: "people", counts: "people" });
const share = (value: number): NumberValue => ({ value, unit: "%", counts: null });
const groupsOf = (n: number) => Array.from({ length: n }, (_, i) => [i]);
const unscored = () => undefined;

test("one death toll given as nine and as eight by two reports is one claim", () => {
  const statements = [
    statementOf("Flooding in Harlan County killed at least nine people on Sunday, officials said.", ["harlan county"], [count(9)], 0, [TOLL]),
    statementOf("The flooding killed at least eight people across Harlan County, the sheriff said.", ["harlan county"], [count(8)], 0, [TOLL]),
  ];
  expect(joinSameQuantity(groupsOf(2), statements, ["a", "b"], unscored)).toEqual([[0, 1]]);
});

test("a report that gives the toll in two sentences is ambiguous: nothing is joined on it", () => {
  const statements = [
    statementOf("Flooding in Harlan County killed at least nine people on Sunday, officials said.", ["harlan county"], [count(9)], 0, [TOLL]),
    statementOf("The flooding killed at least eight people across Harlan County, the sheriff said.", ["harlan county"], [count(8)], 0, [TOLL]),
    statementOf("A 2019 flood in Harlan County killed three people, the sheriff recalled.", ["harlan county"], [count(3)], 4, [TOLL]),
  ];
  expect(joinSameQuantity(groupsOf(3), statements, ["a", "b", "b"], unscored)).toEqual([[0], [1], [2]]);
});

test("a background toll of another happening in the story stays apart: its words are far (the pair model's floor)", () => {
  const statements = [
    statementOf("Flooding in Harlan County killed at least nine people on Sunday, officials said.", ["harlan county"], [count(9)], 0, [TOLL]),
    statementOf("Tornadoes across three states killed 14 people last spring, according to the weather service.", [], [count(14)], 0, [TOLL]),
  ];
  expect(joinSameQuantity(groupsOf(2), statements, ["a", "b"], unscored)).toEqual([[0], [1]]);
});

test("the yes and no shares of one vote are not joined into one disputed share", () => {
  const statements = [
    statementOf("Westbury County voters approved the transit tax with 54 percent voting yes, the election office said.", ["westbury county"], [share(54)], 0, ["=%|54|||||"]),
    statementOf("The Westbury County transit tax passed with 54 percent of the vote on Tuesday.", ["westbury county"], [share(54)], 0, ["=%|54|||||"]),
    statementOf("About 46 percent of Westbury County voters voted against the transit tax.", ["westbury county"], [share(46)], 1, ["=%|46|||||"]),
  ];
  // The linkage already put the second report's two shares together; the first report's 54 percent stays apart.
  expect(joinSameQuantity([[0], [1, 2]], statements, ["a", "b", "b"], unscored)).toEqual([[0], [1, 2]]);
});

test("a group that holds another figure of the unit is about something else too: no join", () => {
  const statements = [
    statementOf("Consumer prices rose 5.4 percent in June from a year earlier, the Labor Department said.", [], [share(5.4)], 0, ["=%|5.4|||||"]),
    statementOf("Prices climbed 5.4 percent over the past year, the Labor Department reported.", [], [share(5.4)], 0, ["=%|5.4|||||"]),
    statementOf("Prices rose 0.9 percent in June alone, the Labor Department reported.", [], [share(0.9)], 1, ["=%|0.9|||||"]),
  ];
  expect(joinSameQuantity([[0], [1, 2]], statements, ["a", "b", "b"], unscored)).toEqual([[0], [1, 2]]);
  expect(joinSameQuantity([[0], [1], [2]], statements, ["a", "b", "b"], unscored)).toEqual([[0, 1], [2]]);
});
