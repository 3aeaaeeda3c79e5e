/**
 * Issue 22, values and disputes (third round): a dispute keeps to one fact and one occasion, and each side is named
 * as the sentence names who gives it. Table rows with must-not-match rows beside the ones that must.
 */
import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, Story, StoryComparison } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "./compare-story.js";
import { recordsDisagree, recordSinceOf } from "./date-conflicts.js";
import { otherOccasion } from "./figure-scope.js";
import { peopleNamed, sideSayer } from "./side-sayer.js";
import { mergeValueDisputes } from "./claims/dispute-merge.js";
import { findClaimSentences } from "./claims/find-claims.js";
import { claimTerms, type ClaimTerms } from "./claims/similarity.js";
import { mergeSameValues } from "./claims/value-merge.js";

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

  test("a group disputing a time is not joined to the toll through the figure its sentence gives in passing", () => {
    // Groups given as alignment might give them, so that only the value merges are under test.
    const bundles = [
      bundle("t1", "Plains Daily Ledger", "A tornado that tore through farmland on Tuesday killed at least six people in Carver County, the state emergency office said Wednesday."),
      bundle("t2", "Carver County Examiner", "The tornado that struck Carver County on Tuesday touched down at about 4:15 p.m. west of Millford, the National Weather Service said. Six people died in the storm, County Coroner Ray Delgado said."),
      bundle("t3", "WCRV Radio", "Several residents of Millford say the tornado that killed six people on Tuesday touched down shortly after 6 p.m., minutes after the sirens sounded."),
    ];
    const sentences = bundles.flatMap(findClaimSentences);
    const at = (words: string) => sentences.findIndex((x) => x.text.includes(words));
    const [toll, time, coroner, residents] = [at("killed at least six"), at("about 4:15"), at("Six people died"), at("shortly after 6")];
    const disputes = mergeValueDisputes(sentences, [[toll], [time], [coroner], [residents]], bundles);
    const terms = new Map<number, ClaimTerms>();
    const groups = mergeSameValues(sentences, disputes, bundles, (i) => terms.get(i) ?? terms.set(i, claimTerms(sentences[i]!.text)).get(i)!);
    const groupOf = (i: number) => groups.find((g) => g.includes(i))!;
    expect(groupOf(time)).toContain(residents);
    expect(groupOf(toll)).toContain(coroner);
    expect(groupOf(toll)).not.toContain(residents);
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

describe("a record and the date it is the most since", () => {
  const recordIn = (text: string) => {
    const b = bundle("r", "Outlet", text);
    return recordSinceOf(b, [0, text.length]);
  };
  test.each([
    ["The price hike in June marked the largest 1-month spike since June 2008.", "2008-06", "month"],
    ["U.S. consumer prices rose last month at the fastest pace since August 2008.", "2008-08", ""],
    ["Consumer prices rose 5.4% over the past year, the sharpest 12-month spike since August 2008.", "2008-08", "year"],
    ["The bridge has been closed since January 2024.", null, ""],
    ["Prices rose 5.4%, the sharpest rise since August 2008, and core prices the most since November 1991.", null, ""],
  ])("%s", (text, date, period) => {
    const r = recordIn(text);
    expect(r?.date ?? null).toBe(date);
    if (r) expect(r.period).toBe(period);
  });
  test("dates disagree only for one measure's period", () => {
    expect(recordsDisagree({ date: "2008-06", text: "", period: "month" }, { date: "2008-08", text: "", period: "" })).toBe(true);
    expect(recordsDisagree({ date: "2008-06", text: "", period: "month" }, { date: "2008-08", text: "", period: "year" })).toBe(false);
    expect(recordsDisagree({ date: "2008", text: "", period: "" }, { date: "2008-08", text: "", period: "" })).toBe(false);
  });
  test("two outlets dating one record differently are a dispute", () => {
    const c = compare([
      bundle("p1", "The Washington Post", "Prices rose 0.9 percent in June. The price hike in June marked the largest 1-month consumer price spike since June 2008."),
      bundle("p2", "Fox News", "U.S. consumer prices rose last month at the fastest pace since August 2008."),
    ]);
    const claim = claimWith(c, "fastest pace since August 2008")!;
    expect(claim.status).toBe("disputed");
    expect(claim.dispute?.about).toBe("since when it is a record");
  });
});

describe("one figure with the same rate in two wordings", () => {
  const groupsOf = (bundles: ArticleBundle[]) => {
    const sentences = bundles.flatMap(findClaimSentences);
    const terms = new Map<number, ClaimTerms>();
    const groups = mergeSameValues(sentences, sentences.map((_, i) => [i]), bundles, (i) => terms.get(i) ?? terms.set(i, claimTerms(sentences[i]!.text)).get(i)!);
    return (a: string, b: string) => groups.some((g) => g.some((i) => sentences[i]!.text.includes(a)) && g.some((i) => sentences[i]!.text.includes(b)));
  };
  test("'$48 a year' said twice of one bond is one figure", () => {
    const together = groupsOf([
      bundle("m1", "Falls City Ledger", "The bond would add about $48 a year to the property tax bill of a median-priced home, Mensah said."),
      bundle("m2", "WFCR", "The mayor said the typical homeowner would pay about $48 a year more in property taxes."),
    ]);
    expect(together("add about $48", "pay about $48")).toBe(true);
  });
  test("a figure without a rate or a noun needs more shared words", () => {
    const together = groupsOf([
      bundle("l1", "Marlow Times", "The new Marlow Central Library is $4 million over its original budget, according to an audit released Monday by the city."),
      bundle("l2", "Marlow Radio", "The city will cover part of the gap with a $4 million grant from the state announced Monday, according to the mayor's office."),
    ]);
    expect(together("over its original budget", "grant from the state")).toBe(false);
  });
});
