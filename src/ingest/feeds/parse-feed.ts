/** A feed's text → its items: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, read by feedsmith. Never throws. */
import { XMLValidator } from "fast-xml-parser";
import { parseFeed as parseAnyFeed } from "feedsmith";
import { absoluteHttpUrl, cleanAuthors, cleanTitle, isoDate } from "./feed-text.js";

export interface FeedItem {
  /** Absolute http(s) URL, resolved against the feed's URL. */
  url: string;
  title?: string;
  /** ISO 8601. */
  publishedAt?: string;
  authors?: string[];
  summary?: string;
  /** The full text or HTML when the feed carries it (content:encoded, Atom content, content_html/content_text). */
  content?: string;
  contentFormat?: "html" | "text";
  /** guid / id, else the URL. */
  id: string;
}

export interface ParsedFeed {
  /** The feed's own title ("Example Times – World"), when it has one. */
  title?: string;
  items: FeedItem[];
}

// feedsmith's item types are wide unions; we read the few fields we need through these shapes.
type Text = string | { value?: string; type?: string } | undefined;
type Person = { name?: string; email?: string };
interface LooseItem {
  title?: Text; link?: string; links?: { href?: string; rel?: string }[]; url?: string; external_url?: string;
  guid?: { value?: string } | string; id?: string; rdf?: { about?: string };
  pubDate?: string; published?: string; updated?: string; date_published?: string; date_modified?: string;
  dc?: { creators?: string[]; creator?: string; dates?: string[]; date?: string };
  authors?: (Person | string)[]; author?: Person | string;
  description?: string; summary?: Text; content?: Text | { encoded?: string };
  content_html?: string; content_text?: string;
}

/** `feedUrl` resolves relative links. Malformed input, or a document that is not a feed, is `{ error }`. */
export function parseFeed(body: string, feedUrl: string): FeedItem[] | { error: string } {
  const parsed = readFeed(body, feedUrl);
  return "error" in parsed ? parsed : parsed.items;
}

/** parseFeed with the feed's own title, which names the outlet of items read straight from the feed. */
export function readFeed(body: string, feedUrl: string): ParsedFeed | { error: string } {
  let result: { format: string; feed: unknown };
  try {
    result = parseAnyFeed(body) as { format: string; feed: unknown };
  } catch (error) {
    return { error: whyNotAFeed(body, error as Error) };
  }
  const feed = result.feed as { title?: Text; items?: LooseItem[]; entries?: LooseItem[] };
  const raw = (result.format === "atom" ? feed.entries : feed.items) ?? [];
  const items: FeedItem[] = [];
  for (const entry of raw) {
    const item = toItem(entry, feedUrl);
    if (item) items.push(item);
  }
  // feedsmith reads broken XML leniently, which keeps the items of a slightly broken feed; when none came out,
  // the breakage is the news.
  if (!items.length && body.trimStart().startsWith("<")) {
    const valid = XMLValidator.validate(body);
    if (valid !== true) return { error: `not a feed: malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
  }
  return { title: cleanTitle(textOf(feed.title)), items };
}

function toItem(e: LooseItem, base: string): FeedItem | null {
  const url = absoluteHttpUrl(linkOf(e), base);
  if (!url) return null; // no page to read and nothing to compare it by
  const item: FeedItem = { url, id: idOf(e) ?? url };
  const title = cleanTitle(textOf(e.title));
  if (title) item.title = title;
  const publishedAt = isoDate(e.pubDate ?? e.published ?? e.date_published ?? e.dc?.dates?.[0] ?? e.dc?.date ?? e.updated ?? e.date_modified);
  if (publishedAt) item.publishedAt = publishedAt;
  const authors = cleanAuthors(authorNames(e));
  if (authors) item.authors = authors;
  const summary = textOf(e.summary) ?? e.description;
  if (summary?.trim()) item.summary = summary.trim();
  const content = contentOf(e);
  if (content) Object.assign(item, content);
  return item;
}

function linkOf(e: LooseItem): string | undefined {
  if (e.links) {
    const alternate = e.links.find((l) => !l.rel || l.rel === "alternate") ?? e.links[0];
    return alternate?.href;
  }
  // JSON Feed: url is the item's page; RSS without <link>: a permalink guid; RDF: rdf:about.
  const guid = typeof e.guid === "object" ? e.guid.value : e.guid;
  const permalink = typeof e.guid === "object" && (e.guid as { isPermaLink?: boolean }).isPermaLink === false ? undefined : guid;
  return e.link ?? e.url ?? e.external_url ?? permalink ?? e.rdf?.about;
}

function idOf(e: LooseItem): string | undefined {
  const id = (typeof e.guid === "object" ? e.guid.value : e.guid) ?? e.id ?? e.rdf?.about;
  return id?.trim() || undefined;
}

function authorNames(e: LooseItem): string[] {
  const name = (p: Person | string | undefined) => (typeof p === "string" ? p : p?.name);
  const names = [...(e.dc?.creators ?? []), ...(e.dc?.creator ? [e.dc.creator] : [])];
  if (!names.length) names.push(...(e.authors ?? []).map(name).filter((n): n is string => !!n));
  if (!names.length && e.author) names.push(name(e.author) ?? "");
  return names;
}

function contentOf(e: LooseItem): Pick<FeedItem, "content" | "contentFormat"> | null {
  const c = e.content;
  if (c && typeof c === "object" && "encoded" in c && c.encoded?.trim()) return { content: c.encoded, contentFormat: "html" };
  if (c && typeof c === "object" && "value" in c && c.value?.trim()) {
    return { content: c.value, contentFormat: c.type === "html" || c.type === "xhtml" ? "html" : "text" };
  }
  if (e.content_html?.trim()) return { content: e.content_html, contentFormat: "html" };
  if (e.content_text?.trim()) return { content: e.content_text, contentFormat: "text" };
  return null;
}

function textOf(t: Text): string | undefined {
  return typeof t === "string" ? t : t?.value;
}

/** The clearest reason we can give: bad JSON, bad XML (with its line), an HTML page, or some other XML. */
function whyNotAFeed(body: string, error: Error): string {
  const head = body.trimStart().slice(0, 1024);
  if (!head) return "not a feed: the answer is empty";
  if (head.startsWith("{") || head.startsWith("[")) {
    try {
      JSON.parse(body);
    } catch (e) {
      return `not a feed: malformed JSON (${(e as Error).message})`;
    }
    return "not a feed: JSON, but not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/1…\" with items)";
  }
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype html|^<html\b/i.test(head)) {
    return "not a feed: an HTML page (give the page itself as an input, or the feed it links to)";
  }
  if (head.startsWith("<")) {
    const valid = XMLValidator.validate(body);
    if (valid !== true) return `not a feed: malformed XML at line ${valid.err.line}: ${valid.err.msg}`;
    return `not a feed: XML, but not RSS, Atom or RDF (${error.message})`;
  }
  return "not a feed: neither XML nor JSON";
}
