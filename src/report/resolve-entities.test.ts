import { expect, test } from "vitest";
import type { Article, ArticleBundle, EntityType } from "../records.js";
import { type Group, isNationalBody, mergeShortForms, resolveEntities } from "./resolve-entities.js";

function bundle(id: string, mentions: [string, EntityType][]): ArticleBundle {
  const text = mentions.map(([name]) => name).join(" … ");
  let at = 0;
  const annotations = mentions.map(([name, type]) => {
    const start = text.indexOf(name, at);
    at = start + name.length;
    return { kind: "entity" as const, span: [start, at] as const, type, name, by: "t" };
  });
  const article = { id, source: id, text } as Article;
  return { article, annotations };
}

test("spellings, surnames and acronyms of one thing are one entity, accents kept", () => {
  const entities = resolveEntities([
    bundle("a", [["Nicolas Maduro", "person"], ["Maduro", "person"], ["U.S.", "org"], ["The Wall Street Journal", "org"]]),
    bundle("b", [["Nicolás Maduro", "person"], ["US", "place"], ["United States", "place"], ["WSJ", "org"]]),
  ]);
  const byName = Object.fromEntries(entities.map((e) => [e.name, e]));
  expect(byName["Nicolás Maduro"]!.aliases.sort()).toEqual(["Maduro", "Nicolas Maduro"]);
  expect(byName["Nicolás Maduro"]!.mentions).toHaveLength(3);
  expect(byName["United States"]!.aliases.sort()).toEqual(["U.S.", "US"]);
  expect(byName["The Wall Street Journal"]!.aliases).toEqual(["WSJ"]);
});

test("a newspaper's head word on second mention is the newspaper; the House is not the White House", () => {
  const entities = resolveEntities([
    bundle("a", [["The Wall Street Journal", "org"], ["Journal", "org"], ["White House", "org"], ["House", "org"]]),
  ]);
  const byName = Object.fromEntries(entities.map((e) => [e.name, e]));
  expect(byName["The Wall Street Journal"]!.aliases).toEqual(["Journal"]);
  expect(byName["House"]).toBeDefined();
});

test("a surname shared by two full names stays apart; America is not South America", () => {
  const entities = resolveEntities([
    bundle("a", [["Joe Biden", "person"], ["Hunter Biden", "person"], ["Biden", "person"], ["South America", "place"], ["America", "place"]]),
  ]);
  expect(entities.map((e) => e.name).sort()).toEqual(["America", "Biden", "Hunter Biden", "Joe Biden", "South America"]);
});

test("descriptions: neutral labels and appositives of the entity, not its loaded labels nor stand-ins", () => {
  const a = bundle("a", [["Geoff Ramsey", "person"], ["Nicolás Maduro", "person"]]);
  const label = (entityName: string, term: string, loaded: boolean, via: "before-name" | "appositive" | "stand-in") =>
    ({ kind: "label" as const, span: [0, 1] as const, entityName, term, loaded, via, by: "t" });
  a.annotations.push(
    label("Geoff Ramsey", "a Venezuela expert at the Atlantic Council", false, "appositive"),
    label("Nicolás Maduro", "Venezuelan President", false, "before-name"),
    label("Nicolás Maduro", "Venezuelan President", false, "before-name"),
    label("Nicolás Maduro", "dictator", true, "before-name"),
    label("Nicolás Maduro", "leader", false, "stand-in"),
  );
  const byName = Object.fromEntries(resolveEntities([a]).map((e) => [e.name, e]));
  expect(byName["Geoff Ramsey"]!.descriptions).toEqual(["a Venezuela expert at the Atlantic Council"]);
  expect(byName["Nicolás Maduro"]!.descriptions).toEqual(["Venezuelan President"]);
});

const g_isOrg = (g: Group) => g.type === "org" || g.type === "other";
const team = (g: Group) => /[^s]s$/.test(g.key) && g_isOrg(g);

