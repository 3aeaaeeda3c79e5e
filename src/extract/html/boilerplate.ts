/**
 * Page furniture removed before Readability runs: navigation, share bars, newsletter promos, related-post lists,
 * author bio boxes, comments. Readability scores these down but keeps them when they sit inside the article
 * container (a bio box under the story, "Related:" links between paragraphs), and a bio's "formerly at
 * Breitbart News" in the body would later read as the outlet. What counts as furniture is data (furniture.ts);
 * this file guards against removing the story itself when a class name misleads.
 */
import { linkDensity, textOf } from "./dom.js";
import { furnitureKind } from "./furniture.js";
import { promoElements } from "./promo-lines.js";

/** Never article body, whatever their class. */
const STRUCTURAL = [
  "nav", "footer", "aside", "dialog", "form", "[role=navigation]", "[role=contentinfo]", "[role=complementary]",
  "[role=search]", "[role=dialog]", "[aria-modal=true]",
].join(", ");

/**
 * An element holding more than this share of the page's prose is the story, not furniture, whatever its class
 * says ("entry themeform share" in a common WordPress theme, an ASP.NET <form> around everything). Prose is
 * paragraphs of PROSE_MIN_CHARS or more with few links, so long menus and footers do not dilute the share.
 */
const FURNITURE_MAX_PROSE_SHARE = 0.5;
const PROSE_MIN_CHARS = 80;
const PROSE_MAX_LINK_DENSITY = 0.3;
/** Holding one of these means holding the story. */
const CONTENT_MARKERS = "main, [role=main], [itemprop=articleBody], h1";

export function removeBoilerplate(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const prose = proseByParagraph(body);
  const pageProse = Math.max(1, [...prose.values()].reduce((a, b) => a + b, 0));
  const pageChars = Math.max(1, textOf(body).length);
  /** Comments are prose by nature, so only the content markers protect them. */
  const holdsStory = (el: Element, comments = false) => {
    if (el.matches(CONTENT_MARKERS) || el.querySelector(CONTENT_MARKERS)) return true;
    if (comments) return false;
    const ownProse = Array.from(el.querySelectorAll("p")).reduce((n, p) => n + (prose.get(p) ?? 0), 0);
    return ownProse > FURNITURE_MAX_PROSE_SHARE * pageProse || textOf(el).length > FURNITURE_MAX_PROSE_SHARE * pageChars;
  };
  const doomed: Element[] = [];
  for (const el of Array.from(body.querySelectorAll(STRUCTURAL))) {
    if (!holdsStory(el)) doomed.push(el);
  }
  for (const el of Array.from(body.querySelectorAll("header"))) {
    if (!el.closest("article, main, [role=main]") && !holdsStory(el)) doomed.push(el);
  }
  for (const el of Array.from(body.querySelectorAll("[class], [id]"))) {
    const kind = furnitureKind(el);
    if (kind && !holdsStory(el, kind === "comments")) doomed.push(el);
  }
  for (const el of Array.from(body.querySelectorAll("p, li, div, h2, h3, h4, h5, h6, strong"))) {
    doomed.push(...promoElements(el));
  }
  for (const el of doomed) el.remove();
}

function proseByParagraph(root: Element): Map<Element, number> {
  const prose = new Map<Element, number>();
  for (const p of Array.from(root.querySelectorAll("p"))) {
    const chars = textOf(p).length;
    if (chars >= PROSE_MIN_CHARS && linkDensity(p) <= PROSE_MAX_LINK_DENSITY) prose.set(p, chars);
  }
  return prose;
}
