/**
 * The app's router: real links everywhere, and a click on a same-origin link is handled here with the history
 * API instead of a page load. Each page renders into a fresh element that replaces the last one only if the
 * user has not moved on meanwhile.
 */
import { h, type Page } from "./dom.ts";
import { ApiError } from "./api.ts";
import { NAVIGATE_EVENT, navigate, parseSpanHash } from "./links.ts";
import { renderStories } from "./stories-page.ts";
import { renderStory } from "./story-page.ts";
import { renderArticle } from "./article-page.ts";
import { renderAdd } from "./add-page.ts";

const ROUTES: [RegExp, Page][] = [
  [/^\/$/, renderStories],
  [/^\/stories\/([^/]+)$/, renderStory],
  [/^\/articles\/([^/]+)$/, renderArticle],
  [/^\/add$/, renderAdd],
];

const main = document.getElementById("main")!;
let current = 0;
let renderedPath = "";

async function route(first: boolean): Promise<void> {
  const url = new URL(location.href);
  const navigation = ++current;
  renderedPath = url.pathname + url.search;
  const view = h("div", { class: "view" }, h("p", { class: "meta", role: "status" }, "Loading…"));
  main.replaceChildren(view);
  const match = ROUTES.map(([re, page]) => [re.exec(url.pathname), page] as const).find(([m]) => m);
  try {
    if (!match) throw new ApiError(404, `There is no page at ${url.pathname}.`);
    const [m, page] = match;
    const params = m!.slice(1).map((p) => decodeURIComponent(p));
    const placeholder = view.firstChild;
    const title = await page(view, params, url);
    if (navigation !== current) return;
    placeholder?.remove();
    document.title = `${title} · Triangulate`;
  } catch (error) {
    if (navigation !== current) return;
    const message = error instanceof Error ? error.message : String(error);
    view.replaceChildren(h("h1", { tabindex: -1 }, error instanceof ApiError && error.status === 404 ? "Not found" : "Something went wrong"), h("p", { role: "alert", "data-testid": "error" }, message), h("p", {}, h("a", { href: "/" }, "See all stories")));
    document.title = "Error · Triangulate";
  }
  // A page that scrolled to a target (the article reader) has focused it; otherwise move focus to the new heading.
  if (!first && !main.contains(document.activeElement)) (view.querySelector("h1") ?? main).focus({ preventScroll: true });
  if (!first && !location.hash) window.scrollTo(0, 0);
}


/** A change of hash only re-renders when it names a span (the reader); "#main" and the like just scroll. */
const needsRoute = (url: URL): boolean => url.pathname + url.search !== renderedPath || parseSpanHash(url.hash) !== null;

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  // HTML and SVG links alike (the timeline's dots are SVG links).
  const link = (event.target as Element).closest("a");
  const href = link?.getAttribute("href");
  if (!link || !href || link.hasAttribute("target") || link.hasAttribute("download")) return;
  const url = new URL(href, location.href);
  if (url.origin !== location.origin || (url.hash && !needsRoute(url))) return;
  event.preventDefault();
  navigate(url.href);
});
window.addEventListener("popstate", () => {
  if (needsRoute(new URL(location.href))) void route(false);
});
window.addEventListener(NAVIGATE_EVENT, () => void route(false));
void route(true);
