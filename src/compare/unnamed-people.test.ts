/**
 * Unnamed people the analyzers file as a body ("a person familiar with the talks") are the outlet's unnamed source,
 * one id with the "The person" that follows, while a body's data ("official figures") stays a body. Run through the
 * real analyzers and SourceResolver, as the compare stage does.
 */
import { expect, test } from "vitest";
import type { Article, ArticleBundle } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { SourceResolver } from "./resolve-source.js";

const OUTLET = "Harbor City Register";

function bundle(text: string): ArticleBundle {
  const article: Article = {
    id: "a1", source: "a1.txt", url: null, outlet: OUTLET, title: "Bus drivers near a deal", authors: [], publishedAt: "2025-03-12", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}

function sourcesOf(text: string, ...words: string[]) {
  const b = bundle(text);
  const resolver = new SourceResolver([b], resolveEntities([b]));
  return words.map((w) => {
    const start = text.indexOf(w);
    const sentence = b.annotations.find((a) => a.kind === "sentence" && a.span[0] <= start && a.span[1] > start);
    if (!sentence) throw new Error(`no sentence holds "${w}"`);
    return resolver.resolve(b, { span: sentence.span });
  });
}

test("'a person familiar with the talks' and 'The person' after it are one unnamed source of the outlet", () => {
  const text = "The union is close to accepting the city's offer, according to a person familiar with the talks. " +
    "The person said a vote could come as soon as Friday.";
  const [first, second] = sourcesOf(text, "close to accepting", "a vote could come");
  expect(first!.kind).toBe("anonymous");
  expect(second!.id).toBe(first!.id);
});

test("a body's data named with an adjective of the same word ('official figures') stays the body's", () => {
  const text = "The deficit stood at 3.4 percent of output last year, official figures show.";
  const [source] = sourcesOf(text, "The deficit");
  expect(source!.kind).not.toBe("anonymous");
});
