/**
 * Issue 22, values and disputes (third round): a dispute keeps to one fact and one occasion, and each side is named
 * as the sentence names who gives it. Table rows with must-not-match rows beside the ones that must.
 */
import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, Story, StoryComparison } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "./compare-story.js";
import { otherOccasion } from "./figure-scope.js";
import { peopleNamed, sideSayer } from "./side-sayer.js";

function bundle(id: string, outlet: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title: `Article ${id}`, authors: [], publishedAt: "2025-04-02", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}
const story = (bundles: ArticleBundle[]): Story => ({ id: "s", title: "t", articleIds: bundles.map((b) => b.article.id), storylineId: "l", firstPublished: null, lastPublished: null });
const compare = (bundles: ArticleBundle[]): StoryComparison => compareStory(story(bundles), bundles, resolveEntities(bundles));
const claimWith = (c: StoryComparison, words: string) => c.claims.find((x) => x.support.some((s) => s.text.includes(words)));
const sayerOf = (b: ArticleBundle, sentence: string) => {
  const start = b.article.text.indexOf(sentence);
  return sideSayer(b, [start, start + sentence.length]);
};

describe("one occasion", () => {
  test.each([
    ["Carver County last saw a deadly tornado in 1998, when two people died near Ashby.", "Six people died in the storm, the coroner said.", true],
    ["Prices rose 5.4 percent from a year earlier.", "Prices rose 0.9 percent from the previous month.", true],
    ["A total of 31 magazines were seized.", "Agents seized 12 magazines in the raid.", true],
    ["Six people died in the storm, the coroner said.", "The tornado killed at least eight people.", false],
  ])("%s / %s: other occasions %s", (a, b, other) => {
    expect(otherOccasion(a, b, [2025, 2025])).toBe(other);
  });

  test("a toll of a storm decades ago is not a second account of this one's", () => {
    const c = compare([
      bundle("t1", "Plains Daily Ledger", "A tornado that tore through farmland on Tuesday killed at least six people in Carver County, the state emergency office said Wednesday."),
      bundle("t2", "Carver County Examiner", "Six people died in the storm, County Coroner Ray Delgado said. Carver County last saw a deadly tornado in 1998, when two people died near Ashby."),
    ]);
    expect(claimWith(c, "in 1998")?.status).not.toBe("disputed");
    expect(claimWith(c, "killed at least six")?.status).not.toBe("disputed");
  });

  test("a dispute about a time does not take in the toll its sentence gives in passing", () => {
    const c = compare([
      bundle("t1", "Plains Daily Ledger", "A tornado that tore through farmland on Tuesday killed at least six people in Carver County, the state emergency office said Wednesday."),
      bundle("t2", "Carver County Examiner", "The tornado that struck Carver County on Tuesday touched down at about 4:15 p.m. west of Millford, the National Weather Service said. Six people died in the storm, County Coroner Ray Delgado said."),
      bundle("t3", "WCRV Radio", "Several residents of Millford say the tornado that killed six people on Tuesday touched down shortly after 6 p.m., minutes after the sirens sounded."),
    ]);
    const time = claimWith(c, "touched down shortly after 6")!;
    expect(time.status).toBe("disputed");
    expect(time.dispute?.about).toBe("the time");
    expect(time.support.some((s) => s.text.includes("killed at least six"))).toBe(false);
    expect(time.dispute?.sides.flatMap((s) => s.sources)).toContain("Several residents");
  });
});

describe("who gives a side", () => {
  test.each([
    ["Several residents of Millford", "Several residents"],
    ["Two witnesses of Elm Avenue", "Two witnesses"],
    ["The National Weather Service", "The National Weather Service"],
    ["Residents of Millford", "Residents of Millford"],
  ])("%s is named %s", (name, named) => expect(peopleNamed(name)).toBe(named));

  test("'Both told' are the two the sentence before names", () => {
    const b = bundle("w1", "The Westbrook Courier", "Two witnesses who were at the gas pumps gave a different account. Both told the Courier that they heard at least six shots.");
    expect(sayerOf(b, "Both told the Courier that they heard at least six shots.")).toBe("Two witnesses");
  });

  test("'according to unofficial results from' names who gives the results", () => {
    const b = bundle("r1", "Westbury Standard", "Westbury County voters approved a sales tax on Tuesday, with 54 percent voting yes, according to unofficial results from the county elections office.");
    expect(sayerOf(b, b.article.text)).toBe("the county elections office");
  });
});
