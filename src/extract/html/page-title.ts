/**
 * The <title> as a last resort for the headline: "Headline | Section | Outlet" → "Headline", and the trailing
 * part, when short, names the outlet. And the tidying every picked title gets: og:title and <title> often
 * carry the site's name ("… | DW", "BMAS - …") or a kicker the visible <h1> does not.
 */
import { type Candidate, candidate } from "./candidate.js";
import { closest, first, type Page, storyScope, textOf } from "./dom.js";

/** Title separators. A colon is one only when spaced on both sides: "Abrechnung: Musik-Stars fordern…" is one headline. */
const SEPARATOR = /\s+[|\-–—·•»«~:/]\s+|\s*::\s*|\s*\/\/\s*/;
/** A suffix longer than this is a second half of the headline, not an outlet or section name. */
const SUFFIX_MAX_WORDS = 5;
const SUFFIX_MAX_CHARS = 40;
/** "Headline – Section | Outlet": at most this many trailing parts come off. */
const MAX_SUFFIXES = 2;
const TITLE_TAG_CONFIDENCE = 0.5;
const TITLE_SUFFIX_OUTLET_CONFIDENCE = 0.4;
const H1_CONFIDENCE = 0.45;
const H1_IN_ARTICLE_CONFIDENCE = 0.55;
/** An <h1> this short may be a logo or a section name, not the headline. */
const H1_MIN_WORDS = 3;
/** Where a site's name is split off a title: the title separators, plus "Outlet: Headline". */
const SITE_SEPARATOR = /\s+[|\-–—·•»«›~]\s+|\s*::\s*|(?<=^[^:]{2,40}):\s+/;

/** `story` is the page's storyScope, passed in by a caller that has already found it. */
export function titleTagCandidates(page: Page, story = storyScope(page)): Candidate[] {
  const raw = textOf(first(page.document, "title"));
  const out: Candidate[] = [];
  if (raw) {
    const { headline, suffixes } = splitTitle(raw);
    out.push(...candidate("title", headline, "html:title", TITLE_TAG_CONFIDENCE));
    const outlet = suffixes.at(-1);
    if (outlet) out.push(...candidate("outlet", outlet, "html:title-suffix", TITLE_SUFFIX_OUTLET_CONFIDENCE));
  }
  const h1 = story?.h1;
  // An <h1> inside the article is its visible headline, worth more than a <title> written for search engines.
  const inArticle = !!h1 && closest(h1, "article, main, [role=main]") !== null;
  out.push(...candidate("title", textOf(h1), "html:h1", inArticle ? H1_IN_ARTICLE_CONFIDENCE : H1_CONFIDENCE));
  return out;
}

export function splitTitle(title: string): { headline: string; suffixes: string[] } {
  const cuts = Array.from(title.matchAll(new RegExp(SEPARATOR.source, "g")), (m) => [m.index, m.index + m[0].length] as const);
  let headline = title;
  const suffixes: string[] = [];
  for (const [start, end] of cuts.reverse()) {
    const part = headline.slice(end).trim();
    const rest = headline.slice(0, start).trim();
    // "Neu - Japanisches Mini-SUV auf dem Vormarsch": the shorter side is the label, not the headline.
    if (suffixes.length >= MAX_SUFFIXES || !isShort(part) || rest.length <= part.length) break;
    suffixes.unshift(part);
    headline = rest;
  }
  return headline ? { headline, suffixes } : { headline: title, suffixes: [] };
}

/**
 * A picked title without the site's name around it, or the page's <h1> when the title is that <h1> plus
 * decoration ("News - Elder: Aus dem Ghetto nach Augusta" → "Elder: Aus dem Ghetto nach Augusta").
 */
export function tidyTitle(title: string, siteNames: readonly string[], h1: string | null): string {
  if (h1 && h1 !== title && h1.split(/\s+/).length >= H1_MIN_WORDS && title.includes(h1)) {
    const at = title.indexOf(h1);
    const before = title.slice(0, at);
    const after = title.slice(at + h1.length);
    const decoration = `${before} ${after}`.trim().split(/\s+/).length;
    if ((!before || /[|\-–—:·•»«›~]\s*$/.test(before)) && (!after || /^\s*[|\-–—:·•»«›~(]/.test(after)) && decoration <= 8) return h1;
  }
  const names = siteNames.map(key).filter((n) => n.length >= 3);
  const isSite = (part: string) => {
    const k = key(part);
    if (!isShort(part.trim())) return false;
    return k.length >= 2 && names.some((n) => n.startsWith(k) || (n.length >= 4 && k.includes(n)) || (k.length >= 4 && n.includes(k)));
  };
  const seps = Array.from(title.matchAll(new RegExp(SITE_SEPARATOR.source, "g")), (m) => [m.index, m.index + m[0].length] as const);
  let start = 0;
  let end = title.length;
  const firstSep = seps[0];
  if (firstSep && isSite(title.slice(0, firstSep[0]))) start = firstSep[1];
  for (const [from, to] of seps) {
    const next = seps.find(([f]) => f > from)?.[0] ?? title.length;
    if (from >= start && !title.slice(from, to).includes(":") && isSite(title.slice(to, next))) {
      end = from;
      break;
    }
  }
  const tidy = title.slice(start, end).trim();
  return tidy.length >= Math.min(10, title.length) ? tidy : title;
}

function isShort(part: string): boolean {
  return part.length <= SUFFIX_MAX_CHARS && part.split(/\s+/).length <= SUFFIX_MAX_WORDS;
}

const key = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "");
