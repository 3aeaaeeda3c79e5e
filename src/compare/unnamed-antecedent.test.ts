/**
 * A bare "the sources" / "the officials" is named as the unnamed people it points back to ("police sources"), within a
 * few sentences of the same article and the same head noun; otherwise it keeps its own words. Run through the real
 * analyzers and SourceResolver, as the compare stage does.
 */
import { describe, expect, test } from "vitest";
import type { Article, ArticleBundle } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { SourceResolver } from "./resolve-source.js";

const OUTLET = "Harbor City Register";

function bundle(text: string): ArticleBundle {
  const article: Article = {
    id: "a1", source: "a1.txt", url: null, outlet: OUTLET, title: "Shooting on Ridge Street", authors: [], publishedAt: "2025-03-12", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}

/** The source name resolved for the sentence of `text` holding `words`. */
function sourceOf(text: string, words: string): string {
  const b = bundle(text);
  const start = text.indexOf(words);
  const sentence = b.annotations.find((a) => a.kind === "sentence" && a.span[0] <= start && a.span[1] > start);
  if (!sentence) throw new Error(`no sentence holds "${words}"`);
  return new SourceResolver([b], resolveEntities([b])).resolve(b, { span: sentence.span }).name;
}

const WOUND = "One of the wounded men avoided serious injury when a bullet struck his wallet, police sources said.";
const LEG = "Another man, 34, was shot once in the left leg, according to the sources.";

describe("a bare back-reference takes the name of the unnamed people it points to", () => {
  test.each([
    ["'according to the sources' after 'police sources said'", `${WOUND} ${LEG}`, "the left leg", `police sources (${OUTLET})`],
    [
      "'the officials said' after 'two city officials told'",
      `The city has offered bus drivers raises of 4 percent a year, two city officials told ${OUTLET} on condition of anonymity. Disagreements remain over overtime, the officials said.`,
      "Disagreements remain",
      `two city officials (${OUTLET})`,
    ],
  ])("%s", (_, text, words, want) => {
    expect(sourceOf(text, words)).toBe(want);
  });

  test.each([
    ["nothing fuller before it", `The gunman fled in a gray sedan. ${LEG}`, "the left leg", `the sources (${OUTLET})`],
    ["another head noun before it", `${WOUND} Another man, 34, was shot once in the left leg, the officials said.`, "the left leg", `officials (${OUTLET})`],
    [
      "the antecedent more than three sentences back",
      `${WOUND} The shooting began after a fight on Pitt Street. The men had been drinking at a bar nearby. Two of them left before police arrived. Residents said the corner is usually quiet. ${LEG}`,
      "the left leg",
      `the sources (${OUTLET})`,
    ],
    ["an indefinite 'sources said': new sources, not the ones before", `${WOUND} Another man, 34, was shot once in the left leg, sources said.`, "the left leg", `sources (${OUTLET})`],
  ])("unchanged: %s", (_, text, words, want) => {
    // As the analyzer gave it (with or without its "the"): never "police …" from the sentence before.
    expect(sourceOf(text, words)).toBe(want);
  });
});

/** Each sentence's resolved source, the sentences found by words they hold. */
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

describe("unnamed people the analyzers file as a body are the outlet's unnamed source", () => {
  test("'a person familiar with the talks' and 'The person' after it are one unnamed source", () => {
    const text = "The union is close to accepting the city's offer, according to a person familiar with the talks. " +
      "The person said a vote could come as soon as Friday.";
    const [first, second] = sourcesOf(text, "close to accepting", "a vote could come");
    expect(first!.kind).toBe("anonymous");
    expect(second!.id).toBe(first!.id);
  });

  test("a body's data named with an adjective of the same word ('official figures') stays the body's", () => {
    const [source] = sourcesOf("The deficit stood at 3.4 percent of output last year, official figures show.", "The deficit");
    expect(source!.kind).not.toBe("anonymous");
  });
});
