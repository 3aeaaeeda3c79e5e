/**
 * The verdict suite's scorer on a hand-made report: anchors mapped to claims through their support spans, and each
 * check type passing on a report that satisfies it and failing on one that does not. No pipeline runs here.
 */
import { describe, expect, test } from "vitest";
import { locate, nameMatches, readReport } from "../../eval/verdicts-anchors.js";
import { type Check, scoreCheck } from "../../eval/verdicts-checks.js";

const A1 = "The bridge will reopen on April 14, Mayor Dana Whitcombe said. This is great news. Losses reached $3 million.";
const A2 = "The span reopens April 14, the mayor said. Engineers say it will not reopen until June 2. Losses hit $5 million.";
const A3 = "Nobody answered. The chamber did not respond to a request for comment.";
const span = (articleId: string, text: string, sentence: string, extra: object = {}) => {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`no "${sentence}"`);
  return { articleId, start, end: start + sentence.length, text: sentence, ...extra };
};

/** Claim 1: the reopening, disputed (mayor: two outlets; engineers: one). Claim 2: the losses, wrongly corroborated. */
function report(overrides: { claims?: unknown[]; drift?: unknown[]; omissions?: unknown[] } = {}) {
  return {
    articles: [
      { id: "a1", title: "Bridge to reopen April 14", text: A1, outlet: "Courier" },
      { id: "a2", title: "Engineers doubt date", text: A2, outlet: "Ledger" },
      { id: "a3", title: "Quiet day", text: A3, outlet: "Radio" },
    ],
    claims: overrides.claims ?? [
      {
        id: "c1", text: "reopening", status: "disputed", independentSources: 2, outlets: ["Courier", "Ledger"],
        support: [
          span("a1", A1, "The bridge will reopen on April 14, Mayor Dana Whitcombe said.", { source: { name: "Dana Whitcombe", kind: "person" } }),
          span("a2", A2, "The span reopens April 14, the mayor said."),
          span("a2", A2, "Engineers say it will not reopen until June 2."),
          { articleId: "a1", start: 0, end: 25, text: "Bridge to reopen April 14", field: "title" },
        ],
        sources: [{ name: "Mayor Whitcombe", kind: "person", support: [0, 1, 3] }, { name: "city engineers", kind: "document", support: [2] }],
        dispute: { about: "reopening date", sides: [
          { value: "April 14", sources: ["Dana Whitcombe"], outlets: ["Courier", "Ledger"], support: [0, 1, 3] },
          { value: "June 2", sources: ["city engineers"], outlets: ["Ledger"], support: [2] },
        ] },
      },
      {
        id: "c2", text: "losses", status: "corroborated", independentSources: 2, outlets: ["Courier", "Ledger"],
        support: [span("a1", A1, "Losses reached $3 million."), span("a2", A2, "Losses hit $5 million.")],
        sources: [{ name: "own reporting", kind: "own-reporting", support: [0, 1] }],
      },
    ],
    drift: overrides.drift ?? [{ kind: "hedge-dropped", from: span("a1", A1, "Losses reached $3 million."), to: span("a2", A2, "Losses hit $5 million.") }],
    omissions: overrides.omissions ?? [{ outlet: "Radio", missingClaimIds: ["c1"] }],
    attributions: [span("a3", A3, "The chamber did not respond to a request for comment.", { source: "Radio", kind: "own-reporting" })],
    stories: [{ id: "s1" }],
  };
}

const run = (check: Check, r: unknown = report()) => scoreCheck(readReport(r), check).pass;
const why = "test";

