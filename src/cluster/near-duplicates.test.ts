import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { ArticleBundle } from "../records.js";
import { containment, findNearDuplicates, MIN_WORDS } from "./near-duplicates.js";

const examples = new URL("../../examples/", import.meta.url);
const SEEDS = readdirSync(examples)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(new URL(f, examples), "utf8"));
/** Seed 000 (Breitbart-style rewrite of the WSJ report) and 004 (New York Post exclusive), as wire originals. */
const [WIRE_A, WIRE_B] = [SEEDS[0]!, SEEDS[4]!];

function bundle(id: string, text: string, publishedAt: string | null = null, title = ""): ArticleBundle {
  return {
    article: {
      id, source: id, url: null, outlet: null, title, authors: [], publishedAt, modifiedAt: null, language: "en",
      text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
    },
    annotations: [],
  };
}

const lines = (text: string) => text.split("\n");
/** The first `share` of the text, cut at a word boundary: what a site that runs only the top of a wire story keeps. */
const trimmed = (text: string, share: number) => text.slice(0, text.lastIndexOf(" ", Math.floor(text.length * share)));
const reheadlined = (text: string, headline: string) => [headline, ...lines(text).slice(1)].join("\n");
const withRelatedPosts = (text: string) =>
  `${text}\n\nRelated posts: Venezuela opposition calls for protests | Oil prices climb on supply fears | Read more on our world desk`;
const withDateline = (text: string) => ["CARACAS, Venezuela (Agencies) — Updated 14:05 GMT", ...lines(text).slice(1)].join("\n");

const groupsOf = (bundles: ArticleBundle[]) => findNearDuplicates(bundles);

describe("findNearDuplicates: copies of one text are found", () => {
  test.each([
    ["trimmed to 60%", (t: string) => trimmed(t, 0.6)],
    ["re-headlined", (t: string) => reheadlined(t, "Washington weighs an exit deal for Maduro, sources say")],
    ["with a related-posts line", withRelatedPosts],
    ["with another first line (dateline)", withDateline],
    ["trimmed, re-headlined and with related posts", (t: string) => withRelatedPosts(reheadlined(trimmed(t, 0.7), "Maduro deal?"))],
  ])("%s", (_, variant) => {
    for (const [name, wire] of [["a", WIRE_A], ["b", WIRE_B]] as const) {
      const groups = groupsOf([bundle(`${name}-wire`, wire), bundle(`${name}-copy`, variant(wire))]);
      expect(groups).toHaveLength(1);
      expect(groups[0]!.copyIds).toHaveLength(1);
    }
  });

  test("copies of two wire stories make two groups, copies sorted, canonical excluded", () => {
    const groups = groupsOf([
      bundle("b-copy-2", withDateline(WIRE_B)),
      bundle("a-copy", trimmed(WIRE_A, 0.6)),
      bundle("b-wire", WIRE_B),
      bundle("a-wire", WIRE_A),
      bundle("b-copy-1", trimmed(WIRE_B, 0.6)),
    ]);
    expect(groups).toEqual([
      { canonicalId: "a-wire", copyIds: ["a-copy"] },
      { canonicalId: "b-wire", copyIds: ["b-copy-1", "b-copy-2"] },
    ]);
  });
});

describe("findNearDuplicates: different texts are not copies", () => {
  test("the five seeds report one story in their own words: no group", () => {
    expect(SEEDS).toHaveLength(5);
    expect(groupsOf(SEEDS.map((text, i) => bundle(`seed-${i}`, text)))).toEqual([]);
  });

  test("two reports sharing only a long quote are not copies", () => {
    const quote =
      "“We will not accept any deal that lets those responsible for the repression walk away without answering to the " +
      "Venezuelan people, and we have said so clearly to our partners in Washington and in the region,” the opposition leader said.";
    const first =
      "Talks over Nicolás Maduro’s future moved to Doha this week, where Qatari mediators met envoys from Caracas and " +
      "Washington behind closed doors. Officials familiar with the meetings said no text had been agreed. " + quote +
      " Oil markets barely moved on the news, and analysts in Houston said sanctions relief remained a distant prospect.";
    const second =
      "Venezuela’s opposition rejected on Tuesday any amnesty for the president, hours after reports that the United " +
      "States had floated guarantees against extradition for him and his inner circle. " + quote +
      " The government in Caracas called the reports a fabrication and said the armed forces stood behind the president.";
    expect(groupsOf([bundle("doha", first), bundle("opposition", second)])).toEqual([]);
  });

  test(`texts under ${MIN_WORDS} words are never copies, even when identical`, () => {
    const brief = "The U.S. has discussed pardons for Maduro and top lieutenants of his who face indictments, three people said.";
    expect(brief.split(" ").length).toBeLessThan(MIN_WORDS);
    expect(groupsOf([bundle("brief-1", brief), bundle("brief-2", brief), bundle("brief-3", `${brief} Read more.`)])).toEqual([]);
  });

  test("empty input and empty texts", () => {
    expect(groupsOf([])).toEqual([]);
    expect(groupsOf([bundle("x", ""), bundle("y", "")])).toEqual([]);
  });
});

describe("findNearDuplicates: canonical copy and determinism", () => {
  test.each([
    ["earliest date wins over length", "2024-08-11T08:00:00Z", "2024-08-11T06:00:00Z", "copy"],
    ["same date: the fullest text", "2024-08-11", "2024-08-11", "wire"],
  ])("%s", (_, wireDate, copyDate, expected) => {
    const groups = groupsOf([bundle("wire", WIRE_B, wireDate), bundle("copy", trimmed(WIRE_B, 0.6), copyDate)]);
    expect(groups[0]!.canonicalId).toBe(expected);
  });

  test("a date missing on one member: the fullest text, not the dated one", () => {
    const groups = groupsOf([bundle("wire", WIRE_B, null), bundle("copy", trimmed(WIRE_B, 0.6), "2024-08-11")]);
    expect(groups[0]).toEqual({ canonicalId: "wire", copyIds: ["copy"] });
  });

  test("identical texts, no dates: the smallest id", () => {
    expect(groupsOf([bundle("z", WIRE_A), bundle("m", WIRE_A)])).toEqual([{ canonicalId: "m", copyIds: ["z"] }]);
  });

  test("the result does not depend on input order", () => {
    const bundles = [
      ...SEEDS.map((text, i) => bundle(`seed-${i}`, text)),
      bundle("a-1", trimmed(WIRE_A, 0.6)), bundle("a-2", withDateline(WIRE_A)), bundle("a-3", withRelatedPosts(WIRE_A)),
      bundle("b-1", reheadlined(WIRE_B, "Qatar may host Maduro")), bundle("b-2", trimmed(WIRE_B, 0.8)),
    ];
    const expected = groupsOf(bundles);
    expect(expected.map((g) => g.copyIds.length)).toEqual([3, 2]);
    for (let seed = 1; seed <= 5; seed++) expect(groupsOf(shuffled(bundles, seed))).toEqual(expected);
  });
});

describe("containment", () => {
  test.each([
    [[1, 2, 3], [1, 2, 3, 4, 5, 6], 1],
    [[1, 2, 3, 4], [3, 4, 5, 6], 0.5],
    [[1, 2], [3, 4], 0],
    [[], [1], 0],
  ])("%j in %j → %d", (a, b, expected) => expect(containment(Uint32Array.from(a), Uint32Array.from(b))).toBe(expected));
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed * 2654435761;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
