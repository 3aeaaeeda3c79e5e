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

/** Built once: a file of a million empty records asks for it a million times. */
const NO_TEXT = `the record has no text: none of ${[...FIELD_NAMES.html, ...FIELD_NAMES.text].map((k) => `"${k}"`).join(", ")} is a string`;

/** Calibration: headlines run under 200 characters, URLs under 2,000, names under 100; each cap is several times that. */
const MAX_FIELD_CHARS = { title: 1000, url: 8192, name: 300, date: 100 } as const;

/** One article given as JSON: `{ id?, text | html, title?, url?, outlet?, publishedAt?, authors? }`, or the same under another common name. */
export function parseArticleRecord(value: unknown, source: string, fetchedAt: string): RawDocument | InputFailure {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { source, error: "expected a JSON object with a \"text\" or \"html\" field" };
  }
  const record = value as Record<string, unknown>;
  const html = first(record, FIELD_NAMES.html, asString);
  const text = first(record, FIELD_NAMES.text, asText);
  if (html === undefined && text === undefined) {
    return { source, error: NO_TEXT };
  }
  const hints: InputHints = {};
  const id = record.id;
  // An id is the article's identity: a NUL in it (which no database column takes) fails the record, named.
  if (typeof id === "string" && id.includes("\u0000")) return { source, error: "the \"id\" holds a NUL character" };
  if (typeof id === "string" && id.trim()) hints.id = id;
  else if (typeof id === "number") hints.id = String(id);
  const title = first(record, FIELD_NAMES.title, asString)?.trim();
  const url = first(record, FIELD_NAMES.url, asString)?.trim();
  const outlet = first(record, FIELD_NAMES.outlet, asName)?.trim();
  const publishedAt = first(record, FIELD_NAMES.publishedAt, asDate)?.trim();
  // A field far longer than its kind ever is (a 1 MB "title") is a body pasted into the wrong field: left out,
  // since hints are trusted over extraction and every analyzer would read it.
  if (title && title.length <= MAX_FIELD_CHARS.title) hints.title = title;
  if (url && url.length <= MAX_FIELD_CHARS.url) hints.url = url;
  if (outlet && outlet.length <= MAX_FIELD_CHARS.name) hints.outlet = outlet;
  if (publishedAt && publishedAt.length <= MAX_FIELD_CHARS.date) hints.publishedAt = publishedAt;
  const authors = first(record, FIELD_NAMES.authors, asNames)?.filter((name) => name.length <= MAX_FIELD_CHARS.name);
  if (authors?.length) hints.authors = authors;
  return { source, format: html !== undefined ? "html" : "text", body: withoutNul((html ?? text ?? "").normalize("NFC")), hints: hintsWithoutNul(hints), fetchedAt };
}

/** NUL is no character a reader sees, and no text column takes it: dropped from what a record says. */
const withoutNul = (text: string): string => (text.includes("\u0000") ? text.replaceAll("\u0000", "") : text);

function hintsWithoutNul(hints: InputHints): InputHints {
  const { title, url, outlet, publishedAt, authors } = hints;
  return {
    ...hints,
    ...(title !== undefined && { title: withoutNul(title) }),
    ...(url !== undefined && { url: withoutNul(url) }),
    ...(outlet !== undefined && { outlet: withoutNul(outlet) }),
    ...(publishedAt !== undefined && { publishedAt: withoutNul(publishedAt) }),
    ...(authors !== undefined && { authors: authors.map(withoutNul) }),
  };
}

/**
 * Failures named one by one per records file; past these, they are counted by reason in one more failure. A file
 * of a million `{}` lines printed a million lines (and held a million failure records).
 */
export const MAX_NAMED_RECORD_FAILURES = 20;

/** "not valid JSON (Unexpected token …)" → "not valid JSON": the reason, without what varies per record. */
const reasonOf = (error: string): string => (error === NO_TEXT ? NO_TEXT_REASON : error.replace(/ ?[:(].*$/s, ""));
const NO_TEXT_REASON = reasonOf("the record has no text:");

class RecordResults {
  readonly results: (RawDocument | InputFailure)[] = [];
  readonly #unnamed = new Map<string, number>();
  #records = 0;
  #named = 0;

  constructor(private readonly source: string) {}

  add(result: RawDocument | InputFailure): void {
    this.#records++;
    if (!("error" in result)) this.results.push(result);
    else if (this.#named < MAX_NAMED_RECORD_FAILURES) {
      this.#named++;
      this.results.push(result);
    } else {
      const reason = reasonOf(result.error);
      this.#unnamed.set(reason, (this.#unnamed.get(reason) ?? 0) + 1);
    }
  }

  /** The documents and named failures, one failure counting the rest, or why the file held no record at all. */
  finish(): (RawDocument | InputFailure)[] {
    if (this.#records === 0) return [{ source: this.source, error: "no records in it (an empty list or only blank lines)" }];
    if (this.#unnamed.size) {
      const total = [...this.#unnamed.values()].reduce((a, b) => a + b, 0);
      const reasons = [...this.#unnamed].map(([reason, n]) => `${n.toLocaleString("en")} ${reason}`).join("; ");
      this.results.push({ source: this.source, error: `${total.toLocaleString("en")} more records could not be read (${reasons})` });
    }
    return this.results;
  }
}

/** `.jsonl`: one record per line; a bad line fails alone, naming its line number. */
export function parseJsonLines(text: string, source: string, fetchedAt: string): (RawDocument | InputFailure)[] {
  const out = new RecordResults(source);
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${source}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      out.add({ source: where, error: `not valid JSON (${(error as Error).message})` });
      return;
    }
    out.add(parseArticleRecord(value, where, fetchedAt));
  });
  return out.finish();
}

export function parseJsonFile(text: string, source: string, fetchedAt: string): (RawDocument | InputFailure)[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ source, error: `not valid JSON (${(error as Error).message})` }];
  }
  if (Array.isArray(value)) {
    const out = new RecordResults(source);
    value.forEach((v, i) => out.add(parseArticleRecord(v, `${source}#${i}`, fetchedAt)));
    return out.finish();
  }
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
