import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import type { Article, Claim, Report } from "../../records.js";
import { renderCsv, renderQuotesCsv } from "./csv.js";

const article = (id: string, outlet: string | null): Article => ({
  id, source: `in/${id}.txt`, url: null, outlet, title: `Title ${id}`, authors: [], publishedAt: null, modifiedAt: null, language: "en",
  text: "x", captions: [], embeds: [], provenance: {}, extractedBy: "test",
});
const support = (articleId: string) => ({ articleId, start: 0, end: 1, text: "x" });

function report(claims: Claim[]): Report {
  const story = { id: "s1", title: "Vote count, disputed", articleIds: ["a", "b", "c"], firstPublished: null, lastPublished: null } as unknown as Report["stories"][number];
  return {
    articles: [article("a", "Herald"), article("b", "Tribune"), article("c", null)],
    stories: [story], storylines: [{ id: "l1", title: "Vote", storyIds: ["s1"] }] as unknown as Report["storylines"],
    claims, brief: [], drift: [], framing: [], outletFraming: [], omissions: [], timeline: [], quotes: [], failures: [], skipped: [],
  } as unknown as Report;
}

describe("renderCsv", () => {
  test("one row per claim, one column per outlet, verdicts and sources; commas, quotes and line breaks survive", () => {
    const claims: Claim[] = [
      { id: "c1", storyId: "s1", text: 'The council said "52%", not 67%,\nofficially.', support: [support("a"), support("b")], outlets: ["Herald", "Tribune"], independentSources: 1, primarySources: ["the council"], status: "disputed", conflicts: [],
        sources: [{ name: "the council", kind: "document", via: "cited", support: [0, 1], outlets: ["Herald", "Tribune"] }],
        dispute: { about: "who won", sides: [{ value: "52%", sources: ["the council"], outlets: ["Herald"], support: [0] }, { value: "67%", sources: ["the opposition"], outlets: ["Tribune"], support: [1] }] } },
      { id: "c2", storyId: "s1", text: "=HYPERLINK(\"http://evil\")", support: [support("c")], outlets: ["unknown outlet (c.txt)"], independentSources: 1, primarySources: ["c"], status: "single-source", conflicts: [] },
    ];
    const rows = parse(renderCsv(report(claims))) as string[][];
    expect(rows[0]).toEqual(["story id", "story", "story bottom line", "claim id", "claim", "verdict", "independent sources", "sources", "dispute", "articles", "Herald", "Tribune", "c"]);
    expect(rows).toHaveLength(3);
    const [, first, second] = rows;
    expect(first!.slice(3, 10)).toEqual(["c1", 'The council said "52%", not 67%,\nofficially.', "disputed", "1", "the council (named by Herald, Tribune)", "who won: the council: 52% / the opposition: 67%", "[1][2] a b"]);
    expect(first!.slice(10)).toEqual(["states", "disputes", "silent"]);
    expect(first![2]).toContain("dispute");
    expect(second![4]).toBe("'=HYPERLINK(\"http://evil\")");
    expect(second!.slice(10)).toEqual(["silent", "silent", "states"]);
  });

  test("quotes beside the claims: speaker, words, direct or reported, outlet and article; a formula-like quote is defused", () => {
    const r = report([]);
    r.quotes = [
      { articleId: "a", start: 0, end: 1, text: "We will rebuild, every house", speaker: "Marta Quiroga", speakerKind: "named", form: "direct" },
      { articleId: "c", start: 0, end: 1, text: "+1 more were found", speaker: null, form: "indirect" },
    ] as unknown as Report["quotes"];
    const rows = parse(renderQuotesCsv(r)) as string[][];
    expect(rows[0]).toEqual(["story id", "story", "speaker", "speaker kind", "quote", "form", "outlet", "article", "article id"]);
    expect(rows[1]).toEqual(["s1", "Vote count, disputed", "Marta Quiroga", "named", "We will rebuild, every house", "direct", "Herald", "[1]", "a"]);
    expect(rows[2]!.slice(2, 8)).toEqual(["unattributed", "", "'+1 more were found", "reported", "c", "[3]"]);
  });
});
