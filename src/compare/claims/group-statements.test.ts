import { expect, test } from "vitest";
import type { Article, ArticleBundle } from "../../records.js";
import { analyzeArticle } from "../../analyze/index.js";
import { findClaimSentences, findHeadlineClaim } from "./find-claims.js";
import { groupStatements } from "./group-statements.js";

function bundle(id: string, outlet: string, title: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title, authors: [], publishedAt: "2023-05-02", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}

const BUNDLES = [
  bundle("a", "Ohio Herald", "Acme Corp to cut 1,200 jobs in Ohio plants",
    "Acme Corp will cut 1,200 jobs at its Ohio plants by the end of the year, the company said on Monday. " +
    "Heavy rain flooded the Cuyahoga valley overnight and closed the main road to Cleveland Hopkins airport."),
  bundle("b", "Cleveland Ledger", "Storm closes road to Cleveland airport",
    "Acme Corp will eliminate 1,500 jobs at its Ohio plants by the end of the year, union leaders said on Tuesday. " +
    "The mayor of Dayton, Jane Whitcombe, opened a new public library on Main Street in March."),
];
const sentences = BUNDLES.flatMap((b) => [...findClaimSentences(b), ...findHeadlineClaim(b)]);
const groups = groupStatements(sentences, BUNDLES);
const groupOf = (fragment: string) => groups.findIndex((g) => g.some((i) => sentences[i]!.text.includes(fragment)));

test("every sentence, headlines included, is in exactly one group", () => {
  expect(sentences.filter((s) => s.field === "title")).toHaveLength(2);
  expect(groups.flat().sort((x, y) => x - y)).toEqual(sentences.map((_, i) => i));
});

test("two wordings of one proposition meet though their numbers differ; other facts stay apart", () => {
  expect(groupOf("will cut 1,200 jobs")).toBe(groupOf("eliminate 1,500 jobs"));
  expect(groupOf("will cut 1,200 jobs")).not.toBe(groupOf("Heavy rain"));
  expect(groupOf("Heavy rain")).not.toBe(groupOf("public library"));
});

test("a headline joins the group of the sentences it states, and the grouping does not depend on input order", () => {
  expect(groupOf("Acme Corp to cut")).toBe(groupOf("will cut 1,200 jobs"));
  const reversed = [...sentences].reverse();
  const again = groupStatements(reversed, BUNDLES).map((g) => g.map((i) => reversed[i]!.text).sort()).sort();
  expect(again).toEqual(groups.map((g) => g.map((i) => sentences[i]!.text).sort()).sort());
});
