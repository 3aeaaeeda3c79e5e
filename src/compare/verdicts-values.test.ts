/**
 * Issue 22's value rules added after the first rebuild: a quoted denial is the speaker's side of a dispute and joins
 * the report it denies; one figure of one thing in two wordings joins them, a look-alike figure does not; a
 * forecast, a part of a whole or a figure of another period is not a dispute (figure-scope.ts). Then (issue 22's
 * second round): what a figure counts, dates against "not until", a side's source, a denial joined to what it
 * denies, one dispute about who won, ages and times, a withdrawn figure, drift in the wording, asides.
 */
import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, Story, StoryComparison } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "./compare-story.js";
import { differentPeriods, isExpectation, isPartOfWhole, periodAfter } from "./figure-scope.js";
import { pointsDisagree, pointValuesOf } from "./claims/point-values.js";
import { complementaryShares, quantityScope, sameScope, scopeKey } from "./claims/quantity.js";
import { sentenceKind } from "./claims/sentence-kind.js";
import { hardenedHedge, roundedFigures } from "./drift-wording.js";
import { subjectOfReporting } from "./side-sayer.js";

function bundle(id: string, outlet: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title: `Article ${id}`, authors: [], publishedAt: "2025-04-02", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}
const compare = (bundles: ArticleBundle[]): StoryComparison =>
  compareStory({ id: "s", title: "t", articleIds: bundles.map((b) => b.article.id), storylineId: "l", firstPublished: null, lastPublished: null }, bundles, resolveEntities(bundles));
const claimWith = (c: StoryComparison, words: string) => c.claims.find((x) => x.support.some((s) => s.text.includes(words)));

describe("denials", () => {
  const story = [
    bundle("d1", "Harbor Daily", "Ridgeport software maker Brightloop is preparing to lay off about 300 employees, according to three current employees."),
    bundle("d2", "Ridgeport Business Journal", "\"It is untrue that Brightloop is planning layoffs,\" chief executive Sandra Whitlock said in a statement on Wednesday."),
  ];
  test("a quoted denial is kept as a denied statement and disputes the report it denies", () => {
    const claim = claimWith(compare(story), "lay off about 300")!;
    expect(claim.support.map((s) => s.articleId).sort()).toEqual(["d1", "d2"]);
    expect(claim.support.find((s) => s.articleId === "d2")!.modality).toBe("denied");
    expect(claim.status).toBe("disputed");
  });
  test("a quote that only contains 'deny' is still a quote, not a claim", () => {
    const c = compare([story[0]!, bundle("d3", "WRPT", "\"I deny nothing and I regret nothing about my years at Brightloop,\" Whitlock said on Wednesday.")]);
    expect(claimWith(c, "I deny nothing")).toBeUndefined();
  });
});

describe("figures", () => {
  test("a forecast set against the outcome is an expectation", () => {
    expect(isExpectation("The month-to-month gain was 0.8%, against the expected ")).toBe(true);
    expect(isExpectation("Economists had expected the C.P.I. to rise ")).toBe(true);
    expect(isExpectation("Police estimated the crowd at ")).toBe(false);
    expect(isExpectation("The bridge is expected to reopen on ")).toBe(false);
  });
  test("a part of a stated whole, and the period a figure is pinned to", () => {
    expect(isPartOfWhole(" of the $5 trillion total")).toBe(true);
    expect(isPartOfWhole(" in new funding for roads")).toBe(false);
    expect(periodAfter(" increase in May.")).toBe("may");
    expect(periodAfter(" by 2031, the plan says")).toBe("2031");
    expect(periodAfter(" in the 2022 fiscal year")).toBe("2022");
    expect(differentPeriods("may", "june")).toBe(true);
    expect(differentPeriods("", "june")).toBe(false);
  });
  test("a figure one wording gives beside another that the other wording shares is no dispute", () => {
    const c = compare([
      bundle("f1", "Daily Post", "The Labor Department said Tuesday that the consumer price index rose 0.9% in June, faster than the 0.6% increase in May."),
      bundle("f2", "Evening Star", "The consumer price index rose 0.9 percent in June from the month before, the Labor Department said Tuesday."),
    ]);
    expect(c.claims.filter((x) => x.status === "disputed")).toEqual([]);
  });
});

