/**
 * Feed autodiscovery: the feeds a web page announces in its head (<link rel="alternate"
 * type="application/rss+xml" href="…">, as browsers and feed readers read them), so that `watch https://site/`
 * follows the site's feed instead of failing on a home page. Comment feeds (WordPress lists one beside every
 * article feed) are left out: they list comments, not articles.
 */
import { Parser } from "htmlparser2";

const FEED_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"]);
const COMMENTS = /\bcomments?\b/i;

/** Absolute URLs of the page's announced article feeds, in page order, each once. */
export function feedLinksOf(html: string, pageUrl: string): string[] {
  const links: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name !== "link" || !attrs.href) return;
      const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
      const type = (attrs.type ?? "").toLowerCase().split(";")[0]!.trim();
      if (!rel.includes("alternate") || !FEED_TYPES.has(type)) return;
      if (COMMENTS.test(attrs.title ?? "") || /\/comments?\//i.test(attrs.href)) return;
      try {
        const url = new URL(attrs.href, pageUrl).href;
        if (!links.includes(url)) links.push(url);
      } catch {
        // an unreadable href is no feed
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html);
  return links;
}
