/**
 * What the five seed articles say, checked by hand against their text (issue 4): every direct quote and its
 * speaker, the numbers with what they count and their hedges, the resolved dates, the citations of the Wall
 * Street Journal, and each outlet's labels for Maduro. Unlike the snapshots next to this file, these are facts
 * a reader of the seeds would state; a change that breaks one is wrong, not merely different.
 */
import { expect, test } from "vitest";
import type { Annotation, ArticleBundle } from "../../src/records.js";
import { processInputs } from "../../src/pipeline.js";
import { buildReport } from "../../src/report/build-report.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const processed = await processInputs([examples], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const { report } = buildReport(processed.bundles, { now: () => "2026-01-01T00:00:00.000Z" });
/** Seeds are named by their file's three-digit prefix: "000" … "004". */
const seed = (prefix: string): ArticleBundle => processed.bundles.find((b) => b.article.source.split("/").at(-1)!.startsWith(prefix))!;
const seedOf = (articleId: string) => processed.bundles.find((b) => b.article.id === articleId)!.article.source.split("/").at(-1)!.slice(0, 3);
const of = <K extends Annotation["kind"]>(b: ArticleBundle, kind: K) => b.annotations.filter((a): a is Extract<Annotation, { kind: K }> => a.kind === kind);
const textOf = (b: ArticleBundle, span: readonly [number, number]) => b.article.text.slice(span[0], span[1]);

test("every direct quote in the seeds, with its speaker", () => {
  const quotes = report.quotes
    .filter((q) => q.form === "direct")
    .map((q) => [seedOf(q.articleId), q.text.slice(0, 40), q.speaker, q.speakerKind]);
  expect(quotes).toEqual([
    ["000", "everything on the table", "One of the people", "anonymous"],
    ["001", "everything on the table", "One source", "anonymous"],
    ["001", "The US is focusing on carrots, like offe", "Geoff Ramsey", "named"],
    ["001", "We were able to show the world the truth", "María Corina Machado", "named"],
    ["001", "There will be no forgiveness,", "Nicolás Maduro", "pronoun"], // "He warned," after a sentence about Maduro
    ["001", "This is a moment to remain calm and have", "Juan Barreto", "named"],
    ["003", "We agreed that, after resolving certain ", "Alexander Lukashenko", "pronoun"], // "quoting him saying"
    ["003", "His days are numbered.", "Donald Trump", "named"], // "Trump didn't mince words"
    ["004", "Qatar, Saudi Arabia and the UAE love to ", "a source close to the administration", "anonymous"],
    ["004", "All three compete against each other — i", "a source close to the administration", "anonymous"],
    ["004", "It is untrue that Maduro is fleeing to Q", "this person", "anonymous"],
    ["004", "responsible for terrorist violence.", "Marco Rubio", "named"],
    ["004", "self-defense to protect Americans and vi", "Karoline Leavitt", "named"],
    ["004", "Anybody that’s doing that and selling it", "Donald Trump", "named"],
    ["004", "No, not just Venezuela.", "Donald Trump", "named"],
  ]);
});

test("reported speech cites its source: the Journal, anonymous people, Trump", () => {
  const indirect = report.quotes.filter((q) => q.form === "indirect").map((q) => [seedOf(q.articleId), q.speaker, q.speakerKind]);
  expect(indirect).toEqual(expect.arrayContaining([
    ["000", "The Wall Street Journal", "named"], // every name of the paper is the outlets table's one name
    ["000", "people familiar with the matter", "anonymous"],
    ["001", "people familiar with the matter", "anonymous"],
    ["004", "Donald Trump", "named"],
  ]));
});

test("numbers: the bounty, the exodus, the death toll, with their hedges", () => {
  const numbers = (prefix: string) => of(seed(prefix), "number").map((n) => [textOf(seed(prefix), n.span), n.value, n.unit, n.counts, n.hedge ?? null]);
  expect(numbers("000")).toContainEqual(["$15 million", 15_000_000, "USD", "bounty", null]);
  expect(numbers("001")).toContainEqual(["$15 million", 15_000_000, "USD", "bounty", null]);
  expect(numbers("001")).toContainEqual(["eight million", 8_000_000, "people", "Venezuelans", "nearly"]);
  expect(numbers("004")).toContainEqual(["80", 80, "people", "people", "at least"]); // "at least 80 people"
});

test("dates resolved against each article's publication date, or kept partial when it is unknown", () => {
  const dates = (prefix: string) => of(seed(prefix), "date").map((d) => [textOf(seed(prefix), d.span), d.date, d.granularity]);
  expect(dates("001")).toContainEqual(["July 28", "2024-07-28", "day"]); // the presidential election
  expect(dates("001")).toContainEqual(["2020", "2020", "year"]); // the bounty
  expect(dates("003")).toContainEqual(["November 21", "--11-21", "day"]); // the message to Trump; 003 has no date
  expect(report.timeline.map((t) => t.date)).toEqual(expect.arrayContaining(["2024-07-28", "--11-21"]));
});

test("three of the seeds cite the Wall Street Journal, as an outlet", () => {
  const citing = new Set(report.citations.filter((c) => c.kind === "outlet" && /Wall Street Journal|WSJ|^The Journal$/.test(c.source)).map((c) => seedOf(c.articleId)));
  expect([...citing].sort()).toEqual(["000", "001", "002"]);
});

test("each outlet's labels for Maduro, the loaded ones marked", () => {
  const maduro = report.framing.filter((f) => f.name === "Nicolás Maduro").flatMap((f) => f.labels.map((l) => [seedOf(l.articleId), l.term, l.loaded]));
  expect(maduro).toEqual(expect.arrayContaining([
    ["000", "Venezuela’s Commie Dictator", true], // the headline
    ["000", "Venezuelan dictator", true],
    ["001", "strongman", true],
    ["002", "Venezuelan President", false],
    ["003", "dictator", true],
    ["004", "Venezuela’s socialist strongman", true],
  ]));
});

test("each attributed sentence says whom it relies on", () => {
  const attributions = report.attributions.map((a) => [seedOf(a.articleId), a.kind, a.source]);
  expect(attributions).toEqual(expect.arrayContaining([
    ["000", "outlet", "The Wall Street Journal"],
    ["001", "outlet", "The Wall Street Journal"], // "The WSJ", through the outlets table
    ["002", "outlet", "The Wall Street Journal"], // "Wall Street Journal"
    ["003", "document", "state media"],
    ["004", "own-reporting", "New York Post"], // "The Post has learned", on the New York Post's own article
    ["004", "anonymous", "A senior Trump administration source"],
  ]));
});
