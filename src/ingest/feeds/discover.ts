/**
 * Feed and sitemap URLs → the articles they list: items carrying their full text become RawDocuments at once,
 * the rest are URLs to fetch with the hints the feed gave. Sitemap indexes are followed a little way, and a web
 * page given instead of a feed is followed to the feeds it announces (feed-links.ts).
 */
import type { InputFailure, InputHints, RawDocument } from "../../records.js";
import { fetchDocuments, type FetchOptions } from "../fetch/index.js";
import { detectKind } from "./detect-kind.js";
import { feedLinksOf } from "./feed-links.js";
import { countWords } from "./feed-text.js";
import { readFeed, type FeedItem } from "./parse-feed.js";
import { parseSitemap } from "./parse-sitemap.js";

/** A page to fetch, with what the feed or sitemap said about it. */
export interface UrlToRead {
  url: string;
  hints: InputHints;
}
export type ItemToRead = RawDocument | UrlToRead;
export const isUrlToRead = (item: ItemToRead): item is UrlToRead => !("body" in item);

export interface DiscoverOptions extends FetchOptions {
  /** Items returned at most, over all the URLs given. Default 500. */
  maxItems?: number;
  /** Child sitemaps and announced feeds fetched at most, over all indexes and pages. Default 50. */
  maxSitemaps?: number;
}

export interface Discovered {
  items: ItemToRead[];
  failures: InputFailure[];
}

export const DISCOVER_DEFAULTS = { maxItems: 500, maxSitemaps: 50 } as const;
/** An index of indexes of sitemaps: deeper nesting is a crawler trap more often than a news site. */
const MAX_SITEMAP_DEPTH = 2;
/**
 * A feed item with this many words of content is the article itself, not a teaser; most news teasers run 20–60
 * words, and a 150-word text is long enough for extraction's too-short floor.
 */
const FULL_CONTENT_MIN_WORDS = 150;

interface Node {
  url: string;
  depth: number;
  items: ItemToRead[];
  children: Node[];
  /** Child sitemaps or feeds it listed that were read already (an index listing itself): not read again. */
  repeats: number;
  failed: boolean;
}

/** How feeds and sitemaps are served; read as text, for the feed and sitemap parsers only. */
const FEED_FORMATS: Readonly<Record<string, "text">> = {
  "application/rss+xml": "text", "application/atom+xml": "text", "application/rdf+xml": "text", "application/feed+json": "text",
  "application/json": "text", "text/xml": "text", "application/xml": "text",
};

export async function discover(urls: readonly string[], options: DiscoverOptions = {}): Promise<Discovered> {
  const maxItems = options.maxItems ?? DISCOVER_DEFAULTS.maxItems;
  let sitemapBudget = options.maxSitemaps ?? DISCOVER_DEFAULTS.maxSitemaps;
  const now = options.now ?? (() => new Date().toISOString());
  const failures: InputFailure[] = [];
  const roots: Node[] = [...new Set(urls)].map((url) => ({ url, depth: 0, items: [], children: [], repeats: 0, failed: false }));
  const read = new Set(roots.map((node) => node.url));

  // Level by level, one polite fetch per level; the tree keeps the order the feeds and indexes gave.
  for (let level = roots; level.length; ) {
    const fetched = await fetchDocuments(level.map((n) => n.url), { ...options, formats: { ...FEED_FORMATS, ...options.formats } });
    const next: Node[] = [];
    level.forEach((node, k) => {
      const doc = fetched[k]!;
      const fail = (error: string) => {
        node.failed = true;
        failures.push({ source: node.url, error });
      };
      if ("error" in doc) return fail(feedFetchError(doc.error));
      const source = readSource(doc.body, node.url, now);
      if ("error" in source) return fail(source.error);
      node.items = source.items;
      for (const child of source.children) {
        if (read.has(child)) {
          node.repeats++;
          continue;
        }
        if (node.depth >= MAX_SITEMAP_DEPTH || sitemapBudget <= 0) break;
        sitemapBudget--;
        read.add(child);
        const childNode = { url: child, depth: node.depth + 1, items: [], children: [], repeats: 0, failed: false };
        node.children.push(childNode);
        next.push(childNode);
      }
    });
    level = next;
  }
  // A URL that yielded nothing and failed nowhere is named with why, never left silent.
  for (const root of roots) {
    if (flatten(root).length === 0 && !anyFailed(root)) failures.push({ source: root.url, error: whyEmpty(root) });
  }
  return { items: dedupe(roots.flatMap(flatten), maxItems), failures };
}

function anyFailed(node: Node): boolean {
  return node.failed || node.children.some(anyFailed);
}

function whyEmpty(root: Node): string {
  const repeats = (node: Node): number => node.repeats + node.children.reduce((n, child) => n + repeats(child), 0);
  if (repeats(root) > 0 && root.children.length === 0) return "no articles: it lists only itself (or sitemaps already read), nothing else";
  if (root.children.length) return "no articles: the sitemaps or feeds it lists list none";
  return "no articles: it lists none";
}

function flatten(node: Node): ItemToRead[] {
  return [...node.items, ...node.children.flatMap(flatten)];
}

function dedupe(items: ItemToRead[], max: number): ItemToRead[] {
  const seen = new Set<string>();
  const out: ItemToRead[] = [];
  for (const item of items) {
    const url = isUrlToRead(item) ? item.url : item.source;
    if (seen.has(url)) continue;
    seen.add(url);
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}

/** `children`: child sitemaps of an index, or the feeds a page announces, to read at the next level. */
function readSource(body: string, url: string, now: () => string): { items: ItemToRead[]; children: string[] } | { error: string } {
  const kind = detectKind(body);
  if (kind === "unknown") return { error: "not a feed or sitemap: expected RSS, Atom, RDF, JSON Feed, <urlset> or <sitemapindex>" };
  if (kind === "page") {
    const feeds = feedLinksOf(body, url);
    if (!feeds.length) return { error: "a web page that announces no feed: give the site's feed (often …/feed or …/rss.xml) or its sitemap" };
    return { items: [], children: feeds };
  }
  if (kind === "sitemap") {
    const sitemap = parseSitemap(body, url);
    if ("error" in sitemap) return sitemap;
    const items = sitemap.urls.map(({ url, title, publishedAt, outlet }) => ({ url, hints: defined({ url, title, publishedAt, outlet }) }));
    return { items, children: sitemap.sitemaps };
  }
  const feed = readFeed(body, url);
  if ("error" in feed) return feed;
  return { items: feed.items.map((item) => toItemToRead(item, feed.title, now)), children: [] };
}

function toItemToRead(item: FeedItem, feedTitle: string | undefined, now: () => string): ItemToRead {
  const hints = defined({ url: item.url, title: item.title, publishedAt: item.publishedAt, authors: item.authors });
  if (item.content && countWords(item.content) >= FULL_CONTENT_MIN_WORDS) {
    return { source: item.url, format: item.contentFormat ?? "html", body: item.content, hints: defined({ ...hints, outlet: feedTitle }), fetchedAt: now() };
  }
  return { url: item.url, hints };
}

const defined = (hints: InputHints): InputHints =>
  Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)) as InputHints;

/** The fetcher reads only HTML and text answers; say plainly when a feed was refused for its XML/JSON type. */
function feedFetchError(error: string): string {
  const refused = /^not an article: (\S*(xml|json)\S*)/i.exec(error);
  return refused ? `feed not read: the server sent it as ${refused[1]}, a type the fetcher does not read yet` : error;
}
