/**
 * Which blocks of a scraped page are not the article: menus, share buttons, tags, footers, related-post lists,
 * photo credits. Rules are about the *shape* of web boilerplate, never about one site: a line a page repeats,
 * a bulleted menu item, a block of a few words with no sentence in it, the phrases every CMS prints.
 */
import { type Block, wordCount } from "./blocks.js";

/** Blocks of at most this many words with no sentence punctuation are menu items, labels or buttons. */
const MAX_LABEL_WORDS = 4;
/** A bulleted item this short is navigation (a bulleted sentence in a story is longer). */
const MAX_BULLET_NAV_WORDS = 12;
/** A short line seen this often on one page is template (menus are printed two to four times). */
const MIN_REPEATS = 2;
const MAX_REPEATED_CHARS = 120;

const BOILERPLATE_START = new RegExp(
  "^(share (on|this|via)|share$|tweet$|follow us|subscribe|sign up|newsletter|all rights reserved|copyright\\b|©|" +
    "terms (of|and) (use|service|conditions)|privacy policy|cookie|advertisement|sponsored|tags?:|topics?:|filed under|" +
    "source link|hosted by|contact us|about us|click here|photo of author|you can (e-?mail|follow|contact|reach)|" +
    "read more|continue reading|listen to (this|the) article|print this|comments?\\b|leave a (comment|reply)|" +
    "skip to|jump to|back to top|loading|please enable|this site uses|we use cookies|sign in|log in)",
  "i",
);
/** After one of these, a page lists other stories: everything below is not this article. */
const CUT_MARKER = /^(related (posts|articles|stories|content|coverage|news|reading)|more (from|stories|news|on this)|recommended( for you| stories)?|read next|you (may|might) also like|most (read|popular|viewed)|trending( now| stories)?|latest (news|stories)|source link)\s*:?$/i;
/** Photo agencies and credit forms that end captions: "…in Caracas. Getty Images", "| Photo: AP/Ariana Cubillos". */
const CREDIT_END = new RegExp(
  "(\\|\\s*photo:.*|photo:\\s*[^.]{2,60}|(getty images|shutterstock|reuters|associated press|ap photo|afp|epa|xinhua|bloomberg|" +
    "alamy|dpa|anadolu|sipa|efe|imago|flash90|x/@\\w+|instagram/@?\\w+|[a-z]+/[a-z]+ [a-z]+)(/[\\w .]+)?)$",
  "i",
);
const SHORTCODE = /^\[[\w-]+[^\]]*\]$/;
const DOMAIN_ONLY = /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/?$/i;
const BULLET = /^[•·▪■◦●\-–*]\s+/;

export type BlockRole = "body" | "nav" | "boilerplate" | "caption" | "domain" | "cut";

export function classifyBlocks(blocks: readonly Block[]): BlockRole[] {
  const repeats = countRepeats(blocks);
  const roles = blocks.map((block) => classifyBlock(block, repeats));
  const cutAt = findCut(blocks, roles);
  return roles.map((role, i) => (cutAt !== -1 && i >= cutAt ? "cut" : role));
}

function classifyBlock(block: Block, repeats: Map<string, number>): BlockRole {
  const text = block.text;
  if (DOMAIN_ONLY.test(text)) return "domain";
  if (SHORTCODE.test(text) || BOILERPLATE_START.test(text)) return "boilerplate";
  if (isInlineMenu(text)) return "nav";
  if (BULLET.test(text) && wordCount(text) <= MAX_BULLET_NAV_WORDS && !/[.!?]["”]?$/.test(text)) return "nav";
  const key = text.toLowerCase();
  if (text.length <= MAX_REPEATED_CHARS && (repeats.get(key) ?? 0) >= MIN_REPEATS) return "nav";
  if (looksLikeCaption(text)) return "caption";
  if (wordCount(text) <= MAX_LABEL_WORDS && !/[.!?:"”]$/.test(text)) return "nav";
  return "body";
}

/** "Home | News | Politics | Opinion": three or more short items between separators. */
export function isInlineMenu(text: string): boolean {
  const items = text.split(/\s+[|•·»›/]\s+/);
  return items.length >= 3 && items.every((item) => wordCount(item) <= 3);
}

export function looksLikeCaption(text: string): boolean {
  if (!CREDIT_END.test(text)) return false;
  // A credit ends a caption, not a paragraph: captions are short and their credit follows no sentence verb.
  return wordCount(text) <= 60 && !/["“”]/.test(text.slice(-40));
}

function countRepeats(blocks: readonly Block[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.text.toLowerCase(), (counts.get(b.text.toLowerCase()) ?? 0) + 1);
  return counts;
}

/** The first cut marker after the article has begun (a "Related" link list above the story is a menu). */
function findCut(blocks: readonly Block[], roles: readonly BlockRole[]): number {
  const firstBody = roles.indexOf("body");
  if (firstBody === -1) return -1;
  for (let i = firstBody + 1; i < blocks.length; i++) {
    if (CUT_MARKER.test(blocks[i]!.text)) return i;
  }
  return -1;
}

export { BULLET, DOMAIN_ONLY };
