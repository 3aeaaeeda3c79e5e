import { expect, test } from "vitest";
import type { Article, ArticleBundle } from "../../records.js";
import { analyzeArticle } from "../../analyze/index.js";
import { clockTimesOf, joinSameTime } from "./align-times.js";
import { findClaimSentences } from "./find-claims.js";
import { groupStatements } from "./group-statements.js";
import { statementOf } from "./statement-features.js";

const groupsOf = (n: number) => Array.from({ length: n }, (_, i) => [i]);
const unscored = () => undefined;
const join = (texts: string[], articles: string[], groups = groupsOf(texts.length)) =>
  joinSameTime(groups, texts.map((t) => statementOf(t)), texts, articles, unscored);

test("times of day are read with the span their hedge allows", () => {
  expect(clockTimesOf("The blast happened shortly after 3 a.m. on Friday.")).toEqual([{ lo: 180, hi: 200 }]);
  expect(clockTimesOf("Crews arrived around 10:30 p.m. and stayed until noon.")).toEqual([{ lo: 1335, hi: 1365 }, { lo: 715, hi: 725 }]);
  expect(clockTimesOf("The vote was 13-0 in a 5 to 4 decision.")).toEqual([]);
});

test("one onset timed in other words by two reports is one claim", () => {
  const texts = [
    "The blaze broke out shortly after 3 a.m. and took crews four hours to control, the fire chief said.",
    "The fire at the Ridgeway bakery began around 3 a.m. and burned through the morning.",
  ];
  expect(join(texts, ["a", "b"])).toEqual([[0, 1]]);
});

test("two times of one happening that cannot both hold are left to the dispute stage", () => {
  const texts = [
    "The tornado touched down at about 4:15 p.m. west of Dunmore, the weather service said.",
    "Residents say the tornado that struck Dunmore touched down shortly after 6 p.m.",
  ];
  expect(join(texts, ["a", "b"])).toEqual([[0], [1]]);
});

test("a report that gives the time in two sentences is ambiguous: nothing is joined on it", () => {
  const texts = [
    "The blaze broke out shortly after 3 a.m., the fire chief said.",
    "The fire at the Ridgeway bakery began around 3 a.m. and burned through the morning.",
    "Neighbours called 911 at 3:10 a.m. when they saw smoke.",
  ];
  expect(join(texts, ["a", "b", "b"])).toEqual([[0], [1], [2]]);
});

test("a group that already holds another time is about another moment too: no join", () => {
  const texts = [
    "Classes at the two high schools will begin at 8:30 a.m. next fall.",
    "High school classes will start at 8:30 a.m. under the new schedule.",
    "The current start time is 7:25 a.m., one of the earliest in the county.",
  ];
  expect(join(texts, ["a", "b", "b"], [[0], [1, 2]])).toEqual([[0], [1, 2]]);
});

function bundle(id: string, outlet: string, title: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: `${id}.txt`, url: null, outlet, title, authors: [], publishedAt: "2025-03-14", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}

test("in a story, two reports' wordings of when the gas line ruptured end in one claim", () => {
  const bundles = [
    bundle("a", "Lorton Ledger", "Gas leak forces evacuation of Lorton block",
      "A gas line under Mercer Street ruptured around 5 a.m. on Thursday, utility spokesman Dale Okafor said. " +
      "About 60 residents were moved to a school gym until the leak was capped."),
    bundle("b", "WLRT News", "Residents evacuated after gas leak",
      "The leak on Mercer Street happened shortly after 5 a.m. when a contractor's drill struck the line, according to the fire department. " +
      "Firefighters went door to door waking residents on three streets."),
  ];
  const sentences = bundles.flatMap(findClaimSentences);
  const groups = groupStatements(sentences, bundles);
  const groupOf = (fragment: string) => groups.findIndex((g) => g.some((i) => sentences[i]!.text.includes(fragment)));
  expect(groupOf("ruptured around 5 a.m.")).toBeGreaterThanOrEqual(0);
  expect(groupOf("ruptured around 5 a.m.")).toBe(groupOf("happened shortly after 5 a.m."));
  expect(groupOf("About 60 residents")).not.toBe(groupOf("ruptured around 5 a.m."));
});
