/**
 * Page metadata: every source yields candidates (candidate.ts), and per field the most trusted valid one wins,
 * its source and confidence kept as provenance. Input hints outrank everything; the URL's domain comes last.
 * Never the fetch time as a publication date: `fetchedAt` only bounds what a plausible date can be.
 */
import type { FieldProvenance, InputHints, MetadataField, RawDocument } from "../../records.js";
import { parsePublicationDate } from "../dates.js";
import { cleanAuthors } from "./authors.js";
import { bylineCandidates } from "./byline.js";
import { type Candidate, candidate } from "./candidate.js";
import { dateElementCandidates } from "./date-elements.js";
import { type Page, storyScope } from "./dom.js";
import { jsonLdCandidates } from "./json-ld.js";
import { metaTagCandidates } from "./meta-tags.js";
import { tidyTitle, titleTagCandidates } from "./page-title.js";
import { absoluteUrl, registrableDomain, urlCandidates } from "./page-url.js";
import { outletOfDomain, resolveOutlet } from "../../_lib/outlets.js";

export interface PageMetadata {
  url: string | null;
  /** The page's own canonical URL when it states one, else `url`: what the article id is hashed from. */
  canonicalUrl: string | null;
  outlet: string | null;
  title: string;
  authors: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string | null;
  provenance: Partial<Record<MetadataField, FieldProvenance>>;
}

/** A date more than this after the fetch is a typo or an event date, not when the page was published. */
const MAX_FUTURE_MS = 36 * 3600 * 1000;
const MIN_YEAR = 1990;
const MAX_OUTLET_CHARS = 60;
const NOT_AN_OUTLET = /^(home|homepage|startseite|accueil|inicio|news|blog|index|website|null|undefined)$/i;

/** Everything the page states about itself, read before extraction mutates the document. */
export function readMetadataCandidates(page: Page, hints: InputHints): Candidate[] {
  const story = storyScope(page);
  return [
    ...hintCandidates(hints), ...jsonLdCandidates(page), ...metaTagCandidates(page), ...bylineCandidates(page, story),
    ...dateElementCandidates(page, story), ...titleTagCandidates(page, story),
  ];
}

export function resolveMetadata(candidates: readonly Candidate[], raw: Pick<RawDocument, "hints" | "fetchedAt">): PageMetadata {
  const provenance: PageMetadata["provenance"] = {};
  const keep = <T>(field: MetadataField, c: Candidate | undefined, value: T, confidence = c?.confidence): T => {
    if (c && confidence !== undefined) provenance[field] = { from: c.from, confidence: round(confidence) };
    return value;
  };
  const base = raw.hints.url ?? null;
  const urlPick = best(candidates, "url", (v) => absoluteUrl(v, base));
  const url = keep("url", urlPick?.c, urlPick?.value ?? null);
  const canonicalUrl = best(candidates.filter((c) => c.from !== "input"), "url", (v) => absoluteUrl(v, url))?.value ?? url;

  const all = [...candidates, ...urlCandidates(url ?? canonicalUrl)];
  const outletPick = best(all, "outlet", cleanOutlet);
  const outlet = keep("outlet", outletPick?.c, outletPick ? normaliseOutlet(outletPick.value, url ?? canonicalUrl) : null);
  const titlePick = best(all, "title", (v) => v);
  const title = keep("title", titlePick?.c, titlePick ? tidyPicked(titlePick.c, all, outlet, url) : "");

  const authorPick = pickAuthors(all, outlet);
  const authors = keep("authors", authorPick?.c, authorPick?.names ?? []);
  const latest = Date.parse(raw.fetchedAt) + MAX_FUTURE_MS;
  const datePick = (field: MetadataField) => bestDate(all, field, Number.isNaN(latest) ? Infinity : latest);
  const published = datePick("publishedAt");
  const publishedAt = keep("publishedAt", published?.c, published?.iso ?? null, published?.confidence);
  const modified = datePick("modifiedAt");
  const modifiedAt = keep("modifiedAt", modified?.c, modified?.iso ?? null, modified?.confidence);
  const langPick = best(all, "language", languageCode);
  const language = keep("language", langPick?.c, langPick?.value ?? null);
  return { url, canonicalUrl, outlet, title, authors, publishedAt, modifiedAt, language, provenance };
}

