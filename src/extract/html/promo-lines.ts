/**
 * Furniture recognised by its words and links rather than its class names: "Related: <link>" paragraphs inside
 * the body, and the "You might also like" heading with the list of links under it. (Lines recognised by their
 * words alone are in ../lines.ts, shared with scraped text.)
 */
import { isEndOfStoryMarker } from "../lines.js";
import { type Element, first, linkDensity, nextElement, textOf } from "./dom.js";

/** A paragraph that opens with one of these and is mostly a link points elsewhere ("Related: …"). */
const PROMO_START =
  /^(related( stories| articles| coverage)?|read more|read also|also read|see also|more from [\w ]{1,30}|recommended|lesen sie (auch|mehr)|mehr zum thema|auch interessant|siehe auch|zum thema|lire aussi|à lire aussi|voir aussi|lea también|leer más|czytaj (też|także|więcej))\b\s*[:：»>-]?/i;
/** Calibration: a real paragraph that merely starts with "See also" has under a third of its text in links. */
const PROMO_MIN_LINK_DENSITY = 0.3;
const PROMO_MAX_CHARS = 300;

/** The block under such a heading goes too when it is mostly links. */
const RELATED_LIST_MIN_LINK_DENSITY = 0.5;

/** A promo paragraph, or a related-links heading (returned with the link list under it). */
export function promoElements(el: Element): Element[] {
  const text = textOf(el);
  if (!text) return [];
  if (isEndOfStoryMarker(text) && !first(el, "p, li")) {
    const next = nextElement(el);
    const list = next && linkDensity(next) >= RELATED_LIST_MIN_LINK_DENSITY ? [next] : [];
    return [el, ...list];
  }
  if (text.length > PROMO_MAX_CHARS || !PROMO_START.test(text)) return [];
  if (first(el, "p, div, li") && el.name !== "li") return [];
  return linkDensity(el) >= PROMO_MIN_LINK_DENSITY ? [el] : [];
}
