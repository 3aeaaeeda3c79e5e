/**
 * A sitemap's text → its page URLs (`<urlset>`, with Google News' `<news:news>`) or its child sitemaps
 * (`<sitemapindex>`). Gzipped sitemaps (sitemap.xml.gz) are not read: the fetcher hands us decoded text only.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { absoluteHttpUrl, cleanTitle, isoDate } from "./feed-text.js";

export interface SitemapUrl {
  url: string;
  /** <lastmod>: when the page last changed (ISO). Not a publication date. */
  lastmod?: string;
  /** <news:publication_date>. */
  publishedAt?: string;
  /** <news:title>. */
  title?: string;
  /** <news:publication><news:name>. */
  outlet?: string;
}

export interface ParsedSitemap {
  urls: SitemapUrl[];
  /** Child sitemap URLs, from a <sitemapindex>. */
  sitemaps: string[];
}

const parser = new XMLParser({
  removeNSPrefix: true, // news:news → news; sitemaps use fixed, well-known namespaces
  ignoreAttributes: true,
  parseTagValue: false, // keep "2025-06-10" and "00123" as written
  processEntities: true,
  isArray: (name) => name === "url" || name === "sitemap",
});

interface LooseUrl {
  loc?: unknown;
  lastmod?: unknown;
  news?: { publication_date?: unknown; title?: unknown; publication?: { name?: unknown } } | unknown[];
}

export function parseSitemap(body: string, sitemapUrl: string): ParsedSitemap | { error: string } {
  const head = body.trimStart().slice(0, 2);
  if (head.charCodeAt(0) === 0x1f) return { error: "not read: a gzipped sitemap (.xml.gz); give the uncompressed sitemap" };
  if (!head.startsWith("<")) return { error: "not a sitemap: not XML" };
  const valid = XMLValidator.validate(body);
  if (valid !== true) return { error: `not a sitemap: malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
  let doc: { urlset?: { url?: LooseUrl[] } | string; sitemapindex?: { sitemap?: { loc?: unknown }[] } | string };
  try {
    doc = parser.parse(body);
  } catch (error) {
    return { error: `not a sitemap: ${(error as Error).message}` };
  }
  if (doc.sitemapindex !== undefined) {
    const entries = typeof doc.sitemapindex === "object" ? (doc.sitemapindex.sitemap ?? []) : [];
    const sitemaps = entries.map((s) => absoluteHttpUrl(text(s.loc), sitemapUrl)).filter((u): u is string => !!u);
    return { urls: [], sitemaps: [...new Set(sitemaps)] };
  }
  if (doc.urlset !== undefined) {
    const entries = typeof doc.urlset === "object" ? (doc.urlset.url ?? []) : [];
    return { urls: entries.map((u) => toSitemapUrl(u, sitemapUrl)).filter((u): u is SitemapUrl => !!u), sitemaps: [] };
  }
  return { error: "not a sitemap: XML without <urlset> or <sitemapindex>" };
}

function toSitemapUrl(entry: LooseUrl, base: string): SitemapUrl | null {
  const url = absoluteHttpUrl(text(entry.loc), base);
  if (!url) return null;
  const out: SitemapUrl = { url };
  const lastmod = isoDate(text(entry.lastmod));
  if (lastmod) out.lastmod = lastmod;
  const news = Array.isArray(entry.news) ? entry.news[0] : entry.news;
  if (news && typeof news === "object") {
    const n = news as { publication_date?: unknown; title?: unknown; publication?: { name?: unknown } };
    const publishedAt = isoDate(text(n.publication_date));
    if (publishedAt) out.publishedAt = publishedAt;
    const title = cleanTitle(text(n.title), false);
    if (title) out.title = title;
    const outlet = cleanTitle(text(n.publication?.name), false);
    if (outlet) out.outlet = outlet;
  }
  return out;
}

/** An element's text: fast-xml-parser gives a string, or an object when the element had children or CDATA. */
function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && "#text" in value) return text((value as { "#text": unknown })["#text"]);
  return undefined;
}
