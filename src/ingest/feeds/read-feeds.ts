/** Feed and sitemap URLs → RawDocuments: discover the articles, then fetch the ones not carried whole. */
import type { InputFailure, InputHints, RawDocument } from "../../records.js";
import { fetchDocuments } from "../fetch/index.js";
import { discover, isUrlToRead, type DiscoverOptions, type UrlToRead } from "./discover.js";

/**
 * One result per article found, in feed order, after the failures of feeds and sitemaps that could not be read
 * (each names its URL). All pages are fetched in one fetchDocuments call, so robots.txt and per-host limits hold.
 */
export async function readFeeds(urls: readonly string[], options: ReadFeedsOptions = {}): Promise<(RawDocument | InputFailure)[]> {
  const { items: found, failures } = await discover(urls, options);
  // Articles already read in an earlier round (watch) are neither fetched nor returned again.
  const known = options.known ? await options.known(found.map(urlOf)) : new Set<string>();
  const items = found.filter((item) => !known.has(urlOf(item)));
  const toFetch = items.filter(isUrlToRead);
  const fetched = toFetch.length ? await fetchDocuments(toFetch.map((i) => i.url), options) : [];
  const byUrl = new Map(toFetch.map((item, k) => [item.url, withFeedHints(fetched[k]!, item)]));
  return [...failures, ...items.map((item) => (isUrlToRead(item) ? byUrl.get(item.url)! : item))];
}

export interface ReadFeedsOptions extends DiscoverOptions {
  /** Which of these article URLs are already stored: they are skipped. */
  known?: (urls: string[]) => Promise<Set<string>>;
}

const urlOf = (item: RawDocument | UrlToRead): string => (isUrlToRead(item) ? item.url : item.hints.url ?? item.source);

/**
 * InputHints are trusted over extraction, so only what the feed states plainly is passed on (the cleaners in
 * feed-text.ts already dropped implausible dates, e-mail "authors" and over-long titles); the page's own
 * final URL stays in hints.url.
 */
function withFeedHints(result: RawDocument | InputFailure, item: UrlToRead): RawDocument | InputFailure {
  if ("error" in result) return result;
  const { title, publishedAt, authors, outlet } = item.hints;
  const feed: InputHints = {};
  if (title) feed.title = title;
  if (publishedAt) feed.publishedAt = publishedAt;
  if (authors?.length) feed.authors = authors;
  if (outlet) feed.outlet = outlet; // only news sitemaps give one (<news:name>): the page names its own outlet better than a feed title
  return { ...result, hints: { ...result.hints, ...feed, url: result.hints.url ?? item.url } };
}
