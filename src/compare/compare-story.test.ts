import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, Story } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "./compare-story.js";

function bundle(id: string, outlet: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title: `Article ${id}`, authors: [], publishedAt: "2023-05-02", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}
const story = (bundles: ArticleBundle[]): Story => ({
  id: "story-test", title: "t", articleIds: bundles.map((b) => b.article.id), storylineId: "l", firstPublished: null, lastPublished: null,
});
const compare = (bundles: ArticleBundle[]) => compareStory(story(bundles), bundles, resolveEntities(bundles));

const FACT = "The company Acme Corp will cut 1,200 jobs in Ohio by the end of the year.";

test("an article that states a claim twice supports it twice, as one outlet", () => {
  const bundles = [
    bundle("r1", "Ohio Herald", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year. Acme Corp will cut 1,200 jobs at its Ohio plants by the end of the year, union leaders said.`),
    bundle("r2", "Cleveland Ledger", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year, company documents show.`),
    bundle("r3", "Dayton Daily", `Acme Corp will cut 1,200 jobs in Ohio by the end of this year.`),
  ];
  const jobs = compare(bundles).claims.find((c) => c.outlets.length === 3)!;
  expect(jobs.support.map((s) => s.articleId).sort()).toEqual(["r1", "r1", "r2", "r3"]);
  expect(jobs.outlets.sort()).toEqual(["Cleveland Ledger", "Dayton Daily", "Ohio Herald"]);
});

describe("independent sources", () => {
  test("three outlets repeating one newspaper are one source", () => {
    const echoes = [
      bundle("e1", "Daily Echo", `According to The Financial Times, the company Acme Corp will cut 1,200 jobs in Ohio by the end of the year. Other news followed.`),
      bundle("e2", "Morning Echo", `The company Acme Corp will cut 1,200 jobs in Ohio by the end of the year, the Financial Times reported. Shares fell.`),
      bundle("e3", "Evening Echo", `A Financial Times report said the company Acme Corp will cut 1,200 jobs in Ohio by the end of the year. Unions objected.`),
    ];
    const claim = compare(echoes).claims.find((c) => c.text.includes("1,200 jobs"))!;
    expect(claim.outlets).toHaveLength(3);
    expect(claim.independentSources).toBe(1);
    expect(claim.primarySources).toEqual([expect.stringMatching(/^(The )?Financial Times$/)]);
    expect(claim.status).toBe("single-source");
  });

  test("two outlets reporting on their own are two sources: corroborated", () => {
    const own = [bundle("o1", "Ohio Herald", `${FACT} The plant opened in 1998.`), bundle("o2", "Cleveland Ledger", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year, company documents show. Workers were told on Monday.`)];
    const claim = compare(own).claims.find((c) => c.text.includes("1,200 jobs"))!;
    expect(claim.independentSources).toBe(2);
    expect(claim.status).toBe("corroborated");
  });
});

describe("conflicts and omissions", () => {
  test("incompatible numbers for the same thing conflict, and each side keeps its source", () => {
    const bundles = [
      bundle("c1", "Ohio Herald", "The electoral board declared the mayor the winner with 52% of the votes in the city election."),
      bundle("c2", "Cleveland Ledger", "The opposition insists its candidate won 67% of the vote in the city election held on Sunday."),
    ];
    // One proposition (who won) whether alignment joins the two sentences or not: each side with its source.
    const disputed = compare(bundles).claims.filter((c) => c.status === "disputed");
    expect(disputed.length).toBeGreaterThan(0);
    for (const c of disputed) {
      expect(c.dispute!.about).toBe("who won");
      expect(c.dispute!.sides.map((s) => [s.value, s.sources.map((x) => x.toLowerCase())]).sort()).toEqual([["52%", ["the electoral board"]], ["67%", ["the opposition"]]]);
    }
  });

  test("vague or bounded numbers do not conflict", () => {
    const bundles = [
      bundle("v1", "Ohio Herald", "Police arrested thousands of protesters in the capital over the weekend, officials said."),
      bundle("v2", "Cleveland Ledger", "Police arrested over 2,400 protesters in the capital over the weekend, the ministry said."),
    ];
    expect(compare(bundles).claims.filter((c) => c.status === "disputed")).toEqual([]);
  });

  test("an outlet that leaves out what two others carry has an omission", () => {
    const bundles = [
      bundle("m1", "Ohio Herald", `${FACT} The plant opened in 1998 and employs 3,000 people.`),
      bundle("m2", "Cleveland Ledger", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year. The governor called the news painful for the region.`),
      bundle("m3", "Toledo Times", "Acme Corp shares rose 4% on Tuesday after the company raised its annual profit forecast for investors."),
    ];
    const { omissions, claims } = compare(bundles);
    const jobs = claims.find((c) => c.text.includes("1,200 jobs"))!;
    expect(omissions).toEqual([expect.objectContaining({ outlet: "Toledo Times", missingClaimIds: [jobs.id] })]);
  });
});

