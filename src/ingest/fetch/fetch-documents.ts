/**
 * URLs → RawDocuments, politely: robots.txt, per-host limits, retries, timeouts, a size cap, redirects followed by
 * hand so each hop is checked (scheme, address, robots), and conditional requests against an optional cache.
 * One result per URL, in order; a URL that cannot be fetched is an InputFailure saying why and what to do.
 */
import type { InputFailure, RawDocument } from "../../records.js";
import { documentsFromBytes } from "../read-inputs.js";
import { addressRefusal, literalAddress } from "./address-policy.js";
import { conditionalHeaders, type FetchCacheEntry } from "./cache.js";
import { formatOf, parseContentType } from "./content-type.js";
import { GZIP_TYPES, inflateGzipFile, isGzipped } from "./gzip-file.js";
import { resolveOptions, type FetchOptions, type ResolvedOptions } from "./fetch-options.js";
import { mapLimit } from "./host-limits.js";
import { isHttpFailure, type HttpFailure, type HttpResponse } from "./http-get.js";
import { isAllowedByRobots, MAX_ROBOTS_BYTES } from "./robots.js";
import { createSession, type Session } from "./session.js";

export type FetchResult = RawDocument | InputFailure;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchDocuments(urls: readonly string[], options: FetchOptions = {}): Promise<FetchResult[]> {
  const o = resolveOptions(options);
  const session = createSession(o);
  try {
    return await mapLimit(urls, o.concurrency, (url) => fetchDocument(url, o, session));
  } finally {
    await session.close();
  }
}

async function fetchDocument(source: string, o: ResolvedOptions, session: Session): Promise<FetchResult> {
  const fail = (error: string): InputFailure => ({ source, error });
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return fail("not a URL: give an absolute http:// or https:// address");
  }
  const followed = await follow(url, o, session, "page");
  if (isHttpFailure(followed)) return fail(followed.error);
  const { res, finalUrl, cached } = followed;
  const fetchedAt = o.now();

  if (res.status === 304) {
    if (!cached?.body || !cached.format) return fail("HTTP 304 Not Modified, but nothing is cached for this URL");
    return { source, format: cached.format, body: cached.body, hints: { url: finalUrl.href }, fetchedAt };
  }
  if (res.status < 200 || res.status >= 300) return fail(statusFailure(res.status));

  let body = res.body;
  const gzipped = isGzipped(body);
  if (gzipped) {
    const inflated = inflateGzipFile(body, o.maxInputBytes);
    if ("error" in inflated) return fail(inflated.error);
    body = inflated;
  }
  const declared = parseContentType(res.headers["content-type"]);
  // A gzip file's "application/gzip" says nothing of what it holds: its inflated bytes are sniffed like an untyped answer.
  const type = declared && !(gzipped && GZIP_TYPES.has(declared.mime)) ? declared : null;
  const format = type ? formatOf(type.mime, o.formats) : sniffFormat(body);
  if (!format) return fail(`not an article: ${type!.mime} (only HTML and plain-text pages are read)`);
  const [doc] = documentsFromBytes(body, source, { maxInputBytes: o.maxInputBytes, fetchedAt, format, declaredCharset: type?.charset ?? null });
  if (!doc || "error" in doc) return doc ?? fail("empty response");
  const document: RawDocument = { ...doc, hints: { ...doc.hints, url: finalUrl.href } };

  const etag = res.headers["etag"];
  const lastModified = res.headers["last-modified"];
  if (o.cache && (etag || lastModified)) await o.cache.set(finalUrl.href, { etag, lastModified, body: document.body, format: document.format });
  return document;
}

interface Followed {
  res: HttpResponse;
  finalUrl: URL;
  cached: FetchCacheEntry | null;
}

/** GETs `start`, following redirects by hand; every hop must pass the scheme, address and (for pages) robots checks. */
async function follow(start: URL, o: ResolvedOptions, session: Session, purpose: "page" | "robots"): Promise<Followed | HttpFailure> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const refused = await refusal(url, o, session, purpose);
    if (refused) return { error: hop > 0 ? `redirected to ${url.href}: ${refused}` : refused, retryable: false };
    const cached = purpose === "page" && o.cache ? await o.cache.get(url.href) : null;
    const readBody = (status: number) => (status >= 200 && status < 300);
    const maxBytes = purpose === "robots" ? MAX_ROBOTS_BYTES : o.maxInputBytes;
    const res = await session.get(url, conditionalHeaders(cached), readBody, maxBytes);
    if (isHttpFailure(res)) return hop > 0 ? { ...res, error: `${res.error} (redirected to ${url.href})` } : res;
    const location = res.headers["location"];
    if (!REDIRECTS.has(res.status) || !location) return { res, finalUrl: url, cached };
    if (hop >= o.maxRedirects) return { error: `too many redirects (more than ${o.maxRedirects}); the last went to ${location}`, retryable: false };
    try {
      url = new URL(location, url);
    } catch {
      return { error: `redirected to an unreadable address: ${location}`, retryable: false };
    }
  }
}

/** Why this hop may not be requested, or null. */
async function refusal(url: URL, o: ResolvedOptions, session: Session, purpose: "page" | "robots"): Promise<string | null> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `refused: ${url.protocol} URLs are not fetched, only http:// and https://`;
  }
  if (url.username || url.password) return "refused: URLs with a user name or password are not fetched";
  const literal = literalAddress(url);
  const denied = literal ? addressRefusal(literal, literal, o) : null;
  if (denied) return denied;
  if (purpose === "robots") return null;
  const rules = await session.robots(url, (robotsTxt) => follow(robotsTxt, o, session, "robots").then((r) => (isHttpFailure(r) ? r : r.res)));
  if (isHttpFailure(rules)) return rules.error;
  if (isAllowedByRobots(rules, url.href)) return null;
  return rules.kind === "disallow-all"
    ? `not fetched: ${rules.reason}, so the site's rules are unknown and we keep off (as search engines do): try later`
    : `not fetched: the site's robots.txt disallows it for crawlers: save the page from a browser and pass the file`;
}

function statusFailure(status: number): string {
  if (status === 404 || status === 410) return `HTTP ${status}: no such page (check the URL)`;
  if (status === 401 || status === 402 || status === 403) {
    return `HTTP ${status}: the site refuses us (a paywall or a bot block): save the page from a browser and pass the file`;
  }
  if (status === 429) return "HTTP 429: the site says we asked too often, even after waiting: try later";
  if (status >= 500) return `HTTP ${status}: the server failed, even after retries: try later`;
  if (REDIRECTS.has(status)) return `HTTP ${status}: a redirect without a Location header`;
  return `HTTP ${status}: no article in that answer`;
}

/** No Content-Type: HTML if it opens like markup, else text. */
function sniffFormat(body: Uint8Array): "html" | "text" {
  const head = new TextDecoder("latin1").decode(body.subarray(0, 1024));
  return /^\s*(\uFEFF|\u00EF\u00BB\u00BF)?\s*</.test(head) ? "html" : "text";
}
