import { expect, test } from "vitest";
import { predicateClasses } from "../../_lib/wordnet-senses.js";
import { quantityOf, readProposition, sharedPredicates, significantDigits, valueEvidence, valueRelation } from "./proposition.js";
import { FEATURE_NAMES, pairFeatures, statementOf } from "./statement-features.js";

const read = (text: string) => readProposition(text, []);

test("one event worded as a verb, its cause or a noun meets: killed / died / deaths", () => {
  const died = read("At least nine people died as waters rose in basements.");
  const killed = read("Flooding killed at least eight people in New Jersey.");
  const toll = read("The storm's death toll rose to nine on Thursday.");
  expect(sharedPredicates(died, killed)).toBeGreaterThanOrEqual(1);
  expect(sharedPredicates(died, toll)).toBeGreaterThanOrEqual(1);
  // "kill" causes "die" in WordNet; "death" derives from "die".
  expect(predicateClasses("kill", "verb")).toEqual(expect.arrayContaining(predicateClasses("die", "verb").slice(0, 1)));
});

test("a phrasal verb is read whole: 'step down' is 'resign'; 'reopening' is 'reopen'", () => {
  expect(sharedPredicates(read("Maduro said he was prepared to step down next year."), read("Maduro would resign under the deal, officials said."))).toBe(1);
  expect(sharedPredicates(read("The bridge reopening was delayed until June by the city."), read("The mayor said the bridge would reopen in April."))).toBe(1);
});

test("attribution and ordinary nouns are not predicates: two sentences that only 'say' share none", () => {
  const a = read("The mayor said the library would close three branches in March.");
  const b = read("The governor said the state budget would grow by four percent.");
  expect(sharedPredicates(a, b)).toBe(0);
  // "people" and "water" derive verbs ("to people", "to water") but name no event.
  expect(predicateClasses("people", "noun")).toEqual([]);
  expect(predicateClasses("water", "noun")).toEqual([]);
});

test("a figure's specificity: significant digits, and one more for what it counts", () => {
  expect(significantDigits(1_500_000)).toBe(2);
  expect(significantDigits(138_700_000)).toBe(4);
  expect(significantDigits(9)).toBe(1);
  expect(quantityOf({ value: 1_500_000, unit: "USD", counts: null }).specificity).toBe(3);
  expect(quantityOf({ value: 3, unit: null, counts: null }).specificity).toBe(1);
});

test("values: rounding is 'near', not 'same'; a different count of one kind is 'differ'", () => {
  expect(valueRelation(139e6, 138.7e6)).toBe("near");
  expect(valueRelation(1.5e6, 1.5e6)).toBe("same");
  expect(valueRelation(9, 8)).toBe("differ");
  const nine = [quantityOf({ value: 9, unit: "people", counts: "people" })];
  const eight = [quantityOf({ value: 8, unit: "people", counts: "people" })];
  const dollars = [quantityOf({ value: 9, unit: "USD", counts: null })];
  expect(valueEvidence(nine, eight)).toEqual({ same: 0, near: 0, differ: 1 });
  // Nine people and nine dollars count different things: no evidence either way.
  expect(valueEvidence(nine, dollars)).toEqual({ same: 0, near: 0, differ: 0 });
  expect(valueEvidence(nine, nine).same).toBe(2);
});

test("pair features carry the proposition: a shared specific figure and predicate, both ways round", () => {
  const meters = [
    statementOf("The meters would generate an estimated $1.5 million a year, according to City Manager Ruth Alvarez.", ["ruth alvarez", "alvarez"], [{ value: 1.5e6, unit: "USD", counts: null }], 0),
    statementOf("The city says the meters would bring in $1.5 million a year.", [], [{ value: 1.5e6, unit: "USD", counts: null }], 1),
  ];
  const other = statementOf("The council approved the parking plan 5-2 on Tuesday night.", [], [], 0);
  const at = (x: number[], name: (typeof FEATURE_NAMES)[number]) => x[FEATURE_NAMES.indexOf(name)]!;
  const ab = pairFeatures(meters[0]!, meters[1]!);
  expect(at(ab, "valueSame")).toBe(3);
  expect(at(ab, "lead")).toBe(1);
  expect(at(pairFeatures(meters[0]!, other), "valueSame")).toBe(0);
  expect(pairFeatures(meters[1]!, meters[0]!)).toEqual(ab);
  expect(at(ab, "storyPair")).toBe(0);
  expect(at(pairFeatures(meters[0]!, meters[1]!, undefined, { mutualBest: true }), "mutualBest")).toBe(1);
});

test("a story's candidate pairs: a shared specific figure makes one across articles; mutual best is marked", async () => {
  const { storyPairFeatures } = await import("./proposition-pairs.js");
  const usd = (value: number) => [{ value, unit: "USD", counts: null }];
  const statements = [
    statementOf("The meters would generate an estimated $1.5 million a year, according to City Manager Ruth Alvarez.", [], usd(1.5e6), 0),
    statementOf("Heavy rain closed the main road to the airport for several hours overnight.", [], [], 1),
    statementOf("Officials expect $1.5 million annually from the new parking program downtown.", [], usd(1.5e6), 0),
  ];
  const articleOf = ["a", "a", "b"];
  const features = storyPairFeatures(statements, articleOf, { predicates: false });
  const n = statements.length;
  // Sentences 0 and 2 share few words but one specific figure of one kind: scored. 1 and 2 share nothing: not.
  expect(features.has(0 * n + 2)).toBe(true);
  expect(features.has(1 * n + 2)).toBe(false);
  expect(features.get(0 * n + 2)![FEATURE_NAMES.indexOf("mutualBest")]).toBe(1);
  expect(features.get(0 * n + 2)![FEATURE_NAMES.indexOf("storyPair")]).toBe(1);
  // The same figure inside one article is no anchor (its sentences are compared by their words only).
  expect(storyPairFeatures(statements, ["a", "a", "a"], { predicates: false }).has(0 * n + 2)).toBe(false);
});
