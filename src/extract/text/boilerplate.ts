/**
 * Which blocks of a scraped page are not the article: menus, share buttons, tags, footers, related-post lists,
 * photo credits. Rules are about the *shape* of web boilerplate, never about one site: a line a page repeats,
 * a bulleted menu item, a block of a few words with no sentence in it, and the phrases every CMS prints (those
 * are shared with the HTML extractor, in ../lines.ts).
 */
import { isBoilerplateLine, isCaptionLine, isEndOfStoryMarker } from "../lines.js";
import { type Block, wordCount } from "./blocks.js";

/** Blocks of at most this many words with no sentence punctuation are menu items, labels or buttons. */
const MAX_LABEL_WORDS = 4;
/** A bulleted item this short is navigation (a bulleted sentence in a story is longer). */
const MAX_BULLET_NAV_WORDS = 12;
/** A short line seen this often on one page is template (menus are printed two to four times). */
const MIN_REPEATS = 2;
const MAX_REPEATED_CHARS = 120;

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
  if (isBoilerplateLine(text)) return "boilerplate";
  if (isInlineMenu(text)) return "nav";
  if (BULLET.test(text) && wordCount(text) <= MAX_BULLET_NAV_WORDS && !/[.!?]["”]?$/.test(text)) return "nav";
  const key = text.toLowerCase();
  if (text.length <= MAX_REPEATED_CHARS && (repeats.get(key) ?? 0) >= MIN_REPEATS) return "nav";
  if (isCaptionLine(text)) return "caption";
  if (wordCount(text) <= MAX_LABEL_WORDS && !/[.!?:"”]$/.test(text)) return "nav";
  return "body";
}

/** "Home | News | Politics | Opinion": three or more short items between separators. */
export function isInlineMenu(text: string): boolean {
  const items = text.split(/\s+[|•·»›/]\s+/);
  return items.length >= 3 && items.every((item) => wordCount(item) <= 3);
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
    if (isEndOfStoryMarker(blocks[i]!.text)) return i;
  }
  return -1;
}

export { BULLET, DOMAIN_ONLY };
