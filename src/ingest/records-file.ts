import type { InputFailure, InputHints, RawDocument } from "../records.js";

/**
 * The field names article records use in the wild, ours first: a record from news-please, newspaper3k, NewsAPI,
 * schema.org's NewsArticle, Kaggle's "All the news" or an AllSides crawl is read as it is, not converted by hand first (a record whose date
 * went unread loses the date gate; one whose outlet went unread, every per-outlet comparison). The first name
 * present wins. Download and crawl dates (news-please's `date_download`, `crawled_at`) are never publication
 * dates, so they are not here.
 */
const FIELD_NAMES = {
  html: ["html", "raw_html", "rawHtml"],
  text: ["text", "body", "content", "maintext", "articleBody", "article", "newBody"],
  title: ["title", "headline", "newsTitle"],
  url: ["url", "link", "newsLink", "canonical_url"],
  outlet: ["outlet", "source", "publication", "publisher", "source_name", "sourceName", "site_name", "siteName", "newsSource", "source_domain"],
  publishedAt: ["publishedAt", "published_at", "datePublished", "date_publish", "publish_date", "publication_date", "pubDate", "published", "date"],
  authors: ["authors", "author", "byline", "creator"],
} as const;

/** One article given as JSON: `{ id?, text | html, title?, url?, outlet?, publishedAt?, authors? }`, or the same under another common name. */
export function parseArticleRecord(value: unknown, source: string, fetchedAt: string): RawDocument | InputFailure {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { source, error: "expected a JSON object with a \"text\" or \"html\" field" };
  }
  const record = value as Record<string, unknown>;
  const html = first(record, FIELD_NAMES.html, asString);
  const text = first(record, FIELD_NAMES.text, asText);
  if (html === undefined && text === undefined) {
    return { source, error: `the record has no text: none of ${[...FIELD_NAMES.html, ...FIELD_NAMES.text].map((k) => `"${k}"`).join(", ")} is a string` };
  }
  const hints: InputHints = {};
  const id = record.id;
  if (typeof id === "string" && id.trim()) hints.id = id;
  else if (typeof id === "number") hints.id = String(id);
  const title = first(record, FIELD_NAMES.title, asString)?.trim();
  const url = first(record, FIELD_NAMES.url, asString)?.trim();
  const outlet = first(record, FIELD_NAMES.outlet, asName)?.trim();
  const publishedAt = first(record, FIELD_NAMES.publishedAt, asDate)?.trim();
  if (title) hints.title = title;
  if (url) hints.url = url;
  if (outlet) hints.outlet = outlet;
  if (publishedAt) hints.publishedAt = publishedAt;
  const authors = first(record, FIELD_NAMES.authors, asNames);
  if (authors?.length) hints.authors = authors;
  return { source, format: html !== undefined ? "html" : "text", body: (html ?? text ?? "").normalize("NFC"), hints, fetchedAt };
}

/** `.jsonl`: one record per line; a bad line fails alone, naming its line number. */
export function parseJsonLines(text: string, source: string, fetchedAt: string): (RawDocument | InputFailure)[] {
  const out: (RawDocument | InputFailure)[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${source}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      out.push({ source: where, error: `not valid JSON (${(error as Error).message})` });
      return;
    }
    out.push(parseArticleRecord(value, where, fetchedAt));
  });
  return out;
}

export function parseJsonFile(text: string, source: string, fetchedAt: string): (RawDocument | InputFailure)[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ source, error: `not valid JSON (${(error as Error).message})` }];
  }
  if (Array.isArray(value)) return value.map((v, i) => parseArticleRecord(v, `${source}#${i}`, fetchedAt));
  return [parseArticleRecord(value, source, fetchedAt)];
}

/** The first of these fields that reads as a value. */
function first<T>(record: Record<string, unknown>, names: readonly string[], read: (v: unknown) => T | undefined): T | undefined {
  for (const name of names) {
    const v = read(record[name]);
    if (v !== undefined) return v;
  }
  return undefined;
}

const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** A string, or paragraphs as an array of strings (an AllSides crawl's `newBody`). */
const asText = (v: unknown): string | undefined =>
  typeof v === "string" ? v : Array.isArray(v) && v.length && v.every((p) => typeof p === "string") ? v.join("\n\n") : undefined;

/** "CNN", or an object naming it: NewsAPI's `source: { id, name }`, schema.org's `publisher: { name }`. A URL is not a name. */
function asName(v: unknown): string | undefined {
  const name = typeof v === "string" ? v : v && typeof v === "object" && !Array.isArray(v) ? asString((v as Record<string, unknown>).name) : undefined;
  return name?.trim() && !/^[a-z][a-z0-9+.-]*:\/\//i.test(name.trim()) ? name : undefined;
}

/** One author or many: strings, or objects with a `name` (schema.org's `author: [{ "@type": "Person", name }]`). */
function asNames(v: unknown): string[] | undefined {
  const names = (Array.isArray(v) ? v : [v]).map(asName).filter((n): n is string => n !== undefined).map((n) => n.trim());
  return names.length ? names : undefined;
}

/**
 * A date as text, or as a Unix time: seconds, or milliseconds when it is too large to be seconds (after the year
 * 5138). Text is parsed later, with the article's other dates as evidence (extract/dates.ts).
 */
function asDate(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() ? v : undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) return undefined;
  const ms = v > 1e11 ? v : v * 1000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