describe("anchors", () => {
  test("an anchor is found in the text, else in the title, and maps to the claims whose support covers it", () => {
    const view = readReport(report());
    expect(locate(view, ["a1", "Mayor Dana Whitcombe"])).toMatchObject({ field: "text", start: A1.indexOf("Mayor Dana") });
    expect(locate(view, ["a1", "Bridge to reopen"])).toMatchObject({ field: "title", start: 0 });
    expect(locate(view, ["a1", "not in the article"])).toBeNull();
    expect(locate(view, ["a9", "The bridge"])).toBeNull();
  });
  test("names match after titles, case and possessives are folded, or when the tool's name ends with a multi-word alias", () => {
    expect(nameMatches("Mayor Dana Whitcombe's", ["Dana Whitcombe"])).toBe(true);
    expect(nameMatches("Millbrook Mayor Dana Whitcombe", ["Dana Whitcombe"])).toBe(true);
    expect(nameMatches("The city's chamber of commerce", ["the city's chamber of commerce"])).toBe(true);
    expect(nameMatches("city engineers", ["Dana Whitcombe", "the mayor"])).toBe(false);
  });
  test("a missing anchor fails the check, saying so", () => {
    expect(scoreCheck(readReport(report()), { type: "aligned", why, anchors: [["a1", "nowhere"], ["a2", "The span"]] }).said).toMatch(/not found/);
  });
});

