/**
 * Independence earned (issue 22, DOMAIN.md): echoes and copies add outlets, not sources; a person and the body they
 * speak for are one source; a generic reference ("official figures", "investigators", "the company") is the one
 * named source of its kind; anonymous sources in different outlets stay two; own reporting stays its own. And the
 * verdicts do not depend on the order the articles come in.
 */
import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle, CopyGroup, Story, StoryComparison } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "./compare-story.js";

function bundle(id: string, outlet: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title: `Article ${id}`, authors: [], publishedAt: "2025-03-12", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}
const story = (bundles: readonly ArticleBundle[], copies: CopyGroup[] = []): Story => ({
  id: "story-test", title: "t", articleIds: bundles.map((b) => b.article.id), storylineId: "l", firstPublished: null, lastPublished: null, copies,
});
const compare = (bundles: ArticleBundle[], copies: CopyGroup[] = []): StoryComparison => compareStory(story(bundles, copies), bundles, resolveEntities(bundles));
/** The claim holding every one of these wordings (undefined when they are not one claim). */
const claimHolding = (c: StoryComparison, ...words: string[]) => c.claims.find((x) => words.every((w) => x.support.some((s) => s.text.includes(w))));

describe("echoes and copies add outlets, not sources", () => {
  test("an outlet citing a paper whose own article rests on the fire chief: the chief, once", () => {
    const c = compare([
      bundle("g1", "Eastport Gazette", "Fire Chief Ray Molina said the blaze caused about $2 million in damage to the Harbor Street warehouse on Sunday."),
      bundle("g2", "Bayside Wire", "The blaze caused about $2 million in damage to the Harbor Street warehouse on Sunday, according to the Eastport Gazette."),
    ]);
    const claim = claimHolding(c, "Fire Chief Ray Molina", "according to the Eastport Gazette")!;
    expect(claim.outlets).toHaveLength(2);
    expect(claim.independentSources).toBe(1);
    expect(claim.status).toBe("single-source");
  });

  test("a republished copy adds an outlet; an unnamed source in another outlet is a second source", () => {
    const tribune = "The city and the transit union have agreed on a 4 percent annual raise for the next three years, said a person familiar with the talks who was not authorized to speak publicly.";
    const c = compare(
      [
        bundle("u1", "Port Miranda Tribune", tribune),
        bundle("u2", "Miranda Daily Post", tribune),
        bundle("u3", "Port Miranda Public Media", "Two city officials said the union had agreed to a 4 percent annual raise for the next three years."),
      ],
      [{ canonicalId: "u1", copyIds: ["u2"] }],
    );
    const claim = claimHolding(c, "person familiar with the talks", "Two city officials")!;
    expect(claim.outlets).toHaveLength(3);
    expect(claim.independentSources).toBe(2);
  });
});

test("an unnamed official who spoke to the outlet itself is its own source, though its article cites another paper", () => {
  const c = compare([
    bundle("x1", "The Ashford Herald", "The FBI is investigating City Councilman Derek Vance over paving contracts his brother's company received, a law enforcement source told The Ashford Herald."),
    bundle("x2", "WASH News 7", "The Ashford Herald first reported the inquiry on Tuesday. A city official confirmed to WASH News 7 that the FBI is investigating City Councilman Derek Vance over paving contracts his brother's company received."),
  ]);
  const claim = claimHolding(c, "law enforcement source", "confirmed to WASH News 7")!;
  expect(claim.independentSources).toBe(2);
  expect(claim.status).toBe("corroborated");
});

describe("one source named several ways", () => {
  test("a trooper speaks for the highway patrol", () => {
    const c = compare([
      bundle("t1", "Pinecrest Valley News", "The bus left the road on a curve at about 9:40 p.m. and rolled down an embankment, Trooper Ana Velasquez said."),
      bundle("t2", "KPVN 9", "The State Highway Patrol said the bus left the road on a curve at about 9:40 p.m. and rolled down an embankment."),
    ]);
    const claim = claimHolding(c, "Trooper Ana Velasquez", "State Highway Patrol")!;
    expect(claim.independentSources).toBe(1);
  });

  test("a finance director named in apposition speaks for the finance department", () => {
    const c = compare([
      bundle("f1", "Harlow City Journal", "The bonds will be repaid through a 2 percent surcharge on stadium tickets and parking, the city's finance department said."),
      bundle("f2", "Harlow Business Report", "The bonds will be repaid through a 2 percent surcharge on stadium tickets and parking, the city's finance director, Howard Lin, told the council."),
    ]);
    const claim = claimHolding(c, "finance department", "Howard Lin")!;
    expect(claim.independentSources).toBe(1);
  });
});

