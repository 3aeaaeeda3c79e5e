/** Small cleaners for what feeds and sitemaps carry: HTML-ish titles, dates in three formats, author names. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", mdash: "—", ndash: "–",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", hellip: "…",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Markup → plain text on one line: tags dropped, entities decoded, whitespace collapsed. */
export function plainText(html: string): string {
  // [^<>], not [^>]: from each "<" the scan stops at the next one, so "<a <a <a …" is not read once per "<".
  return decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^<>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

export const countWords = (html: string): number => plainText(html).split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Dates before this are typos or epoch defaults ("1970-01-01"), not news. */
const EARLIEST_NEWS_YEAR = 1990;
/** Feeds run a little ahead of our clock (time zones, scheduled posts); further ahead is a bad date. */
const FUTURE_SLACK_MS = 2 * 24 * 3600 * 1000;

/** RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) or W3C (sitemaps) → ISO 8601, or undefined when unreadable or implausible. */
export function isoDate(value: unknown, nowMs = Date.now()): string | undefined {
  if (typeof value !== "string" || !value.trim()) return undefined;
  const text = value.trim();
  // A bare W3C date ("2025-06-10") keeps its day granularity rather than becoming midnight UTC.
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = Date.parse(bare ? `${text}T00:00:00Z` : text);
  if (!Number.isFinite(ms)) return undefined;
  if (new Date(ms).getUTCFullYear() < EARLIEST_NEWS_YEAR || ms > nowMs + FUTURE_SLACK_MS) return undefined;
  return bare ? text : new Date(ms).toISOString();
}

/** Longer than this, a "title" is a summary pasted into the wrong field. */
const MAX_TITLE_CHARS = 300;

export function cleanTitle(value: unknown, html = true): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = html ? plainText(value) : value.replace(/\s+/g, " ").trim();
  return text && text.length <= MAX_TITLE_CHARS ? text : undefined;
}

/** A person's or desk's name: not an e-mail, a URL, or a paragraph. */
export function cleanAuthor(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = plainText(value).replace(/^by\s+/i, "");
  if (!text || text.length > 100 || /@|https?:\/\/|www\./i.test(text)) return undefined;
  return text;
}

export function cleanAuthors(values: readonly unknown[]): string[] | undefined {
  const names = [...new Set(values.map(cleanAuthor).filter((n): n is string => !!n))];
  return names.length ? names : undefined;
}

/** `href` resolved against `base`, only when it is http(s); the fragment is dropped (same page). */
export function absoluteHttpUrl(href: unknown, base: string): string | undefined {
  if (typeof href !== "string" || !href.trim()) return undefined;
  try {
    const url = new URL(decodeEntities(href.trim()), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    url.hash = "";
    return url.href;
  } catch {
    return undefined;
  }
}
