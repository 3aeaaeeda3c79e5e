/**
 * Photo captions and credits are set aside into `Article.captions`: they describe a picture, not the story, and
 * left in the body they break paragraphs ("Protesters in Caracas. Photo: AFP") and repeat names out of context.
 */
import { type AnyNode, all, closest, type Element, first, isTag, isText, matches, normaliseSpace, outermost, type Page, parentElement, removeAll, textLongerThan } from "./dom.js";

/** Captions by markup; a bare class match below also needs a picture next to it. */
const EXPLICIT_CAPTION = "figcaption, .wp-caption-text, [itemprop=caption], [class*=photo-credit], [class*=image-credit]";
const MEDIA = "img, picture";
const CAPTION_SELECTORS = [
  "figcaption",
  ".caption",
  "[class*=caption]",
  ".wp-caption-text",
  "[class*=photo-credit]",
  "[class*=image-credit]",
  "[class*=img-credit]",
  // A bare "credit" class is also the site footer's "site-credits": only inside a figure is it a photo credit.
  "figure [class*=credit]",
  "[itemprop=caption]",
  "[class*=legend]",
  "figure [class*=desc]",
  "[itemprop=copyrightHolder]",
].join(", ");

/**
 * A caption is short; a longer "caption" element is a layout wrapper that happens to carry the word (a gallery,
 * a "captioned" article body) and stays in place. Calibration: wire-photo captions run 10–60 words; 600
 * characters (~100 words) leaves room above that, and a video page's multi-paragraph description is longer.
 */
const CAPTION_MAX_CHARS = 600;

/** Take the captions out of the page (outermost match wins, so a figure's caption and credit stay one string). */
export function takeCaptions(page: Page): string[] {
  const withMedia = new Map<Element, boolean>();
  const found = all(page.document, CAPTION_SELECTORS).filter((el) => isCaption(el, withMedia));
  const captions = new Set<string>();
  const taken = outermost(found);
  for (const el of taken) {
    const text = captionText(el);
    if (text) captions.add(text);
  }
  removeAll(taken);
  return [...captions];
}

/** The elements not inside another of them: one walk up from each, not a pairwise comparison. */
/** `withMedia` remembers which parents hold a picture: siblings ask about the same parent. */
function isCaption(el: Element, withMedia: Map<Element, boolean>): boolean {
  if (/^(body|html|article|main)$/.test(el.name)) return false;
  if (textLongerThan(el, CAPTION_MAX_CHARS) || all(el, "p").length > 2) return false;
  if (matches(el, EXPLICIT_CAPTION)) return true;
  // A "caption" class elsewhere (a video's "item-caption" holding its description) is one only beside a picture.
  const parent = parentElement(el);
  if (closest(el, "figure") !== null || first(el, MEDIA) !== null) return true;
  if (!parent) return false;
  let parentHasMedia = withMedia.get(parent);
  if (parentHasMedia === undefined) {
    parentHasMedia = first(parent, MEDIA) !== null;
    withMedia.set(parent, parentHasMedia);
  }
  return parentHasMedia;
}

/** Caption and credit are often separate spans with no space between them. */
function captionText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: AnyNode) => {
    if (isText(node)) parts.push(node.data);
    else if (isTag(node)) {
      const tag = node.name;
      if (tag === "script" || tag === "style") return;
      const inline = tag === "a" || tag === "em" || tag === "i" || tag === "b" || tag === "strong";
      if (!inline) parts.push(" ");
      for (const child of node.children) walk(child);
      if (!inline) parts.push(" ");
    }
  };
  walk(el);
  return normaliseSpace(parts.join(""));
}
