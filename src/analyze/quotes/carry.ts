/**
 * A direct quote with no cue of its own that opens a sentence right after a sentence of reported speech carries on
 * that speech, news style: `…negotiates with Russia over Syria, Schiff said. "The other factor …"`, `Carter said that
 * for decades critics had predicted a withdrawal. “That's because this region …”`. The quote takes the reported
 * sentence's speaker. Only within one paragraph, or into a next paragraph that is nothing but the quote: a new
 * paragraph that goes on after the quote is a new turn of the story.
 */
import type { Span } from "../../records.js";
import type { QuoteCandidate } from "./find.js";
import { lastAtOrBefore } from "../../_lib/sorted.js";

/** `quotes` in text order, direct and indirect; returns the same list with cue-less direct quotes given the speaker they carry on. */
export function carryReportedSpeakers(text: string, quotes: readonly QuoteCandidate[], sentences: readonly Span[]): QuoteCandidate[] {
  const starts = sentences.map((s) => s[0]);
  const endOf = new Map(sentences.map((s) => [s[0], s[1]]));
  return quotes.map((quote, i) => {
    if (quote.form !== "direct" || quote.speakerKind) return quote;
    const reported = quotes[i - 1];
    if (!reported || reported.form !== "indirect" || !reported.speakerKind) return quote;
    const open = quote.span[0] - 1;
    // The quote opens its sentence: only blanks between the sentence start and its opening mark.
    const sentenceStart = lastAtOrBefore(starts, open);
    if (text.slice(Math.min(sentenceStart, open), open).trim()) return quote;
    const reportedEnd = endOf.get(lastAtOrBefore(starts, reported.span[0]));
    if (reportedEnd === undefined || reportedEnd > open) return quote;
    // Nothing but blanks between the reported sentence and the quote, and a new paragraph only if the quote is all of it.
    const gap = text.slice(reportedEnd, open);
    if (gap.trim()) return quote;
    if (gap.includes("\n") && !quoteIsParagraph(text, quote.span)) return quote;
    return { ...quote, speaker: reported.speaker, speakerSpan: reported.speakerSpan, speakerKind: reported.speakerKind };
  });
}

/** The quote (its closing mark and a final stop aside) is its paragraph's whole text after the opening mark. */
function quoteIsParagraph(text: string, [start, end]: Span): boolean {
  const newline = text.indexOf("\n", end);
  const rest = text.slice(end, newline < 0 ? text.length : newline);
  return /^[\s"”.,!?]*$/.test(rest) && !text.slice(text.lastIndexOf("\n", start) + 1, start - 1).trim();
}