/** The short-form rule stated plainly, testing every group for every short form (what mergeShortForms indexes). */
function mergeShortFormsByScan(groups: Map<string, Group>): void {
  const initials = (key: string) => key.split(" ").filter((w) => !["of", "the", "and", "for", "de"].includes(w)).map((w) => w[0]).join("");
  const sameKind = (long: Group, short: Group) => long.type === short.type || (long.type !== "person" && short.type !== "person") || (short.type === "other" && long.type === "person");
  const head = /^(journal|times|post|tribune|herald|gazette|globe|guardian|telegraph|observer|chronicle|examiner|inquirer|sun|star|mirror|courier|dispatch|bulletin)$/;
  for (const [id, group] of [...groups]) {
    if (group.key.includes(" ")) continue;
    const plural = team(group);
    const fits = (g: Group) =>
      ((group.type === "person" || (group.type === "other" && g.type === "person") || (head.test(group.key) && g.type === "org") ||
        (plural && g.type === "org" && g.key.split(" ").length <= 3) || (g.type === "org" && g_isOrg(group) && isNationalBody(g.key))) && g.key.endsWith(` ${group.key}`)) ||
      (g.type !== "person" && group.key.length >= 2 && group.key.length <= 5 && initials(g.key) === group.key);
    const longer = [...groups.entries()].filter(([otherId, g]) => otherId !== id && sameKind(g, group) && g.key.includes(" ") && fits(g));
    if (new Set(longer.map(([, g]) => g.key)).size !== 1) continue;
    const [, target] = longer[0]!;
    for (const [s, n] of group.spellings) target.spellings.set(s, (target.spellings.get(s) ?? 0) + n);
    const endsIt = target.key.endsWith(` ${group.key}`) && (group.type === "person" || (group.type === "other" && target.type === "person") || (head.test(group.key) && target.type === "org") || (plural && target.type === "org" && target.key.split(" ").length <= 3) || (target.type === "org" && g_isOrg(group) && isNationalBody(target.key)));
    const via = target.type === "person" ? "surname" : endsIt ? "short-form" : "acronym";
    target.mentions.push(...group.mentions.map((m) => ({ ...m, via, confidence: 0.7, evidence: null }) as const));
    groups.delete(id);
  }
}

test("short forms merge through the index exactly as by testing every group", () => {
  let state = 7;
  const random = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const words = ["maduro", "nicolas", "united", "states", "wall", "street", "journal", "times", "new", "york", "of", "the", "post", "bank", "america", "north", "star", "us", "wsj", "nyt", "boa", "saints", "colts", "indian", "navy", "senate", "white", "house"];
  const types: EntityType[] = ["person", "org", "place", "other" as EntityType];
  let merges = 0;
  for (let round = 0; round < 200; round++) {
    const make = () => {
      const groups = new Map<string, Group>();
      for (let k = 0; k < 25; k++) {
        const length = random() < 0.5 ? 1 : 2 + Math.floor(random() * 3);
        const key = Array.from({ length }, () => pick(words)).join(" ");
        const type = pick(types);
        groups.set(`${type}:${key}:${k}`, { key, type, spellings: new Map([[`${key}#${k}`, 1 + k]]), mentions: [{ articleId: `a${k}`, start: k, end: k + 1, text: key }] });
      }
      return groups;
    };
    const saved = state;
    const indexed = make();
    state = saved;
    const scanned = make();
    mergeShortForms(indexed);
    mergeShortFormsByScan(scanned);
    expect([...indexed]).toEqual([...scanned]);
    merges += 25 - indexed.size;
  }
  // Surnames, acronyms and newspaper heads were merged often enough for the comparison to mean something.
  expect(merges).toBeGreaterThan(100);
});

