/**
 * Furniture recognised by its words rather than its markup: "Related: <link>" paragraphs inside the body, the
 * "You might also like" heading over a list of links, widget labels ("Advertisement", "Share this"), and photo
 * credit lines left between paragraphs. The phrase lists cover the languages with the larger shares of the
 * eval set (English, German, French, Spanish, Polish).
 */
import { linkDensity, textOf } from "./dom.js";

/** A paragraph that opens with one of these and is mostly a link points elsewhere ("Related: …"). */
const PROMO_START =
  /^(related( stories| articles| coverage)?|read more|read also|also read|see also|more from [\w ]{1,30}|recommended|lesen sie (auch|mehr)|mehr zum thema|auch interessant|siehe auch|zum thema|lire aussi|à lire aussi|voir aussi|lea también|leer más|czytaj (też|także|więcej))\b\s*[:：»>-]?/i;
/** Calibration: a real paragraph that merely starts with "See also" has under a third of its text in links. */
const PROMO_MIN_LINK_DENSITY = 0.3;
const PROMO_MAX_CHARS = 300;

/** A whole short line announcing a block of links to other articles. */
const RELATED_HEADING =
  /^(you (might|may) (also )?(like|enjoy)|related( posts| articles| stories| content)?|more (stories|articles|from [\w ]{1,30})|recommended( for you)?|(das )?(könnte|dürfte) (sie|dich) auch interessieren|(das thema )?könnte (sie|dich) auch interessieren|auch interessant|weitere (artikel|beiträge|themen)|ähnliche (artikel|beiträge)|empfohlene (artikel|beiträge)|mehr zum thema|weiterführende links?|lesen sie auch|à lire aussi|sur le même sujet|te puede interesar|noticias relacionadas|czytaj (też|także))\s*[:!.…]?$/i;
const RELATED_HEADING_MAX_CHARS = 80;
/** The block under such a heading goes too when it is mostly links. */
const RELATED_LIST_MIN_LINK_DENSITY = 0.5;

/** Standalone lines that are widgets' labels, not prose. */
const WIDGET_LINE =
  /^[-–—\s]*(advertisement|anzeige|werbung|publicité|publicidad|reklama|sponsored( content)?|share( this( article| story| post)?)?|share on \w+|tweet|print( this)?|e-?mail|copy link|skip to (main )?content|follow us( on \w+)?|back to top|nach oben|comments are closed|kommentare (sind )?geschlossen|leave a (reply|comment)|kommentar schreiben|kommentare schreiben|\(?noch keine bewertungen\)?|\d+ min(ute)?s? read)[-–—:\s]*$/i;

/** "Photo: AFP", "Photograph by …", "Credit: …", "Foto: dpa", "Crédits photos : …": a caption's credit line. */
const CREDIT_LINE = /^(photo(graph)?s?( by|:)|image( by|:)|picture( by|:)|credit:|foto( von|:)|bild( von|:)|bildquelle:|cr[ée]dits? photos?\s?:|fotos?:)/i;
const CREDIT_MAX_CHARS = 150;

/** A promo paragraph, or a related-links heading (returned with the link list under it). */
export function promoElements(el: Element): Element[] {
  const text = textOf(el);
  if (!text) return [];
  if (text.length <= RELATED_HEADING_MAX_CHARS && RELATED_HEADING.test(text) && !el.querySelector("p, li")) {
    const next = el.nextElementSibling;
    const list = next && linkDensity(next) >= RELATED_LIST_MIN_LINK_DENSITY ? [next] : [];
    return [el, ...list];
  }
  if (text.length > PROMO_MAX_CHARS || !PROMO_START.test(text)) return [];
  if (el.querySelector("p, div, li") && el.localName !== "li") return [];
  return linkDensity(el) >= PROMO_MIN_LINK_DENSITY ? [el] : [];
}

export function isWidgetLine(text: string): boolean {
  return WIDGET_LINE.test(text);
}

export function isCreditLine(text: string): boolean {
  return text.length <= CREDIT_MAX_CHARS && CREDIT_LINE.test(text);
}
