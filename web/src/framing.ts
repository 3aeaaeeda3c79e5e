/**
 * Framing side by side: each person's labels in each outlet (loaded ones marked), and each outlet's own
 * wording: its loaded terms and hedges. Labels and terms link to where the article uses them.
 */
import type { FramingLabel } from "../../src/records.ts";
import { h, storySection } from "./dom.ts";
import { articleHref, outletName, spanHref } from "./links.ts";
import { annotationsOf, cite, type StoryContext } from "./story-context.ts";

export function renderFraming(ctx: StoryContext): HTMLElement | null {
  const people = new Set(ctx.detail.entities.filter((e) => e.type === "person").map((e) => e.id));
  // Without resolved entities (an older server) every framed entity is shown.
  const framing = ctx.comparison.framing.filter((f) => people.size === 0 || people.has(f.entityId));
  if (framing.length === 0) return null;
  const table = h("table", { class: "framing", "data-testid": "framing-table" },
    h("caption", { class: "meta" }, "How each outlet labels each person. Loaded labels are marked ⚑."),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "person"), ctx.outlets.map((o) => h("th", { scope: "col", class: "outlet" }, o)))),
    h("tbody", {}, framing.map((f) => h("tr", {},
      h("th", { scope: "row" }, f.name),
      ctx.outlets.map((outlet) => {
        const labels = f.labels.filter((l) => outletName(l.outlet) === outlet);
        return h("td", {}, labels.length ? h("ul", { class: "plain" }, labels.map((l) => h("li", {}, labelLink(ctx, l, f.name)))) : h("span", { class: "meta" }, "–"));
      })))));
  return storySection("framing", h("div", { class: "scroll", tabindex: 0, role: "region", "aria-label": "framing by outlet, scrolls sideways" }, table));
}

/** A label links to its place in the article: the label annotation with that term for that entity. */
function labelLink(ctx: StoryContext, l: FramingLabel, entityName: string): HTMLElement {
  const found = (ctx.annotations.get(l.articleId) ?? []).find((a) => a.kind === "label" && a.term === l.term && a.entityName === entityName)
    ?? (ctx.annotations.get(l.articleId) ?? []).find((a) => a.kind === "label" && a.term === l.term);
  const href = found && found.kind === "label"
    ? spanHref({ articleId: l.articleId, start: found.span[0], end: found.span[1], field: found.field })
    : articleHref(l.articleId);
  return h("a", { href, class: l.loaded ? "label loaded" : "label" }, `“${l.term}”`, l.loaded ? h("span", { "aria-label": "loaded" }, " ⚑") : null);
}

/** Each outlet's loaded terms and hedges (narration only, quotes excluded), each linked to its first use. */
export function renderWording(ctx: StoryContext): HTMLElement | null {
  const wording = ctx.comparison.outletFraming ?? [];
  if (wording.length === 0) return null;
  const cues = annotationsOf(ctx, "cue");
  const terms = (articleIds: string[], cue: "loaded" | "hedge", list: string[]) => list.length
    ? list.map((term, i) => {
      const at = cues.find((c) => articleIds.includes(c.articleId) && c.a.cue === cue && c.a.term.toLowerCase() === term.toLowerCase());
      const link = h("a", { href: at ? spanHref({ articleId: at.articleId, start: at.a.span[0], end: at.a.span[1] }) : articleHref(articleIds[0] ?? ""), class: cue === "loaded" ? "loaded" : "" }, term);
      return [i ? ", " : "", link];
    })
    : h("span", { class: "meta" }, "none");
  return storySection("wording", h("div", { class: "scroll", tabindex: 0, role: "region", "aria-label": "wording by outlet" },
    h("table", { "data-testid": "outlet-framing" },
      h("thead", {}, h("tr", {}, ["outlet", "loaded terms", "hedges", "sentences read as loaded"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, wording.map((f) => h("tr", {},
        h("th", { scope: "row" }, outletName(f.outlet), " ", f.articleIds.map((id) => cite(ctx, id))),
        h("td", {}, terms(f.articleIds, "loaded", f.loadedTerms)),
        h("td", {}, terms(f.articleIds, "hedge", f.hedges)),
        h("td", {}, `${f.biasedSentences} of ${f.sentences}`)))))));
}

