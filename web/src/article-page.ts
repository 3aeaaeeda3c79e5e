/**
 * `/articles/:id`: the clean text with its quotes, the story's claims and loaded terms highlighted; the span a
 * link points at (`#start-end`, `#title-start-end`) marked, scrolled to and focused; where each metadata field
 * came from; and what extraction removed or set aside.
 */
import { type Annotation, type Article, type Claim, type MetadataField, REMOVED_MAX_CHARS } from "../../src/records.ts";
import { getArticle, getStory } from "./api.ts";
import { append, h, plural, section, type Page } from "./dom.ts";
import { highlighted, type Range } from "./highlight.ts";
import { dateRange, outletOf, parseSpanHash, storyHref } from "./links.ts";
import { renderVersions } from "./versions.ts";

export const renderArticle: Page = async (view, [id]) => {
  const { article, annotations, storyId } = await getArticle(id!);
  const story = storyId ? await getStory(storyId) : null;
  const claims = (story?.comparison?.claims ?? []).filter((c) => c.support.some((s) => s.articleId === article.id));
  const target = parseSpanHash(location.hash);
  const title = highlighted(article.title, rangesIn(article, annotations, claims, "title"), target?.field === "title" ? target : null);
  const body = highlighted(article.text, rangesIn(article, annotations, claims, "text"), target?.field === "text" ? target : null);
  const mark = title.mark ?? body.mark;
  append(view, [
    story ? h("p", {}, h("a", { href: storyHref(story.story.id) }, `← story: ${story.story.title}`)) : h("p", {}, h("a", { href: "/" }, "← all stories")),
    h("h1", { tabindex: -1, "data-testid": "article-title" }, ...title.nodes),
    h("p", { class: "meta" }, `${outletOf(article)}${article.outlet ? "" : " (outlet unknown: named by its file)"} · ${article.publishedAt ? dateRange(article.publishedAt, article.publishedAt) : "date unknown"}${article.authors.length ? ` · ${article.authors.join(", ")}` : ""}`),
    target && !mark ? h("p", { role: "alert" }, `The linked span (${target.start}–${target.end}) is outside this article's ${target.field}.`) : null,
    legend(annotations, claims),
    h("div", { class: "reader" },
      h("div", { class: "article-text", "data-testid": "article-text" }, ...body.nodes),
      renderVersions({ article, claims, drift: story?.comparison?.drift ?? [], articles: new Map((story?.articles ?? []).map((a) => [a.id, a])), target })),
    setAside(article),
    metadata(article),
  ]);

  if (mark) {
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "center" });
  }
  return article.title || article.source;
};

function rangesIn(article: Article, annotations: readonly Annotation[], claims: readonly Claim[], field: "text" | "title"): Range[] {
  const ranges: Range[] = [];
  for (const c of claims) {
    for (const s of c.support) {
      // Only what other outlets also carry is underlined: the sentences there is something to compare.
      if (new Set(c.outlets).size < 2) continue;
      if (s.articleId === article.id && (s.field === "title") === (field === "title")) ranges.push({ start: s.start, end: s.end, kind: "claim", note: `carried by ${c.outlets.length} outlets (${c.status})` });
    }
  }
  if (field === "title") return ranges;
  for (const a of annotations) {
    if (a.kind === "quote") ranges.push({ start: a.span[0], end: a.span[1], kind: "quote", note: `quote: ${a.speaker ?? "unattributed"}` });
    if (a.kind === "cue" && a.cue === "loaded") ranges.push({ start: a.span[0], end: a.span[1], kind: "loaded", note: `loaded term: ${a.term}` });
  }
  return ranges;
}

function legend(annotations: readonly Annotation[], claims: readonly Claim[]): HTMLElement {
  const quotes = annotations.filter((a) => a.kind === "quote").length;
  const loaded = annotations.filter((a) => a.kind === "cue" && a.cue === "loaded").length;
  const shared = claims.filter((c) => new Set(c.outlets).size >= 2).length;
  return h("p", { class: "legend", "data-testid": "legend" }, "Key: ",
    h("span", { class: "hl-claim" }, plural(shared, "sentence")), " other outlets also carry (underlined) · ",
    h("span", { class: "hl-quote" }, plural(quotes, "quote")), " (shaded) · ",
    h("span", { class: "hl-loaded" }, plural(loaded, "loaded term")), " (dotted, ⚑) · ",
    h("mark", { class: "target" }, "the sentence you followed a link to"));
}

/**
 * What extraction took out of the input (menus, bios, boilerplate, each with why), and the captions and embedded
 * posts it set apart from the body. Articles extracted before schema 1.3 did not keep what was removed.
 */
function setAside(article: Article): HTMLElement {
  const removed = article.removed;
  const panel = h("div", { class: "set-aside", id: "set-aside", hidden: true, "data-testid": "set-aside" },
    section("Removed as not the story", "removed",
      removed === undefined ? h("p", { class: "meta" }, "Not kept: this article was extracted before removed text was stored.")
      : removed.length ? [h("p", { class: "meta" }, `At most ${REMOVED_MAX_CHARS.toLocaleString("en")} characters are kept.`),
        h("ul", { class: "removed" }, removed.map((r) => h("li", {}, h("span", { class: "badge" }, r.role), " ", h("span", { class: "removed-text" }, r.text))))]
      : h("p", { class: "meta" }, "nothing")),
    section("Captions", "captions", article.captions.length ? h("ul", {}, article.captions.map((c) => h("li", {}, c))) : h("p", { class: "meta" }, "none")),
    section("Embedded posts", "embeds", article.embeds.length ? h("ul", {}, article.embeds.map((e) =>
      h("li", {}, h("blockquote", {}, e.text), h("p", { class: "meta" }, [e.platform, e.author, e.handle, e.date, e.url].filter(Boolean).join(" · "))))) : h("p", { class: "meta" }, "none")));
  const what = `${removed ? `${plural(removed.length, "removed part")}, ` : ""}${plural(article.captions.length, "caption")}, ${plural(article.embeds.length, "embedded post")}`;
  const button = h("button", { type: "button", "aria-expanded": "false", "aria-controls": "set-aside", "data-testid": "toggle-set-aside" }, `Show what was removed or set aside (${what})`);
  button.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
    button.textContent = `${panel.hidden ? "Show" : "Hide"} what was removed or set aside (${what})`;
  });
  return h("div", {}, button, panel);
}

const FIELDS: [MetadataField, string][] = [["outlet", "Outlet"], ["title", "Title"], ["authors", "Authors"], ["publishedAt", "Published"], ["modifiedAt", "Modified"], ["language", "Language"], ["url", "URL"]];

/** Each metadata value with where it came from ("text:byline-line") and how sure the extractor is. */
function metadata(article: Article): HTMLElement | null {
  const value = (f: MetadataField): string => {
    const v = article[f];
    return Array.isArray(v) ? v.join(", ") : (v ?? "");
  };
  return section("Metadata", "metadata", h("dl", { class: "metadata" }, FIELDS.map(([f, label]) => {
    const from = article.provenance[f];
    return [h("dt", {}, label), h("dd", {}, value(f) || h("span", { class: "meta" }, "not found"),
      from ? h("span", { class: "meta" }, ` — from ${from.from}, confidence ${Math.round(from.confidence * 100)}%`) : null)];
  }), h("dt", {}, "Body"), h("dd", {}, `extracted by ${article.extractedBy} from ${article.source}`)));
}
