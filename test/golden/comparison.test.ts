/**
 * The cross-source comparison on the five seeds, stated as what a journalist reading the report must see
 * (issue 6): the amnesty offer as one claim of three outlets resting on one source, the bounty carried by two,
 * each outlet's labels for Maduro, the dates that anchor the story, and a brief without loaded labels. The full
 * output is in seeds.test.ts's snapshot; these are the facts that must hold through any change.
 */
import { describe, expect, test } from "vitest";
import type { Claim } from "../../src/records.js";
import { LOADED_WORDS } from "../../src/_lib/lexicon.js";
import { processInputs } from "../../src/pipeline.js";
import { buildReport } from "../../src/report/build-report.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const processed = await processInputs([examples], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const { report } = buildReport(processed.bundles, { now: () => "2026-01-01T00:00:00.000Z" });
const seed = (prefix: string) => report.articles.find((a) => a.source.split("/").at(-1)!.startsWith(prefix))!;
const [breitbart, israelHayom, rioTimes, conservativeFix, nyPost] = ["000", "001", "002", "003", "004"].map(seed);
const articlesOf = (claim: Claim) => [...new Set(claim.support.map((s) => s.articleId))].sort();
const storyOf = (articleId: string) => report.stories.find((s) => s.articleIds.includes(articleId))!;

describe("claims", () => {
  test("the amnesty / pardon offer is one claim of three articles with one independent source, the Wall Street Journal", () => {
    const offer = report.claims.filter((c) => c.support.some((s) => /\b(amnesty|pardon)/i.test(s.text)) && c.outlets.length === 3);
    expect(offer).toHaveLength(1);
    expect(articlesOf(offer[0]!)).toEqual([breitbart!.id, israelHayom!.id, rioTimes!.id].sort());
    expect(offer[0]!.independentSources).toBe(1);
    expect(offer[0]!.primarySources).toEqual(["The Wall Street Journal"]);
    expect(offer[0]!.status).toBe("single-source");
  });

  test("the $15 million bounty is carried by two articles", () => {
    const bounty = report.claims.filter((c) => c.support.some((s) => s.text.includes("$15 million bounty")) && c.outlets.length > 1);
    expect(bounty).toHaveLength(1);
    expect(articlesOf(bounty[0]!)).toEqual([breitbart!.id, israelHayom!.id].sort());
  });

  test("the Post's own reporting is its own source", () => {
    const own = report.claims.find((c) => c.support.some((s) => s.articleId === nyPost!.id && s.text.includes("The Post has learned")))!;
    // The outlet's name as the outlets table gives it (nypost.com → "New York Post").
    expect(own.sources).toEqual([expect.objectContaining({ name: nyPost!.outlet, kind: "own-reporting", via: "own" })]);
  });
});

test("Maduro's labels, per outlet, loaded ones marked", () => {
  const labels = report.framing
    .filter((f) => f.name === "Nicolás Maduro")
    .flatMap((f) => f.labels.map((l) => [report.articles.find((a) => a.id === l.articleId)!.id, l.term, l.loaded] as const));
  expect(labels).toEqual(
    expect.arrayContaining([
      [breitbart!.id, "Venezuela’s Commie Dictator", true],
      [conservativeFix!.id, "dictator", true],
      [israelHayom!.id, "strongman", true],
      [israelHayom!.id, "Venezuelan President", false],
      [rioTimes!.id, "Venezuelan President", false],
    ]),
  );
});

test("the timeline holds the 2024-07-28 election and the --11-21 message to Trump, each in its story", () => {
  const election = report.timeline.find((t) => t.date === "2024-07-28")!;
  expect(election.text).toMatch(/July 28/);
  expect(election.storyId).toBe(storyOf(israelHayom!.id).id);
  const message = report.timeline.find((t) => t.date === "--11-21")!;
  expect(message.text).toMatch(/informed former President Donald Trump on November 21/);
  expect(message.storyId).toBe(storyOf(conservativeFix!.id).id);
});

test("the brief of each story cites its articles and carries no loaded label", () => {
  const loadedLabels = new Set(report.framing.flatMap((f) => f.labels.filter((l) => l.loaded).map((l) => l.term.toLowerCase())));
  expect(loadedLabels.size).toBeGreaterThan(3);
  for (const story of report.stories) expect(report.brief.filter((b) => b.storyId === story.id).length).toBeGreaterThanOrEqual(3);
  for (const b of report.brief) {
    const words = b.sentence.toLowerCase().split(/[^\p{L}-]+/u);
    expect(words.filter((w) => LOADED_WORDS.has(w)), b.sentence).toEqual([]);
    for (const label of loadedLabels) expect(b.sentence.toLowerCase()).not.toContain(label);
    expect(b.articleIds.every((id) => storyOf(id).id === b.storyId)).toBe(true);
  }
});
