import { expect, test } from "vitest";
import { claimSimilarity, claimTerms, similarPairs } from "./similarity.js";

const SENTENCES = [
  "The United States offered Maduro an amnesty deal in exchange for a peaceful transition of power.",
  "US officials discussed pardons for Maduro and his top lieutenants who face indictments.",
  "Washington is contemplating a pardon for the Venezuelan president if he steps down.",
  "The opposition says its candidate won the presidential election by a landslide in July.",
  "Edmundo González defeated Maduro by almost 38 percentage points, according to the opposition's tallies.",
  "The US placed a $15 million bounty on Maduro in 2020 on charges of drug trafficking.",
  "A reward of $15 million was offered by the United States for information leading to Maduro's arrest.",
  "Brazil said it would not recognise the results without verified transparency.",
  "Heavy rain flooded the valley overnight and closed the main road to the airport.",
];

test("rare words that share a common WordNet sense count as shared", () => {
  const [amnesty, pardon] = [claimTerms("The president granted an amnesty to the rebels."), claimTerms("The president granted a pardon to the rebels.")];
  const [amnesty2, unrelated] = [claimTerms("The president granted an amnesty to the rebels."), claimTerms("The president granted a harbour to the rebels.")];
  expect(claimSimilarity(amnesty, pardon)).toBeCloseTo(1, 10);
  expect(claimSimilarity(amnesty2, unrelated)).toBeLessThan(0.8);
});

test.each([0.05, 0.1, 0.15, 0.2])("similarPairs finds exactly the pairs at or above %s that testing every pair finds", (threshold) => {
  const terms = SENTENCES.map(claimTerms);
  const everyPair = terms.map((t, i) => terms.flatMap((u, j) => (j > i && claimSimilarity(t, u) >= threshold ? [j] : [])));
  expect(similarPairs(terms, threshold)).toEqual(everyPair);
  expect(everyPair.flat().length).toBeGreaterThan(0);
});
