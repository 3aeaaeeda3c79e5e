import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, Story } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "./compare-story.js";

function bundle(id: string, outlet: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title: `Article ${id}`, authors: [], publishedAt: "2023-05-02", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}
const story = (bundles: ArticleBundle[]): Story => ({
  id: "story-test", title: "t", articleIds: bundles.map((b) => b.article.id), storylineId: "l", firstPublished: null, lastPublished: null,
});
const compare = (bundles: ArticleBundle[]) => compareStory(story(bundles), bundles, resolveEntities(bundles));

const FACT = "The company Acme Corp will cut 1,200 jobs in Ohio by the end of the year.";

test("an article that states a claim twice supports it twice, as one outlet", () => {
  const bundles = [
    bundle("r1", "Ohio Herald", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year. Acme Corp will cut 1,200 jobs at its Ohio plants by the end of the year, union leaders said.`),
    bundle("r2", "Cleveland Ledger", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year, company documents show.`),
    bundle("r3", "Dayton Daily", `Acme Corp will cut 1,200 jobs in Ohio by the end of this year.`),
  ];
  const jobs = compare(bundles).claims.find((c) => c.outlets.length === 3)!;
  expect(jobs.support.map((s) => s.articleId).sort()).toEqual(["r1", "r1", "r2", "r3"]);
  expect(jobs.outlets.sort()).toEqual(["Cleveland Ledger", "Dayton Daily", "Ohio Herald"]);
});

describe("independent sources", () => {
  test("three outlets repeating one newspaper are one source", () => {
    const echoes = [
      bundle("e1", "Daily Echo", `According to The Financial Times, the company Acme Corp will cut 1,200 jobs in Ohio by the end of the year. Other news followed.`),
      bundle("e2", "Morning Echo", `The company Acme Corp will cut 1,200 jobs in Ohio by the end of the year, the Financial Times reported. Shares fell.`),
      bundle("e3", "Evening Echo", `A Financial Times report said the company Acme Corp will cut 1,200 jobs in Ohio by the end of the year. Unions objected.`),
    ];
    const claim = compare(echoes).claims.find((c) => c.text.includes("1,200 jobs"))!;
    expect(claim.outlets).toHaveLength(3);
    expect(claim.independentSources).toBe(1);
    expect(claim.primarySources).toEqual(["The Financial Times"]);
    expect(claim.status).toBe("single-source");
  });

  test("two outlets reporting on their own are two sources: corroborated", () => {
    const own = [bundle("o1", "Ohio Herald", `${FACT} The plant opened in 1998.`), bundle("o2", "Cleveland Ledger", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year, company documents show. Workers were told on Monday.`)];
    const claim = compare(own).claims.find((c) => c.text.includes("1,200 jobs"))!;
    expect(claim.independentSources).toBe(2);
    expect(claim.status).toBe("corroborated");
  });
});

describe("conflicts and omissions", () => {
  test("incompatible numbers for the same thing conflict, and each side keeps its source", () => {
    const bundles = [
      bundle("c1", "Ohio Herald", "The electoral board declared the mayor the winner with 52% of the votes in the city election."),
      bundle("c2", "Cleveland Ledger", "The opposition insists its candidate won 67% of the vote in the city election held on Sunday."),
    ];
    const conflicting = compare(bundles).claims.filter((c) => c.status === "conflicting");
    expect(conflicting).toHaveLength(2);
    expect(conflicting.flatMap((c) => c.conflicts.map((x) => x.value)).sort()).toEqual(["52%", "67%"]);
    expect(conflicting.flatMap((c) => c.conflicts.map((x) => x.source))).toContain("The opposition");
  });

  test("vague or bounded numbers do not conflict", () => {
    const bundles = [
      bundle("v1", "Ohio Herald", "Police arrested thousands of protesters in the capital over the weekend, officials said."),
      bundle("v2", "Cleveland Ledger", "Police arrested over 2,400 protesters in the capital over the weekend, the ministry said."),
    ];
    expect(compare(bundles).claims.filter((c) => c.status === "conflicting")).toEqual([]);
  });

  test("an outlet that leaves out what two others carry has an omission", () => {
    const bundles = [
      bundle("m1", "Ohio Herald", `${FACT} The plant opened in 1998 and employs 3,000 people.`),
      bundle("m2", "Cleveland Ledger", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year. The governor called the news painful for the region.`),
      bundle("m3", "Toledo Times", "Acme Corp shares rose 4% on Tuesday after the company raised its annual profit forecast for investors."),
    ];
    const { omissions, claims } = compare(bundles);
    const jobs = claims.find((c) => c.text.includes("1,200 jobs"))!;
    expect(omissions).toEqual([expect.objectContaining({ outlet: "Toledo Times", missingClaimIds: [jobs.id] })]);
  });
});

test("the brief drops loaded labels and cites its articles", () => {
  const bundles = [
    bundle("b1", "Left Daily", "The regime of strongman Viktor Orban passed the media law on Tuesday, according to officials. Orban said nothing."),
    bundle("b2", "Right Daily", "The government of Prime Minister Viktor Orban passed the media law on Tuesday, officials said. Critics protested."),
  ];
  const { brief } = compare(bundles);
  expect(brief.length).toBeGreaterThan(0);
  for (const b of brief) {
    expect(b.articleIds.length).toBeGreaterThan(0);
    expect(b.sentence).not.toMatch(/\bstrongman\b/);
  }
});
