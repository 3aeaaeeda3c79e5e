/**
 * Page furniture named by its class or id: share bars, newsletter promos, related-post lists, author bio boxes,
 * comments, site chrome. The rules are data (words, first words, word pairs); boilerplate.ts decides whether
 * an element so named may really go.
 */
import { classAndIdTokens, type Element } from "./dom.js";

/**
 * "prose" furniture (comments, cookie walls and consent prompts, author bios) may hold much prose that is still
 * not the story, so only content markers protect it; other furniture is also kept when it holds most of the page.
 */
export type FurnitureKind = "prose" | "furniture";

/** A class or id with one of these words anywhere (split on - _ and camelCase) marks furniture. */
const FURNITURE_WORDS = new Set([
  // comments
  "comment", "comments", "commentlist", "disqus",
  // share bars
  "share", "sharing", "sharedaddy", "addtoany", "shariff", "sociable", "socialshare", "sharebar",
  // newsletter promos
  "newsletter", "subscribe",
  // related / recommended posts
  "related", "relatedposts", "recommended", "recommendations", "yarpp", "outbrain", "taboola",
  // author bio boxes
  "authorbio", "authorbox", "biography",
  // site chrome and ads
  "breadcrumb", "breadcrumbs", "pagination", "cookie", "cookies", "consent", "advertisement", "adsbygoogle",
  "tagcloud", "postmetadata", "copyright", "ratings", "postratings", "footer",
  // prompts laid over the page (log-in, consent, paywall dialogs)
  "modal", "popup", "lightbox", "overlay",
  // text for screen readers only ("Share on Facebook", "Posted on")
  "screenreadertext", "sronly", "visuallyhidden",
]);
/**
 * Short or generic words that mark furniture only as a token's first word: "ad-slot", "menu-main", "sidebar"
 * are furniture, while "modal-enabled", "no-print", "elementor-widget", "sticky-sidebar-parent" wrap content.
 */
const FURNITURE_HEADS = new Set([
  "ad", "ads", "advert", "menu", "bio", "tags", "social", "sponsored", "signup", "optin", "subscription", "pager",
  "navigation", "navbar", "sidebar", "skiplink", "promo", "respond", "kommentare", "login", "signin", "paywall",
  "widgettitle",
]);
/** Two words that mark furniture together but not alone ("author" alone is often the byline we read). */
const FURNITURE_PAIRS: readonly (readonly [string, string])[] = [
  ["author", "bio"], ["about", "author"], ["author", "box"], ["author", "info"], ["author", "description"],
  ["more", "stories"], ["also", "read"], ["entry", "meta"], ["post", "meta"], ["entry", "footer"],
  ["entry", "utility"], ["site", "header"], ["ad", "unit"], ["ad", "slot"], ["ad", "container"], ["ad", "wrapper"],
  ["ad", "banner"], ["ad", "box"],
];

const COMMENT_WORDS = new Set(["comment", "comments", "commentlist", "disqus", "respond", "kommentare"]);
const PROMPT_WORDS = new Set(["cookie", "cookies", "consent", "gdpr"]);
/** Author bios, named by a word or a word pair ("author-bio", "about-author"): prose about the writer. */
const BIO_WORDS = new Set(["authorbio", "authorbox", "biography", "bio", "aboutauthor", "authordescription"]);
/** State flags, not names: "has-sharing", "no-share", "is-related", "with-comments". */
const FLAG_HEADS = new Set(["has", "no", "with", "without", "is", "show", "hide"]);

/** Pages repeat their class names on hundreds of elements: each distinct class-and-id string is judged once. */
const verdicts = new Map<string, FurnitureKind | null>();
const MAX_REMEMBERED = 50_000;

export function furnitureKind(el: Element): FurnitureKind | null {
  // The article element itself is never furniture, whatever layout classes it carries ("sticky-sidebar-parent").
  if (/^(body|html|main|article)$/.test(el.name)) return null;
  const key = `${el.attribs.class ?? ""}#${el.attribs.id ?? ""}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
    verdict = judge(classAndIdTokens(el));
    verdicts.set(key, verdict);
  }
  return verdict;
}

function judge(tokens: readonly string[]): FurnitureKind | null {
  for (const token of tokens) {
    // A BEM modifier describes, it does not name: "TestReport__Section--Ads" is a section that carries ads.
    const named = token.split("--")[0]!;
    const parts = named.split(/[-_]+/).filter((p) => p && p !== "js");
    if (!parts.length || FLAG_HEADS.has(parts[0]!)) continue;
    const hit =
      [named.replace(/[-_]/g, ""), ...parts].find((p) => FURNITURE_WORDS.has(p)) ??
      (FURNITURE_HEADS.has(parts[0]!) ? parts[0] : undefined) ??
      FURNITURE_PAIRS.find(([a, b]) => parts.includes(a) && parts.includes(b))?.join("");
    if (hit) return COMMENT_WORDS.has(hit) || PROMPT_WORDS.has(hit) || BIO_WORDS.has(hit) ? "prose" : "furniture";
  }
  return null;
}