describe("what a figure counts (claims/quantity.ts)", () => {
  const scopeIn = (text: string, figure: string) => {
    const b = bundle("q", "Q", text);
    const n = b.annotations.find((a): a is Extract<typeof a, { kind: "number" }> => a.kind === "number" && text.slice(a.span[0], a.span[1]) === figure)!;
    return quantityScope(text, [0, text.length], n);
  };
  test("killed, injured and moved to shelters are different quantities", () => {
    const dead = scopeIn("Flooding killed at least nine people across the county on Sunday.", "nine");
    const sheltered = scopeIn("About 2,300 people moved to shelters across the county on Sunday.", "2,300");
    const hurt = scopeIn("Three people were killed and 17 injured when the bus overturned.", "17");
    expect(dead.role).toBe("death");
    expect(sheltered.role).toBe("displaced");
    expect(hurt.role).toBe("injury");
    expect(sameScope(dead, sheltered, true)).toBe(false);
  });
  test("a rate, new money and a figure asked for are scopes of their own", () => {
    expect(scopeIn("The meters would bring in $1.5 million a year for the city.", "$1.5 million").rate).toBe("year");
    expect(scopeIn("Biden will propose $5 trillion in new federal spending on Friday.", "$5 trillion").novelty).toBe("new");
    const asked = scopeIn("The union is pushing for an 8 percent raise in the next budget.", "8 percent");
    const passed = scopeIn("The House passed a budget in February with a 3 percent raise for teachers.", "3 percent");
    expect(sameScope(asked, passed, true)).toBe(false);
    expect(scopeIn("Turnout in Tuesday's county primary was 58 percent, the clerk said.", "58 percent").noun).toBe("turnout");
  });
  test("the people with someone are one count however the noun words them", () => {
    const adults = scopeIn("He was with 4 other adults and teenagers at the time of the shooting.", "4");
    const people = scopeIn("Three other people, including two teenagers, were in the car at the time, police said.", "Three");
    expect(scopeKey("people", adults)).toBe(scopeKey("people", people));
  });
  test("shares adding up to the whole are one split", () => {
    expect(complementaryShares(54, 46)).toBe(true);
    expect(complementaryShares(54, 49)).toBe(false);
  });
});

