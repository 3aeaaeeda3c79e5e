/**
 * Scraped text → blocks (one paragraph, heading, menu item or caption each). Pasted pages come two ways: one
 * block per line (copied from a browser), or paragraphs hard-wrapped at a fixed width and separated by blank
 * lines; the second are re-joined so that a paragraph is one block.
 */

/** Lines in a wrapped paragraph share a length band; calibrated on 72–80 column e-mail/newswire wraps. */
const WRAP_MIN_LINE = 50;
const WRAP_MAX_LINE = 100;
const WRAPPED_SHARE = 0.7;

export interface Block {
  /** The block's text, whitespace normalised. */
  text: string;
  /** Index in document order. */
  index: number;
  /** Whether a blank line preceded it (paragraph boundary in the source). */
  afterBlank: boolean;
}

export function splitBlocks(raw: string): Block[] {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  const groups: { lines: string[]; afterBlank: boolean }[] = [];
  let current: string[] = [];
  let afterBlank = true;
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length) groups.push({ lines: current, afterBlank });
      current = [];
      afterBlank = true;
      continue;
    }
    current.push(line);
  }
  if (current.length) groups.push({ lines: current, afterBlank });

  const blocks: Block[] = [];
  for (const group of groups) {
    const texts = looksHardWrapped(group.lines) ? [group.lines.map((l) => l.trim()).join(" ")] : group.lines;
    texts.forEach((text, i) => {
      const clean = normaliseSpace(text);
      if (clean) blocks.push({ text: clean, index: blocks.length, afterBlank: i === 0 && group.afterBlank });
    });
  }
  return blocks;
}

function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1); // the last line of a wrapped paragraph is short
  const inBand = body.filter((l) => {
    const n = l.trimEnd().length;
    return n >= WRAP_MIN_LINE && n <= WRAP_MAX_LINE && !/[.!?:"”]$/.test(l.trimEnd());
  });
  return inBand.length / body.length >= WRAPPED_SHARE;
}

export function normaliseSpace(text: string): string {
  return text.replace(/[\u00a0\u2000-\u200b\t ]+/g, " ").trim();
}

export const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
