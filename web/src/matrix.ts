/**
 * The claims × outlets matrix (as coverageMatrix in src/report/render/view.ts): for each claim two or more
 * outlets carry, or one that conflicts, which outlets state it (✓), give a conflicting value (≠) or are silent
 * (–), how many independent sources it rests on and who they are. The matrix scrolls inside its box on a phone.
 */
import type { Claim, ClaimSource } from "../../src/records.ts";
import { h, plural, section } from "./dom.ts";
import { spanHref } from "./links.ts";
import { cite, outletOfId, type StoryContext } from "./story-context.ts";

const MATRIX_MIN_OUTLETS = 2;
const VIA = { cited: "named by", echo: "relayed by", own: "own reporting of" } as const;

export function renderMatrix(ctx: StoryContext): HTMLElement | null {
  const claims = ctx.comparison.claims;
  const rows = claims.filter((c) => c.outlets.length >= MATRIX_MIN_OUTLETS || c.conflicts.length > 0); // "disputed" (2.0; "conflicting" before)
  const rest = claims.filter((c) => !rows.includes(c));
  if (claims.length === 0) return null;
  const table = h("table", { class: "matrix", "data-testid": "matrix" },
    h("caption", { class: "meta" }, "✓ states it · ≠ gives a conflicting value · – silent. Each mark links to the sentence."),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "claim"),
      ctx.outlets.map((o) => h("th", { scope: "col", class: "outlet" }, o)),
      h("th", { scope: "col", class: "count" }, "independent sources"),
      h("th", { scope: "col" }, "primary sources"))),
    h("tbody", {}, rows.map((claim) => matrixRow(ctx, claim))));
  return section("Who carries what", "claims",
    rows.length ? h("div", { class: "scroll", tabindex: 0, role: "region", "aria-label": "claims by outlet, scrolls sideways" }, table) : null,
    renderConflicts(ctx),
    rest.length ? h("details", { "data-testid": "single-outlet-claims" },
      h("summary", {}, `${plural(rest.length, "more claim")} carried by one outlet`),
      h("ul", { class: "claims" }, rest.map((c) => h("li", {}, h("span", { class: `status ${c.status}` }, c.status), " ", claimText(c), " ", c.support.map((s) => cite(ctx, s.articleId, s)), h("span", { class: "meta" }, ` ${sourceSummary(c)}`))))) : null);
}

function matrixRow(ctx: StoryContext, claim: Claim): HTMLElement {
  const cells = ctx.outlets.map((outlet) => {
    const conflict = claim.conflicts.find((c) => outletOfId(ctx, c.articleId) === outlet);
    const support = conflict ? claim.support.find((s) => s.articleId === conflict.articleId) : claim.support.find((s) => outletOfId(ctx, s.articleId) === outlet);
    const state = conflict ? "conflicts" : support ? "supports" : "silent";
    const mark = { supports: "✓", conflicts: "≠", silent: "–" }[state];
    const label = conflict ? `${outlet} gives ${conflict.value} against ${conflict.otherValue}` : support ? `${outlet} states it` : `${outlet} is silent`;
    return h("td", { class: `cell ${state}`, "data-testid": "cell", "data-outlet": outlet, "data-state": state },
      support ? h("a", { href: spanHref(support), "aria-label": label, title: support.text }, mark) : h("span", { "aria-label": label }, mark));
  });
  return h("tr", { "data-testid": "matrix-row", "data-claim-id": claim.id },
    h("th", { scope: "row", class: "claim" }, h("span", { class: `status ${claim.status}` }, claim.status), " ", claimText(claim)),
    cells,
    h("td", { class: "count", "data-testid": "independent-sources" }, String(claim.independentSources)),
    h("td", { class: "sources", "data-testid": "primary-sources" }, sourceList(claim)));
}

/** Each primary source, linked to the first sentence resting on it, and how the outlets got it. */
function sourceList(claim: Claim): HTMLElement {
  const sources: ClaimSource[] = claim.sources ?? claim.primarySources.map((name) => ({ name, kind: "outlet", via: "cited", support: [], outlets: [] }));
  return h("ul", { class: "plain" }, sources.map((s) => {
    const first = s.support.map((i) => claim.support[i]).find((x) => x !== undefined);
    return h("li", {}, first ? h("a", { href: spanHref(first), class: "source-name" }, s.name) : h("span", { class: "source-name" }, s.name),
      s.outlets.length ? h("span", { class: "meta" }, ` (${VIA[s.via]} ${s.outlets.join(", ")})`) : null);
  }));
}

const sourceSummary = (c: Claim): string =>
  `${plural(c.independentSources, "independent source")}: ${(c.sources?.map((s) => s.name) ?? c.primarySources).join(", ") || "none traced"}`;

/** A claim only headlines make is marked as such. */
export const claimText = (claim: Claim): string => (claim.support.every((s) => s.field === "title") ? `(headline) ${claim.text}` : claim.text);

/** Each dispute once, saying who gives which value. */
function renderConflicts(ctx: StoryContext): HTMLElement | null {
  const seen = new Set<string>();
  const items: HTMLElement[] = [];
  for (const claim of ctx.comparison.claims) {
    for (const x of claim.conflicts) {
      const key = [`${x.articleId}|${x.value}`, `${x.otherArticleId}|${x.otherValue}`].sort().join("||");
      if (seen.has(key)) continue;
      seen.add(key);
      const side = claim.support.find((s) => s.articleId === x.articleId);
      const other = ctx.comparison.claims.flatMap((c) => c.support).find((s) => s.articleId === x.otherArticleId && s.text.includes(x.otherValue));
      items.push(h("li", { "data-testid": "conflict" },
        `${x.source ?? "one source"} gives `, h("strong", {}, x.value), " ", cite(ctx, x.articleId, side), "; ",
        `${x.otherSource ?? "another"} gives `, h("strong", {}, x.otherValue), " ", cite(ctx, x.otherArticleId, other),
        x.dates ? ` (${x.dates.join(" against ")})` : "", h("span", { class: "meta" }, ` in “${claim.text}”`)));
    }
  }
  return items.length ? h("div", {}, h("h3", {}, "Conflicts"), h("ul", {}, items)) : null;
}
