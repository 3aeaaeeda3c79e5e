/**
 * Embedded posts (X/Twitter, Instagram, TikTok, Mastodon, Bluesky…) are someone else's words quoted as an
 * object: they are set aside into `Article.embeds`, never left in the body where a quote finder would credit them to
 * the article. Platform and handle are spelled as text/embeds.ts does ("x", "@handle"). Each platform's markup
 * is data; a generic rule catches a <blockquote> that ends in a post link.
 */
import type { Embed } from "../../records.js";
import { parsePublicationDate } from "../dates.js";
import { all, attr, type Element, first, matches, normaliseSpace, outermost, type Page, removeAll, textOf } from "./dom.js";

interface EmbedRule {
  selector: string;
  platform: string | null;
  /** Where the post's own URL sits: an attribute of the embed element, or the last matching link. */
  urlAttr?: string;
}

const EMBED_RULES: readonly EmbedRule[] = [
  { selector: "blockquote.twitter-tweet, blockquote.twitter-video", platform: "x" },
  { selector: "blockquote.instagram-media", platform: "instagram", urlAttr: "data-instgrm-permalink" },
  { selector: "blockquote.tiktok-embed", platform: "tiktok", urlAttr: "cite" },
  { selector: "blockquote.bluesky-embed", platform: "bluesky", urlAttr: "data-bluesky-uri" },
  { selector: "blockquote.threads-embed, blockquote.text-post-media", platform: "threads", urlAttr: "data-text-post-permalink" },
  { selector: "blockquote.mastodon-embed", platform: "mastodon" },
  { selector: "div.fb-post", platform: "facebook", urlAttr: "data-href" },
];
/** Every element an embed can be: one walk finds them all, and the rules are then tried on each. */
const EMBED_CANDIDATES = [...EMBED_RULES.map((r) => r.selector), "blockquote"].join(", ");

/** Post permalinks by platform: a generic <blockquote> whose last link is one of these is an embedded post. */
const STATUS_URLS: readonly [RegExp, string][] = [
  [/^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w+\/status(?:es)?\/\d+/i, "x"],
  [/^https?:\/\/(?:www\.)?instagram\.com\/(?:p|reel|tv)\/[\w-]+/i, "instagram"],
  [/^https?:\/\/(?:www\.)?tiktok\.com\/@[\w.]+\/video\/\d+/i, "tiktok"],
  [/^https?:\/\/bsky\.app\/profile\/[^/]+\/post\/\w+/i, "bluesky"],
  [/^https?:\/\/(?:www\.)?threads\.(?:net|com)\/@[\w.]+\/post\/[\w-]+/i, "threads"],
  [/^https?:\/\/(?:www\.)?facebook\.com\/[^/]+\/(?:posts|videos)\/[\w.-]+/i, "facebook"],
  [/^https?:\/\/[\w.-]+\/@\w+\/\d{6,}/i, "mastodon"],
];

/** "— Jane Doe (@janedoe) August 2, 2024": the signature line Twitter's embed code ends with. */
const SIGNATURE = /[—–-]\s*([^()@]{1,80}?)\s*\(@(\w{1,30})\)/;
/** Instagram: "A post shared by Jane Doe (@janedoe)". */
const SHARED_BY = /shared by\s+([^()@]{1,80}?)\s*\(@([\w.]{1,30})\)/i;
const HANDLE_IN_URL = /(?:twitter|x|instagram|tiktok|threads)\.(?:com|net)\/@?([\w.]+)\//i;

/** Find the embedded posts in the page, remove them, and return them in page order. */
export function takeEmbeds(page: Page): Embed[] {
  const found = new Map<Element, string | null>();
  for (const el of all(page.document, EMBED_CANDIDATES)) {
    const rule = ruleFor(el);
    const platform = rule ? rule.platform : platformOf(lastLink(el));
    if (rule || platform) found.set(el, platform);
  }
  const ordered = [...found.keys()];
  const embeds = outermost(ordered).map((el) => readEmbed(el, found.get(el) ?? null));
  removeAll(ordered);
  return embeds;
}

/** The last rule that matches names the platform, as it did when each rule's matches were collected in turn. */
function ruleFor(el: Element): EmbedRule | undefined {
  let found: EmbedRule | undefined;
  for (const rule of EMBED_RULES) if (matches(el, rule.selector)) found = rule;
  return found;
}

function readEmbed(el: Element, platform: string | null): Embed {
  const rule = EMBED_RULES.find((r) => r.platform === platform && matches(el, r.selector));
  const url = (rule?.urlAttr && attr(el, rule.urlAttr)) || lastLink(el);
  const whole = textOf(el);
  const signature = SIGNATURE.exec(whole) ?? SHARED_BY.exec(whole);
  const handle = signature?.[2] ?? (url ? HANDLE_IN_URL.exec(url)?.[1] ?? null : null);
  const paragraphs = all(el, "p").map(textOf).filter((p) => p && !SHARED_BY.test(p));
  const text = paragraphs.length ? paragraphs.join("\n\n") : whole;
  return {
    kind: "post",
    platform: platform ?? (url ? platformOf(url) : null),
    author: signature?.[1]?.trim() || null,
    handle: handle ? `@${handle.replace(/^@/, "")}` : null,
    text: stripSignature(text),
    date: embedDate(el),
    url,
  };
}

/** The tweet's own date is the text of its permalink; Instagram and others carry a <time datetime>. */
function embedDate(el: Element): string | null {
  const time = attr(first(el, "time[datetime]"), "datetime");
  const links = all(el, "a");
  const candidates = [time, textOf(links.at(-1))].filter((s): s is string => !!s);
  for (const c of candidates) {
    const parsed = parsePublicationDate(c);
    if (parsed) return parsed.iso;
  }
  return null;
}

function stripSignature(text: string): string {
  return normaliseSpace(text.replace(/\s*[—–-]\s*[^()@]{1,80}?\s*\(@\w{1,30}\)[\s\S]*$/, "")) || text;
}

function lastLink(el: Element): string | null {
  return attr(all(el, "a[href]").at(-1), "href");
}

function platformOf(url: string | null): string | null {
  if (!url) return null;
  return STATUS_URLS.find(([re]) => re.test(url))?.[1] ?? null;
}