describe("values compared inside aligned claims", () => {
  test("a date against a later 'not until' is a dispute, a background 'since' date notwithstanding", () => {
    const c = compare([
      bundle("o1", "Harlan Courier", "The Harlan Avenue overpass, closed since February for deck repairs, will reopen to traffic on May 6, Mayor Ines Garrow said Monday."),
      bundle("o2", "Harlan Public Radio", "The Harlan Avenue overpass will not reopen to traffic until July 1, according to the county highway department."),
    ]);
    const claim = claimWith(c, "reopen to traffic on May 6")!;
    expect(claim.support.map((s) => s.articleId).sort()).toEqual(["o1", "o2"]);
    expect(claim.status).toBe("disputed");
    expect(claim.dispute!.sides.map((s) => s.value).sort()).toEqual(["May 6", "not until July 1"]);
  });
  test("a side no source is resolved for is the subject of its reporting verb, named as the claim names it", () => {
    expect(subjectOfReporting("The union representing drivers at the depot in Kessling says the depot will not close before June.")).toBe("The union");
    expect(subjectOfReporting("The chamber of commerce, which represents about 400 shops, estimates their losses at $5 million.")).toBe("The chamber of commerce");
    expect(subjectOfReporting("The depot will close in March, the company said Tuesday.")).toBe("the company");
    expect(subjectOfReporting("The bridge will reopen in May.")).toBeNull();
  });
  test("a denial joins the report that states what it denies, not a neighbour naming the same people", () => {
    const c = compare([
      bundle("n1", "Port Gazette", "City Councillor Ruth Abara accepted $8,000 in speaking fees from a shipping firm while the council weighed its harbour lease. The fees came from Orrin Marine, a company owned by shipping executive Dale Orrin, whose lease the council approved in May."),
      bundle("n2", "Port Now", "\"It is untrue that I accepted any payment from Dale Orrin or any of his companies,\" Abara said in a statement on Thursday."),
    ]);
    const claim = claimWith(c, "accepted $8,000")!;
    expect(claim.support.some((s) => s.articleId === "n2")).toBe(true);
    expect(claim.status).toBe("disputed");
    expect(claimWith(c, "The fees came from Orrin Marine")!.status).not.toBe("disputed");
  });
  test("one outlet reporting two sources' winners is one dispute about who won", () => {
    const c = compare([
      bundle("w1", "Island Herald", "The Electoral Tribunal, which is loyal to the governor, declared Governor Ken Sato the winner with 55% of the vote. The opposition insists that its candidate, Mira Vell, actually won 60% of the vote."),
    ]);
    const disputed = c.claims.filter((x) => x.status === "disputed");
    expect(disputed).toHaveLength(1);
    expect(disputed[0]!.dispute!.about).toBe("who won");
    expect(disputed[0]!.dispute!.sides.map((s) => s.value).sort()).toEqual(["55%", "60%"]);
  });
  test("a named person's two ages are a dispute; times of one shooting that cannot both hold are too", () => {
    expect(pointValuesOf("Investigators arrested her boyfriend, 21-year-old Jesse Dobbs, early Wednesday.").map((p) => [p.key, p.lo])).toEqual([["age|jesse dobbs", 21]]);
    const [about] = pointValuesOf("The shooting happened about 10:30 p.m. Monday, police said.");
    const [after] = pointValuesOf("A girl was shot in the face shortly after 11 p.m. Monday.");
    expect(pointsDisagree(about!, after!)).toBe(true);
    expect(pointValuesOf("Reservations are required between 6 a.m. and 2 p.m. on weekends.")).toEqual([]);
  });
  test("a figure its own outlet corrected is not disputed by outlets giving the corrected one", () => {
    const story = [
      bundle("c1", "Brennan Ledger", "Novak Steel will cut 40 jobs at its Brennan rolling mill by the end of September, the company said Tuesday."),
      { ...bundle("c2", "Brennan Ledger", "Correction: An earlier version of this article misstated the number of jobs. Novak Steel will cut 400 jobs at its Brennan rolling mill by the end of September, the company said Tuesday."), },
      bundle("c3", "WBRN", "Novak Steel says it will eliminate 400 jobs at its Brennan rolling mill by the end of September."),
    ];
    const c = compare(story);
    expect(c.claims.filter((x) => x.status === "disputed")).toEqual([]);
  });
});

describe("a point in time is not a length", () => {
  test("'after five months' and 'six months later' are when a figure holds, not two accounts of a length", () => {
    const c = compare([
      bundle("t1", "Health Daily", "After five months, the Halvard vaccine is 47% effective at preventing infection, the Kaiser study found."),
      bundle("t2", "Science Wire", "The Halvard vaccine's protection against infection fell to 47% six months later, according to the Kaiser study."),
    ]);
    expect(c.claims.filter((x) => x.status === "disputed")).toEqual([]);
  });
});

describe("drift in the wording (drift-wording.ts)", () => {
  test("a tentative claim made firm, and a precise figure rounded", () => {
    expect(hardenedHedge("SkyWay is considering moving its main hub to Fort Carson, two people said.", "SkyWay plans to move its main hub to Fort Carson, The Lindell Post reported.")).toBe("considering");
    expect(hardenedHedge("SkyWay is considering moving its hub.", "SkyWay may move its hub, a report says.")).toBeNull();
    const precise = bundle("r1", "Register", "The state's population grew to 7,318,000 as of July 1, the Census Bureau said.");
    const round = bundle("r2", "WCRW", "The state now has 7 million residents, according to new census figures.");
    expect(roundedFigures(precise, [0, precise.article.text.length], round, [0, round.article.text.length])).toEqual(["7,318,000 → 7 million"]);
  });
});

describe("sentence kind: an aside does not make the sentence opinion", () => {
  test("a quoted label or a characterization in a trailing relative clause leaves the fact a claim", () => {
    const fact = "The span will reopen on April 14, according to Mayor Dana Lee, who told reporters the work was \"on schedule and on budget.\"";
    expect(sentenceKind(fact, fact.replace(/"[^"]*"/g, " "), 0.2, 0.5)).toBe("fact");
    const opinion = "Council member Ana Ruiz, who has pushed for the cameras for years, called the decision a long overdue step.";
    expect(sentenceKind(opinion, opinion, 0, 0.5)).toBe("opinion");
  });
});
