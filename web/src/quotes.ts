/** Quotes by speaker, from the quote annotations of the story's articles: the most quoted first, unattributed last. */
import { h, plural, storySection } from "./dom.ts";
import { spanHref } from "./links.ts";
import { annotationsOf, outletOfId, type StoryContext } from "./story-context.ts";

export function renderQuotes(ctx: StoryContext): HTMLElement | null {
  const groups = new Map<string, HTMLElement[]>();
  for (const { articleId, a } of annotationsOf(ctx, "quote")) {
    const text = ctx.articles.get(articleId)?.text.slice(a.span[0], a.span[1]) ?? "";
    const speaker = !a.speaker ? "unattributed" : a.speakerKind === "anonymous" ? `${a.speaker} (anonymous)` : a.speaker;
    const item = h("li", {},
      h("a", { href: spanHref({ articleId, start: a.span[0], end: a.span[1] }) }, a.form === "indirect" ? `(reported) ${text}` : `“${text}”`),
      h("span", { class: "meta" }, ` ${outletOfId(ctx, articleId)}`));
    groups.set(speaker, [...(groups.get(speaker) ?? []), item]);
  }
  const sorted = [...groups].sort(([a, qa], [b, qb]) => Number(a === "unattributed") - Number(b === "unattributed") || qb.length - qa.length || a.localeCompare(b));
  return storySection("quotes", sorted.length ? h("ul", { class: "quotes" }, sorted.map(([speaker, items]) =>
    h("li", {}, h("details", { open: items.length <= 3 }, h("summary", {}, h("strong", {}, speaker), ` · ${plural(items.length, "quote")}`), h("ul", {}, items))))) : null);
}
