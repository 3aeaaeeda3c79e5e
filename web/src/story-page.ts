/**
 * `/stories/:id`, in the order of value every renderer follows (STORY_SECTIONS, src/report/render/sections.ts):
 * the bottom line and its counts; the reports; the brief; the disputes; what is established; what rests on one
 * source and where it leads; who carries what; what each outlet leaves out; framing side by side; the timeline;
 * who said what. Every entry links to the words in the article that say it.
 */
import { getArticle, getStory, listStories, listStorylines } from "./api.ts";
import { append, h, plural, storySection, type Page } from "./dom.ts";
import { describeOmission, inSectionOrder } from "../../src/report/render/sections.ts";
import { describeLeanSpread, describeOutletInfo, storyOutletInfo } from "../../src/report/outlet-info.ts";
import { pageOutlets } from "./outlets.ts";
import { articleHref, dateRange, outletName, outletOf, storyHref } from "./links.ts";
import { claimById, cite, outletOfId, storyContext, supportIn, supportLink, type StoryContext } from "./story-context.ts";
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
  const [top, ...rest] = inSectionOrder<HTMLElement>({
    "bottom-line": () => (detail.comparison ? renderBottomLine(ctx) : h("p", { role: "status" }, "This story has not been compared yet: only its articles are shown.")),
    coverage: () => storySection("coverage", articleList(ctx), leanSpread(ctx)),
    brief: () => renderBrief(ctx),
    disputes: () => renderDisputes(ctx),
    established: () => (detail.comparison ? renderEstablished(ctx) : null),
    chains: () => renderChains(ctx),
    drift: () => renderDrift(ctx),
    claims: () => renderMatrix(ctx),
    omissions: () => renderOmissions(ctx),
    framing: () => renderFraming(ctx),
    wording: () => renderWording(ctx),
    timeline: () => renderTimeline(ctx),
    quotes: () => renderQuotes(ctx),
  });
  append(view, [
    h("p", { class: "crumbs" }, h("a", { href: "/" }, "← all stories")),
    h("h1", { tabindex: -1, "data-testid": "story-title" }, story.title),
    h("p", { class: "meta" }, `${plural(story.articleIds.length, "article")} · ${plural(ctx.outlets.length, "outlet")} · ${dateRange(story.firstPublished, story.lastPublished)}`),
    top, storyline, verdictLegend(), rest,
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

/**
 * The story's articles, numbered as the [n] citations; an article with no known outlet says so here, once; and
 * what the user's outlet file says of each outlet (lean, country, owner), when the server was given one.
 */
function articleList(ctx: StoryContext): HTMLElement {
  const outlets = pageOutlets();
  return h("ol", { class: "articles", "data-testid": "articles" }, ctx.detail.story.articleIds.map((id) => {
    const a = ctx.articles.get(id);
    if (!a) return h("li", {}, `${id} (not found)`);
    const info = describeOutletInfo(outlets?.forArticle(a) ?? null);
    return h("li", {}, h("strong", {}, outletOf(a)), a.outlet ? null : h("span", { class: "meta" }, " (outlet unknown: named by its file)"),
      info ? h("span", { class: "outlet-info", "data-testid": "outlet-info" }, ` (${info})`) : null, ": ",
      h("a", { href: articleHref(id) }, a.title || a.source), a.publishedAt ? h("span", { class: "meta" }, ` · ${dateRange(a.publishedAt, a.publishedAt)}`) : null);
  }));
}

/** The lean spread of the story's outlets from the user's outlet file, as Ground News shows it; nothing without one. */
function leanSpread(ctx: StoryContext): HTMLElement | null {
  const outlets = pageOutlets();
  const spread = outlets ? describeLeanSpread(storyOutletInfo(ctx.detail.articles, outlets)) : null;
  return spread ? h("p", { class: "meta", "data-testid": "lean-spread" }, spread) : null;
}

/** The brief: a few neutral sentences, each citing the articles (linked to the claim's words in each). */
function renderBrief(ctx: StoryContext): HTMLElement | null {
  const brief = ctx.comparison.brief;
  return storySection("brief", brief.length ? h("ul", { class: "brief" }, brief.map((b) => h("li", {}, b.sentence, " ", b.articleIds.map((id) => {
    const claim = b.claimIds.map((c) => claimById(ctx, c)).find((c) => c && supportIn(c, id));
    return cite(ctx, id, claim ? supportIn(claim, id) : undefined);
  })))) : null);
}

function renderDrift(ctx: StoryContext): HTMLElement | null {
  const drift = ctx.comparison.drift ?? [];
  return storySection("drift", drift.length ? h("ul", {}, drift.map((d) => h("li", {},
    h("strong", {}, d.detail), ": ",
    `${outletOfId(ctx, d.from.articleId)} “`, supportLink(d.from), "” → ",
    `${outletOfId(ctx, d.to.articleId)} “`, supportLink(d.to), "”"))) : null);
}

/** What each outlet leaves out that others carry, the most corroborated first. */
function renderOmissions(ctx: StoryContext): HTMLElement | null {
  const items = ctx.comparison.omissions.map((o) => {
    const missing = o.missingClaimIds.map((id) => claimById(ctx, id)).filter((c) => c !== undefined);
    return h("li", {}, describeOmission({ outlet: o.outlet, missingClaimIds: missing.map((c) => c.id) }),
      h("ul", {}, missing.map((c) => h("li", {}, c.text, " ", c.support.map((s) => cite(ctx, s.articleId, s))))));
  });
  return storySection("omissions", items.length ? h("ul", { class: "plain omissions" }, items) : null);
}