describe("each check type passes and fails", () => {
  test("aligned", () => {
    expect(run({ type: "aligned", why, anchors: [["a1", "will reopen on April 14"], ["a2", "The span reopens April 14"], ["a1", "Bridge to reopen"]] })).toBe(true);
    expect(run({ type: "aligned", why, anchors: [["a1", "will reopen on April 14"], ["a1", "Losses reached"]] })).toBe(false);
  });
  test("status, one or a list", () => {
    expect(run({ type: "status", why, anchors: [["a2", "will not reopen until June 2"]], status: "disputed" })).toBe(true);
    expect(run({ type: "status", why, anchors: [["a1", "Losses reached"]], status: "disputed" })).toBe(false);
    expect(run({ type: "status", why, anchors: [["a1", "Losses reached"]], status: ["corroborated", "single-source"] })).toBe(true);
    const old = report({ claims: [{ ...report().claims[0] as object, status: "conflicting", dispute: undefined }] });
    expect(run({ type: "status", why, anchors: [["a1", "will reopen on April 14"]], status: "disputed" }, old)).toBe(true);
  });
  test("independent", () => {
    expect(run({ type: "independent", why, anchors: [["a1", "Losses reached"]], count: 2 })).toBe(true);
    expect(run({ type: "independent", why, anchors: [["a1", "Losses reached"]], count: 1 })).toBe(false);
  });
  test("sides: anchors, sources and outlets per side", () => {
    const side = (sources: string[][], outlets: string[]) => ({
      type: "sides" as const, why,
      sides: [
        { anchors: [["a1", "will reopen on April 14"], ["a2", "The span reopens"]] as [string, string][], sources, outlets },
        { anchors: [["a2", "will not reopen until June 2"]] as [string, string][], sources: [["city engineers"]], outlets: ["Ledger"] },
      ],
    });
    expect(run(side([["Whitcombe", "Dana Whitcombe", "the mayor"]], ["Courier", "Ledger"]))).toBe(true);
    expect(run(side([["chamber of commerce"]], ["Courier"]))).toBe(false);
    // One person listed twice on a side under two names counts as a failure to resolve them.
    const twice = report({ claims: [{ ...report().claims[0] as object, dispute: { sides: [
      { value: "April 14", sources: ["Dana Whitcombe", "the mayor"], outlets: ["Courier", "Ledger"], support: [0, 1, 3] },
      { value: "June 2", sources: ["city engineers"], outlets: ["Ledger"], support: [2] },
    ] } }] });
    expect(run(side([["Dana Whitcombe", "the mayor"]], ["Courier"]), twice)).toBe(false);
    expect(run(side([["Dana Whitcombe"]], ["Radio"]))).toBe(false);
    // Both gold sides on one tool side: not a dispute between them.
    expect(run({ type: "sides", why, sides: [{ anchors: [["a1", "will reopen on April 14"]] }, { anchors: [["a2", "The span reopens"]] }] })).toBe(false);
    // The $3M/$5M claim has no dispute at all.
    expect(run({ type: "sides", why, sides: [{ anchors: [["a1", "Losses reached"]] }, { anchors: [["a2", "Losses hit"]] }] })).toBe(false);
  });
  test("sides are rebuilt from the pairwise conflicts of a claim without dispute", () => {
    const conflicts = [{ value: "April 14", otherValue: "June 2", articleId: "a1", otherArticleId: "a2", source: "Dana Whitcombe", otherSource: "city engineers" }];
    const old = report({ claims: [{ ...report().claims[0] as object, dispute: undefined, conflicts }] });
    expect(run({ type: "sides", why, sides: [{ anchors: [["a1", "will reopen on April 14"]], sources: [["Whitcombe", "Dana Whitcombe"]] }, { anchors: [["a2", "will not reopen until June 2"]], sources: [["city engineers"]] }] }, old)).toBe(true);
  });
  test("not-claim", () => {
    expect(run({ type: "not-claim", why, anchors: [["a1", "This is great news."]] })).toBe(true);
    expect(run({ type: "not-claim", why, anchors: [["a1", "Losses reached"]] })).toBe(false);
  });
  test("source: the support's own source, the claim's source listing it, own reporting as the outlet, else the attribution", () => {
    expect(run({ type: "source", why, anchors: [["a1", "will reopen on April 14"]], source: ["Dana Whitcombe"] })).toBe(true);
    expect(run({ type: "source", why, anchors: [["a2", "The span reopens"]], source: ["the mayor", "Whitcombe"] })).toBe(true);
    expect(run({ type: "source", why, anchors: [["a2", "until June 2"]], source: ["Whitcombe"] })).toBe(false);
    expect(run({ type: "source", why, anchors: [["a2", "Losses hit"]], source: ["Ledger"] })).toBe(true);
    expect(run({ type: "source", why, anchors: [["a3", "did not respond"]], source: ["Radio"] })).toBe(true);
    expect(run({ type: "source", why, anchors: [["a3", "Nobody answered."]], source: ["Radio"] })).toBe(false);
  });
  test("separate", () => {
    expect(run({ type: "separate", why, anchors: [["a1", "will reopen on April 14"], ["a1", "Losses reached"]] })).toBe(true);
    expect(run({ type: "separate", why, anchors: [["a1", "Losses reached"], ["a2", "Losses hit"]] })).toBe(false);
  });
  test("omission, and an outlet wrongly listed as omitting", () => {
    expect(run({ type: "omission", why, outlet: "Radio", anchors: [["a1", "will reopen on April 14"]] })).toBe(true);
    expect(run({ type: "omission", why, outlet: "Radio", anchors: [["a1", "Losses reached"]] })).toBe(false);
    expect(run({ type: "omission", why, outlet: "Radio", omitted: false, anchors: [["a1", "Losses reached"]] })).toBe(true);
    expect(run({ type: "omission", why, outlet: "Radio", omitted: false, anchors: [["a1", "will reopen on April 14"]] })).toBe(false);
  });
  test("drift, either way round, of the gold's kind", () => {
    expect(run({ type: "drift", why, from: ["a2", "Losses hit"], to: ["a1", "Losses reached"], kind: "hedge-dropped" })).toBe(true);
    expect(run({ type: "drift", why, from: ["a1", "Losses reached"], to: ["a2", "Losses hit"], kind: "quote-trimmed" })).toBe(false);
    expect(run({ type: "drift", why, from: ["a1", "will reopen on April 14"], to: ["a2", "The span reopens"] })).toBe(false);
  });
  test("correction: reported, and not disputed", () => {
    expect(run({ type: "correction", why, from: ["a1", "Losses reached"], to: ["a2", "Losses hit"] })).toBe(true);
    expect(run({ type: "correction", why, from: ["a1", "will reopen on April 14"], to: ["a2", "until June 2"] })).toBe(false);
    expect(run({ type: "correction", why, from: ["a1", "Losses reached"], to: ["a1", "This is great news."] })).toBe(false);
  });
  test("a record in another shape fails checks, never throws", () => {
    const broken = { articles: [{ id: "a1", text: A1 }], claims: [{ support: "nope" }, null, 7], drift: "x" };
    expect(run({ type: "aligned", why, anchors: [["a1", "will reopen"], ["a1", "Losses"]] }, broken)).toBe(false);
    expect(run({ type: "drift", why, from: ["a1", "will reopen"], to: ["a1", "Losses"] }, broken)).toBe(false);
    expect(run({ type: "not-claim", why, anchors: [["a1", "great news"]] }, broken)).toBe(true);
  });
});
