/**
 * The <title> as a last resort for the headline: "Headline | Section | Outlet" → "Headline", and the trailing
 * part, when short, names the outlet. Also strips a known outlet from any other title candidate.
 */
import { type Candidate, candidate } from "./candidate.js";
import { textOf } from "./dom.js";

/** Title separators. A colon is not one: "Nutzerbasierte Abrechnung: Musik-Stars fordern…" is one headline. */
const SEPARATOR = /\s+[|\-–—·•»«~]\s+|\s*::\s*/;
/** A suffix longer than this is a second half of the headline, not an outlet or section name. */
const SUFFIX_MAX_WORDS = 5;
const SUFFIX_MAX_CHARS = 40;
/** "Headline – Section | Outlet": at most this many trailing parts come off. */
const MAX_SUFFIXES = 2;
const TITLE_TAG_CONFIDENCE = 0.5;
const TITLE_SUFFIX_OUTLET_CONFIDENCE = 0.4;
const H1_CONFIDENCE = 0.45;

export function titleTagCandidates(doc: Document): Candidate[] {
  const raw = textOf(doc.querySelector("title"));
  const out: Candidate[] = [];
  if (raw) {
    const { headline, suffixes } = splitTitle(raw);
    out.push(...candidate("title", headline, "html:title", TITLE_TAG_CONFIDENCE));
    const outlet = suffixes.at(-1);
    if (outlet) out.push(...candidate("outlet", outlet, "html:title-suffix", TITLE_SUFFIX_OUTLET_CONFIDENCE));
  }
  const h1s = Array.from(doc.querySelectorAll("h1")).filter((h) => !h.closest("header:not(article header), nav, aside"));
  const h1 = h1s.find((h) => (h.closest("article, main, [role=main]") !== null)) ?? h1s[0];
  out.push(...candidate("title", textOf(h1), "html:h1", H1_CONFIDENCE));
  return out;
}

export function splitTitle(title: string): { headline: string; suffixes: string[] } {
  const cuts = Array.from(title.matchAll(new RegExp(SEPARATOR.source, "g")), (m) => [m.index, m.index + m[0].length] as const);
  let headline = title;
  const suffixes: string[] = [];
  for (const [start, end] of cuts.reverse()) {
    const part = headline.slice(end).trim();
    if (suffixes.length >= MAX_SUFFIXES || !isShort(part) || start === 0) break;
    suffixes.unshift(part);
    headline = headline.slice(0, start);
  }
  headline = headline.trim();
  return headline ? { headline, suffixes } : { headline: title, suffixes: [] };
}

/** "Headline | Outlet" or "Outlet: Headline" where Outlet is the known outlet → "Headline". */
export function stripOutlet(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const stripped = title
    .replace(new RegExp(`(${SEPARATOR.source})${escaped}\\s*$`, "i"), "")
    .replace(new RegExp(`^${escaped}\\s*(?:[:|–—-]|::)\\s+`, "i"), "")
    .trim();
  return stripped || title;
}

function isShort(part: string): boolean {
  return part.length <= SUFFIX_MAX_CHARS && part.split(/\s+/).length <= SUFFIX_MAX_WORDS;
}
