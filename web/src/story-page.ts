/**
 * `/stories/:id`, in order of value: the bottom line and its counts; the disputes; what is established; what
 * rests on one source and where it leads; who carries what; what each outlet leaves out; framing side by side;
 * the timeline; who said what. Every entry links to the words in the article that say it.
 */
import { getArticle, getStory, listStories, listStorylines } from "./api.ts";
import { append, h, plural, section, type Page } from "./dom.ts";
import { articleHref, dateRange, outletName, outletOf, storyHref } from "./links.ts";
import { claimById, cite, outletOfId, storyContext, supportLink, type StoryContext } from "./story-context.ts";
import { renderMatrix } from "./matrix.ts";
import { renderTimeline } from "./timeline.ts";
import { renderFraming, renderWording } from "./framing.ts";
import { renderQuotes } from "./quotes.ts";
import { renderBottomLine, renderChains, renderDisputes, renderEstablished, verdictLegend } from "./verdicts.ts";

export const renderStory: Page = async (view, [id]) => {
  const detail = await getStory(id!);
  const [analyses, storyline] = await Promise.all([Promise.all(detail.story.articleIds.map(getArticle)), storylineOf(detail.story.storylineId, detail.story.id)]);
  const ctx = storyContext(detail, analyses);
  const { story } = detail;
  append(view, [
    h("p", { class: "crumbs" }, h("a", { href: "/" }, "← all stories")),
    h("h1", { tabindex: -1, "data-testid": "story-title" }, story.title),
    h("p", { class: "meta" }, `${plural(story.articleIds.length, "article")} · ${plural(ctx.outlets.length, "outlet")} · ${dateRange(story.firstPublished, story.lastPublished)}`),
    detail.comparison ? renderBottomLine(ctx) : h("p", { role: "status" }, "This story has not been compared yet: only its articles are shown."),
    storyline,
    verdictLegend(),
    section("The reports", "coverage", articleList(ctx)),
    renderDisputes(ctx),
    detail.comparison ? renderEstablished(ctx) : null,
    renderChains(ctx),
    renderMatrix(ctx),
    renderOmissions(ctx),
    renderFraming(ctx),
    renderWording(ctx),
    renderTimeline(ctx),
    renderQuotes(ctx),
    renderDrift(ctx),
  ]);
  return story.title;
};

/** The storyline's other stories, oldest first, linked: what came before and after this one. */
async function storylineOf(storylineId: string, storyId: string): Promise<HTMLElement | null> {
  const [{ storylines }, { stories }] = await Promise.all([listStorylines(), listStories()]);
  const line = storylines.find((l) => l.id === storylineId);
  const others = (line?.storyIds ?? []).filter((s) => s !== storyId).map((s) => stories.find((x) => x.id === s)).filter((s) => s !== undefined)
    .sort((a, b) => (a.firstPublished ?? "").localeCompare(b.firstPublished ?? ""));
  if (!line || !others.length) return null;
  return h("nav", { class: "storyline", "aria-label": "Other stories of this storyline", "data-testid": "storyline-links" },
    h("p", {}, h("strong", {}, "Storyline: "), line.title),
    h("ul", {}, others.map((s) => h("li", {}, h("a", { href: storyHref(s.id) }, s.title), h("span", { class: "meta" }, ` · ${dateRange(s.firstPublished, s.lastPublished)}`)))));
}

/** The story's articles, numbered as the [n] citations; an article with no known outlet says so here, once. */
function articleList(ctx: StoryContext): HTMLElement {
  return h("ol", { class: "articles", "data-testid": "articles" }, ctx.detail.story.articleIds.map((id) => {
    const a = ctx.articles.get(id);
    if (!a) return h("li", {}, `${id} (not found)`);
    return h("li", {}, h("strong", {}, outletOf(a)), a.outlet ? null : h("span", { class: "meta" }, " (outlet unknown: named by its file)"), ": ",
      h("a", { href: articleHref(id) }, a.title || a.source), a.publishedAt ? h("span", { class: "meta" }, ` · ${dateRange(a.publishedAt, a.publishedAt)}`) : null);
  }));
}

function renderDrift(ctx: StoryContext): HTMLElement | null {
  const drift = ctx.comparison.drift ?? [];
  return section("Drift between versions", "drift", drift.length ? h("ul", {}, drift.map((d) => h("li", {},
    h("strong", {}, d.detail), ": ",
    `${outletOfId(ctx, d.from.articleId)} “`, supportLink(d.from), "” → ",
    `${outletOfId(ctx, d.to.articleId)} “`, supportLink(d.to), "”"))) : null);
}

/** What each outlet leaves out that others carry, the most corroborated first. */
function renderOmissions(ctx: StoryContext): HTMLElement | null {
  const items = ctx.comparison.omissions.map((o) => {
    const missing = o.missingClaimIds.map((id) => claimById(ctx, id)).filter((c) => c !== undefined);
    return h("li", {}, h("strong", {}, outletName(o.outlet)), ` leaves out ${plural(missing.length, "claim")} other outlets carry:`,
      h("ul", {}, missing.map((c) => h("li", {}, c.text, " ", c.support.map((s) => cite(ctx, s.articleId, s))))));
  });
  return section("What each outlet leaves out", "omissions", items.length ? h("ul", { class: "plain omissions" }, items) : null);
}
