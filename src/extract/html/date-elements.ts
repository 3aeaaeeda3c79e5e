/**
 * Publication dates printed for readers rather than tagged for machines: a "date" span under the headline,
 * "Posted on 31. Mai 2012 by …" in the entry meta. Read from the story's own scope first (around its <h1>),
 * never from comments, teaser lists or sidebars, whose dates belong to other posts.
 */
import { type Candidate, candidate } from "./candidate.js";
import { all, closest, elementsAfter, first, type Page, storyScope, textLongerThan, textOf } from "./dom.js";
import { parseDateText } from "./date-text.js";

const DATE_ELEMENTS = [
  "time", "[class*=date]", "[class*=Date]", "[class*=datum]", "[class*=publish]", "[class*=posted]", "[class*=meta]",
  "[class*=byline]", "[class*=time]",
].join(", ");
const FOREIGN = "[class*=comment], #comments, [class*=related], aside, nav, [class*=sidebar], [class*=widget], footer";
/** A date line is short; longer elements are paragraphs that merely mention a date. */
const DATE_LINE_MAX_CHARS = 100;
/** Blocks after the headline searched for a bare date line when no element is labelled as one. */
const LINES_AFTER_TITLE = 8;
const DATE_ELEMENT_CONFIDENCE = 0.55;
const DATE_NEAR_TITLE_CONFIDENCE = 0.45;

/** `story` is the page's storyScope, passed in by a caller that has already found it. */
export function dateElementCandidates(page: Page, story = storyScope(page)): Candidate[] {
  const scope = story?.scope ?? page.body;
  for (const el of all(scope, DATE_ELEMENTS)) {
    if (textLongerThan(el, DATE_LINE_MAX_CHARS)) continue;
    const text = textOf(el);
    if (!text || closest(el, FOREIGN) || /updat|aktualisiert|modif/i.test(text)) continue;
    const iso = parseDateText(text);
    if (iso) return candidate("publishedAt", iso, "html:date-element", DATE_ELEMENT_CONFIDENCE);
  }
  if (!story) return [];
  let seen = 0;
  for (const el of elementsAfter(scope, story.h1, "p, span, div, small")) {
    if (first(el, "p, div")) continue;
    if (++seen > LINES_AFTER_TITLE) break;
    const text = textLongerThan(el, DATE_LINE_MAX_CHARS) ? "" : textOf(el);
    const iso = text ? parseDateText(text) : null;
    if (iso) return candidate("publishedAt", iso, "html:date-near-title", DATE_NEAR_TITLE_CONFIDENCE);
  }
  return [];
}
