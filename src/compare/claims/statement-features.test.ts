import { expect, test } from "vitest";
import { wordCosine, wordId } from "../../_lib/word-vectors.js";
import { FEATURE_NAMES, NearWords, pairFeatures, statementOf } from "./statement-features.js";
import { entityKeys, sameProposition } from "./statement-model.js";

const AMNESTY = [
  "Maduro said he was prepared to step down and leave Venezuela if he received full legal amnesty from Washington.",
  "Maduro responded by counter-proposing a hand-off of power to allies and broad amnesty for himself, officials said.",
];
const UNRELATED = "Heavy rain flooded the valley overnight and closed the main road to the airport for hours.";

test("word vectors: near words are near, unrelated words are not", () => {
  const [amnesty, pardon, rain] = ["amnesty", "pardon", "rain"].map(wordId);
  expect(Math.min(amnesty!, pardon!, rain!)).toBeGreaterThanOrEqual(0);
  expect(wordCosine(amnesty!, pardon!)).toBeGreaterThan(0.45);
  expect(wordCosine(amnesty!, rain!)).toBeLessThan(0.3);
  expect(wordId("qzxqzx")).toBe(-1);
});

test("a paraphrase sharing few words scores well above an unrelated sentence of the same story", () => {
  const [a, b, c] = [...AMNESTY, UNRELATED].map((t) => statementOf(t));
  const soft = FEATURE_NAMES.indexOf("soft");
  const lexical = FEATURE_NAMES.indexOf("lexical");
  expect(pairFeatures(a!, b!)[soft]!).toBeGreaterThan(pairFeatures(a!, b!)[lexical]!);
  expect(sameProposition(a!, b!)).toBeGreaterThan(2 * sameProposition(a!, c!));
});

test("values do not keep two statements of one proposition apart", () => {
  const three = statementOf("The business group estimated the losses at $3 million over the two weeks of the closure.");
  const five = statementOf("The business group estimated the losses at $5 million over the two weeks of the closure.");
  const monday = statementOf("The business group estimated the losses on Monday at $5 million over the two weeks of the closure.");
  const none = statementOf("The business group estimated the losses at millions over the two weeks of the closure.");
  // A differing value scores as no value at all; only a value both give adds (same-event evidence).
  expect(pairFeatures(three, five)).toEqual(pairFeatures(none, none));
  expect(pairFeatures(three, monday)).toEqual(pairFeatures(none, none));
  const [big, bigToo] = ["$568 billion", "$568 billion"].map((v) => statementOf(`The business group estimated the losses at ${v} over the two weeks of the closure.`));
  expect(sameProposition(big!, bigToo!)).toBeGreaterThan(sameProposition(three, five));
  expect(sameProposition(three, five)).toBe(sameProposition(none, none));
});

test("one body's name and its initials, and one country's spellings, are one entity key", () => {
  expect(entityKeys("Food and Drug Administration", "organization")).toContain("fda");
  expect(entityKeys("FDA", "organization")).toContain("fda");
  expect(entityKeys("U.S.", "place")).toEqual(entityKeys("United States", "place"));
  expect(entityKeys("Nicolás Maduro", "person")).toContain("maduro");
});

test("a story's shared cosine matrix gives the features a pair's own does, both ways round", () => {
  const statements = [...AMNESTY, UNRELATED].map((t) => statementOf(t));
  const near = new NearWords(statements);
  for (const x of statements) {
    for (const y of statements) {
      pairFeatures(x, y, near).forEach((v, k) => expect(v).toBeCloseTo(pairFeatures(x, y)[k]!, 10));
      pairFeatures(x, y, near).forEach((v, k) => expect(v).toBeCloseTo(pairFeatures(y, x, near)[k]!, 10));
    }
  }
});
