/** What a fetched answer is, by its content (servers label feeds text/xml, application/xml, text/plain…). */

/** "page": an HTML page, which may announce its site's feeds (feed-links.ts). */
export type SourceKind = "feed" | "sitemap" | "page" | "unknown";

/** Enough of the head to pass an XML prolog, a stylesheet and a licence comment. */
const SNIFF_CHARS = 4096;

export function detectKind(body: string): SourceKind {
  const head = body.trimStart().slice(0, SNIFF_CHARS);
  if (head.startsWith("{")) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1/.test(head) ? "feed" : "unknown";
  const root = /<(?!\?|!)([\w:.-]+)/.exec(head.replace(/<!--[\s\S]*?-->/g, ""))?.[1]?.toLowerCase();
  if (root === "rss" || root === "feed" || root === "rdf:rdf") return "feed";
  if (root === "urlset" || root === "sitemapindex") return "sitemap";
  if (root === "html" || root === "head" || /^<!doctype html[\s>]/i.test(head)) return "page";
  return "unknown";
}
