/** The fetcher's knobs and their defaults: polite enough for news sites, strict enough for a public server. */
import { GENERATOR } from "../../version.js";
import type { AddressPolicy, Resolve } from "./address-policy.js";
import type { FetchCache } from "./cache.js";

/** Names us and says where to read why we came, so a site's operator can find us before blocking us. */
export const USER_AGENT = `Triangulate/${GENERATOR.version} (+https://github.com/triangulate; news comparison)`;
/** The token robots.txt groups are matched on ("User-agent: Triangulate"). */
export const ROBOTS_AGENT = "Triangulate";

export interface FetchOptions extends AddressPolicy {
  /** Body cap, enforced while streaming. Default 20 MB (Config.maxInputBytes's default: pass config.maxInputBytes). */
  maxInputBytes?: number;
  /** URLs in flight at once, over all hosts. Default 8. */
  concurrency?: number;
  /** Requests in flight at once to one host. Default 2. */
  perHostConcurrency?: number;
  /** Minimum time between request starts to one host; robots.txt's Crawl-delay wins when larger. Default 1000. */
  minDelayMs?: number;
  /** Further tries after a network error, a timeout or a 5xx/429. Default 2. */
  retries?: number;
  /** Backoff base: try n waits a random time up to base·2^n. Default 500. */
  retryBaseMs?: number;
  /** The longest Retry-After we wait for; a longer one fails the URL, naming the wait. Default 30 000. */
  maxRetryAfterMs?: number;
  /** Default 10 000. */
  connectTimeoutMs?: number;
  /** Until the response headers arrive. Default 15 000. */
  headersTimeoutMs?: number;
  /** The whole response, headers and body. Default 30 000. */
  bodyTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Conditional requests (If-None-Match / If-Modified-Since) and the body to use on 304. */
  cache?: FetchCache;
  userAgent?: string;
  now?: () => string;
  /** DNS resolution (all addresses of a name); injectable for tests. Default node:dns lookup. */
  resolve?: Resolve;
  /**
   * More media types to read, and as what, beside HTML and plain text: the feed reader asks for
   * application/rss+xml and friends as "text"; article fetches never do.
   */
  formats?: Readonly<Record<string, "html" | "text">>;
}

export type ResolvedOptions = Required<Omit<FetchOptions, "cache" | "resolve" | "allowHosts" | "formats">> &
  Pick<FetchOptions, "cache" | "resolve"> & { allowHosts: readonly string[]; formats: Readonly<Record<string, "html" | "text">> };

export const FETCH_DEFAULTS = {
  maxInputBytes: 20 * 1024 * 1024,
  concurrency: 8,
  perHostConcurrency: 2,
  minDelayMs: 1000,
  retries: 2,
  retryBaseMs: 500,
  maxRetryAfterMs: 30_000,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 30_000,
  maxRedirects: 5,
} as const;

export function resolveOptions(options: FetchOptions): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as FetchOptions;
  return {
    ...FETCH_DEFAULTS,
    allowPrivate: false,
    allowHosts: [],
    formats: {},
    userAgent: USER_AGENT,
    now: () => new Date().toISOString(),
    ...defined,
  };
}
