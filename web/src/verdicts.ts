/**
 * The top of a story, in order of value: the bottom line with its counts (src/report/bottom-line.ts, the same
 * words as the terminal, Markdown and HTML reports), then the disputes with each side and who gives it, the
 * established (corroborated) claims, and the single-source chains: each source, the outlets that relay it, and
 * the claims that rest on it alone.
 */
import type { Claim } from "../../src/records.ts";
import { bottomLine, disputesLabel, sourcesLabel } from "../../src/report/bottom-line.ts";
import { claimText, describeChain, describeEstablished, describeSide, distinctDisputes, NONE_ESTABLISHED, sideSupports, singleSourceChains, VERDICT } from "../../src/report/render/sections.ts";
import { h, storySection } from "./dom.ts";
import { spanHref } from "./links.ts";
import { cite, type StoryContext } from "./story-context.ts";

/** The verdict badge: a word and a shape (sections.ts), so it reads without colour (the legend explains both). */
export { VERDICT };

export const verdictBadge = (status: Claim["status"]): HTMLElement =>
  h("span", { class: `status ${status}`, "data-status": status }, h("span", { "aria-hidden": "true" }, `${VERDICT[status].mark} `), VERDICT[status].word);

export function renderBottomLine(ctx: StoryContext): HTMLElement {
  const { sentences, counts } = bottomLine(ctx.comparison.claims, ctx.detail.articles);
  const count = (n: number, one: string, many: string, key: string) =>
    h("div", { class: "count", "data-testid": `count-${key}`, "data-count": n }, h("dt", {}, n === 1 ? one : many), h("dd", {}, String(n)));
  return h("section", { class: "bottom-line", "data-testid": "bottom-line", "aria-label": "Bottom line" },
    h("h2", {}, "Bottom line"),
    sentences.map((s) => h("p", { class: "verdict-text", "data-testid": "bottom-line-sentence" }, s)),
    h("dl", { class: "counts", "data-testid": "bottom-line-counts" },
      count(counts.outlets, "outlet", "outlets", "outlets"),
      // What the sources count is said in the label: the shared reporting's sources, not the disputes' own (bottom-line.ts).
      count(counts.independentSources, sourcesLabel(counts), sourcesLabel(counts), "sources"),
      count(counts.corroborated, "corroborated claim", "corroborated claims", "corroborated"),
      count(counts.disputes, disputesLabel(counts), disputesLabel(counts), "disputes")));
}

/** The legend of the page's marks: each verdict's shape and word, and the loaded-label flag. */
export function verdictLegend(): HTMLElement {
  return h("p", { class: "legend meta", "data-testid": "verdict-legend" }, "Key: ",
    (Object.keys(VERDICT) as Claim["status"][]).map((s) => [verdictBadge(s), " "]),
    " · ", h("span", { class: "loaded" }, "“label” ⚑"), " loaded wording · [n] the article, linked to its sentence");
}

/** Each dispute once, each side with its value, who gives it (the same words as the reports: sections.ts), and the sentence. */
export function renderDisputes(ctx: StoryContext): HTMLElement | null {
  const items = distinctDisputes(ctx.comparison.claims).map(({ claim, dispute }) =>
    h("li", { "data-testid": "dispute" }, h("p", { class: "dispute-about" }, verdictBadge("disputed"), " ", h("strong", {}, dispute.about)),
      h("ul", { class: "sides" }, dispute.sides.map((side) => {
        const supports = sideSupports(ctx.comparison.claims, claim, side);
        const d = describeSide(side);
        return h("li", { "data-testid": "dispute-side" }, h("strong", { class: "value" }, d.value), " — ", d.who,
          d.carriedBy.length ? h("span", { class: "meta" }, ` (in ${d.carriedBy.join(", ")})`) : null, " ", supports.map((s) => cite(ctx, s.articleId, s)));
      })),
      h("p", { class: "meta" }, "in “", claimText(claim), "”")));
  return storySection("disputes", items.length ? h("ul", { class: "plain disputes" }, items) : null);
}

/** The corroborated claims, each with the independent sources that confirm it; or that there are none. */
export function renderEstablished(ctx: StoryContext): HTMLElement {
  const claims = ctx.comparison.claims.filter((c) => c.status === "corroborated");
  return storySection("established",
    claims.length
      ? h("ul", { class: "plain claims" }, claims.map((c) => h("li", { "data-testid": "established-claim" }, verdictBadge("corroborated"), " ", claimText(c), " ",
        c.support.map((s) => cite(ctx, s.articleId, s)), h("p", { class: "meta" }, describeEstablished(c)))))
      : h("p", { class: "meta", "data-testid": "none-established" }, NONE_ESTABLISHED))!;
}

/**
 * The single-source chains (sections.ts): claims two or more outlets carry that rest on one source, grouped by
 * that source, with where the account leads: the outlets that name it and those that relay it.
 */
export function renderChains(ctx: StoryContext): HTMLElement | null {
  const chains = singleSourceChains(ctx.comparison.claims);
  return storySection("chains", chains.length ? h("ul", { class: "plain chains" }, chains.map((chain) =>
    h("li", { "data-testid": "chain" },
      h("p", { class: "chain-head" }, verdictBadge("single-source"), " ", h("strong", {}, describeChain(chain))),
      h("ul", {}, chain.claims.map((c) => h("li", {}, h("a", { href: spanHref(c.support[0]!) }, claimText(c)), " ", c.support.map((s) => cite(ctx, s.articleId, s)))))))) : null);
}
