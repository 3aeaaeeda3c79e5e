/**
 * How far a cue's attribution reaches beyond its own sentence. Two scopes, both inside the text's own structure:
 *   - a cue that ends its paragraph on a colon ("The Journal reports:", "The Wall Street Journal reported:")
 *     introduces the paragraphs quoted from the source: the first one after it, and each following one that carries
 *     an attribution of the cited report's kind (its anonymous sources, "people familiar with the matter said") or is
 *     wholly in quotation marks. The first paragraph without one is the outlet's own voice again, and so is
 *     everything after: commentary around a citation is never swept into it;
 *   - within one paragraph, after "As reported by The Wall Street Journal, …", the sentences that rest on an
 *     anonymous source ("One source indicated …") rest on it through that outlet.
 * No scope spans the article: a cue never attributes a sentence before it or past its paragraph (or block).
 */
import type { Span } from "../../records.js";

export interface Paragraph {
  span: Span;
}

/** The text's paragraphs (non-blank lines), in order. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    if (line.trim()) out.push({ span: [at, at + line.length] });
    at += line.length + 1;
  }
  return out;
}

/** Does the paragraph end on a colon (the cue introducing what follows)? */
export const endsOnColon = (text: string, paragraph: Paragraph): boolean => /:\s*$/.test(text.slice(...paragraph.span));

/** A paragraph wholly in quotation marks continues a quoted block. */
export const isQuotedParagraph = (text: string, paragraph: Paragraph): boolean => /^\s*["“][^\n]*["”]\s*$/.test(text.slice(...paragraph.span));

/** The index of the paragraph holding `at`, or -1 (binary search over ordered paragraphs). */
export function paragraphIndexOf(paragraphs: readonly Paragraph[], at: number): number {
  let lo = 0, hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = paragraphs[mid]!.span;
    if (at < start) hi = mid - 1;
    else if (at > end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