describe("one body, its units and what it did", () => {
  test("a statistics bureau and the department it belongs to are one source", () => {
    const c = compare([
      bundle("b1", "Capital Herald", "Data released by the Bureau of Labor Statistics on Tuesday showed that consumer prices rose 0.9 percent in June."),
      bundle("b2", "Evening Wire", "The Labor Department said Tuesday that consumer prices rose 0.9 percent in June."),
    ]);
    expect(claimHolding(c, "Bureau of Labor Statistics", "The Labor Department said")!.independentSources).toBe(1);
  });

  test("a city manager speaks for 'the city'; a council member does not", () => {
    const text = (who: string) => `The parking meters would bring in $1.5 million a year for street repairs, ${who} said on Monday.`;
    const manager = compare([bundle("c1", "Capital Herald", text("City Manager Howard Lin")), bundle("c2", "Evening Wire", text("the city"))]);
    expect(claimHolding(manager, "Howard Lin", "the city said")!.independentSources).toBe(1);
    const member = compare([bundle("c3", "Capital Herald", text("City Council member Howard Lin")), bundle("c4", "Evening Wire", text("the city"))]);
    expect(claimHolding(member, "Howard Lin", "the city said")!.independentSources).toBe(2);
  });

  test("'a report in the Meridian Financial Times citing an official' rests on the paper's own source", () => {
    const c = compare([
      bundle("r1", "Meridian Financial Times", "Meridia and Lusovia have agreed to cut tariffs on each other's cars to 5 percent, a senior Meridian trade official said."),
      bundle("r2", "Regional Business Wire", "Meridia and Lusovia will cut tariffs on cars to 5 percent, according to a report in the Meridian Financial Times citing a senior trade official."),
    ]);
    expect(claimHolding(c, "senior Meridian trade official", "according to a report")!.independentSources).toBe(1);
  });

  test("a union is not a unit of the body whose name it shares", () => {
    const c = compare([
      bundle("n1", "Capital Herald", "Officers will wear body cameras on every shift starting in July, the Granger Police Department said."),
      bundle("n2", "Evening Wire", "Officers will wear body cameras on every shift starting in July, the Granger Police Union said."),
    ]);
    expect(claimHolding(c, "Police Department said", "Police Union said")!.independentSources).toBe(2);
  });

  test("an outlet telling in its own voice what the named source did adds no source", () => {
    const c = compare([
      bundle("v1", "Capital Herald", "Governor Ana Ruiz, in a speech at the capitol on Tuesday, set a goal of planting one million trees by 2030."),
      bundle("v2", "Evening Wire", "Governor Ana Ruiz announced on Tuesday a goal of planting one million trees by 2030."),
    ]);
    expect(claimHolding(c, "in a speech at the capitol", "announced on Tuesday")!.independentSources).toBe(1);
  });

  test("'a new study has found' and 'according to the study' are one study", () => {
    const c = compare([
      bundle("s1", "Capital Herald", "The vaccine remains 90 percent effective against hospitalization six months after the second dose, a new study has found."),
      bundle("s2", "Evening Wire", "The vaccine remained 90 percent effective against hospitalization for six months after the second dose, according to the study."),
    ]);
    expect(claimHolding(c, "new study has found", "according to the study")!.independentSources).toBe(1);
  });

  test("a closing '…, two board members said' governs the reported speech inside the sentence", () => {
    const c = compare([
      bundle("m1", "Capital Herald", "Superintendent Miriam Okafor told the school board on Monday that she plans to leave the district in June, two board members said."),
    ]);
    expect(claimHolding(c, "two board members said")!.support[0]!.source?.kind).toBe("anonymous");
  });
});

