/**
 * The brief says what is established truthfully (issue 22): corroborated claims lead; a story resting on one source
 * says so first; a single-source claim names whose it is, in the outlet's own name; a claim is told in the wording
 * the story's outlets share; every sentence cites its claims and articles.
 */
import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, Claim, Dispute, Story, StoryComparison } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { writeBrief } from "./brief.js";
import { disputeSentence } from "./brief-verdicts.js";
import { compareStory } from "./compare-story.js";

function bundle(id: string, outlet: string, text: string, publishedAt = "2025-03-12"): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title: `Article ${id}`, authors: [], publishedAt, modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}
const compare = (bundles: ArticleBundle[]): StoryComparison => {
  const story: Story = { id: "story-test", title: "t", articleIds: bundles.map((b) => b.article.id), storylineId: "l", firstPublished: null, lastPublished: null };
  return compareStory(story, bundles, resolveEntities(bundles));
};

/** A claim as compare gives it, written by hand so that only the brief's choices are tested. */
function claimOf(id: string, status: Claim["status"], outlet: string, ...wordings: [ArticleBundle, string][]): Claim {
  const support = wordings.map(([b, text]) => {
    const start = b.article.text.indexOf(text);
    return { articleId: b.article.id, start, end: start + text.length, text, outlet: b.article.outlet ?? outlet, via: "own" as const };
  });
  const sources = status === "corroborated" ? [outlet, `${outlet} 2`] : [outlet];
  return {
    id, storyId: "story-test", text: wordings[0]![1], support, outlets: [...new Set(support.map((s) => s.outlet))],
    independentSources: sources.length, primarySources: sources, status, conflicts: [],
    sources: sources.map((name) => ({ id: `outlet:${name}`, name, kind: "own-reporting" as const, via: "own" as const, support: support.map((_, k) => k), outlets: [outlet] })),
  };
}

