/**
 * The verdicts issue 22 asks for, on small stories written for each case: a claim is corroborated only by two
 * independent sources; a disputed value shows each side with its sources and outlets; one person or body named
 * several ways is one source; values of different precision, a correction and boilerplate are not disputes or
 * claims; the verdicts do not depend on the order the articles come in.
 */
import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, Story, StoryComparison } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "./compare-story.js";

function bundle(id: string, outlet: string, text: string, publishedAt = "2024-02-12"): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title: `Article ${id}`, authors: [], publishedAt, modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}
const story = (bundles: readonly ArticleBundle[]): Story => ({
  id: "story-test", title: "t", articleIds: bundles.map((b) => b.article.id), storylineId: "l", firstPublished: null, lastPublished: null,
});
const compare = (bundles: ArticleBundle[]): StoryComparison => compareStory(story(bundles), bundles, resolveEntities(bundles));
const claimWith = (c: StoryComparison, words: string) => c.claims.find((x) => x.support.some((s) => s.text.includes(words)))!;

const BRIDGE = [
  bundle("b1", "Ohio Herald", "Mayor Jane Doe said the Elm Street bridge will reopen to traffic on March 3 after months of repairs."),
  bundle("b2", "Cleveland Ledger", "The Elm Street bridge will reopen to traffic on March 3, Doe told reporters at city hall on Monday."),
  bundle("b3", "Dayton Daily", "City engineers said the Elm Street bridge will not reopen to traffic until June 10 because of cracked girders."),
];

describe("disputes", () => {
  test("a date and a later 'not until' are one disputed claim, each side with its sources and outlets", () => {
    const bridge = claimWith(compare(BRIDGE), "Elm Street bridge");
    expect(bridge.support.map((s) => s.articleId).sort()).toEqual(["b1", "b2", "b3"]);
    expect(bridge.status).toBe("disputed");
    expect(bridge.dispute!.about).toBe("the date");
    expect(bridge.dispute!.sides.map((s) => [s.value, s.sources, s.outlets])).toEqual([
      ["March 3", ["Jane Doe"], ["Cleveland Ledger", "Ohio Herald"]],
      ["not until June 10", ["City engineers"], ["Dayton Daily"]],
    ]);
  });

  test("the same loss estimate given as $3 million and $5 million is disputed, not corroborated", () => {
    const loss = claimWith(compare([
      bundle("l1", "Toledo Times", "The chamber of commerce estimated that the closure cost local businesses $3 million in lost sales."),
      bundle("l2", "Akron Beacon", "The chamber of commerce estimated that the closure cost local businesses $3 million in lost sales last winter."),
      bundle("l3", "Canton Courier", "The city’s chamber of commerce estimated that the closure cost local businesses $5 million in lost sales."),
    ]), "lost sales");
    expect(loss.status).toBe("disputed");
    expect(loss.dispute!.sides.map((s) => [s.value, s.outlets])).toEqual([["$3 million", ["Akron Beacon", "Toledo Times"]], ["$5 million", ["Canton Courier"]]]);
    expect(loss.independentSources).toBe(1); // "the chamber of commerce" and "the city's chamber of commerce" are one body
  });

  test("values of different precision are not a dispute", () => {
    const visitors = claimWith(compare([
      bundle("p1", "Ohio Herald", "The state park drew nearly 8 million visitors last year, the parks department said on Monday."),
      bundle("p2", "Cleveland Ledger", "The state park drew 7.7 million visitors last year, according to the parks department."),
    ]), "visitors");
    expect(visitors.support).toHaveLength(2);
    expect(visitors.status).not.toBe("disputed");
  });

  test("an outlet correcting its own figure is a correction, not a dispute", () => {
    const jobs = claimWith(compare([
      bundle("c1", "Ohio Herald", "Acme Steel will cut 40 jobs at its Lorain mill by the end of September, the company said on Tuesday.", "2024-02-12"),
      bundle("c2", "Ohio Herald", "Acme Steel will cut 400 jobs at its Lorain mill by the end of September, the company said on Tuesday. Correction: An earlier version of this article misstated the number of jobs.", "2024-02-13"),
    ]), "Lorain mill");
    expect(jobs.status).not.toBe("disputed");
    expect(jobs.corrections).toEqual([expect.objectContaining({ outlet: "Ohio Herald", value: "40", correctedValue: "400" })]);
  });
});

