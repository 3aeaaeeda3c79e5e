export { fetchDocuments, type FetchResult } from "./fetch-documents.js";
export { FETCH_DEFAULTS, USER_AGENT, type FetchOptions } from "./fetch-options.js";
export { createMemoryCache, type FetchCache, type FetchCacheEntry } from "./cache.js";
