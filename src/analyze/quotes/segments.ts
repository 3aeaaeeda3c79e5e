/** Quoted segments: quotation marks paired per paragraph, quotes that run on over paragraphs, teasers left out. */
import type { Span } from "../../records.js";
import { MAX_QUOTE_CHARS, MIN_QUOTE_WORDS } from "./patterns.js";

export interface Segment {
  /** The words inside the marks. */
  span: Span;
  /** The marks included. */
  outer: Span;
  paragraph: Span;
  /** Left open at the paragraph's end: continues in the next paragraph. */
  runsOn: boolean;
  /** Opens its paragraph as the continuation of a quote left open in the one before. */
  continues: boolean;
  /**
   * Fewer than MIN_QUOTE_WORDS words: a scare quote or a title, not reported as a quote, but kept for what it tells
   * about the next one ("“It's heartbreaking,” Ryan said. “And this country …”").
   */
  short: boolean;
}

/** Quotation marks paired per paragraph: curly marks open and close, straight ones alternate. */
export function quotedSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let paragraphStart = 0;
  let previousRunsOn = false;
  while (paragraphStart <= text.length) {
    const newline = text.indexOf("\n", paragraphStart);
    const paragraphEnd = newline === -1 ? text.length : newline;
    const paragraph: Span = [paragraphStart, paragraphEnd];
    let open = -1;
    let runsOn = false;
    const first = segments.length;
    for (let i = paragraphStart; i < paragraphEnd; i++) {
      const ch = text[i];
      if (ch === "“" || (ch === '"' && open === -1)) {
        if (open === -1 || ch === "“") open = i;
      } else if ((ch === "”" || ch === '"') && open !== -1) {
        push(open, i, false);
        open = -1;
      }
    }
    if (open !== -1 && text.slice(open + 1, paragraphEnd).trim()) {
      push(open, paragraphEnd, true);
      runsOn = true;
    }
    if (previousRunsOn && segments.length > first && /^\s*["“]$/.test(text.slice(paragraphStart, segments[first]!.outer[0] + 1))) {
      segments[first]!.continues = true;
    }
    // Blank lines between paragraphs do not end a run-on quote.
    if (text.slice(paragraphStart, paragraphEnd).trim()) previousRunsOn = runsOn;
    if (newline === -1) break;
    paragraphStart = newline + 1;

    function push(openAt: number, closeAt: number, leftOpen: boolean) {
      const inner = text.slice(openAt + 1, closeAt);
      const trimmedEnd = openAt + 1 + inner.trimEnd().length;
      if (!inner.trim() || inner.length > MAX_QUOTE_CHARS) return;
      segments.push({
        short: inner.trim().split(/\s+/).length < MIN_QUOTE_WORDS,
        span: [openAt + 1, trimmedEnd],
        outer: [openAt, leftOpen ? trimmedEnd : closeAt + 1],
        paragraph,
        runsOn: leftOpen,
        continues: false,
      });
    }
  }
  // A mark left open is a quote only when the next paragraph carries it on; otherwise it is a stray mark.
  return segments.filter((segment, i) => !segment.runsOn || segments[i + 1]?.continues);
}

/** "Related: …", "READ MORE: …": a teaser for another story; its quotes are not this article's. */
export const TEASER = /^\s*(?:related(?:\s(?:posts?|stories|articles?|coverage))?|read more|read also|also read|see also|more on this|recommended|watch|listen|opinion)\s*[:|]/i;
