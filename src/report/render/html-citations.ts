/**
 * The HTML report's citations as links: each [n] goes to the cited sentence in the article's text, which the
 * report carries at the end of its story (each cited sentence marked with an anchor), or to the article when no
 * sentence is known. The page stays one file with no scripts.
 */
import type { Quote, TextSupport } from "../../records.js";
import { articleLabel, markers, type StoryView } from "./view.js";

type Span = Pick<TextSupport, "articleId" | "start" | "end" | "field">;

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export interface HtmlCitations {
  /** "[1][3]" as links: to the first given span in each article, else to the article. */
  cite(articleIds: readonly string[], spans?: readonly Span[]): string;
  /** The story's articles with their cited sentences anchored, for the end of the story. */
  articles(): string;
}

export function htmlCitations(view: StoryView): HtmlCitations {
  const prefix = view.story.id;
  const articleAnchor = (id: string) => `${prefix}-a${view.story.articleIds.indexOf(id) + 1}`;
  const spanAnchor = (s: Span) => `${articleAnchor(s.articleId)}-${s.start}-${s.end}`;
  /** Body spans cited anywhere in the story, per article: the ones the text gets anchors for. */
  const cited = new Map<string, Map<string, Span>>();
  const note = (s: Span) => {
    if (s.field === "title") return;
    const spans = cited.get(s.articleId) ?? new Map<string, Span>();
    spans.set(spanAnchor(s), s);
    cited.set(s.articleId, spans);
  };
  for (const c of view.claims) c.support.forEach(note);
  for (const t of view.timeline) t.support.forEach(note);
  for (const d of view.drift) [d.from, d.to].forEach(note);
  for (const q of view.quotes) note(quoteSpan(q));

  return {
    cite(articleIds, spans = []) {
      return [...new Set(articleIds)].map((id) => {
        const span = spans.find((s) => s.articleId === id && s.field !== "title");
        return `<a class="cite" href="#${span ? spanAnchor(span) : articleAnchor(id)}">${escape(markers([id], view.story))}</a>`;
      }).join("");
    },
    articles() {
      return `<h4>The articles</h4><p class="meta">Each [n] opens its article at the sentence cited.</p>${view.articles.map((a) => {
        // Anchors on non-overlapping spans, earliest first; a span inside another links to the outer one's start.
        const spans = [...(cited.get(a.id)?.values() ?? [])].filter((s) => s.end <= a.text.length).sort((x, y) => x.start - y.start || y.end - x.end);
        let at = 0;
        let html = "";
        const inner: string[] = [];
        for (const s of spans) {
          if (s.start < at) {
            inner.push(`<span id="${spanAnchor(s)}"></span>`);
            continue;
          }
          html += escape(a.text.slice(at, s.start)) + inner.splice(0).join("") + `<mark id="${spanAnchor(s)}">${escape(a.text.slice(s.start, s.end))}</mark>`;
          at = s.end;
        }
        html += inner.join("") + escape(a.text.slice(at));
        // Folded, so the report stays short: a browser opens a <details> when a link targets something inside it.
        return `<details class="source-article" id="${articleAnchor(a.id)}"><summary>${escape(markers([a.id], view.story))} ${escape(articleLabel(a))}</summary><div class="article-text">${html}</div></details>`;
      }).join("")}`;
    },
  };
}

const quoteSpan = (q: Quote): Span => ({ articleId: q.articleId, start: q.start, end: q.end });
