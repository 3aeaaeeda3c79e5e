/** Where things link: every cell and entry of a story points at the words in the article that say it. */
import type { Article, TextSupport } from "../../src/records.ts";
import { articleOutlet, displayOutlet } from "../../src/report/bottom-line.ts";
import { readerDateRange } from "../../src/_lib/reader-dates.ts";

export const storyHref = (id: string): string => `/stories/${encodeURIComponent(id)}`;
export const articleHref = (id: string): string => `/articles/${encodeURIComponent(id)}`;

/** `/articles/<id>#<start>-<end>`, or `#title-<start>-<end>` for a span of the headline. */
export const spanHref = (s: Pick<TextSupport, "articleId" | "start" | "end" | "field">): string =>
  `${articleHref(s.articleId)}#${s.field === "title" ? "title-" : ""}${s.start}-${s.end}`;

/** The span a reader's URL hash names, as spanHref writes it; null when there is none. */
export function parseSpanHash(hash: string): { field: "text" | "title"; start: number; end: number } | null {
  const m = /^#(title-)?(\d+)-(\d+)$/.exec(hash);
  if (!m) return null;
  const start = Number(m[2]);
  const end = Number(m[3]);
  return end > start ? { field: m[1] ? "title" : "text", start, end } : null;
}

/**
 * The outlet's one label on every screen (src/report/bottom-line.ts): an article with no known outlet is named by
 * its input's short name, and the article list says once that its outlet is unknown.
 */
export const outletOf = (a: Pick<Article, "outlet" | "source">): string => articleOutlet(a);

/** An outlet as the comparison's records name it ("unknown outlet (file.txt)"), as the reader sees it. */
export const outletName = displayOutlet;

/** "11 Aug 2024", "11–12 Aug 2024", or that the dates are unknown. */
export const dateRange = readerDateRange;

export const NAVIGATE_EVENT = "triangulate:navigate";

/** Navigates within the app; the router renders on the event this sends. */
export function navigate(href: string): void {
  history.pushState(null, "", href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
