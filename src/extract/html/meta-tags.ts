/**
 * <meta> tags (OpenGraph, article:*, Parse.ly, Sailthru, Dublin Core, Highwire citation_*), microdata
 * (itemprop), <time datetime>, <link rel=canonical> and <html lang>. Each table row lists keys in priority order.
 */
import type { MetadataField } from "../../records.js";
import { type Candidate, candidate } from "./candidate.js";
import { attr, textOf } from "./dom.js";

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

export function metaTagCandidates(doc: Document): Candidate[] {
  const meta = metaMap(doc);
  const out: Candidate[] = [];
  for (const rule of META_RULES) {
    for (const key of rule.keys) {
      for (const value of meta.get(key) ?? []) out.push(...candidate(rule.field, value, `meta:${key}`, rule.confidence));
    }
  }
  out.push(...microdataCandidates(doc), ...timeCandidates(doc));
  const canonical = attr(doc.querySelector("link[rel~=canonical i]"), "href");
  out.push(...candidate("url", canonical, "link:canonical", 0.9));
  const lang = attr(doc.documentElement, "lang") ?? attr(doc.documentElement, "xml:lang");
  out.push(...candidate("language", lang, "html:lang", 0.8));
  return out;
}

/** name/property/http-equiv → contents, lower-cased keys, document order. */
function metaMap(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const el of Array.from(doc.querySelectorAll("meta[content]"))) {
    const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("http-equiv"))?.toLowerCase().trim();
    const value = attr(el, "content");
    if (!key || !value) continue;
    map.set(key, [...(map.get(key) ?? []), value]);
  }
  return map;
}

function microdataCandidates(doc: Document): Candidate[] {
  const own = (selector: string) => Array.from(doc.querySelectorAll(selector)).filter((el) => !el.closest(FOREIGN));
  const valueOf = (el: Element) => attr(el, "content") ?? attr(el, "datetime") ?? textOf(el);
  const out: Candidate[] = [];
  const first = (selector: string) => own(selector)[0];
  const headline = first("[itemprop=headline]");
  if (headline) out.push(...candidate("title", valueOf(headline), "microdata:headline", MICRODATA_CONFIDENCE));
  const published = first("[itemprop=datePublished]");
  if (published) out.push(...candidate("publishedAt", valueOf(published), "microdata:datePublished", MICRODATA_CONFIDENCE));
  const modified = first("[itemprop=dateModified]");
  if (modified) out.push(...candidate("modifiedAt", valueOf(modified), "microdata:dateModified", MICRODATA_CONFIDENCE));
  for (const el of own("[itemprop~=author], [itemprop~=creator]")) {
    const name = el.querySelector("[itemprop=name]");
    const value = name ? valueOf(name) : attr(el, "content") ?? textOf(el);
    out.push(...candidate("authors", value, "microdata:author", MICRODATA_CONFIDENCE));
  }
  const publisher = first("[itemprop~=publisher] [itemprop=name]");
  if (publisher) out.push(...candidate("outlet", valueOf(publisher), "microdata:publisher", MICRODATA_CONFIDENCE - 0.05));
  return out;
}

/** The first <time datetime> of the article or its header; a sidebar's or a comment's <time> is someone else's. */
function timeCandidates(doc: Document): Candidate[] {
  const times = Array.from(doc.querySelectorAll("article time[datetime], header time[datetime], time[pubdate]"));
  const own = times.filter((el) => !el.closest(FOREIGN));
  const published = own.find((el) => !/updat|modif/i.test(`${el.className} ${el.getAttribute("itemprop") ?? ""}`));
  const modified = own.find((el) => /updat|modif/i.test(`${el.className} ${el.getAttribute("itemprop") ?? ""}`));
  return [
    ...candidate("publishedAt", attr(published, "datetime"), "html:time", TIME_CONFIDENCE),
    ...candidate("modifiedAt", attr(modified, "datetime"), "html:time", TIME_CONFIDENCE),
  ];
}
