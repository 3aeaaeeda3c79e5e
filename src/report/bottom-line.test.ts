import { describe, expect, test } from "vitest";
import type { Claim, ClaimSource, SourceKind } from "../records.js";
import { bottomLine, describeCounts, displayOutlet, shortInputName } from "./bottom-line.js";

const article = (outlet: string | null, source = `in/${outlet ?? "x"}.txt`) => ({ outlet, source });
const src = (name: string, kind: SourceKind, outlets: string[]): ClaimSource => ({ id: name.toLowerCase(), name, kind, via: kind === "own-reporting" ? "own" : "cited", support: [0], outlets });
let next = 0;
function claim(outlets: string[], sources: ClaimSource[], extra: Partial<Claim> = {}): Claim {
  return {
    id: `c${next++}`, storyId: "s", text: "A claim.", support: outlets.map((o, i) => ({ articleId: `a${i}`, start: 0, end: 1, text: "x", outlet: o })),
    outlets, independentSources: sources.length, primarySources: sources.map((s) => s.name), sources,
    status: sources.length >= 2 ? "corroborated" : "single-source", conflicts: [], ...extra,
  };
}

describe("bottomLine", () => {
  test("a story whose reports all relay one outlet's report: one source, nothing confirmed", () => {
    const wsj = src("The Wall Street Journal", "outlet", ["Israel Hayom", "The Rio Times", "unknown outlet (in/000_e744ca5dccc51e1c.txt)"]);
    const claims = [
      claim(["Israel Hayom", "The Rio Times", "unknown outlet (in/000_e744ca5dccc51e1c.txt)"], [wsj]),
      claim(["Israel Hayom", "unknown outlet (in/000_e744ca5dccc51e1c.txt)"], [wsj]),
      claim(["Israel Hayom"], [src("Israel Hayom", "own-reporting", ["Israel Hayom"])]),
    ];
    const line = bottomLine(claims, [article("Israel Hayom"), article("The Rio Times"), article(null, "in/000_e744ca5dccc51e1c.txt")]);
    expect(line.sentences).toEqual(["All three reports trace what they share to one source: The Wall Street Journal's report. No outlet confirms it independently."]);
    expect(line.counts).toMatchObject({ articles: 3, outlets: 3, independentSources: 1, corroborated: 0, singleSource: 3, disputes: 0 });
    expect(describeCounts(line.counts)).toBe("3 outlets · 1 independent source behind the shared reporting · 0 corroborated claims · 0 disputes");
  });

  test("one source behind the shared reporting and a dispute on two sources of its own: the words say which is counted", () => {
    const wsj = src("The Wall Street Journal", "outlet", ["Israel Hayom", "The Rio Times"]);
    const sides = [
      { value: "52%", sources: ["the National Electoral Council"], outlets: ["The Rio Times"], support: [0] },
      { value: "67%", sources: ["the opposition"], outlets: ["The Rio Times"], support: [] },
    ];
    const claims = [
      claim(["Israel Hayom", "The Rio Times"], [wsj]),
      claim(["The Rio Times"], [src("the National Electoral Council", "document", ["The Rio Times"])], { status: "disputed", dispute: { about: "who won", sides } }),
    ];
    const line = bottomLine(claims, [article("Israel Hayom"), article("The Rio Times")]);
    expect(line.sentences).toEqual([
      "Both reports trace what they share to one source: The Wall Street Journal's report. No outlet confirms it independently.",
      "One dispute, reported by The Rio Times alone, with two sources of its own: who won (the National Electoral Council: 52%; the opposition: 67%).",
    ]);
    expect(line.counts).toMatchObject({ independentSources: 1, sourcesOf: "shared", disputes: 1, disputeSources: 2 });
    expect(describeCounts(line.counts)).toBe("2 outlets · 1 independent source behind the shared reporting · 0 corroborated claims · 1 dispute, on 2 sources of its own");
  });

  test("a dispute whose sides are among the counted sources adds none of its own", () => {
    const council = src("the council", "document", ["Herald", "Tribune"]);
    const sides = [{ value: "March 3", sources: ["the council"], outlets: ["Herald"], support: [0] }, { value: "June 10", sources: ["the council"], outlets: ["Tribune"], support: [1] }];
    const line = bottomLine([claim(["Herald", "Tribune"], [council], { status: "disputed", dispute: { about: "the date", sides } })], [article("Herald"), article("Tribune")]);
    expect(line.counts).toMatchObject({ disputes: 1, disputeSources: 0 });
    expect(line.sentences.at(-1)).toBe("One dispute: the date (the council: March 3; the council: June 10).");
  });

  test("a corroborated story names what confirms it and how much rests on one source", () => {
    const police = src("the police", "document", ["Herald"]);
    const mayor = src("Mayor Jane Doe", "person", ["Tribune"]);
    const claims = [claim(["Herald", "Tribune"], [police, mayor]), claim(["Herald"], [police]), claim(["Tribune"], [mayor])];
    const line = bottomLine(claims, [article("Herald"), article("Tribune")]);
    expect(line.sentences).toEqual(["One claim is confirmed by two or more independent sources: the police and Mayor Jane Doe.", "Two other claims rest on one source only."]);
    expect(line.counts).toMatchObject({ outlets: 2, independentSources: 2, corroborated: 1, disputes: 0 });
  });

  test("a dispute is said once with each side and who gives it, though two claims record it", () => {
    const sides = [
      { value: "52%", sources: ["the electoral council"], outlets: ["Times"], support: [0] },
      { value: "67%", sources: ["the opposition"], outlets: ["Post"], support: [] },
    ];
    const dispute = { about: "who won", sides };
    const claims = [
      claim(["Times"], [src("the electoral council", "document", ["Times"])], { status: "disputed", dispute }),
      claim(["Post"], [src("the opposition", "person", ["Post"])], { status: "disputed", dispute: { about: "who won", sides: [sides[1]!, sides[0]!] } }),
    ];
    const line = bottomLine(claims, [article("Times"), article("Post")]);
    expect(line.sentences).toEqual(["The two outlets share no claim: each tells its own part, on its own sources.", "One dispute: who won (the electoral council: 52%; the opposition: 67%)."]);
    expect(line.counts).toMatchObject({ disputes: 1, disputeSources: 0, sourcesOf: "all" });
    expect(describeCounts(line.counts)).toBe("2 outlets · 2 independent sources in all · 0 corroborated claims · 1 dispute");
  });

  test("one outlet alone, and no claims at all", () => {
    expect(bottomLine([claim(["Herald"], [src("Herald", "own-reporting", ["Herald"])])], [article("Herald")]).sentences[0]).toBe("One outlet, Herald, tells this story; no other outlet confirms it.");
    expect(bottomLine([], [article("A"), article("B")]).sentences).toEqual(["No claim could be compared across both reports."]);
  });

  test("an article with no known outlet is named by its input's short name", () => {
    expect(shortInputName("examples/000_e744ca5dccc51e1c.txt")).toBe("000_e744ca5dc…");
    expect(shortInputName("C:\\news\\story.html")).toBe("story");
    expect(displayOutlet("unknown outlet (000_e744ca5dccc51e1c.txt)")).toBe("000_e744ca5dc…");
    expect(displayOutlet("The Rio Times")).toBe("The Rio Times");
  });
});
