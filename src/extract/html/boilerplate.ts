/**
 * Page furniture removed before Readability runs: navigation, share bars, newsletter promos, related-post lists,
 * author bio boxes, comments. Readability scores these down but keeps them when they sit inside the article
 * container (a bio box under the story, "Related:" links between paragraphs), and a bio's "formerly at
 * Breitbart News" in the body would later read as the outlet. What counts as furniture is data (furniture.ts);
 * this file guards against removing the story itself when a class name misleads.
 */
import { all, closest, descendants, type Element, outermost, type Page, parentElement, removeAll, textOf } from "./dom.js";
import { furnitureKind } from "./furniture.js";
import { promoElements } from "./promo-lines.js";
import { TextMeasure } from "./text-stats.js";

/** Never article body, whatever their class: these tags, these roles, modal dialogs. */
const STRUCTURAL_TAGS = new Set(["nav", "footer", "aside", "dialog", "form"]);
const STRUCTURAL_ROLES = new Set(["navigation", "contentinfo", "complementary", "search", "dialog"]);

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

/**
 * What the page hides is not what it says: hidden attributes and inline display:none (collapsed menus, modal
 * prompts, screen-reader copies). aria-hidden marks decorative duplicates (icon labels, "Share" glyphs).
 */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Attribute tests by hand rather than CSS selectors: this runs on every element of every page. */
function isHiddenOrStructural(el: Element): boolean {
  const a = el.attribs;
  if (STRUCTURAL_TAGS.has(el.name) || (a.role !== undefined && STRUCTURAL_ROLES.has(a.role)) || a["aria-modal"] === "true") return true;
  return a.hidden !== undefined || a["aria-hidden"] === "true" || (a.style !== undefined && HIDDEN_STYLE.test(a.style));
}

/** Removes the page's furniture; returns the text of what it removed, in page order. */
export function removeBoilerplate(page: Page): string[] {
  const body = page.body;
  const measure = new TextMeasure(body);
  const prose = proseByParagraph(body, measure);
  const pageProse = Math.max(1, [...prose.values()].reduce((a, b) => a + b, 0));
  const pageChars = Math.max(1, measure.of(body).chars);
  const markerHolders = holdersOf(all(body, CONTENT_MARKERS));
  /** Comments and prompts are prose by nature, so only the content markers protect them. */
  const holdsStory = (el: Element, proseOfItsOwn = false) => {
    if (markerHolders.has(el)) return true;
    if (proseOfItsOwn) return false;
    const ownProse = all(el, "p").reduce((n, p) => n + (prose.get(p) ?? 0), 0);
    return ownProse > FURNITURE_MAX_PROSE_SHARE * pageProse || measure.of(el).chars > FURNITURE_MAX_PROSE_SHARE * pageChars;
  };
  const doomed: Element[] = [];
  for (const el of descendants(body)) {
    if (isHiddenOrStructural(el)) {
      if (!holdsStory(el)) doomed.push(el);
    } else if (el.name === "header") {
      if (!closest(el, "article, main, [role=main]") && !holdsStory(el)) doomed.push(el);
    } else {
      const kind = el.attribs.class || el.attribs.id ? furnitureKind(el) : null;
      if (kind && !holdsStory(el, kind !== "furniture")) doomed.push(el);
      // A promo is a short line of few elements: the bounds spare a text walk per wrapper of a deep page.
      else if (PROMO_TAGS.has(el.name) && isPromoSized(el, measure)) doomed.push(...promoElements(el));
    }
  }
  // A doomed element inside another doomed one is said once, by its outermost (looked up, not compared pairwise:
  // a page of 10,000 share bars made that quadratic).
  const removed = outermost(doomed).map((el) => textOf(el));
  removeAll(doomed);
  return removed;
}


/** Elements that may be a promo line or a related-links heading, and the longest such line. */
const PROMO_TAGS = new Set(["p", "li", "div", "h2", "h3", "h4", "h5", "h6", "strong"]);
const PROMO_MAX_CHARS = 300;

/** The elements and all their ancestors: "holds one of these" in one pass up from each. */
function holdersOf(elements: readonly Element[]): Set<Element> {
  const holders = new Set<Element>();
  for (const el of elements) {
    for (let node: Element | null = el; node && !holders.has(node); node = parentElement(node)) holders.add(node);
  }
  return holders;
}

function proseByParagraph(root: Element, measure: TextMeasure): Map<Element, number> {
  const prose = new Map<Element, number>();
  for (const p of all(root, "p")) {
    const { chars } = measure.of(p);
    if (chars >= PROSE_MIN_CHARS && measure.linkDensity(p) <= PROSE_MAX_LINK_DENSITY) prose.set(p, chars);
  }
  return prose;
}

/**
 * Calibration: "Related: <a>…</a>" paragraphs and "More from …" headings hold a handful of elements; 60 leaves
 * room for inline markup, and keeps the text walk per candidate short on a page of thousands of nested wrappers.
 */
const PROMO_MAX_ELEMENTS = 60;

function isPromoSized(el: Element, measure: TextMeasure): boolean {
  const { chars } = measure.of(el);
  return chars > 0 && chars <= PROMO_MAX_CHARS && measure.elementsIn(el) <= PROMO_MAX_ELEMENTS;
}
