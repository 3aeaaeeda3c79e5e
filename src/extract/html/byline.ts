/**
 * Authors from the printed byline: an element marked as one (rel=author, .byline, an "author" class near the
 * headline), a line under the headline ("Von Tobias Kuske", "04.02.2022 | 13:10 Uhr | Autor: Uta Helkenberg"),
 * or the body's first paragraph ("By Jane Doe and John Roe"). Names are cleaned later (authors.ts).
 */
import { cleanAuthors } from "./authors.js";
import { type Candidate, candidate } from "./candidate.js";
import { all, closest, contains, type Element, elementsAfter, first, matches, type Page, storyScope, textLongerThan, textOf } from "./dom.js";

/** In priority order: explicit markup first, then any class mentioning an author. */
const BYLINE_SELECTORS = [
  "[rel~=author]", ".byline, [class*=byline], [class*=Byline]", ".vcard .fn, [class*=author-name], [class*=authorname]",
  "[class*=author], [class*=Author], [class*=autor]", 'a[href*="/author/"], a[href*="/autor/"]',
];
/** Any of them: the page is walked once, and the matches then taken in priority order. */
const ANY_BYLINE = BYLINE_SELECTORS.join(", ");
/** Bylines inside these belong to another post, a teaser, or the bio box. */
const NOT_THIS_ARTICLE =
  "[class*=comment], #comments, #respond, [class*=related], aside, nav, footer:not(article footer), [class*=bio], [class*=teaser], [class*=widget]";
/** Calibration: a byline with two names, a role and a date runs ~80 characters; longer elements are bios. */
const BYLINE_MAX_CHARS = 100;
const BYLINE_CONFIDENCE = 0.6;
const BYLINE_LINE_CONFIDENCE = 0.55;
/** Blocks after the headline searched for a byline line. */
const LINES_AFTER_TITLE = 10;

/** A line that is a byline, possibly after a date: "Von X", "Autor: X", "06.11.2023 13:30 von Olga". */
const BYLINE_LINE =
  /^(?:[\d.:/|,–-]|\s|[Uu]hr)*(?:[Bb]y|BY|[Vv]on|VON|[Aa]utor(?:in|en)?:?|[Aa]uthors?:|[Tt]ext(?: von)?:?|[Ww]ritten by|[Pp]osted by|[Pp]ar|[Pp]or)\s+(\p{Lu}[\p{L}'’.-]*(?:[\s,&]+(?:and |und |et |y )?\p{Lu}[\p{L}'’.-]*){0,8})[\s,.]*(?:[|/–-].*)?$/u;

/** `story` is the page's storyScope, passed in by a caller that has already found it. */
export function bylineCandidates(page: Page, story = storyScope(page)): Candidate[] {
  const found = all(page.body, ANY_BYLINE);
  // The story's own scope first, then the rest of the page (what the scope held was turned down already).
  const inStory = (el: Element) => !!story && el !== story.scope && contains(story.scope, el);
  const passes = story ? [found.filter(inStory), found.filter((el) => !inStory(el))] : [found];
  for (const pass of passes) {
    for (const selector of BYLINE_SELECTORS) {
      for (const el of pass) {
        if (!matches(el, selector) || textLongerThan(el, BYLINE_MAX_CHARS) || closest(el, NOT_THIS_ARTICLE)) continue;
        const text = textOf(el);
        if (text.length === 0 || cleanAuthors([text], null).length === 0) continue;
        return candidate("authors", text, "html:byline", BYLINE_CONFIDENCE);
      }
    }
  }
  return story ? bylineNearTitle(story.h1, story.scope) : [];
}

function bylineNearTitle(h1: Element, scope: Element): Candidate[] {
  let seen = 0;
  for (const el of elementsAfter(scope, h1, "p, span, div, small, em, strong, h2, h3, h4, h5, h6")) {
    if (first(el, "p, div")) continue;
    if (++seen > LINES_AFTER_TITLE) break;
    const text = textLongerThan(el, BYLINE_MAX_CHARS) ? "" : textOf(el);
    const m = text ? BYLINE_LINE.exec(text) : null;
    if (m) return candidate("authors", m[1], "html:byline-line", BYLINE_LINE_CONFIDENCE);
  }
  return [];
}

/** The byline printed as the body's first paragraphs: its names, and which paragraph it is. */
export function bylineInText(paragraphs: readonly string[]): { names: string; index: number } | null {
  for (let i = 0; i < Math.min(3, paragraphs.length); i++) {
    const text = paragraphs[i]!;
    const m = text.length <= BYLINE_MAX_CHARS ? BYLINE_LINE.exec(text) : null;
    if (m && /^\s*(by|von|par|por)\s/i.test(text)) return { names: m[1]!, index: i };
  }
  return null;
}