test("an outlet's every name is one entity under its outlets-table id; bound mentions keep how and why they were linked", () => {
  const a = bundle("a", [["Jane Okafor", "person"], ["The Wall Street Journal", "org"]]);
  const text = `${a.article.text} … The mayor … the Journal`;
  a.article = { ...a.article, text } as Article;
  const mayor = text.indexOf("The mayor"), journal = text.indexOf("Journal", text.indexOf("the Journal"));
  a.annotations.push(
    { kind: "entity", span: [mayor, mayor + 9], type: "person", name: "Jane Okafor", via: "role", confidence: 0.85, evidence: [0, 11], by: "t" },
    { kind: "entity", span: [journal, journal + 7], type: "org", name: "The Wall Street Journal", via: "short-form", confidence: 0.85, evidence: [14, 37], by: "t" },
  );
  const b = bundle("b", [["WSJ", "org"], ["Okafor", "person"]]);
  const entities = resolveEntities([a, b]);
  const wsj = entities.find((e) => e.name === "The Wall Street Journal")!;
  expect(wsj.id).toBe("outlet-wsj");
  expect(wsj.mentions.map((m) => m.text).sort()).toEqual(["Journal", "The Wall Street Journal", "WSJ"]);
  expect(wsj.mentions.find((m) => m.text === "Journal")).toMatchObject({ via: "short-form", evidence: { articleId: "a", text: "The Wall Street Journal" } });
  const okafor = entities.find((e) => e.name === "Jane Okafor")!;
  expect(okafor.mentions.map((m) => [m.text, m.via])).toEqual([["Jane Okafor", "name"], ["The mayor", "role"], ["Okafor", "surname"]]);
  expect(okafor.mentions[1]!.evidence?.text).toBe("Jane Okafor");
  expect(okafor.aliases).not.toContain("The mayor");
});

test("two people sharing a surname in different articles stay two; a bare surname between them joins neither", () => {
  const entities = resolveEntities([
    bundle("a", [["John Smith", "person"]]),
    bundle("b", [["Mary Smith", "person"]]),
    bundle("c", [["Smith", "person"]]),
  ]);
  expect(entities.map((e) => e.name).sort()).toEqual(["John Smith", "Mary Smith", "Smith"]);
});

test("a middle initial does not split a person; two different middle names do", () => {
  const names = resolveEntities([
    bundle("a", [["Winston K. Blackmore", "person"], ["Blackmore", "person"]]),
    bundle("b", [["Winston Blackmore", "person"], ["John Paul Smith", "person"]]),
    bundle("c", [["WINSTON BLACKMORE", "person"], ["John Robert Smith", "person"]]),
  ]).map((e) => [e.name, e.mentions.length]);
  expect(names).toContainEqual(["Winston K. Blackmore", 4]);
  expect(names.map(([n]) => n)).toEqual(expect.arrayContaining(["John Paul Smith", "John Robert Smith"]));
});

test("a company's legal form is no part of its name", () => {
  const entities = resolveEntities([bundle("a", [["Apple Inc.", "org"], ["Apple", "org"]]), bundle("b", [["Compaq Computer Corp.", "org"], ["Compaq Computer", "org"]])]);
  expect(entities.map((e) => e.mentions.length)).toEqual([2, 2]);
});

test("a name's leading initial and generational suffix do not split a person; a surname of two words joins the one full name", () => {
  const entities = resolveEntities([
    bundle("a", [["W. Mark Felt Sr.", "person"]]),
    bundle("b", [["Mark Felt", "person"], ["Felt", "person"]]),
    bundle("c", [["Gaetano Lo Presti", "person"]]),
    bundle("d", [["Lo Presti", "person"]]),
  ]);
  expect(entities.map((e) => [e.name, e.mentions.length]).sort()).toEqual([["Gaetano Lo Presti", 2], ["W. Mark Felt Sr.", 3]]);
});

test("a team by its plural last word joins its full name; a singular head does not (the House, the Court)", () => {
  const entities = resolveEntities([
    bundle("a", [["New Orleans Saints", "org"], ["Supreme Court", "org"]]),
    bundle("b", [["Saints", "org"], ["Court", "org"]]),
  ]);
  expect(entities.map((e) => [e.name, e.mentions.length]).sort()).toEqual([["Court", 1], ["New Orleans Saints", 2], ["Supreme Court", 1]]);
});