describe("sources", () => {
  test("the mayor named by full name, by surname and as 'the mayor' is one source: two outlets, single-source", () => {
    const bundles = [
      bundle("m1", "Ohio Herald", "Mayor Jane Doe said the city would cover the cost of the Elm Street repairs from its reserve fund."),
      bundle("m2", "Cleveland Ledger", "The city would cover the cost of the Elm Street repairs from its reserve fund, Doe said. Jane Doe has been mayor since 2019."),
      bundle("m3", "Dayton Daily", "The mayor said the city would cover the cost of the Elm Street repairs out of its reserve fund."),
    ];
    const repairs = claimWith(compare(bundles), "reserve fund");
    expect(repairs.outlets).toHaveLength(3);
    expect(repairs.primarySources).toEqual(["Jane Doe"]);
    expect(repairs.status).toBe("single-source");
  });

  test("an outlet's aside around a citation stays its own voice", () => {
    const c = compare([
      bundle("w1", "Daily Echo", "According to The Financial Times, Acme Corp will cut 1,200 jobs in Ohio by the end of the year. Acme Corp has run plants in the state since 1950 and employs 9,000 people there."),
      bundle("w2", "Morning Echo", "Acme Corp will cut 1,200 jobs in Ohio by the end of the year, the Financial Times reported on Monday."),
    ]);
    expect(claimWith(c, "1,200 jobs").primarySources).toEqual([expect.stringMatching(/^(The )?Financial Times$/)]);
    const aside = claimWith(c, "since 1950").support.find((s) => s.articleId === "w1")!;
    expect(aside.source).toEqual(expect.objectContaining({ name: "Daily Echo", kind: "own-reporting" }));
  });
});

describe("what is not a claim", () => {
  test("non-response boilerplate, opinion and a quote with only its speaker are left out", () => {
    const c = compare([
      bundle("n1", "Ohio Herald", "The State Department did not immediately respond to a request for comment on Tuesday. This development underscores the success of the mayor's plan for Ohio. “This is the first serious proposal in twenty years,” said Teresa Ybarra of the Ohio Housing Coalition."),
    ]);
    for (const words of ["did not immediately respond", "underscores the success", "first serious proposal"]) expect(claimWith(c, words)).toBeUndefined();
  });

  test("each wording keeps its modality", () => {
    const c = compare([bundle("h1", "Ohio Herald", "Acme Corp may cut 1,200 jobs in Ohio by the end of the year. Acme Corp denied that it would close its plant in Dayton next spring.")]);
    expect(claimWith(c, "may cut").support[0]!.modality).toBe("hedged");
    expect(claimWith(c, "denied that").support[0]!.modality).toBe("denied");
  });
});

test("the verdicts do not depend on the order the articles come in", () => {
  const articles = [...BRIDGE, bundle("b4", "Toledo Times", "Repairs to the Elm Street bridge cost $2.1 million, the mayor said on Monday.")];
  const shuffled = [articles[2]!, articles[0]!, articles[3]!, articles[1]!];
  const entities = resolveEntities(articles);
  const a = compareStory(story(articles), articles, entities);
  const b = compareStory(story(shuffled), shuffled, resolveEntities(shuffled));
  expect(b.claims).toEqual(a.claims);
  expect(b.brief).toEqual(a.brief);
  expect(compareStory(story(articles), articles, entities)).toEqual(a); // and the same twice
});
