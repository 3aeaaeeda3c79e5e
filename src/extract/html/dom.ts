/**
 * linkedom glue: parsing a whole page, reading text the way a reader sees it, and the few measurements the
 * extractors share (text length, link density).
 */
import { parseHTML } from "linkedom";

/**
 * linkedom's parser is not the HTML5 algorithm: a tag before <html> (a PHP warning), a second <html> (IE
 * conditional comments), a <div> in <head>, or a fragment without <html>/<body> leave `document.body` empty
 * or make the first stray tag the root. So the markup is re-framed first: scripts (but JSON-LD), styles and
 * comments dropped, everything before the first <body> kept as head, everything after it as body.
 */
export function parseDocument(html: string): Document {
  return parseHTML(reframe(html)).document;
}

function reframe(html: string): string {
  let cleaned = html
    // An end tag runs to the next ">" even when junk follows its name ("</script\n<!-- … -->"), as in browsers.
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\b[^>]*>/gi, (whole, attrs: string) => (/ld\+json/i.test(attrs) ? whole : ""))
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\b[^>]*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  // An unclosed <title> would swallow the rest of the page as its text; end it at its line.
  if (/<title\b/i.test(cleaned) && !/<\/title\s*>/i.test(cleaned)) cleaned = cleaned.replace(/(<title\b[^>]*>[^<\n]*)/i, "$1</title>");
  const htmlAttrs = /<html\b([^>]*)>/i.exec(cleaned)?.[1] ?? "";
  const bodyTag = /<body\b([^>]*)>/i.exec(cleaned);
  const headEnd = /<\/head\s*>/i.exec(cleaned);
  const split = bodyTag ? bodyTag.index : headEnd ? headEnd.index : 0;
  const rest = bodyTag ? bodyTag.index + bodyTag[0].length : split;
  const frame = /<\/?(?:html|head|body)\b[^>]*>|<!doctype[^>]*>/gi;
  const head = cleaned.slice(0, split).replace(frame, "");
  const body = cleaned.slice(rest).replace(frame, "");
  return `<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body${bodyTag?.[1] ?? ""}>${body}</body></html>`;
}

/** Collapse every run of whitespace (nbsp and zero-width spaces included) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u200b\u200c\u200d\ufeff]+/g, " ").trim();
}

export function textOf(node: Node | null | undefined): string {
  return node ? normaliseSpace(node.textContent ?? "") : "";
}

/** Share of an element's text that sits inside links: menus and link lists are mostly links. */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll("a"))) linked += textOf(a).length;
  return Math.min(1, linked / total);
}

/** The words of an element's class and id, lower-cased: "relatedPosts post-share" → related-posts, post-share. */
export function classAndIdTokens(el: Element): string[] {
  const raw = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  return raw.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase().split(/\s+/).filter(Boolean);
}

/** Remove every element matching `selector`, outermost first (removing a parent removes its children). */
export function removeAll(root: ParentNode, selector: string): void {
  for (const el of Array.from(root.querySelectorAll(selector))) el.remove();
}

export function attr(el: Element | null | undefined, name: string): string | null {
  const value = el?.getAttribute(name);
  return value ? normaliseSpace(value) || null : null;
}

/**
 * The headline <h1> and the element that holds the story around it: its <article>/<main>, else its
 * grandparent. Lead and date finders look only here, not in sidebars.
 */
export function storyScope(doc: Document): { h1: Element; scope: Element } | null {
  const h1 = doc.querySelector("article h1, main h1, [role=main] h1") ?? doc.querySelector("h1");
  const scope = h1?.closest("article, main, [role=main]") ?? h1?.parentElement?.parentElement;
  return h1 && scope ? { h1, scope } : null;
}

/**
 * The elements of `root` after `anchor` (and outside it) that match `selector`, in document order. By hand:
 * linkedom's compareDocumentPosition answers "preceding" for some following elements.
 */
export function elementsAfter(root: Element, anchor: Element, selector: string): Element[] {
  const all = Array.from(root.querySelectorAll("*"));
  return all.slice(all.indexOf(anchor) + 1).filter((el) => !anchor.contains(el) && el.matches(selector));
}
