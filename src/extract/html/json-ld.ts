/**
 * schema.org JSON-LD: the publisher's own structured statement of headline, authors and dates, so it outranks
 * every other in-page source. Handles top-level arrays, @graph, and @id references (Yoast's author → Person).
 */
import { decodeHTML } from "entities";
import { type Candidate, candidate as rawCandidate } from "./candidate.js";
import type { MetadataField } from "../../records.js";
import { all, type Page, rawText } from "./dom.js";

type Node = Record<string, unknown>;

/**
 * Article-like types: "NewsArticle", "ReportageNewsArticle", "OpinionNewsArticle"… end in "Article", blog and
 * forum posts in "Posting". Case-insensitive: publishers write "article" too.
 */
const ARTICLE_TYPE = /(article|posting|^report)$/i;
const PAGE_TYPE = /^(WebPage|ItemPage|AboutPage|CollectionPage)$/i;
const ORGANISATION_TYPE = /(organization|organisation|corporation|newsmedia|governmentorganization|ngo)$/i;
const CONFIDENCE_ARTICLE = 0.9;
/** A WebPage node's dates and name describe the page, usually but not always the article on it. */
const CONFIDENCE_PAGE = 0.75;

export function jsonLdCandidates(page: Page): Candidate[] {
  const nodes = all(page.document, 'script[type="application/ld+json" i]').flatMap((s) => flatten(parseJson(rawText(s))));
  const byId = new Map(nodes.filter((n) => typeof n["@id"] === "string").map((n) => [n["@id"] as string, n]));
  const resolve = (v: unknown): unknown => (isNode(v) && typeof v["@id"] === "string" && !v.name ? byId.get(v["@id"]) ?? v : v);

  const out: Candidate[] = [];
  const articles = nodes.filter((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  const pages = nodes.filter((n) => types(n).some((t) => PAGE_TYPE.test(t)));
  for (const [group, confidence, from] of [[articles, CONFIDENCE_ARTICLE, "json-ld"], [pages, CONFIDENCE_PAGE, "json-ld:page"]] as const) {
    for (const n of group) {
      out.push(...candidate("title", n.headline ?? (group === articles ? n.name : undefined), `${from}:headline`, confidence));
      out.push(...candidate("publishedAt", n.datePublished ?? n.dateCreated, `${from}:datePublished`, confidence));
      out.push(...candidate("modifiedAt", n.dateModified, `${from}:dateModified`, confidence));
      out.push(...candidate("language", n.inLanguage, `${from}:inLanguage`, confidence));
      for (const author of list(n.author ?? n.creator).map(resolve)) {
        // An organisation credited as author ("El Colombiano", a press office) is the outlet, not a byline.
        if (isNode(author) && types(author).some((t) => ORGANISATION_TYPE.test(t))) continue;
        out.push(...candidate("authors", nameOf(author), `${from}:author`, confidence));
      }
      const publisher = list(n.publisher).map(resolve)[0];
      out.push(...candidate("outlet", nameOf(publisher), `${from}:publisher`, confidence));
      out.push(...candidate("url", n.url ?? idOf(n.mainEntityOfPage), `${from}:url`, confidence - 0.1));
    }
  }
  for (const site of nodes.filter((n) => types(n).includes("WebSite"))) {
    out.push(...candidate("outlet", site.name, "json-ld:website", CONFIDENCE_PAGE));
  }
  return out;
}

/** JSON-LD is script text, not markup: publishers still HTML-escape it ("&#8222;Arschloch&#8220;"). */
function candidate(field: MetadataField, value: unknown, from: string, confidence: number): Candidate[] {
  return rawCandidate(field, typeof value === "string" ? decodeHTML(value) : value, from, confidence);
}

/** Publishers ship JSON-LD with raw newlines in strings, HTML comments and trailing commas; forgive those. */
function parseJson(text: string): unknown {
  const cleaned = text.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)|(-->|\/\/\s*\]\]>)\s*$/g, "").trim();
  for (const attempt of [cleaned, cleaned.replace(/[\r\n\t]+/g, " ").replace(/,\s*([}\]])/g, "$1")]) {
    try {
      return JSON.parse(attempt);
    } catch {
      // try the next, more forgiving form
    }
  }
  return null;
}

function flatten(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (!isNode(value)) return [];
  const graph = value["@graph"];
  return graph ? [value, ...flatten(graph)] : [value];
}

function types(n: Node): string[] {
  return list(n["@type"]).filter((t): t is string => typeof t === "string");
}

function nameOf(v: unknown): unknown {
  if (typeof v === "string") return v;
  if (!isNode(v)) return undefined;
  if (typeof v.name === "string") return v.name;
  const given = typeof v.givenName === "string" ? v.givenName : "";
  const family = typeof v.familyName === "string" ? v.familyName : "";
  return `${given} ${family}`.trim() || undefined;
}

function idOf(v: unknown): unknown {
  return typeof v === "string" ? v : isNode(v) ? v["@id"] : undefined;
}

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
