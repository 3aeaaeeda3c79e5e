/**
 * The verdicts on the five seeds that issue 22 names, as a journalist reading them would state them: story 1's
 * three reports trace to one Wall Street Journal report, and its brief says so first; an outlet's own commentary
 * around its WSJ citation stays the outlet's voice; story 2's two outlets both report Maduro asking for amnesty in
 * exchange for leaving; boilerplate and rhetoric are not claims; the council's 52% and the opposition's 67% are
 * one dispute about who won. Facts, not a snapshot: a change that breaks one is wrong.
 */
import { describe, expect, test } from "vitest";
import type { Claim, TextSupport } from "../../src/records.js";
import { processInputs } from "../../src/pipeline.js";
import { buildReport } from "../../src/report/build-report.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const processed = await processInputs([examples], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const { report } = buildReport(processed.bundles, { now: () => "2026-01-01T00:00:00.000Z" });
const seed = (prefix: string) => report.articles.find((a) => a.source.split("/").at(-1)!.startsWith(prefix))!;
const [breitbart, israelHayom, rioTimes, conservativeFix, nyPost] = ["000", "001", "002", "003", "004"].map(seed);
const storyOf = (articleId: string) => report.stories.find((s) => s.articleIds.includes(articleId))!;
const supportsWith = (articleId: string, words: string): { claim: Claim; support: TextSupport }[] =>
  report.claims.flatMap((claim) => claim.support.filter((s) => s.articleId === articleId && s.text.includes(words)).map((support) => ({ claim, support })));

describe("story 1: the 2024 amnesty offer, all from the Wall Street Journal", () => {
  const story = storyOf(breitbart!.id);

  test("the brief opens by saying the reports trace to one WSJ report, with its date, and that no outlet confirms it", () => {
    const first = report.brief.find((b) => b.storyId === story.id)!;
    expect(first.sentence).toBe("All three reports trace to one source, The Wall Street Journal's report of 11 August 2024; no outlet confirms it independently.");
    expect([...first.articleIds].sort()).toEqual([...story.articleIds].sort());
  });

  test("no claim of the story is corroborated, and every claim two outlets carry rests on the WSJ alone", () => {
    const claims = report.claims.filter((c) => c.storyId === story.id);
    expect(claims.filter((c) => c.status === "corroborated")).toEqual([]);
    const shared = claims.filter((c) => c.outlets.length >= 2);
    expect(shared.length).toBeGreaterThan(0);
    for (const c of shared) expect(c.sources!.map((s) => s.name)).toEqual(["The Wall Street Journal"]);
  });

  test("an outlet's own commentary around its WSJ citation is its own voice, not the WSJ's", () => {
    const asides = [
      [israelHayom!.id, "This bold move comes as overwhelming evidence emerges"],
      [rioTimes!.id, "Amidst a contentious landscape"],
      [breitbart!.id, "A staunch socialist with close ties to Cuba"],
    ] as const;
    for (const [articleId, words] of asides) {
      const found = supportsWith(articleId, words);
      expect(found.length).toBeGreaterThan(0);
      for (const { support } of found) expect(support.source?.name).not.toBe("The Wall Street Journal");
    }
  });

  test("the council's 52% and the opposition's 67% are a dispute about who won, each side with its source", () => {
    const disputed = report.claims.filter((c) => c.storyId === story.id && c.status === "disputed" && c.dispute?.about === "who won");
    expect(disputed.length).toBeGreaterThan(0);
    const sides = disputed[0]!.dispute!.sides.map((s) => [s.value, s.sources.join(", ")]).sort();
    expect(sides).toEqual([["52%", "the National Electoral Council"], ["67%", "the opposition"]]);
  });
});

describe("story 2: the 2025 exile talks", () => {
  test("the Post's non-response boilerplate is not a claim", () => {
    expect(supportsWith(nyPost!.id, "did not immediately respond")).toEqual([]);
  });

  // A known gap, kept as an expected failure so that it turns red the day it is fixed: the two sentences share
  // "Maduro" and "amnesty" and little else, and no offline similarity measured this session puts them together
  // without also joining unrelated sentences (pair model 0.249 against its 0.34; USE lite cosine 0.821 against a
  // calibrated 0.823: docs/BENCHMARKS.md "Claim alignment"). Remove `.fails` when the alignment gets there.
  test.fails("Conservative Fix's and the Post's accounts of Maduro's amnesty demand are one claim carried by 2 outlets", () => {
    const fix = supportsWith(conservativeFix!.id, "full legal amnesty");
    const post = supportsWith(nyPost!.id, "amnesty");
    const shared = fix.map((x) => x.claim).filter((c) => post.some((y) => y.claim === c));
    expect(shared).toHaveLength(1);
    expect([...shared[0]!.outlets].sort()).toEqual([conservativeFix!.outlet, nyPost!.outlet].sort());
  });
});
