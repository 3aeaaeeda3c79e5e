/**
 * <meta> tags (OpenGraph, article:*, Parse.ly, Sailthru, Dublin Core, Highwire citation_*), microdata
 * (itemprop), <time datetime>, <link rel=canonical> and <html lang>. Each table row lists keys in priority order.
 */
import type { MetadataField } from "../../records.js";
import { type Candidate, candidate } from "./candidate.js";
import { all, attr, closest, type Element, first, matches, type Page, textOf } from "./dom.js";

interface MetaRule {
  field: MetadataField;
  keys: readonly string[];
  confidence: number;
}

const META_RULES: readonly MetaRule[] = [
  { field: "title", keys: ["og:title", "twitter:title", "parsely-title", "sailthru.title", "citation_title", "dc.title", "dcterms.title"], confidence: 0.85 },
  { field: "authors", keys: ["author", "article:author", "parsely-author", "sailthru.author", "citation_author", "dc.creator", "dcterms.creator", "byl"], confidence: 0.85 },
  {
    field: "publishedAt",
    keys: [
      "article:published_time", "og:article:published_time", "article:published", "parsely-pub-date", "sailthru.date",
      "citation_publication_date", "citation_online_date", "citation_date", "dc.date.issued", "dcterms.issued", "dc.date",
      "dcterms.date", "dc.date.created", "dcterms.created", "publishdate", "publish-date", "publish_date", "pubdate", "pub_date",
      "article.published", "originalpublicationdate", "og:published_time",
    ],
    confidence: 0.85,
  },
  // A bare name=date is usually the publication date, but CMSs also put the page's build date there.
  { field: "publishedAt", keys: ["date"], confidence: 0.7 },
  { field: "modifiedAt", keys: ["article:modified_time", "og:updated_time", "dcterms.modified", "dc.date.modified", "last-modified", "article.updated"], confidence: 0.85 },
  { field: "outlet", keys: ["og:site_name", "citation_journal_title", "dc.publisher", "dcterms.publisher", "publisher"], confidence: 0.85 },
  { field: "outlet", keys: ["application-name", "apple-mobile-web-app-title"], confidence: 0.6 },
  { field: "language", keys: ["og:locale", "content-language", "dc.language", "dcterms.language", "language"], confidence: 0.7 },
  { field: "url", keys: ["og:url", "parsely-link", "twitter:url"], confidence: 0.85 },
];

/**
 * Microdata inside comments or teaser lists describes someone else's post. Exact class names only: WordPress
 * puts "comments-open" on the whole <body>, so a substring rule would discard everything.
 */
const FOREIGN = [
  "[itemprop=comment]", "[itemprop=review]", ".comment", ".comments", ".commentlist", ".comment-list", ".comment-body",
  "#comments", "#respond", ".related", ".related-posts", ".related-articles", ".yarpp-related", "aside", "nav",
].join(", ");
const MICRODATA_CONFIDENCE = 0.8;
const TIME_CONFIDENCE = 0.75;
const META = "meta[content]";
const MICRODATA = "[itemprop]";
/** The article's or its header's <time>: a sidebar's belongs to another post. */
const TIME = "article time[datetime], header time[datetime], time[pubdate]";
const CANONICAL = "link[rel~=canonical i]";
/** Each source's elements are picked from one walk of the page: a walk costs more than matching a short list. */
const ANY_SOURCE = [META, MICRODATA, TIME, CANONICAL].join(", ");

export function metaTagCandidates(page: Page): Candidate[] {
  const found = all(page.document, ANY_SOURCE);
  const pick = (selector: string) => found.filter((el) => matches(el, selector));
  const meta = metaMap(pick(META));
  const out: Candidate[] = [];
  for (const rule of META_RULES) {
    for (const key of rule.keys) {
      for (const value of meta.get(key) ?? []) out.push(...candidate(rule.field, value, `meta:${key}`, rule.confidence));
    }
  }
  out.push(...microdataCandidates(pick(MICRODATA)), ...timeCandidates(pick(TIME)));
  const canonical = attr(pick(CANONICAL)[0], "href");
  out.push(...candidate("url", canonical, "link:canonical", 0.9));
  const lang = attr(page.html, "lang") ?? attr(page.html, "xml:lang");
  out.push(...candidate("language", lang, "html:lang", 0.8));
  return out;
}

/** name/property/http-equiv → contents, lower-cased keys, document order. */
function metaMap(metas: readonly Element[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const el of metas) {
    const key = (el.attribs.property ?? el.attribs.name ?? el.attribs["http-equiv"])?.toLowerCase().trim();
    const value = attr(el, "content");
    if (!key || !value) continue;
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  }
  return map;
}

function microdataCandidates(items: readonly Element[]): Candidate[] {
  const own = items.filter((el) => !closest(el, FOREIGN));
  const firstOwn = (selector: string) => own.find((el) => matches(el, selector));
  const valueOf = (el: Element) => attr(el, "content") ?? attr(el, "datetime") ?? textOf(el);
  const out: Candidate[] = [];
  const headline = firstOwn("[itemprop=headline]");
  if (headline) out.push(...candidate("title", valueOf(headline), "microdata:headline", MICRODATA_CONFIDENCE));
  const published = firstOwn("[itemprop=datePublished]");
  if (published) out.push(...candidate("publishedAt", valueOf(published), "microdata:datePublished", MICRODATA_CONFIDENCE));
  const modified = firstOwn("[itemprop=dateModified]");
  if (modified) out.push(...candidate("modifiedAt", valueOf(modified), "microdata:dateModified", MICRODATA_CONFIDENCE));
  for (const el of own.filter((el) => matches(el, "[itemprop~=author], [itemprop~=creator]"))) {
    const name = first(el, "[itemprop=name]");
    const value = name ? valueOf(name) : attr(el, "content") ?? textOf(el);
    out.push(...candidate("authors", value, "microdata:author", MICRODATA_CONFIDENCE));
  }
  const publisher = firstOwn("[itemprop~=publisher] [itemprop=name]");
  if (publisher) out.push(...candidate("outlet", valueOf(publisher), "microdata:publisher", MICRODATA_CONFIDENCE - 0.05));
  return out;
}

/** The first <time datetime> of the article or its header; a sidebar's or a comment's <time> is someone else's. */
function timeCandidates(times: readonly Element[]): Candidate[] {
  const own = times.filter((el) => !closest(el, FOREIGN));
  const isUpdate = (el: Element) => /updat|modif/i.test(`${el.attribs.class ?? ""} ${el.attribs.itemprop ?? ""}`);
  const published = own.find((el) => !isUpdate(el));
  const modified = own.find(isUpdate);
  return [
    ...candidate("publishedAt", attr(published, "datetime"), "html:time", TIME_CONFIDENCE),
    ...candidate("modifiedAt", attr(modified, "datetime"), "html:time", TIME_CONFIDENCE),
  ];
}
