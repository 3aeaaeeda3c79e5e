/** Where things link: every cell and entry of a story points at the words in the article that say it. */
import type { Article, TextSupport } from "../../src/records.ts";

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

/** The outlet as the comparison names it: mirrors outletLabel in src/compare/sources.ts, so columns match. */
export const outletOf = (a: Article): string => a.outlet ?? `unknown outlet (${a.source.split("/").at(-1)})`;

/** "2024-08-11", "2024-08-11 – 2024-08-12", or that the dates are unknown. */
export function dateRange(first: string | null, last: string | null): string {
  if (!first) return "publication dates unknown";
  return first === last || !last ? first : `${first} – ${last}`;
}

export const NAVIGATE_EVENT = "triangulate:navigate";

/** Navigates within the app; the router renders on the event this sends. */
export function navigate(href: string): void {
  history.pushState(null, "", href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
