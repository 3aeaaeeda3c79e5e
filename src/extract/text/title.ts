/**
 * The headline of a scraped page: the first headline-shaped block above the first real paragraph; failing that
 * a headline-shaped block after the last paragraph (syndication feeds print the title last); failing that the
 * first sentence, marked low-confidence.
 */
import { type Block, wordCount } from "./blocks.js";
import type { BlockRole } from "./boilerplate.js";
import { BULLET, isInlineMenu } from "./boilerplate.js";

const MIN_TITLE_WORDS = 4;
const MAX_TITLE_WORDS = 30;
const MAX_TITLE_CHARS = 220;
/** A paragraph this long is body text: the title sits above it. */
const MIN_PARAGRAPH_WORDS = 25;
/** Share of a line's words that also appear in removed menu lines: above it, the line is a breadcrumb. */
const BREADCRUMB_NAV_SHARE = 0.75;
const MAX_MENU_ITEM_WORDS = 3;
/** "Exclusive | …", "WATCH: …" section labels printed before headlines. */
const KICKER = /^(exclusive|breaking( news)?|opinion|analysis|watch|live|update[d]?|video|podcast|editorial|commentary)\s*[|:]\s*/i;

export interface TitlePick {
  title: string;
  blockIndex: number | null;
  from: string;
  confidence: number;
}

export function pickTitle(blocks: readonly Block[], roles: readonly BlockRole[]): TitlePick | null {
  // Menu vocabulary comes from short menu items only: a bulleted breadcrumb may end with the headline itself.
  const navWords = new Set(
    blocks
      .filter((b, i) => roles[i] === "nav" && wordCount(b.text) <= MAX_MENU_ITEM_WORDS)
      .flatMap((b) => b.text.toLowerCase().match(/\p{L}+/gu) ?? []),
  );
  const firstParagraph = blocks.findIndex((b, i) => roles[i] === "body" && isParagraph(b.text));
  const limit = firstParagraph === -1 ? blocks.length : firstParagraph;
  for (let i = 0; i < limit; i++) {
    const block = blocks[i]!;
    if (roles[i] !== "body" && roles[i] !== "nav") continue;
    if (BULLET.test(block.text) || isInlineMenu(block.text) || !isHeadlineShaped(block.text) || isBreadcrumb(block.text, navWords)) continue;
    return { title: stripKicker(block.text), blockIndex: i, from: "text:headline-line", confidence: 0.8 };
  }
  const lastParagraph = findLastIndex(blocks, (b, i) => roles[i] === "body" && isParagraph(b.text));
  for (let i = blocks.length - 1; i > lastParagraph && lastParagraph !== -1; i--) {
    const block = blocks[i]!;
    if (roles[i] === "body" && isHeadlineShaped(block.text) && isTitleCase(block.text)) {
      return { title: stripKicker(block.text), blockIndex: i, from: "text:trailing-headline", confidence: 0.6 };
    }
  }
  const first = firstParagraph === -1 ? null : blocks[firstParagraph]!.text;
  if (!first) return null;
  const sentence = first.split(/(?<=[.!?])\s+/)[0]!.slice(0, 160);
  return { title: sentence, blockIndex: null, from: "text:first-sentence", confidence: 0.2 };
}

export function isParagraph(text: string): boolean {
  return wordCount(text) >= MIN_PARAGRAPH_WORDS && /[.!?"”)]$/.test(text);
}

const DATE_WORDS = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|am|pm|gmt|utc|at|of|updated|published)\b|[\d\s,.:/-]+/gi;

/** "Monday May 12, 2025": the site's today-line (the scrape date), never a headline or a publication date. */
export const isDateOnly = (text: string): boolean => text.replace(DATE_WORDS, "").trim() === "";

export function isHeadlineShaped(text: string): boolean {
  if (isDateOnly(text)) return false;
  const words = wordCount(text);
  return words >= MIN_TITLE_WORDS && words <= MAX_TITLE_WORDS && text.length <= MAX_TITLE_CHARS && !/[.:;,]$/.test(text);
}

export function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.7;
}

function isBreadcrumb(text: string, navWords: Set<string>): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.filter((w) => navWords.has(w)).length / words.length >= BREADCRUMB_NAV_SHARE;
}

const stripKicker = (text: string) => text.replace(KICKER, "").trim();

function findLastIndex<T>(items: readonly T[], test: (item: T, i: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}
