/**
 * The standfirst (lead, dek, intro, subtitle) printed under the headline often sits in the article header,
 * outside the container Readability picks, yet it is the story's first paragraph: news sites put their
 * summary of the story there. Found by class name next to the title <h1>, and only before the body starts.
 */
import { contains, elementsAfter, linkDensity, matches, normaliseSpace, type Page, storyScope, textOf } from "./dom.js";

const LEAD_SELECTORS = [
  // Case-insensitive: "atc-IntroText", "ArticleLead".
  ...["intro", "lead", "lede", "standfirst", "subtitle", "subline", "dek", "excerpt", "summary", "abstract", "teaser", "vorspann", "chapo", "chapeau"].map(
    (word) => `[class*=${word} i]`,
  ),
  "[itemprop=description]",
].join(", ");
/** Calibration: standfirsts run one or two sentences (40–500 characters); shorter is a kicker or a label. */
const LEAD_MIN_CHARS = 40;
const LEAD_MAX_CHARS = 600;
const LEAD_MAX_LINK_DENSITY = 0.3;

/** The lead paragraph missing from `body`, or null. `doc` is the page after furniture removal. */
export function findLead(page: Page, body: readonly string[]): string | null {
  const first = body[0];
  if (!first) return null;
  const story = storyScope(page);
  if (!story) return null;
  const { h1, scope } = story;
  const after = elementsAfter(scope, h1, "*");
  const bodyStart = after.findIndex((el) => el.name === "p" && sameText(textOf(el), first));
  const beforeBody = bodyStart === -1 ? after : after.slice(0, bodyStart);
  const startEl = after[bodyStart];
  const joined = normaliseSpace(body.join(" "));
  for (const el of beforeBody) {
    if (!matches(el, LEAD_SELECTORS) || (startEl && contains(el, startEl))) continue;
    const text = textOf(el);
    if (text.length < LEAD_MIN_CHARS || text.length > LEAD_MAX_CHARS || linkDensity(el) > LEAD_MAX_LINK_DENSITY) continue;
    return joined.includes(text) ? null : text;
  }
  return null;
}

function sameText(a: string, b: string): boolean {
  return a.length > 0 && (a === b || b.startsWith(a) || a.startsWith(b));
}
