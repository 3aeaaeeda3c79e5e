/**
 * Photo captions and credits are set aside into `Article.captions`: they describe a picture, not the story, and
 * left in the body they break paragraphs ("Protesters in Caracas. Photo: AFP") and repeat names out of context.
 */
import { normaliseSpace, textOf } from "./dom.js";

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

/** Take the captions out of `doc` (outermost match wins, so a figure's caption and credit stay one string). */
export function takeCaptions(doc: Document): string[] {
  const matches = Array.from(doc.querySelectorAll(CAPTION_SELECTORS)).filter(isCaption);
  const outermost = matches.filter((el) => !matches.some((other) => other !== el && other.contains(el)));
  const captions: string[] = [];
  for (const el of outermost) {
    const text = captionText(el);
    if (text && !captions.includes(text)) captions.push(text);
    el.remove();
  }
  return captions;
}

function isCaption(el: Element): boolean {
  if (/^(body|html|article|main)$/.test(el.localName)) return false;
  if (textOf(el).length > CAPTION_MAX_CHARS || el.querySelectorAll("p").length > 2) return false;
  if (el.matches(EXPLICIT_CAPTION)) return true;
  // A "caption" class elsewhere (a video's "item-caption" holding its description) is one only beside a picture.
  return el.closest("figure") !== null || el.parentElement?.querySelector(MEDIA) != null || el.querySelector(MEDIA) !== null;
}

/** Caption and credit are often separate spans with no space between them. */
function captionText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? "");
    else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (tag === "script" || tag === "style") return;
      const inline = tag === "a" || tag === "em" || tag === "i" || tag === "b" || tag === "strong";
      if (!inline) parts.push(" ");
      for (const child of Array.from(node.childNodes)) walk(child);
      if (!inline) parts.push(" ");
    }
  };
  walk(el);
  return normaliseSpace(parts.join(""));
}
