/**
 * The article reader's side panel: for the sentence in focus (the one a link pointed at), every outlet's version
 * of that claim side by side, each with its source, and what differs from the focused one marked in words and
 * shape: another value, a hedge added or dropped, a quote trimmed. Without a focused claim it lists the
 * sentences other outlets also carry, as links, so a keyboard reaches the comparison too.
 */
import type { Article, Claim, ClaimValue, Drift, TextSupport } from "../../src/records.ts";
import { articleOutlet } from "../../src/report/bottom-line.ts";
import { h, plural } from "./dom.ts";
import { outletName, spanHref } from "./links.ts";
import { verdictBadge } from "./verdicts.ts";

export interface VersionsInput {
  article: Article;
  claims: readonly Claim[];
  drift: readonly Drift[];
  articles: ReadonlyMap<string, Article>;
  target: { field: "text" | "title"; start: number; end: number } | null;
}

const sameSpan = (a: Pick<TextSupport, "articleId" | "start" | "end">, b: Pick<TextSupport, "articleId" | "start" | "end">) =>
  a.articleId === b.articleId && a.start === b.start && a.end === b.end;

const valueKey = (v: ClaimValue) => `${v.kind}:${v.value}`;

/**
 * The values of `other` that differ from the focused version: a number or date the focused one gives otherwise
 * (counting the same thing). Names and places are wording ("US", "the U.S."), not a different value.
 */
function otherValues(focus: TextSupport, other: TextSupport): ClaimValue[] {
  const mine = focus.values ?? [];
  const keys = new Set(mine.map(valueKey));
  return (other.values ?? []).filter((v) => (v.kind === "number" || v.kind === "date") && !keys.has(valueKey(v))
    && mine.some((f) => f.kind === v.kind && (f.counts ?? null) === (v.counts ?? null)));
}

/** What sets a version apart from the focused one, in words. */
function differences(focus: TextSupport, other: TextSupport, drift: readonly Drift[]): string[] {
  const out: string[] = [];
  const theirs = otherValues(focus, other);
  if (theirs.length) out.push(`other value: ${theirs.map((v) => v.text).join(", ")}`);
  const [fm, om] = [focus.modality ?? "asserted", other.modality ?? "asserted"];
  if (fm !== om) out.push(om === "asserted" ? "stated without the hedge" : `${om}`);
  for (const d of drift) {
    if ((sameSpan(d.from, focus) && sameSpan(d.to, other)) || (sameSpan(d.from, other) && sameSpan(d.to, focus))) out.push(d.kind === "quote-trimmed" ? `quote trimmed: ${d.detail}` : d.detail);
  }
  return [...new Set(out)];
}

/** The version's text with the values the focused version does not give marked. */
function markedText(support: TextSupport, focus: TextSupport): (string | HTMLElement)[] {
  const marks = otherValues(focus, support).filter((v) => v.text && support.text.includes(v.text));
  if (!marks.length || support === focus) return [support.text];
  const parts: (string | HTMLElement)[] = [];
  let rest = support.text;
  for (const v of marks) {
    const at = rest.indexOf(v.text);
    if (at < 0) continue;
    parts.push(rest.slice(0, at), h("mark", { class: "diff", title: "differs" }, v.text));
    rest = rest.slice(at + v.text.length);
  }
  parts.push(rest);
  return parts;
}

function sourceOf(claim: Claim, index: number): string {
  const s = claim.support[index];
  if (s?.source) return outletName(s.source.name);
  const found = claim.sources?.find((x) => x.support.includes(index));
  return found ? outletName(found.name) : "source not traced";
}

export function renderVersions({ article, claims, drift, articles, target }: VersionsInput): HTMLElement {
  // The claim whose wording is the focused span (exactly, else around it), the most widely carried first.
  const candidates = !target ? [] : claims.map((claim) => ({ claim, index: claim.support.findIndex((s) => s.articleId === article.id && (s.field === "title") === (target.field === "title") && s.start <= target.start && target.end <= s.end) }))
    .filter((x) => x.index >= 0);
  const exact = (x: { claim: Claim; index: number }) => Number(x.claim.support[x.index]!.start === target?.start && x.claim.support[x.index]!.end === target.end);
  const inFocus = candidates.sort((a, b) => exact(b) - exact(a) || new Set(b.claim.outlets).size - new Set(a.claim.outlets).size)[0];
  const panel = h("aside", { class: "versions", "aria-label": "Other outlets' versions", "data-testid": "versions" });
  if (!inFocus) {
    const shared = claims.filter((c) => new Set(c.outlets).size >= 2);
    panel.append(h("h2", {}, "Compare across outlets"),
      shared.length ? h("p", { class: "meta" }, `${plural(shared.length, "sentence")} here other outlets also carry (underlined). Choose one to see every version side by side:`)
        : h("p", { class: "meta" }, "No sentence of this article is carried by another outlet."),
      h("ul", { class: "plain shared" }, shared.map((c) => {
        const mine = c.support.find((s) => s.articleId === article.id)!;
        return h("li", {}, h("a", { href: spanHref(mine) }, mine.text.length > 110 ? `${mine.text.slice(0, 109)}…` : mine.text), h("span", { class: "meta" }, ` · ${plural(new Set(c.outlets).size, "outlet")}`));
      })));
    return panel;
  }
  const { claim, index } = inFocus;
  const focus = claim.support[index]!;
  // On a phone the panel stays at the bottom of the screen beside the sentence in focus (style.css).
  panel.classList.add("in-focus");
  panel.append(h("h2", {}, "This claim in each outlet"), h("p", {}, verdictBadge(claim.status), h("span", { class: "meta" }, ` · ${plural(claim.independentSources, "independent source")}`)),
    h("ol", { class: "plain version-list", "data-testid": "version-list" }, claim.support.map((s, i) => {
      const other = articles.get(s.articleId);
      const diffs = i === index ? [] : differences(focus, s, drift);
      return h("li", { class: i === index ? "version focus" : "version", "data-testid": "version", "data-outlet": other ? articleOutlet(other) : s.articleId },
        h("p", { class: "version-head" }, h("strong", {}, other ? articleOutlet(other) : s.articleId), i === index ? h("span", { class: "meta" }, " · this article") : null,
          h("span", { class: "meta" }, ` · source: ${sourceOf(claim, i)}`), s.modality && s.modality !== "asserted" ? h("span", { class: "meta" }, ` · ${s.modality}`) : null),
        h("blockquote", {}, i === index ? s.text : h("a", { href: spanHref(s) }, ...markedText(s, focus))),
        diffs.length ? h("ul", { class: "diffs", "data-testid": "differences" }, diffs.map((d) => h("li", {}, h("span", { "aria-hidden": "true" }, "≠ "), d))) : i === index ? null : h("p", { class: "meta" }, "= same wording of the claim"));
    })));
  return panel;
}
