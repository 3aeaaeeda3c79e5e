/**
 * The standfirst (lead, dek, intro, subtitle) printed under the headline often sits in the article header,
 * outside the container Readability picks, yet it is the story's first paragraph: news sites put their
 * summary of the story there. Found by class name next to the title <h1>, and only before the body starts.
 */
import { linkDensity, normaliseSpace, textOf } from "./dom.js";

const LEAD_SELECTORS = [
  "[class*=intro]", "[class*=lead]", "[class*=lede]", "[class*=standfirst]", "[class*=subtitle]", "[class*=subline]",
  "[class*=dek]", "[class*=excerpt]", "[class*=summary]", "[class*=abstract]", "[class*=teaser]", "[itemprop=description]",
].join(", ");
/** Calibration: standfirsts run one or two sentences (40–500 characters); shorter is a kicker or a label. */
const LEAD_MIN_CHARS = 40;
const LEAD_MAX_CHARS = 600;
const LEAD_MAX_LINK_DENSITY = 0.3;

/** The lead paragraph missing from `body`, or null. `doc` is the page after furniture removal. */
export function findLead(doc: Document, body: readonly string[]): string | null {
  const first = body[0];
  if (!first) return null;
  const h1 = doc.querySelector("article h1, main h1, [role=main] h1") ?? doc.querySelector("h1");
  const scope = h1?.closest("article, main, [role=main]") ?? h1?.parentElement?.parentElement;
  if (!h1 || !scope) return null;
  const bodyStart = Array.from(scope.querySelectorAll("p")).find((p) => sameText(textOf(p), first));
  const joined = normaliseSpace(body.join(" "));
  for (const el of Array.from(scope.querySelectorAll(LEAD_SELECTORS))) {
    if (!follows(el, h1) || (bodyStart && !follows(bodyStart, el)) || el.contains(h1)) continue;
    if (bodyStart && el.contains(bodyStart)) continue;
    const text = textOf(el);
    if (text.length < LEAD_MIN_CHARS || text.length > LEAD_MAX_CHARS || linkDensity(el) > LEAD_MAX_LINK_DENSITY) continue;
    if (joined.includes(text)) return null;
    return text;
  }
  return null;
}

/** True when `b` comes after `a` in document order (and is not inside it). */
function follows(b: Element, a: Element): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0 && !a.contains(b);
}

function sameText(a: string, b: string): boolean {
  return a.length > 0 && (a === b || b.startsWith(a) || a.startsWith(b));
}
