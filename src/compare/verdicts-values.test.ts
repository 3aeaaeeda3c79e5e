/**
 * Issue 22's value rules added after the first rebuild: a quoted denial is the speaker's side of a dispute and joins
 * the report it denies; one figure of one thing in two wordings joins them, a look-alike figure does not; a
 * forecast, a part of a whole or a figure of another period is not a dispute (figure-scope.ts).
 */
import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, Story, StoryComparison } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "./compare-story.js";
import { differentPeriods, isExpectation, isPartOfWhole, periodAfter } from "./figure-scope.js";

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
