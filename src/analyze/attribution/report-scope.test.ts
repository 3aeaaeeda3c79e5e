/**
 * A body's data and reports as sources (evidence.ts), and how far a report carries (report-scope.ts): on sentences
 * of the kind AllSides' inflation and shooting roundups and the verdict suite hold.
 */
import { expect, test } from "vitest";
import type { Annotation, Article } from "../../records.js";
import { analyzeArticle } from "../index.js";

function sources(text: string): [string, string, string][] {
  const article: Article = {
    id: "a", source: "a", url: null, outlet: "Example News", title: "", authors: [], publishedAt: "2024-08-12", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return analyzeArticle(article)
    .filter((a): a is Extract<Annotation, { kind: "attribution" }> => a.kind === "attribution")
    .map((a) => [text.slice(a.span[0], a.span[1]).split(" ").slice(0, 3).join(" "), a.source, a.sourceKind]);
}

test.each([
  ["data released by a body",
    "Data released by the Bureau of Labor Statistics on Tuesday showed that prices rose 0.9 percent in the past month.",
    [["Data released by", "the Bureau of Labor Statistics", "document"]]],
  ["a dated report from a body",
    "Tuesday’s report from the Labor Department showed that consumer prices in June rose 0.9% from May.",
    [["Tuesday’s report from", "the Labor Department", "document"]]],
  ["data published by a body named in lower case",
    "Patients waited an average of 6.2 hours last year, according to data published Tuesday by the state health department.",
    [["Patients waited an", "the state health department", "document"]]],
  ["a body's name stops before another clause",
    "More than 180 people were killed over the weekend, according to data compiled by the Gun Violence Archive and reviewed by NPR.",
    [["More than 180", "the Gun Violence Archive", "document"]]],
  ["“its report” is the sentence subject's",
    "The city's housing authority has a waiting list of about 6,400 families, according to its most recent annual report.",
    [["The city's housing", "The city's housing authority", "document"]]],
])("the source of %s is the body", (_, text, expected) => {
  expect(sources(text)).toEqual(expected);
});

test("a report's figures carry to the sentences that go on giving them, in its paragraph", () => {
  const text = [
    "Consumer prices rose 0.4% in March, the Labor Department reported Wednesday. The index for food rose 0.3%, and energy prices fell 1.2%. Shelter costs rose 0.5%.",
    "Economists had expected a rise of 0.3%. Prices for used cars fell 1.1%.",
  ].join("\n\n");
  expect(sources(text)).toEqual([
    ["Consumer prices rose", "The Labor Department", "document"],
    ["The index for", "The Labor Department", "document"],
    ["Shelter costs rose", "The Labor Department", "document"],
  ]);
});

test("a one-sentence lede hands its report to the next paragraph's figures, up to a forecast", () => {
  const text = [
    "Inflation in April accelerated at its fastest pace in more than 12 years, the Labor Department reported Wednesday.",
    "The Consumer Price Index, which measures a basket of goods, rose 4.2% from a year earlier. A Dow Jones survey had expected a 3.6% increase. The gain was 0.8%.",
  ].join("\n\n");
  expect(sources(text)).toEqual([
    ["Inflation in April", "The Labor Department", "document"],
    ["The Consumer Price", "The Labor Department", "document"],
  ]);
});

test("an attribution between commas before a comment on the figure", () => {
  expect(sources("The Consumer Price Index climbed 4.2 percent from a year earlier, the Labor Department said, the fastest pace since 2008."))
    .toEqual([["The Consumer Price", "Labor Department", "document"]]);
});

test.each([
  ["the outlet's own commentary after the report",
    "Consumer prices rose 0.4% in March, the Labor Department reported Wednesday. That could worry the Federal Reserve, which meets in May."],
  ["a sentence without a figure",
    "Consumer prices rose 0.4% in March, the Labor Department reported Wednesday. The report came a day late."],
  ["the next paragraph after a paragraph of several sentences",
    "Prices climbed again. Consumer prices rose 0.4% in March, the Labor Department reported Wednesday.\n\nThe Federal Reserve raised rates 0.25 points in 2023."],
  ["a wire's own market note after relaying another outlet's report",
    "The Financial Times said the deal could be signed next month. Shares of Valtra Motors rose 4 percent on the report."],
  ["a person's words, which go on only where the text says so",
    "The plant will close in May, Mayor Jane Doe said Tuesday. About 300 people work there."],
])("no carry into %s", (_, text) => {
  expect(sources(text)).toHaveLength(1);
});