test("the brief drops loaded labels and cites its articles", () => {
  const bundles = [
    bundle("b1", "Left Daily", "The regime of strongman Viktor Orban passed the media law on Tuesday, according to officials. Orban said nothing."),
    bundle("b2", "Right Daily", "The government of Prime Minister Viktor Orban passed the media law on Tuesday, officials said. Critics protested."),
  ];
  const { brief } = compare(bundles);
  expect(brief.length).toBeGreaterThan(0);
  for (const b of brief) {
    expect(b.articleIds.length).toBeGreaterThan(0);
    expect(b.sentence).not.toMatch(/\bstrongman\b/);
  }
});

describe("headlines", () => {
  test("outlets' headlines stating one event in other words are one claim, each support marked as a headline", () => {
    const titled = (id: string, outlet: string, title: string, text: string): ArticleBundle => {
      const b = bundle(id, outlet, text);
      const article = { ...b.article, title };
      return { article, annotations: analyzeArticle(article) };
    };
    const bundles = [
      titled("h1", "Ohio Herald", "EXCLUSIVE: Acme Corp offers pardon deal to striking Ohio workers", "Talks resumed in Columbus on Monday after a week of silence between the two sides."),
      titled("h2", "Cleveland Ledger", "Acme Corp considers amnesty for striking Ohio workers", "Union leaders met company lawyers in Cleveland on Tuesday to discuss the dispute."),
    ];
    const headline = compare(bundles).claims.find((c) => c.support.every((s) => s.field === "title"))!;
    expect(headline.support.map((s) => s.articleId).sort()).toEqual(["h1", "h2"]);
    expect(headline.support.find((s) => s.articleId === "h1")!.text).toBe("Acme Corp offers pardon deal to striking Ohio workers"); // kicker dropped
    for (const s of headline.support) expect(bundles.find((b) => b.article.id === s.articleId)!.article.title.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("sources of a claim", () => {
  test("each primary source lists the supports resting on it and how it reached the outlet", () => {
    const bundles = [
      bundle("s1", "Daily Echo", `According to The Financial Times, Acme Corp will cut 1,200 jobs in Ohio by the end of the year. Other news followed.`),
      bundle("s2", "Ohio Herald", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year, people familiar with the plan told the Herald. The plant opened in 1998.`),
      bundle("s3", "Toledo Times", `Acme Corp will cut 1,200 jobs in Ohio by the end of the year, said Governor Mike DeWine. Unions objected to the plan.`),
    ];
    const claim = compare(bundles).claims.find((c) => c.text.includes("1,200 jobs"))!;
    const sources = Object.fromEntries(claim.sources!.map((s) => [s.name, [s.kind, s.via, s.outlets]]));
    expect(sources).toEqual({
      [claim.sources!.find((x) => x.kind === "outlet")!.name]: ["outlet", "cited", ["Daily Echo"]],
      "people familiar with the plan (Ohio Herald)": ["anonymous", "cited", ["Ohio Herald"]],
      "Mike DeWine": ["person", "cited", ["Toledo Times"]],
    });
    expect(claim.independentSources).toBe(3);
    expect(claim.status).toBe("corroborated");
  });
});

describe("drift", () => {
  const dated = (id: string, outlet: string, publishedAt: string, text: string): ArticleBundle => {
    const b = bundle(id, outlet, text);
    const article = { ...b.article, publishedAt };
    return { article, annotations: analyzeArticle(article) };
  };

  test("a hedge the first report has and a later echo lacks is a dropped hedge", () => {
    const bundles = [
      dated("d1", "Wire Service", "2025-09-02", "The navy destroyed two alleged drug boats off the coast of Venezuela on Tuesday night."),
      dated("d2", "Daily Echo", "2025-09-03", "The navy destroyed two drug boats off the coast of Venezuela on Tuesday night."),
    ];
    const { drift = [], claims } = compare(bundles);
    expect(drift).toEqual([
      expect.objectContaining({ kind: "hedge-dropped", detail: "“alleged” dropped", claimId: claims.find((c) => c.outlets.length === 2)!.id }),
    ]);
    expect(drift[0]!.from.articleId).toBe("d1");
    expect(drift[0]!.to.articleId).toBe("d2");
  });

  test("a hedge only the later report has was added, not dropped", () => {
    const bundles = [
      dated("d1", "Wire Service", "2025-09-02", "The navy destroyed two drug boats off the coast of Venezuela on Tuesday night."),
      dated("d2", "Daily Echo", "2025-09-03", "The navy destroyed two alleged drug boats off the coast of Venezuela on Tuesday night."),
    ];
    expect(compare(bundles).drift).toEqual([]);
  });

  test("a number changed between two echoes of one source is drift; the same words are not", () => {
    const bundles = [
      dated("n1", "Daily Echo", "2024-08-02", "According to Reuters, the opposition candidate collected 7.3 million votes in the presidential election count."),
      dated("n2", "Morning Echo", "2024-08-03", "According to Reuters, the opposition candidate collected 7 million votes in the presidential election count."),
    ];
    const drift = compare(bundles).drift ?? [];
    expect(drift.map((d) => [d.kind, d.detail])).toEqual([["number-changed", "7.3 million → 7 million"]]);
  });

  test("a quotation cut shorter in another article is trimmed", () => {
    const bundles = [
      bundle("q1", "Ohio Herald", `“We will not close a single plant in Ohio while I am chief executive of this company,” said Jane Doe, the chief executive.`),
      bundle("q2", "Cleveland Ledger", `Jane Doe promised that Acme would “not close a single plant in Ohio” in remarks to reporters on Monday.`),
    ];
    const drift = compare(bundles).drift ?? [];
    expect(drift).toEqual([expect.objectContaining({ kind: "quote-trimmed", detail: "quote cut from 17 to 7 words" })]);
    expect(drift[0]!.from.articleId).toBe("q1");
  });
});

test("one event dated differently by two sources is a date conflict, marked on the timeline", () => {
  const bundles = [
    bundle("t1", "Ohio Herald", "The two leaders signed the trade agreement in Geneva on March 3, 2023, the foreign ministry said."),
    bundle("t2", "Cleveland Ledger", "The two leaders signed the trade agreement in Geneva on March 4, 2023, according to the embassy."),
  ];
  const { claims, timeline } = compare(bundles);
  const disputed = claims.find((c) => c.status === "disputed")!;
  expect(disputed.conflicts.map((c) => [c.kind, c.dates])).toEqual([["date", ["2023-03-03", "2023-03-04"]]]);
  expect(timeline.map((t) => [t.date, t.conflictingDates])).toEqual([["2023-03-03", ["2023-03-04"]], ["2023-03-04", ["2023-03-03"]]]);
});

test("the brief passes over a wording that keeps a loaded term and uses a neutral one", () => {
  const bundles = [
    bundle("l1", "Left Daily", "The regime's lackeys passed the media law in parliament on Tuesday, officials said."),
    bundle("l2", "Right Daily", "The ruling party passed the media law in parliament on Tuesday, officials said."),
  ];
  const { brief } = compare(bundles);
  expect(brief.map((b) => b.sentence)).toContain("The ruling party passed the media law in parliament on Tuesday, officials said.");
  for (const b of brief) expect(b.sentence).not.toMatch(/regime|lackeys/);
});

test("copies of one text on other sites are one source, relayed by the copies", () => {
  // No source named: the copies' own reporting (a text naming the company as its source would be the company's in all three).
  const wire = "Acme Corp will cut 1,200 jobs in Ohio by the end of the year, ending three decades of production at its Toledo plant.";
  const bundles = [bundle("w1", "Ohio Herald", wire), bundle("w2", "Toledo Times", wire), bundle("w3", "Dayton Daily", wire)];
  const withCopies = { ...story(bundles), copies: [{ canonicalId: "w1", copyIds: ["w2", "w3"] }] };
  const claim = compareStory(withCopies, bundles, resolveEntities(bundles)).claims.find((c) => c.outlets.length === 3)!;
  expect(claim.independentSources).toBe(1);
  expect(claim.sources).toEqual([expect.objectContaining({ name: "Ohio Herald", via: "own", outlets: ["Ohio Herald", "Toledo Times", "Dayton Daily"] })]);
  expect(compare(bundles).claims.find((c) => c.outlets.length === 3)!.independentSources).toBe(3); // not known as copies: three reports
});

describe("framing", () => {
  test("each outlet's loaded terms and hedges, from its narration, most loaded outlet first", () => {
    const bundles = [
      bundle("f1", "Left Daily", "The regime of strongman Viktor Orban passed the media law on Tuesday. The regime reportedly ignored critics."),
      bundle("f2", "Right Daily", "The government of Prime Minister Viktor Orban passed the media law on Tuesday, officials said."),
    ];
    const wording = compare(bundles).outletFraming!;
    expect(wording.map((w) => [w.outlet, w.loadedTerms, w.loadedCount, w.hedges])).toEqual([
      ["Left Daily", ["regime", "strongman"], 3, ["reportedly"]],
      ["Right Daily", [], 0, []],
    ]);
  });

  test("a label inside a direct quotation is the speaker's, not the outlet's", () => {
    const bundles = [
      bundle("g1", "Left Daily", "“The dictator Viktor Orban must go,” said opposition leader Peter Magyar at a rally in Budapest on Sunday."),
      bundle("g2", "Right Daily", "Prime Minister Viktor Orban addressed supporters in Budapest on Sunday, officials said."),
    ];
    const labels = compare(bundles).framing.flatMap((f) => f.labels.map((l) => [l.outlet, l.term]));
    expect(labels).toContainEqual(["Right Daily", "Prime Minister"]);
    expect(labels.filter(([, term]) => /dictator/i.test(term!))).toEqual([]);
  });
});

test("a story compared from its own articles equals the story compared among every article of the report", () => {
  // buildReport hands each story its members only (filtering every bundle per story was quadratic); nothing the
  // comparison says may depend on the articles of other stories.
  const members = [
    bundle("m1", "Left Daily", "The regime of strongman Viktor Orban passed the media law on Tuesday, according to officials. Orban said nothing."),
    bundle("m2", "Right Daily", "The government of Prime Minister Viktor Orban passed the media law on Tuesday, officials said. Critics protested."),
  ];
  const others = [
    bundle("x1", "Ohio Herald", `${FACT} Prime Minister Viktor Orban was not involved.`),
    bundle("x2", "Cleveland Ledger", "The electoral board declared the mayor the winner with 52% of the votes in the city election."),
  ];
  const everyone = [others[0]!, members[0]!, others[1]!, members[1]!];
  const entities = resolveEntities(everyone);
  expect(compareStory(story(members), members, entities)).toEqual(compareStory(story(members), everyone, entities));
});
