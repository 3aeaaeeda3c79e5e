/**
 * RawDocument → Article | Skip. HTML goes through Readability and the page's metadata, scraped text through
 * the line classifier; metadata given with the input (a .jsonl record's title, outlet, date) wins over both.
 */
import type { Article, FieldProvenance, InputHints, MetadataField, RawDocument, Skip } from "../records.js";
import { isSkip } from "../records.js";
import { shortHash } from "../_lib/hash.js";
import { resolveOutlet } from "../_lib/outlets.js";
import { parsePublicationDate } from "./dates.js";
import { extractHtmlArticle } from "./html/extract-html.js";
import { extractTextArticle } from "./text/extract-text.js";
import { urlCandidates } from "./html/page-url.js";

export function extractArticle(doc: RawDocument): Article | Skip {
  if (!doc.body.trim()) return { skip: "empty", source: doc.source, detail: "no text" };
  if (doc.format === "html") {
    const article = extractHtmlArticle(doc);
    if (isSkip(article)) return article;
    return withTitleCapped(applyHints({ ...article, id: articleId(doc, article.url), source: doc.source }, doc.hints));
  }
  const parts = extractTextArticle(doc);
  if (isSkip(parts)) return parts;
  const article: Article = { id: articleId(doc, null), source: doc.source, extractedBy: "text:lines", ...parts.article };
  return withTitleCapped(withUrlMetadata(applyHints(article, doc.hints)));
}

/**
 * Headlines run under 200 characters. A <title> of half a megabyte (one unbroken word) is cut here: the
 * analyzers read the title too, and the tokenizer's cost grows with the square of a word's length.
 */
const MAX_TITLE_CHARS = 1000;

function withTitleCapped(article: Article): Article {
  return article.title.length <= MAX_TITLE_CHARS ? article : { ...article, title: `${article.title.slice(0, MAX_TITLE_CHARS - 1)}…` };
}

/**
 * Scraped text given with its URL (a .jsonl record's `url`): what the URL says fills what the text and the record
 * did not, as it does for a page (a /2021/10/18/ path's date, the domain as the outlet of last resort), at the same
 * low confidence, so a stated date always wins.
 */
function withUrlMetadata(article: Article): Article {
  const out: Article = { ...article, provenance: { ...article.provenance } };
  for (const c of urlCandidates(article.url)) {
    if (c.field === "publishedAt" && !out.publishedAt) [out.publishedAt, out.provenance.publishedAt] = [c.value, { from: c.from, confidence: c.confidence }];
    if (c.field === "outlet" && !out.outlet) [out.outlet, out.provenance.outlet] = [c.value, { from: c.from, confidence: c.confidence }];
  }
  return out;
}

/**
 * The .jsonl record's id unchanged; else a hash of the URL; else of the raw input, so re-analyzing the same file
 * after an extractor change keeps the same id (no duplicate article in the store).
 */
export function articleId(doc: RawDocument, url: string | null): string {
  if (doc.hints.id) return doc.hints.id;
  const canonical = doc.hints.url ?? url;
  return canonical ? shortHash("url", canonical) : shortHash("body", doc.body);
}

function givenOutlet(name: string, url: string | null): string {
  const outlet = resolveOutlet(name, url);
  return outlet?.known ? outlet.name : name.trim();
}

function applyHints(article: Article, hints: InputHints): Article {
  const provenance: Partial<Record<MetadataField, FieldProvenance>> = { ...article.provenance };
  const given: FieldProvenance = { from: "input", confidence: 1 };
  const out: Article = { ...article, provenance };
  if (hints.title) [out.title, provenance.title] = [hints.title, given];
  // A given outlet is normalised like any other ("WSJ" → The Wall Street Journal; "the Post" by the record's URL), so
  // one outlet's records and its citations share one name; a name the table lacks is kept as given.
  if (hints.outlet) [out.outlet, provenance.outlet] = [givenOutlet(hints.outlet, hints.url ?? article.url), given];
  if (hints.url) [out.url, provenance.url] = [hints.url, given];
  if (hints.authors?.length) [out.authors, provenance.authors] = [hints.authors, given];
  // A given date that reads as no date ("n/a", "yesterday") is not kept as text: publishedAt is ISO 8601 or null, so
  // the date the page or text itself states stands.
  const date = hints.publishedAt ? parsePublicationDate(hints.publishedAt) : null;
  if (date) [out.publishedAt, provenance.publishedAt] = [date.iso, given];
  return out;
}
