/**
 * The extracted paragraphs, settled: furniture lines dropped and captions moved aside (by the rules shared with
 * scraped text, ../lines.ts), the story cut at a "Related stories" heading, the
 * standfirst put back in front, and the first lines that are metadata rather than story (a "By …" byline, a
 * bare date) taken out of the text and offered as metadata candidates instead.
 */
import { bylineInText } from "./byline.js";
import { type Candidate, candidate } from "./candidate.js";
import { parseDateText } from "./date-text.js";
import type { Page } from "./dom.js";
import { isBoilerplateLine, isCaptionLine, isEndOfStoryMarker } from "../lines.js";
import { findLead } from "./lead.js";

const TEXT_BYLINE_CONFIDENCE = 0.55;
const TEXT_DATE_CONFIDENCE = 0.5;
/** A paragraph this short that parses as a date is a dateline, not a sentence. */
const DATE_LINE_MAX_CHARS = 40;
/** Bylines and datelines sit in the first few lines. */
const HEAD_LINES = 3;

export interface SettledBody {
  paragraphs: string[];
  candidates: Candidate[];
}

/** `captions` is appended to (credit lines). `page` is the document after furniture removal. */
export function settleBody(page: Page, extracted: readonly string[], captions: string[]): SettledBody {
  captions.push(...extracted.filter((p) => isCaptionLine(p) && !captions.includes(p)));
  let paragraphs = cutAtEndOfStory(extracted.filter((p) => !isBoilerplateLine(p) && !isCaptionLine(p)));
  const lead = findLead(page, paragraphs);
  if (lead) paragraphs = [lead, ...paragraphs];

  const candidates: Candidate[] = [];
  const byline = bylineInText(paragraphs);
  if (byline) {
    candidates.push(...candidate("authors", byline.names, "text:byline", TEXT_BYLINE_CONFIDENCE));
    paragraphs = paragraphs.filter((_, i) => i !== byline.index);
  }
  const dateIndex = paragraphs.slice(0, HEAD_LINES).findIndex((p) => p.length <= DATE_LINE_MAX_CHARS && parseDateText(p));
  if (dateIndex >= 0) {
    candidates.push(...candidate("publishedAt", parseDateText(paragraphs[dateIndex]!), "text:date-line", TEXT_DATE_CONFIDENCE));
    paragraphs = paragraphs.filter((_, i) => i !== dateIndex);
  }
  return { paragraphs, candidates };
}

/**
 * A "Related stories" or "Most read" heading left in the container ends the story there, when most of the text
 * is above it: a heading that high up heads an inline box, with more of the story below.
 */
const END_MARKER_MIN_SHARE_ABOVE = 0.5;

function cutAtEndOfStory(paragraphs: string[]): string[] {
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  let above = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0 && above >= END_MARKER_MIN_SHARE_ABOVE * total && isEndOfStoryMarker(paragraphs[i]!)) return paragraphs.slice(0, i);
    above += paragraphs[i]!.length;
  }
  return paragraphs;
}