describe("the brief", () => {
  test("a corroborated claim leads, before a single-source one that comes first in the articles", () => {
    const a = bundle("a", "Millbrook Courier", "The council approved a curfew for the riverfront park on Monday. The park's fountains will be repaired in the spring.");
    const single = claimOf("c-single", "single-source", "Millbrook Courier", [a, "The park's fountains will be repaired in the spring."]);
    const corroborated = claimOf("c-both", "corroborated", "Millbrook Courier", [a, "The council approved a curfew for the riverfront park on Monday."]);
    const brief = writeBrief("story-test", [single, corroborated], [a], []);
    expect(brief.map((b) => b.claimIds)).toEqual([["c-both"], ["c-single"]]);
  });

  test("a single-source claim names its outlet without a directory's qualifier: 'according to Fox News', not 'Fox News (Online News)'", () => {
    const a = bundle("a", "Fox News (Online News)", "The park's fountains will be repaired in the spring at a cost of $400,000.");
    const claim = claimOf("c1", "single-source", "Fox News (Online News)", [a, "The park's fountains will be repaired in the spring at a cost of $400,000."]);
    expect(writeBrief("story-test", [claim], [a], [])[0]!.sentence).toBe("The park's fountains will be repaired in the spring at a cost of $400,000, according to Fox News.");
  });

  test("a claim is told in the wording whose words the story's outlets share, not one outlet's colour", () => {
    const a = bundle("a", "Ohio Herald", "In a stunning twist that left onlookers reeling, the Elm Street bridge swung back to life for drivers.");
    const b = bundle("b", "Cleveland Ledger", "The Elm Street bridge reopened to traffic on Monday after six months of repairs, the city said.");
    const c = bundle("c", "Dayton Daily", "Drivers returned to the Elm Street bridge on Monday after six months of repairs.");
    const claim = claimOf("c1", "corroborated", "Ohio Herald",
      [a, "In a stunning twist that left onlookers reeling, the Elm Street bridge swung back to life for drivers."],
      [b, "The Elm Street bridge reopened to traffic on Monday after six months of repairs, the city said."]);
    expect(writeBrief("story-test", [claim], [a, b, c], [])[0]!.sentence).toBe("The Elm Street bridge reopened to traffic on Monday after six months of repairs, the city said.");
  });

  test("a story whose reports all cite one newspaper opens by saying so, and every sentence cites claims and articles", () => {
    const c = compare([
      bundle("w1", "Harbor Daily", "The Bayport Port Authority is preparing to sell its Terminal 3 to Atlas Maritime for about $40 million, The Harbor Tribune reported on March 3.", "2025-03-04"),
      bundle("w2", "Coastal Wire", "The Bayport Port Authority is preparing to sell Terminal 3 to Atlas Maritime for about $40 million, according to The Harbor Tribune.", "2025-03-04"),
    ]);
    expect(c.brief[0]!.sentence).toMatch(/^Both reports trace to one source, The Harbor Tribune's report/);
    for (const s of c.brief) {
      expect(s.claimIds.length).toBeGreaterThan(0);
      expect(s.articleIds.length).toBeGreaterThan(0);
    }
  });

  test("a dispute is stated with who says which", () => {
    const c = compare([
      bundle("b1", "Ohio Herald", "Mayor Jane Doe said the Elm Street bridge will reopen to traffic on March 3 after months of repairs."),
      bundle("b2", "Cleveland Ledger", "The Elm Street bridge will reopen to traffic on March 3, Doe told reporters at city hall on Monday."),
      bundle("b3", "Dayton Daily", "City engineers said the Elm Street bridge will not reopen to traffic until June 10 because of cracked girders."),
    ]);
    const dispute = c.brief.find((s) => /disagree|Disputed/.test(s.sentence))!;
    expect(dispute.sentence).toMatch(/Jane Doe/);
    expect(dispute.sentence).toMatch(/engineers/i);
    expect(dispute.sentence).toMatch(/June 10/);
  });

  test("order: corroborated, then what several outlets carry, then the dispute with who says which, then one outlet's account", () => {
    const a = bundle("a", "Millbrook Courier", "The council approved a curfew for the riverfront park on Monday. The park's fountains will be repaired in the spring. The curfew starts at 10 p.m. on weeknights. Officers will patrol the park at night.");
    const single = claimOf("c-single", "single-source", "Millbrook Courier", [a, "The park's fountains will be repaired in the spring."]);
    const shared = { ...claimOf("c-shared", "single-source", "Millbrook Courier", [a, "Officers will patrol the park at night."]), outlets: ["Millbrook Courier", "Valley Wire"] };
    const corroborated = claimOf("c-both", "corroborated", "Millbrook Courier", [a, "The council approved a curfew for the riverfront park on Monday."]);
    const dispute: Dispute = { about: "the hour", sides: [
      { value: "10 p.m.", sources: ["the council"], outlets: ["Millbrook Courier"], support: [0] },
      { value: "11 p.m.", sources: ["the mayor"], outlets: ["Valley Wire"], support: [] },
    ] };
    const disputed = { ...claimOf("c-hour", "disputed", "Millbrook Courier", [a, "The curfew starts at 10 p.m. on weeknights."]), dispute };
    const brief = writeBrief("story-test", [single, disputed, shared, corroborated], [a], []);
    expect(brief.map((b) => b.claimIds)).toEqual([["c-both"], ["c-shared"], ["c-hour"], ["c-single"]]);
    expect(brief[2]!.sentence).toBe("Sources disagree on the hour: the council (Millbrook Courier): 10 p.m.; the mayor (Valley Wire): 11 p.m.");
    expect(brief[2]!.articleIds).toEqual(["a"]);
  });

  test("a wording that trails off is passed over for a whole one; a claim with none is left out", () => {
    const a = bundle("a", "Ohio Herald", "The Elm Street bridge reopened to traffic on Monday after six months of repairs, which the city paid for with...");
    const b = bundle("b", "Cleveland Ledger", "The Elm Street bridge reopened to traffic on Monday after six months of repairs. Inspectors found that the girders were...");
    const bridge = claimOf("c-bridge", "corroborated", "Ohio Herald",
      [a, "The Elm Street bridge reopened to traffic on Monday after six months of repairs, which the city paid for with..."],
      [b, "The Elm Street bridge reopened to traffic on Monday after six months of repairs."]);
    const cut = claimOf("c-cut", "single-source", "Cleveland Ledger", [b, "Inspectors found that the girders were..."]);
    const brief = writeBrief("story-test", [bridge, cut], [a, b], []);
    expect(brief.map((s) => s.sentence)).toEqual(["The Elm Street bridge reopened to traffic on Monday after six months of repairs."]);
  });

  test("two outlets' own sentences for one fact are told once; an ellipsis after a full stop is not a cut sentence", () => {
    const a = bundle("a", "Ohio Herald", "Colin Powell, the former secretary of state, died on Monday at 84 of complications from Covid-19. He was vaccinated.");
    const b = bundle("b", "Cleveland Ledger", "Colin Powell, the former secretary of state, died on Monday at 84 of Covid-19 complications in Bethesda....");
    const first = claimOf("c-a", "single-source", "Ohio Herald", [a, "Colin Powell, the former secretary of state, died on Monday at 84 of complications from Covid-19."]);
    const again = claimOf("c-b", "single-source", "Cleveland Ledger", [b, "Colin Powell, the former secretary of state, died on Monday at 84 of Covid-19 complications in Bethesda...."]);
    const brief = writeBrief("story-test", [first, again], [a, b], []);
    expect(brief).toHaveLength(1);
    const alone = writeBrief("story-test", [again], [b], []);
    expect(alone[0]!.sentence).toBe("Colin Powell, the former secretary of state, died on Monday at 84 of Covid-19 complications in Bethesda, according to Cleveland Ledger.");
  });

  test("a denial agrees with its sayers: one source 'says' and 'denies', two 'say'", () => {
    const a = bundle("a", "Ohio Herald", "The city sold the depot to Atlas Freight.");
    const claim = { ...claimOf("c1", "disputed", "Ohio Herald", [a, "The city sold the depot to Atlas Freight."]), dispute: { about: "whether it happened", sides: [
      { value: "sold it", sources: ["the mayor"], outlets: ["Ohio Herald"], support: [0] },
      { value: "denies it", sources: ["Atlas Freight"], outlets: ["Ohio Herald"], support: [] },
    ] } };
    expect(disputeSentence(claim)).toBe("Disputed: the mayor (Ohio Herald) says that the city sold the depot to Atlas Freight; Atlas Freight (Ohio Herald) denies it.");
  });

  test("a denial is told in the claim's neutral wording, a title before a name keeping its capital", () => {
    const a = bundle("a", "Ohio Herald", "President Jane Doe on Thursday slammed the council's vote to close the Elm Street depot.");
    const b = bundle("b", "Cleveland Ledger", "President Jane Doe on Thursday criticised the council's vote to close the Elm Street depot.");
    const claim = { ...claimOf("c1", "disputed", "Ohio Herald",
      [a, "President Jane Doe on Thursday slammed the council's vote to close the Elm Street depot."],
      [b, "President Jane Doe on Thursday criticised the council's vote to close the Elm Street depot."]), dispute: { about: "whether it happened", sides: [
      { value: "criticised it", sources: ["Jane Doe"], outlets: ["Ohio Herald", "Cleveland Ledger"], support: [0, 1] },
      { value: "denies it", sources: ["the council"], outlets: ["Cleveland Ledger"], support: [] },
    ] } };
    const sentence = writeBrief("story-test", [claim], [a, b], []).find((s) => s.sentence.startsWith("Disputed"))!.sentence;
    expect(sentence).toContain("says that President Jane Doe on Thursday criticised the council's vote");
  });

  test("a sentence the splitter cut at an abbreviation is passed over, both halves; a name ending in a letter is not", () => {
    const a = bundle("a", "Ohio Herald", "The plan was dropped because of opposition from Sen. Joe Manchin, D-W. Va., multiple sources said. Officials tracked a group tied to ISIS-K.");
    const cut = claimOf("c-cut", "single-source", "Ohio Herald", [a, "The plan was dropped because of opposition from Sen. Joe Manchin, D-W."]);
    const rest = claimOf("c-rest", "single-source", "Ohio Herald", [a, "Va., multiple sources said."]);
    const whole = claimOf("c-whole", "single-source", "Ohio Herald", [a, "Officials tracked a group tied to ISIS-K."]);
    expect(writeBrief("story-test", [cut, rest, whole], [a], []).map((s) => s.claimIds[0])).toEqual(["c-whole"]);
  });
});
