/** What conditional requests need from a previous fetch of a URL: its validators and the body they validate. */
export interface FetchCacheEntry {
  etag?: string;
  lastModified?: string;
  /** The decoded body as the RawDocument had it. */
  body?: string;
  format?: "html" | "text";
}

/** Synchronous or not: a store-backed cache may return promises. */
export interface FetchCache {
  get(url: string): FetchCacheEntry | null | Promise<FetchCacheEntry | null>;
  set(url: string, entry: FetchCacheEntry): void | Promise<void>;
}

export function createMemoryCache(): FetchCache & { entries: Map<string, FetchCacheEntry> } {
  const entries = new Map<string, FetchCacheEntry>();
  return { entries, get: (url) => entries.get(url) ?? null, set: (url, entry) => void entries.set(url, entry) };
}

/** If-None-Match / If-Modified-Since for a cached entry that has a body to fall back on. */
export function conditionalHeaders(entry: FetchCacheEntry | null): Record<string, string> {
  if (!entry?.body) return {};
  const headers: Record<string, string> = {};
  if (entry.etag) headers["if-none-match"] = entry.etag;
  if (entry.lastModified) headers["if-modified-since"] = entry.lastModified;
  return headers;
}
