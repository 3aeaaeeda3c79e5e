/**
 * Authors from the printed byline ("By Jane Doe and John Roe", "Von Roland Brockmann"), and the one cleaning
 * step every author source goes through: split, strip "By", drop outlets, desks, e-mails and URLs, dedupe.
 */
import { type Candidate, candidate } from "./candidate.js";
import { textOf } from "./dom.js";

const BYLINE_SELECTORS = [
  "[rel~=author]", ".byline", "[class*=byline]", ".author-name", "[class*=author-name]", ".post-author",
  ".entry-author", ".article-author", ".author", ".vcard .fn", 'a[href*="/author/"]', 'a[href*="/autor/"]',
].join(", ");
/** Bylines inside these belong to another post or to the bio box. */
const NOT_THIS_ARTICLE = "[class*=comment], #comments, #respond, [class*=related], aside, nav, footer, [class*=bio]";
/** Calibration: a byline with two names and a role runs ~60 characters; longer elements are bios. */
const BYLINE_MAX_CHARS = 100;
const BYLINE_CONFIDENCE = 0.6;

/** "By Jane Doe", "Von Jane Doe", "Par …", "Por …", "Di …", "Door …", "Text: …". */
export const BYLINE_PREFIX = /^(?:by|written by|words by|story by|von|text(?:e)?\s*:|autor(?:in)?\s*:|author\s*:|par|por|di|door|av)\s+/i;
/** A body paragraph that is only a byline. */
const BYLINE_LINE = /^(?:by|written by|von|par|por|door)\s+(\p{Lu}[\p{L}'’.-]*(?:[\s,&]+(?:and |und |et |y )?\p{Lu}[\p{L}'’.-]*){1,8})\s*$/iu;

export function bylineCandidates(doc: Document): Candidate[] {
  const out: Candidate[] = [];
  for (const el of Array.from(doc.querySelectorAll(BYLINE_SELECTORS))) {
    if (el.closest(NOT_THIS_ARTICLE)) continue;
    const text = textOf(el);
    if (text.length === 0 || text.length > BYLINE_MAX_CHARS) continue;
    out.push(...candidate("authors", text, "html:byline", BYLINE_CONFIDENCE));
    if (out.length >= 4) break;
  }
  return out;
}

/** The byline printed as the body's first paragraphs: its names, and which paragraphs it occupies. */
export function bylineInText(paragraphs: readonly string[]): { names: string; index: number } | null {
  for (let i = 0; i < Math.min(3, paragraphs.length); i++) {
    const m = BYLINE_LINE.exec(paragraphs[i]!);
    if (m) return { names: m[1]!, index: i };
  }
  return null;
}

/** Words that name a desk, a role or a wire, never a person. */
const NOT_A_PERSON =
  /^(staff|staff writer|staff reporter|editorial( staff| board| team)?|redaktion|red\.?|admin|administrator|newsroom|web ?desk|news ?desk|reporter|correspondent|editor|contributor|guest( author)?|anonymous|unknown|phd|md|jr\.?|sr\.?)$/i;
/** Trailing role after a name: "Jane Doe, Staff Writer", "Jane Doe – Senior Editor". */
const ROLE_SUFFIX = /\s*[,|–—-]\s*(?:senior |chief |deputy |political |staff |guest )?(?:writer|reporter|editor|correspondent|columnist|contributor|redakteur(?:in)?)\b.*$/i;
const MAX_NAME_WORDS = 6;
const MAX_NAME_CHARS = 60;

/**
 * Raw author strings (possibly "By A, B and C | Outlet") → distinct names. `outlet` is dropped where a byline
 * credits the publication itself ("By CNN Staff").
 */
export function cleanAuthors(raw: readonly string[], outlet: string | null): string[] {
  const outletKey = outlet ? key(outlet) : null;
  const names: string[] = [];
  for (const value of raw) {
    if (/^(https?:|www\.)/i.test(value.trim())) continue;
    const unprefixed = value.replace(BYLINE_PREFIX, "").replace(/\s*\|.*$/, "").replace(/\s*\(.*?\)\s*/g, " ");
    for (const part of unprefixed.split(/\s*(?:,|;|\/|&|\band\b|\bund\b|\bet\b|\by\b)\s*/i)) {
      const name = part.replace(BYLINE_PREFIX, "").replace(ROLE_SUFFIX, "").replace(/^[\s"'“”.:–—-]+|[\s"'“”:–—-]+$/g, "");
      if (!isName(name)) continue;
      if (key(name) === outletKey || /\bstaff\b/i.test(name)) continue;
      if (!names.some((n) => key(n) === key(name))) names.push(name);
    }
  }
  return names;
}

function isName(name: string): boolean {
  if (!name || name.length > MAX_NAME_CHARS || name.split(/\s+/).length > MAX_NAME_WORDS) return false;
  if (/[@\d]|https?:|www\.|\.(com|org|net|de)\b/i.test(name)) return false;
  return !NOT_A_PERSON.test(name) && /\p{L}/u.test(name);
}

const key = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "");
