/** What every part of the story page reads: the story, its comparison, and each article's analysis. */
import type { Annotation, AnnotationOf, Article, Claim, StoryComparison, TextSupport } from "../../src/records.ts";
import type { ArticleDetail, StoryDetail } from "./api.ts";
import { h } from "./dom.ts";
import { articleHref, outletOf, spanHref } from "./links.ts";

export interface StoryContext {
  detail: StoryDetail;
  comparison: StoryComparison;
  /** The outlets of the story's articles, in article order: the matrix's and framing table's columns. */
  outlets: string[];
  articles: Map<string, Article>;
  annotations: Map<string, Annotation[]>;
}

export function storyContext(detail: StoryDetail, analyses: readonly ArticleDetail[]): StoryContext {
  const empty: StoryComparison = { storyId: detail.story.id, claims: [], framing: [], omissions: [], timeline: [], brief: [] };
  return {
    detail,
    comparison: detail.comparison ?? empty,
    outlets: [...new Set(detail.articles.map(outletOf))],
    articles: new Map(detail.articles.map((a) => [a.id, a])),
    annotations: new Map(analyses.map((a) => [a.article.id, a.annotations])),
  };
}

export const outletOfId = (ctx: StoryContext, articleId: string): string => {
  const article = ctx.articles.get(articleId);
  return article ? outletOf(article) : "unknown article";
};

/** "[2]": the article's place in the story, linked to the span (or the article), named for screen readers. */
export function cite(ctx: StoryContext, articleId: string, support?: Pick<TextSupport, "start" | "end" | "field">): HTMLAnchorElement {
  const n = ctx.detail.story.articleIds.indexOf(articleId) + 1;
  const href = support ? spanHref({ articleId, ...support }) : articleHref(articleId);
  return h("a", { class: "cite", href, "aria-label": `in ${outletOfId(ctx, articleId)}, article ${n}` }, `[${n}]`);
}

/** A claim's first support in one article, for linking a brief sentence or an omission to its words. */
export const supportIn = (claim: Claim, articleId: string): TextSupport | undefined => claim.support.find((s) => s.articleId === articleId);

export const claimById = (ctx: StoryContext, id: string): Claim | undefined => ctx.comparison.claims.find((c) => c.id === id);

/** The annotations of one kind across the story's articles, each with its article. */
export function annotationsOf<K extends Annotation["kind"]>(ctx: StoryContext, kind: K): { articleId: string; a: AnnotationOf<K> }[] {
  return ctx.detail.story.articleIds.flatMap((articleId) =>
    (ctx.annotations.get(articleId) ?? []).filter((a): a is AnnotationOf<K> => a.kind === kind).map((a) => ({ articleId, a })));
}

/** A link that quotes the support's words. */
export const supportLink = (s: TextSupport, text = s.text): HTMLAnchorElement => h("a", { href: spanHref(s) }, text);
