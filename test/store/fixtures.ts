import type { Annotation, Article, ArticleBundle, Story, StoryComparison, Storyline } from "../../src/records.js";

/** A complete Article: every field set, so a round trip that drops or renames one is caught. */
export function article(id: string, overrides: Partial<Article> = {}): Article {
  const text = overrides.text ?? `Officials said ${id} happened on Monday. "It was unexpected," the mayor said.`;
  return {
    id,
    source: `examples/${id}.txt`,
    url: `https://news.example/${id}`,
    outlet: "Example News",
    title: `Story ${id}`,
    authors: ["Ana Pérez", "J. Smith"],
    publishedAt: "2024-05-01T10:00:00Z",
    modifiedAt: null,
    language: "en",
    text,
    captions: ["A caption."],
    embeds: [{ kind: "post", platform: "x", author: "Someone", handle: "@someone", text: "a post", date: null, url: null }],
    provenance: { title: { from: "meta:og:title", confidence: 0.9 }, publishedAt: { from: "input", confidence: 1 } },
    extractedBy: "text:lines",
    ...overrides,
  };
}

export function annotations(text: string): Annotation[] {
  const end = Math.min(text.length, 12);
  return [
    { kind: "sentence", span: [0, end], by: "sentences@1" },
    { kind: "entity", span: [0, Math.min(9, end)], type: "org", name: "Officials", by: "entities@1" },
    { kind: "number", span: [1, 2], value: 2.5, unit: "%", counts: null, by: "numbers@1" },
    { kind: "quote", span: [1, end], speaker: null, speakerSpan: null, by: "quotes@1" },
    { kind: "date", span: [2, 3], date: "--05-01", by: "dates@1" },
    { kind: "citation", span: [0, 4], source: "the mayor", sourceKind: "person", by: "citations@1" },
    { kind: "label", span: [0, 5], entityName: "Officials", term: "officials", loaded: false, by: "labels@1" },
  ];
}

export function bundle(id: string, overrides: Partial<Article> = {}): ArticleBundle {
  const a = article(id, overrides);
  return { article: a, annotations: annotations(a.text) };
}

export function story(id: string, articleIds: string[], storylineId = "line-1"): Story {
  return { id, title: `Story ${id}`, articleIds, storylineId, firstPublished: "2024-05-01", lastPublished: null };
}

export function storyline(id: string, storyIds: string[]): Storyline {
  return { id, title: `Storyline ${id}`, storyIds };
}

export function comparison(storyId: string, articleIds: string[]): StoryComparison {
  const support = articleIds.map((articleId) => ({ articleId, start: 0, end: 9, text: "Officials" }));
  return {
    storyId,
    claims: [{
      id: `${storyId}-c1`, storyId, text: "Officials said it happened", support, outlets: ["Example News"], independentSources: 1,
      primarySources: ["the mayor"], status: "single-source", conflicts: [],
    }],
    framing: [{ storyId, entityId: "e1", name: "Officials", labels: [{ outlet: "Example News", articleId: articleIds[0] ?? "", term: "officials", loaded: false }] }],
    omissions: [],
    timeline: [{ date: "2024-05-01", text: "It happened", storyId, articleIds, support }],
    brief: [{ storyId, sentence: "Officials said it happened.", claimIds: [`${storyId}-c1`], articleIds }],
  };
}

/** Text that breaks naive storage: astral characters, combining marks, RTL, NUL and an unpaired surrogate. */
export const HARD_TEXT = "Zoë 😀 naïve 北京 مرحبا e\u0301 \u0000 lone \uD800 end — “quoted” \u2028 line";