/** The picked title without the site's name around it; input titles are the user's and stay as given. */
function tidyPicked(picked: Candidate, all: readonly Candidate[], outlet: string | null, url: string | null): string {
  if (picked.from === "input") return picked.value;
  const domain = url ? registrableDomain(url) : null;
  const siteNames = [
    ...(outlet ? [outlet] : []),
    ...all.filter((c) => c.field === "outlet").map((c) => c.value),
    ...(domain ? [domain, domain.split(".")[0]!] : []),
  ];
  const h1 = all.find((c) => c.from === "html:h1")?.value ?? null;
  return tidyTitle(picked.value, siteNames, h1);
}

function hintCandidates(hints: InputHints): Candidate[] {
  return [
    ...candidate("title", hints.title, "input", 1),
    ...candidate("url", hints.url, "input", 1),
    ...candidate("outlet", hints.outlet, "input", 1),
    ...candidate("publishedAt", hints.publishedAt, "input", 1),
    ...(hints.authors ?? []).flatMap((a) => candidate("authors", a, "input", 1)),
  ];
}

/** The highest-confidence candidate of `field` that `accept` turns into a value (first in order on ties). */
function best<T>(candidates: readonly Candidate[], field: MetadataField, accept: (v: string) => T | null) {
  let found: { c: Candidate; value: T } | undefined;
  for (const c of candidates) {
    if (c.field !== field || (found && c.confidence <= found.c.confidence)) continue;
    const value = accept(c.value);
    if (value !== null) found = { c, value };
  }
  return found;
}

/** Authors come from one source, the most trusted that yields a name: mixing sources duplicates spellings. */
function pickAuthors(candidates: readonly Candidate[], outlet: string | null) {
  const sources = [...new Set(candidates.filter((c) => c.field === "authors").map((c) => c.from))];
  const ranked = sources
    .map((from) => candidates.filter((c) => c.field === "authors" && c.from === from))
    .sort((a, b) => b[0]!.confidence - a[0]!.confidence);
  for (const group of ranked) {
    const names = cleanAuthors(group.map((c) => c.value), outlet);
    if (names.length) return { c: group[0]!, names };
  }
  return undefined;
}

function bestDate(candidates: readonly Candidate[], field: MetadataField, latest: number) {
  let found: { c: Candidate; iso: string; confidence: number } | undefined;
  for (const c of candidates) {
    if (c.field !== field) continue;
    const parsed = parsePublicationDate(c.value);
    if (!parsed || +parsed.iso.slice(0, 4) < MIN_YEAR || Date.parse(parsed.iso.slice(0, 10)) > latest) continue;
    const confidence = c.confidence * parsed.confidence;
    if (!found || confidence > found.confidence) found = { c, iso: parsed.iso, confidence };
  }
  return found;
}

/**
 * The picked name through the outlets table (_lib/outlets.ts): "WSJ", "nypost.com" and "The Post" on nypost.com read
 * as the outlet's canonical name; a name the table lacks stays as the page gives it, unless the page's domain is a
 * known outlet (a parent company in JSON-LD's publisher, "Dow Jones & Company" on wsj.com, is not the outlet).
 */
function normaliseOutlet(value: string, url: string | null): string {
  const resolved = resolveOutlet(value, url);
  if (resolved?.known) return resolved.name;
  return outletOfDomain(url)?.name ?? value;
}

function cleanOutlet(value: string): string | null {
  if (/^https?:\/\//i.test(value) || value.length > MAX_OUTLET_CHARS || NOT_AN_OUTLET.test(value)) return null;
  return value;
}

/** "de-DE", "en_US", "DE" → ISO 639-1; anything else (3-letter codes, "x-default") → null. */
function languageCode(value: string): string | null {
  const code = value.toLowerCase().split(/[-_]/)[0]!;
  return /^[a-z]{2}$/.test(code) ? code : null;
}

const round = (n: number) => Math.round(n * 100) / 100;