describe("generic references are the one named source of their kind", () => {
  test("'official figures' are the statistics office's", () => {
    const c = compare([
      bundle("d1", "Northmoor Chronicle", "The deficit stood at 3.4 percent of economic output in the last fiscal year, according to the national statistics office."),
      bundle("d2", "Northmoor Daily Mail-Post", "The deficit stood at 3.4 percent of economic output in the last fiscal year, official figures show."),
    ]);
    const claim = claimHolding(c, "national statistics office", "official figures show")!;
    expect(claim.independentSources).toBe(1);
  });

  test("'investigators' are the police force the other outlet names", () => {
    const c = compare([
      bundle("p1", "Granger Gazette", "Granger police said the driver had a blood alcohol level of 0.14 percent when he struck the cyclist on Route 9."),
      bundle("p2", "WGRN 5", "Investigators said the driver had a blood alcohol level of 0.14 percent when he struck the cyclist on Route 9."),
    ]);
    const claim = claimHolding(c, "Granger police", "Investigators said")!;
    expect(claim.independentSources).toBe(1);
  });

  test("a reporter's own observation stays a source of its own beside the police", () => {
    const c = compare([
      bundle("o1", "WKRA Radio", "A WKRA reporter at the scene saw crews fencing off a sinkhole roughly 15 feet wide on Route 30 near Dalton."),
      bundle("o2", "Dalton Daily", "State Police said crews were fencing off a sinkhole roughly 15 feet wide on Route 30 near Dalton."),
    ]);
    const claim = claimHolding(c, "WKRA reporter", "State Police said")!;
    expect(claim.independentSources).toBe(2);
    expect(claim.status).toBe("corroborated");
  });
});

describe("the source a sentence names", () => {
  test("data by its issuer: 'according to data published Tuesday by the state health department'", () => {
    const c = compare([
      bundle("h1", "Brookvale Register", "Patients at Brookvale General's emergency room waited an average of 6.2 hours last year, according to data published Tuesday by the state health department."),
      bundle("h2", "WBVL Action News", "Patients at Brookvale General's emergency room waited 6.2 hours on average last year, according to the state health department."),
    ]);
    const claim = claimHolding(c, "data published Tuesday", "according to the state health department.")!;
    expect(claim.independentSources).toBe(1);
    expect(claim.support.map((s) => s.source?.name.toLowerCase())).toEqual(["the state health department", "the state health department"]);
  });

  test("'according to its annual report' is the report of the body the sentence is about", () => {
    const c = compare([
      bundle("r1", "Falls City Radio", "The city's housing authority has a waiting list of about 6,400 families, according to its most recent annual report."),
    ]);
    expect(claimHolding(c, "6,400 families")!.support[0]!.source?.name).toBe("the city's housing authority");
  });

  test("'He said' continues the person whose words came just before", () => {
    const c = compare([
      bundle("p1", "WGFN 4", "Board chairman Gerald Finnegan said the board would hold a public meeting before any vote. He said the hospital's 1,100 employees would keep their jobs under any deal."),
    ]);
    expect(claimHolding(c, "1,100 employees")!.support[0]!.source?.name).toMatch(/Finnegan/);
  });

  test("a day is not a source: '…, the clinic's operator said Tuesday'", () => {
    const c = compare([
      bundle("c1", "Valdez County Times", "The only medical clinic in Harper Creek will close on Dec. 31, the clinic's operator, Summit Health, said Tuesday."),
    ]);
    const claim = claimHolding(c, "Harper Creek")!;
    expect(claim.support[0]!.source?.name).not.toMatch(/tuesday/i);
  });
});

describe("determinism", () => {
  test("the same verdicts whatever order the articles come in", () => {
    const articles = [
      bundle("s1", "Eastport Gazette", "Fire Chief Ray Molina said the blaze caused about $2 million in damage to the Harbor Street warehouse on Sunday. Six firefighters were treated for minor injuries, Molina said."),
      bundle("s2", "Bayside Wire", "The blaze caused about $2 million in damage to the Harbor Street warehouse on Sunday, according to the Eastport Gazette. Four firefighters were hurt, the union said."),
      bundle("s3", "WEPT 4", "Investigators said the fire at the Harbor Street warehouse started shortly after 2 a.m. on Sunday. Police said the damage reached $2 million."),
      bundle("s4", "Eastport Daily Record", "The fire broke out shortly after 2 a.m. Sunday at the Harbor Street warehouse, a WEPT reporter at the scene said."),
    ];
    const verdicts = (c: StoryComparison) => JSON.stringify(c.claims.map((x) => [x.id, x.status, x.independentSources, x.primarySources, x.sources, x.dispute ?? null]));
    const once = verdicts(compare(articles));
    for (const order of [[3, 1, 0, 2], [2, 3, 1, 0], [1, 0, 3, 2]]) expect(verdicts(compare(order.map((k) => articles[k]!)))).toBe(once);
  });
});
