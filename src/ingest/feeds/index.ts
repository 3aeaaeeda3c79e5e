export { readFeeds, type ReadFeedsOptions } from "./read-feeds.js";
export { discover, isUrlToRead, DISCOVER_DEFAULTS, type DiscoverOptions, type Discovered, type ItemToRead, type UrlToRead } from "./discover.js";
export { parseFeed, readFeed, type FeedItem, type ParsedFeed } from "./parse-feed.js";
export { parseSitemap, type ParsedSitemap, type SitemapUrl } from "./parse-sitemap.js";
export { detectKind, type SourceKind } from "./detect-kind.js";
