/**
 * The top of a story, in order of value: the bottom line with its counts (src/report/bottom-line.ts, the same
 * words as the terminal, Markdown and HTML reports), then the disputes with each side and who gives it, the
 * established (corroborated) claims, and the single-source chains: each source, the outlets that relay it, and
 * the claims that rest on it alone.
 */
import type { Claim, ClaimSource } from "../../src/records.ts";
import { bottomLine } from "../../src/report/bottom-line.ts";
import { h, plural, section } from "./dom.ts";
import { outletName, spanHref } from "./links.ts";
import { cite, type StoryContext } from "./story-context.ts";
import { claimText } from "./matrix.ts";

/** The verdict badge: a word and a shape, so it reads without colour (the legend explains both). */
export const VERDICT = {
  corroborated: { mark: "●", word: "corroborated" },
  "single-source": { mark: "◐", word: "single source" },
  disputed: { mark: "✕", word: "disputed" },
} as const;

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
      count(counts.independentSources, "independent source", "independent sources", "sources"),
      count(counts.corroborated, "corroborated claim", "corroborated claims", "corroborated"),
      count(counts.disputes, "dispute", "disputes", "disputes")));
}

/** The legend of the page's marks: each verdict's shape and word, and the loaded-label flag. */
export function verdictLegend(): HTMLElement {
  return h("p", { class: "legend meta", "data-testid": "verdict-legend" }, "Key: ",
    (Object.keys(VERDICT) as Claim["status"][]).map((s) => [verdictBadge(s), " "]),
    " · ", h("span", { class: "loaded" }, "“label” ⚑"), " loaded wording · [n] the article, linked to its sentence");
}

/** Each dispute once, each side with its value, who gives it, and the sentence. */
export function renderDisputes(ctx: StoryContext): HTMLElement | null {
  const seen = new Set<string>();
  const items: HTMLElement[] = [];
  for (const claim of ctx.comparison.claims) {
    const d = claim.dispute;
    if (!d) continue;
    const key = `${d.about}|${d.sides.map((s) => s.value).sort().join("|")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(h("li", { "data-testid": "dispute" }, h("p", { class: "dispute-about" }, verdictBadge("disputed"), " ", h("strong", {}, d.about)),
      h("ul", { class: "sides" }, d.sides.map((side) => {
        const supports = side.support.map((k) => claim.support[k]).filter((s) => s !== undefined);
        const who = side.sources.map(outletName).join(" and ") || "unnamed";
        const outlets = side.outlets.map(outletName).filter((o) => !side.sources.includes(o));
        return h("li", { "data-testid": "dispute-side" }, h("strong", { class: "value" }, side.value), " — ", who,
          outlets.length ? h("span", { class: "meta" }, ` (in ${outlets.join(", ")})`) : null, " ", supports.map((s) => cite(ctx, s.articleId, s)));
      })),
      h("p", { class: "meta" }, "in “", claimText(claim), "”")));
  }
  return section("Disputes", "disputes", items.length ? h("ul", { class: "plain disputes" }, items) : null);
}

function sourceLine(claim: Claim): string {
  const sources: Pick<ClaimSource, "name">[] = claim.sources ?? claim.primarySources.map((name) => ({ name }));
  return sources.map((s) => outletName(s.name)).join(", ");
}

/** The corroborated claims, each with the independent sources that confirm it; or that there are none. */
export function renderEstablished(ctx: StoryContext): HTMLElement {
  const claims = ctx.comparison.claims.filter((c) => c.status === "corroborated");
  return section("Established", "established",
    claims.length
      ? h("ul", { class: "plain claims" }, claims.map((c) => h("li", { "data-testid": "established-claim" }, verdictBadge("corroborated"), " ", claimText(c), " ",
        c.support.map((s) => cite(ctx, s.articleId, s)), h("p", { class: "meta" }, `${plural(c.independentSources, "independent source")}: ${sourceLine(c)}`))))
      : h("p", { class: "meta", "data-testid": "none-established" }, "No claim here is confirmed by two independent sources."))!;
}

/**
 * The single-source chains: claims two or more outlets carry that rest on one source, grouped by that source,
 * with how each outlet got it ("named by", "relayed by"): where the shared account leads.
 */
export function renderChains(ctx: StoryContext): HTMLElement | null {
  const chains = new Map<string, { source: ClaimSource; claims: Claim[]; named: Set<string> }>();
  for (const c of ctx.comparison.claims) {
    if (c.status !== "single-source" || new Set(c.outlets).size < 2) continue;
    const source = c.sources?.[0] ?? { name: c.primarySources[0] ?? "unknown", kind: "outlet", via: "cited", support: [], outlets: c.outlets };
    const key = source.id ?? source.name;
    const chain = chains.get(key) ?? { source: { ...source, outlets: [] }, claims: [], named: new Set<string>() };
    chain.source.outlets = [...new Set([...chain.source.outlets, ...c.outlets])];
    if (source.via === "cited") for (const o of source.outlets) chain.named.add(o);
    chain.claims.push(c);
    chains.set(key, chain);
  }
  const how = (named: Set<string>, outlets: string[]): string => {
    const [by, relay] = [outlets.filter((o) => named.has(o)), outlets.filter((o) => !named.has(o))];
    return [by.length ? `named by ${by.map(outletName).join(", ")}` : "", relay.length ? `relayed by ${relay.map(outletName).join(", ")}` : ""].filter(Boolean).join("; ");
  };
  return section("Resting on one source", "chains", chains.size ? h("ul", { class: "plain chains" }, [...chains.values()].map(({ source, claims, named }) =>
    h("li", { "data-testid": "chain" },
      h("p", { class: "chain-head" }, verdictBadge("single-source"), " ", h("strong", {}, outletName(source.name)), " → ",
        how(named, source.outlets)),
      h("ul", {}, claims.map((c) => h("li", {}, h("a", { href: spanHref(c.support[0]!) }, claimText(c)), " ", c.support.map((s) => cite(ctx, s.articleId, s)))))))) : null);
}
