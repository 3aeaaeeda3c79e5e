/**
 * The claims × outlets matrix (as coverageMatrix in src/report/render/view.ts): for each claim two or more
 * outlets carry, or one that conflicts, which outlets state it (✓), give a conflicting value (≠) or are silent
 * (–), its verdict, how many independent sources it rests on and who they are. On a phone each row is a card.
 */
import type { Claim, ClaimSource } from "../../src/records.ts";
import { h, plural, storySection } from "./dom.ts";
import { outletName, spanHref } from "./links.ts";
import { cite, outletOfId, type StoryContext } from "./story-context.ts";
import { verdictBadge } from "./verdicts.ts";
import { CELL_LEGEND, claimText } from "../../src/report/render/sections.ts";

const MATRIX_MIN_OUTLETS = 2;
const VIA = { cited: "named by", echo: "relayed by", own: "own reporting of" } as const;

export function renderMatrix(ctx: StoryContext): HTMLElement | null {
  const claims = ctx.comparison.claims;
  const rows = claims.filter((c) => c.outlets.length >= MATRIX_MIN_OUTLETS || c.status === "disputed");
  const rest = claims.filter((c) => !rows.includes(c));
  if (claims.length === 0) return null;
  // The verdict columns come first, so a phone shows them beside the claim; on a narrow screen each row is a card.
  const table = h("table", { class: "matrix", "data-testid": "matrix" },
    h("caption", { class: "meta" }, `${CELL_LEGEND}. Each mark links to the sentence.`),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col", class: "claim" }, "claim"),
      h("th", { scope: "col", class: "verdict" }, "verdict"),
      h("th", { scope: "col", class: "count" }, "independent sources"),
      ctx.outlets.map((o) => h("th", { scope: "col", class: "outlet" }, o)),
      h("th", { scope: "col" }, "primary sources"))),
    h("tbody", {}, rows.map((claim) => matrixRow(ctx, claim))));
  return storySection("claims",
    rows.length ? h("div", { class: "scroll", tabindex: 0, role: "region", "aria-label": "claims by outlet" }, table) : null,
    rest.length ? h("details", { "data-testid": "single-outlet-claims" },
      h("summary", {}, `${plural(rest.length, "more claim")} carried by one outlet`),
      h("ul", { class: "claims" }, rest.map((c) => h("li", {}, verdictBadge(c.status), " ", claimText(c), " ", c.support.map((s) => cite(ctx, s.articleId, s)), h("span", { class: "meta" }, ` ${sourceSummary(c)}`))))) : null);
}

function matrixRow(ctx: StoryContext, claim: Claim): HTMLElement {
  const sides = claim.dispute?.sides ?? [];
  const ownOutlets = new Set(sides[0]?.support.map((k) => outletOfId(ctx, claim.support[k]?.articleId ?? "")));
  const cells = ctx.outlets.map((outlet) => {
    const other = sides.slice(1).find((side) => !ownOutlets.has(outlet) && side.support.some((k) => outletOfId(ctx, claim.support[k]?.articleId ?? "") === outlet));
    const support = claim.support.find((s) => outletOfId(ctx, s.articleId) === outlet);
    const state = other ? "conflicts" : support ? "supports" : "silent";
    const mark = { supports: "✓", conflicts: "≠", silent: "–" }[state];
    const label = other ? `${outlet} gives ${other.value}` : support ? `${outlet} states it` : `${outlet} is silent`;
    return h("td", { class: `cell ${state}`, "data-testid": "cell", "data-outlet": outlet, "data-state": state, "data-label": outlet },
      support ? h("a", { href: spanHref(support), "aria-label": label, title: support.text }, mark) : h("span", { "aria-label": label }, mark),
      h("span", { class: "cell-word" }, { supports: " states it", conflicts: " other value", silent: " silent" }[state]));
  });
  return h("tr", { "data-testid": "matrix-row", "data-claim-id": claim.id },
    h("th", { scope: "row", class: "claim" }, claimText(claim)),
    h("td", { class: "verdict", "data-label": "verdict" }, verdictBadge(claim.status)),
    h("td", { class: "count", "data-testid": "independent-sources", "data-label": "independent sources" }, String(claim.independentSources)),
    cells,
    h("td", { class: "sources", "data-testid": "primary-sources", "data-label": "primary sources" }, sourceList(claim)));
}

/** Each primary source, linked to the first sentence resting on it, and how the outlets got it. */
function sourceList(claim: Claim): HTMLElement {
  const sources: ClaimSource[] = claim.sources ?? claim.primarySources.map((name) => ({ name, kind: "outlet", via: "cited", support: [], outlets: [] }));
  return h("ul", { class: "plain" }, sources.map((s) => {
    const first = s.support.map((i) => claim.support[i]).find((x) => x !== undefined);
    return h("li", {}, first ? h("a", { href: spanHref(first), class: "source-name" }, outletName(s.name)) : h("span", { class: "source-name" }, outletName(s.name)),
      s.outlets.length ? h("span", { class: "meta" }, ` (${VIA[s.via]} ${s.outlets.map(outletName).join(", ")})`) : null);
  }));
}

const sourceSummary = (c: Claim): string =>
  `${plural(c.independentSources, "independent source")}: ${(c.sources?.map((s) => s.name) ?? c.primarySources).map(outletName).join(", ") || "none traced"}`;

export { claimText } from "../../src/report/render/sections.ts";