test("a country's body by its head word joins its full name; a ship without its prefix is the ship; Mt. is Mount", () => {
  // ECB+ dev: "The Indian Navy …" in one report, "the Navy" in others; "INS Sukanya" and "Sukanya"; "Mount Cook", "Mt Cook".
  const entities = resolveEntities([
    bundle("a", [["Indian Navy", "org"], ["INS Sukanya", "other" as EntityType], ["Mount Cook", "place"], ["White House", "org"]]),
    bundle("b", [["Navy", "org"], ["Sukanya", "other" as EntityType], ["Mt Cook", "place"], ["House", "org"]]),
  ]);
  expect(entities.map((e) => [e.name, e.mentions.length]).sort()).toEqual([["House", 1], ["INS Sukanya", 2], ["Indian Navy", 2], ["Mount Cook", 2], ["White House", 1]]);
  expect(entities.find((e) => e.name === "Indian Navy")!.mentions[1]).toMatchObject({ text: "Navy", via: "short-form" });
  expect(["indian navy", "u s senate", "british army"].map(isNationalBody)).toEqual([true, true, true]);
  expect(["white house", "supreme court", "texas senate", "navy"].map(isNationalBody)).toEqual([false, false, false, false]);
});

test("two navies in one story leave 'the Navy' to neither", () => {
  const entities = resolveEntities([bundle("a", [["Indian Navy", "org"], ["U.S. Navy", "org"]]), bundle("b", [["Navy", "org"]])]);
  expect(entities.map((e) => [e.name, e.mentions.length]).sort()).toEqual([["Indian Navy", 1], ["Navy", 1], ["U.S. Navy", 1]]);
});

test("two Mr. Smiths of two articles stay two people, each with his own 'Mr. Smith'; a former and a current president stay apart", async () => {
  // Through the entities analyzer, as a report resolves them (issue 21): same surname, same courtesy title, same role word.
  const { default: entities } = await import("../analyze/entities/index.js");
  const analyzed = (id: string, text: string): ArticleBundle => {
    const article = { id, source: id, text, outlet: null, url: null } as unknown as Article;
    return { article, annotations: entities.analyze(article, []) };
  };
  const report = resolveEntities([
    analyzed("a", "John Smith, the county treasurer, resigned on Monday. Mr. Smith said he had done nothing wrong. Former President Bill Clinton praised him, and President Joe Biden said nothing. The former president called Mr. Smith honest; the president did not."),
    analyzed("b", "Robert Smith, a pastor in Dayton, led the vigil on Tuesday. Mr. Smith said the town would heal."),
  ]);
  const mentionsOf = (name: string) => report.find((e) => e.name === name)!.mentions.map((m) => `${m.articleId}:${m.text}`);
  expect(mentionsOf("John Smith")).toEqual(["a:John Smith", "a:the county treasurer", "a:Smith", "a:Smith"]);
  expect(mentionsOf("Robert Smith")).toEqual(["b:Robert Smith", "b:Smith"]);
  expect(mentionsOf("Bill Clinton")).toContain("a:The former president");
  expect(mentionsOf("Joe Biden")).toContain("a:the president");
  expect(mentionsOf("Joe Biden")).not.toContain("a:The former president");
  // Each link keeps how sure it is and the sentence that bound it.
  const former = report.find((e) => e.name === "Bill Clinton")!.mentions.find((m) => m.text === "The former president")!;
  expect(former).toMatchObject({ via: "role", evidence: { text: "Former President Bill Clinton" } });
  expect(former.confidence).toBeGreaterThan(0.5);
  expect(former.evidence!.sentence!.text).toBe("Former President Bill Clinton praised him, and President Joe Biden said nothing.");
});
