/**
 * Who is who in the five seeds, checked by hand against their text (issue 21): the Wall Street Journal is one entity
 * however an article names it ("WSJ", "The Wall Street Journal", "the Journal"), Maduro is one person with each
 * outlet's labels for him, and the article that says "The Post has learned" is the New York Post's. Facts a reader
 * states, not snapshots: a change that breaks one is wrong.
 */
import { expect, test } from "vitest";
import type { Annotation, ArticleBundle } from "../../src/records.js";
import { processInputs } from "../../src/pipeline.js";
import { buildReport } from "../../src/report/build-report.js";
import { entityInSpan, entityNamed } from "../../src/compare/entity-names.js";
import { foldName } from "../../src/_lib/text.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const processed = await processInputs([examples], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const { report } = buildReport(processed.bundles, { now: () => "2026-01-01T00:00:00.000Z" });
const seed = (prefix: string): ArticleBundle => processed.bundles.find((b) => b.article.source.split("/").at(-1)!.startsWith(prefix))!;
const of = <K extends Annotation["kind"]>(b: ArticleBundle, kind: K) => b.annotations.filter((a): a is Extract<Annotation, { kind: K }> => a.kind === kind);
const namesOf = (e: { name: string; aliases: string[] }) => [e.name, ...e.aliases].map((n) => foldName(n).replace(/^the /, ""));
const WSJ_NAMES = ["wsj", "wall street journal", "journal"];

test("the WSJ is one entity, whatever the articles call it", () => {
  const wsj = report.entities.filter((e) => namesOf(e).some((n) => WSJ_NAMES.includes(n)));
  expect(wsj.map((e) => e.name)).toEqual(["The Wall Street Journal"]);
  expect(new Set(namesOf(wsj[0]!))).toEqual(new Set(WSJ_NAMES));
  // Seed 000 reads "According to The Wall Street Journal … The Journal reports:"; seed 001 says "WSJ".
  const articles = new Set(wsj[0]!.mentions.map((m) => m.articleId));
  expect(articles).toEqual(new Set(["000", "001", "002"].map((p) => seed(p).article.id)));
  const journal = wsj[0]!.mentions.find((m) => m.text === "Journal")!;
  expect(journal.via).toBe("short-form");
  expect(journal.evidence?.text).toMatch(/Wall Street Journal/);
  expect(journal.evidence?.sentence?.text).toMatch(/^According to The Wall Street Journal.*\.$/);
});

test("every citation and attribution of the WSJ in the report leads to that one entity", () => {
  const wsjId = report.entities.find((e) => e.name === "The Wall Street Journal")!.id;
  const cited = [...report.citations, ...report.attributions].filter((c) => /journal|wsj/i.test(c.source));
  expect(cited.length).toBeGreaterThanOrEqual(4);
  for (const c of cited) {
    const span = "cue" in c && c.cue ? c.cue : c;
    const entity = entityInSpan(report.entities, c.articleId, span.start, span.end) ?? entityNamed(report.entities, c.source);
    expect(entity?.id, `${c.source} in ${c.articleId}`).toBe(wsjId);
  }
});

test("Maduro is one person, with each outlet's labels for him in one framing row", () => {
  const maduro = report.entities.filter((e) => namesOf(e).some((n) => n.split(" ").includes("maduro")));
  expect(maduro.map((e) => [e.name, e.type])).toEqual([["Nicolás Maduro", "person"]]);
  expect(new Set(maduro[0]!.mentions.map((m) => m.articleId)).size).toBe(5);
  const rows = report.framing.filter((f) => f.entityId === maduro[0]!.id);
  const storiesWithMaduro = new Set(rows.map((f) => f.storyId));
  expect(rows.length).toBe(storiesWithMaduro.size); // one row per person per story
  const outlets = new Set(rows.flatMap((f) => f.labels.map((l) => l.outlet)));
  for (const outlet of ["Israel Hayom", "The Rio Times", "Conservative Fix", "New York Post"]) expect(outlets).toContain(outlet);
  const post = rows.flatMap((f) => f.labels).filter((l) => l.outlet === "New York Post").map((l) => l.term);
  expect(post).toContain("Venezuela’s socialist strongman"); // "Venezuela’s socialist strongman Nicolas Maduro"
});

test("the Post article's outlet is the New York Post, and its 'The Post has learned' is that outlet", () => {
  const post = seed("004");
  expect(post.article.outlet).toBe("New York Post");
  const at = post.article.text.indexOf("The Post has learned");
  const self = of(post, "entity").find((e) => e.span[0] >= at && e.span[1] <= at + 8);
  expect(self).toMatchObject({ name: "New York Post", via: "short-form" });
  expect(entityInSpan(report.entities, post.article.id, at, at + 8)?.id).toBe("outlet-nypost");
  // The other seeds keep the outlets their pages name; the one whose page names none stays unknown.
  expect(["000", "001", "002", "003"].map((p) => seed(p).article.outlet)).toEqual([null, "Israel Hayom", "The Rio Times", "Conservative Fix"]);
});

test("bound mentions say how they were linked, with the evidence from the same article", () => {
  for (const e of report.entities) {
    for (const m of e.mentions) {
      expect(m.via, `${e.name}: ${m.text}`).toBeDefined();
      if (m.evidence) expect(m.evidence.articleId).toBe(m.articleId);
      // The sentence that bound it, as the article's sentence splitter cut it, holds the evidence words.
      if (m.evidence) expect(m.evidence.sentence?.text, `${e.name}: ${m.text}`).toContain(m.evidence.text);
      if (m.via === "surname") expect(foldName(e.name)).toContain(foldName(m.text).split(" ").at(-1));
    }
  }
});
