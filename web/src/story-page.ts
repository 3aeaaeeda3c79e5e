/**
 * `/stories/:id`: coverage, the brief, who carries which claim, the timeline, framing, quotes, drift and
 * omissions. Every entry links to the words in the article that say it.
 */
import { getArticle, getStory } from "./api.ts";
import { append, h, plural, section, type Page } from "./dom.ts";
import { articleHref, dateRange, outletOf } from "./links.ts";
import { coverageBar } from "./coverage.ts";
import { claimById, cite, outletOfId, storyContext, supportIn, supportLink, type StoryContext } from "./story-context.ts";
import { renderMatrix } from "./matrix.ts";
import { renderTimeline } from "./timeline.ts";
import { renderFraming, renderWording } from "./framing.ts";
import { renderQuotes } from "./quotes.ts";

export const renderStory: Page = async (view, [id]) => {
  const detail = await getStory(id!);
  const ctx = storyContext(detail, await Promise.all(detail.story.articleIds.map(getArticle)));
  const { story } = detail;
  const counts = new Map<string, number>();
  for (const a of detail.articles) counts.set(outletOf(a), (counts.get(outletOf(a)) ?? 0) + 1);
  const coverage = [...counts].map(([outlet, articles]) => ({ outlet, articles })).sort((a, b) => b.articles - a.articles);
  append(view, [
    h("p", {}, h("a", { href: "/" }, "← all stories")),
    h("h1", { tabindex: -1, "data-testid": "story-title" }, story.title),
    h("p", { class: "meta" }, `${plural(story.articleIds.length, "article")} · ${plural(ctx.outlets.length, "outlet")} · ${dateRange(story.firstPublished, story.lastPublished)}`),
    detail.comparison ? null : h("p", { role: "status" }, "This story has not been compared yet: only its articles are shown."),
    section("Coverage by outlet", "coverage", coverageBar(coverage, story.articleIds.length), articleList(ctx)),
    section("What is established", "brief", ctx.comparison.brief.length ? renderBrief(ctx) : null),
    renderMatrix(ctx),
    renderTimeline(ctx),
    renderFraming(ctx),
    renderWording(ctx),
    renderQuotes(ctx),
    renderDrift(ctx),
    renderOmissions(ctx),
  ]);

  return story.title;
};

function articleList(ctx: StoryContext): HTMLElement {
  return h("ol", { class: "articles", "data-testid": "articles" }, ctx.detail.story.articleIds.map((id) => {
    const a = ctx.articles.get(id);
    if (!a) return h("li", {}, `${id} (not found)`);
    return h("li", {}, h("strong", {}, outletOf(a)), ": ", h("a", { href: articleHref(id) }, a.title || a.source), a.publishedAt ? h("span", { class: "meta" }, ` ${a.publishedAt.slice(0, 10)}`) : null);
  }));
}

/** The brief: neutral sentences, each cited to the words of the articles its claims rest on. */
function renderBrief(ctx: StoryContext): HTMLElement {
  return h("ul", { class: "brief" }, ctx.comparison.brief.map((b) => {
    const claims = b.claimIds.map((id) => claimById(ctx, id)).filter((c) => c !== undefined);
    return h("li", {}, b.sentence, " ", b.articleIds.map((articleId) => {
      const support = claims.map((c) => supportIn(c, articleId)).find((s) => s !== undefined);
      return cite(ctx, articleId, support);
    }));
  }));
}

function renderDrift(ctx: StoryContext): HTMLElement | null {
  const drift = ctx.comparison.drift ?? [];
  return section("Drift between versions", "drift", drift.length ? h("ul", {}, drift.map((d) => h("li", {},
    h("strong", {}, d.detail), ": ",
    `${outletOfId(ctx, d.from.articleId)} “`, supportLink(d.from), "” → ",
    `${outletOfId(ctx, d.to.articleId)} “`, supportLink(d.to), "”"))) : null);
}

function renderOmissions(ctx: StoryContext): HTMLElement | null {
  const items = ctx.comparison.omissions.map((o) => {
    const missing = o.missingClaimIds.map((id) => claimById(ctx, id)).filter((c) => c !== undefined);
    return h("li", {}, `${o.outlet} does not carry ${plural(missing.length, "claim")} other outlets carry:`,
      h("ul", {}, missing.map((c) => h("li", {}, c.text, " ", c.support.map((s) => cite(ctx, s.articleId, s))))));
  });
  return section("Omissions", "omissions", items.length ? h("ul", {}, items) : null);
}
