/**
 * When Readability finds nothing (or too little): the container with the most prose. Each text block that reads
 * like prose (long enough, few links) credits its parent fully and its grandparent half, as Readability's own
 * scoring does, so a container of many paragraphs beats one long sidebar blurb.
 */
import { linkDensity, textOf } from "./dom.js";
import { paragraphsOf } from "./paragraphs.js";

const BLOCKS = "p, pre, blockquote, li, td, dd, h2, h3, h4, div";
/** Calibration: a one-line teaser is ~60 characters; real paragraphs run well above it. */
const FALLBACK_MIN_BLOCK_CHARS = 60;
/** Above this share of linked text a block is a link list (menus, tag clouds), not prose. */
const FALLBACK_MAX_LINK_DENSITY = 0.4;

export function densestTextBlock(doc: Document): string[] {
  const body = doc.body;
  if (!body) return [];
  const scores = new Map<Element, number>();
  for (const el of Array.from(body.querySelectorAll(BLOCKS))) {
    if (el.localName === "div" && !hasOwnText(el)) continue;
    const chars = ownProseChars(el);
    if (chars === 0) continue;
    const parent = el.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + chars);
    const grandparent = parent?.parentElement;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + chars / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return best ? paragraphsOf(best) : [];
}

function ownProseChars(el: Element): number {
  const text = textOf(el);
  if (text.length < FALLBACK_MIN_BLOCK_CHARS || linkDensity(el) > FALLBACK_MAX_LINK_DENSITY) return 0;
  return text.length;
}

/** A <div> used as a paragraph: it carries text itself rather than only wrapping other blocks. */
function hasOwnText(el: Element): boolean {
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3 && (child.nodeValue ?? "").trim().length > 20) return true;
  }
  return false;
}
