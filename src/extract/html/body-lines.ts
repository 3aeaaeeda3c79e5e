/**
 * The extracted paragraphs, settled: widget labels dropped, photo credits moved to the captions, the
 * standfirst put back in front, and the first lines that are metadata rather than story (a "By …" byline, a
 * bare date) taken out of the text and offered as metadata candidates instead.
 */
import { bylineInText } from "./byline.js";
import { type Candidate, candidate } from "./candidate.js";
import { parseDateText } from "./date-text.js";
import { findLead } from "./lead.js";
import { isCreditLine, isWidgetLine } from "./promo-lines.js";

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
export function settleBody(page: Document, extracted: readonly string[], captions: string[]): SettledBody {
  captions.push(...extracted.filter((p) => isCreditLine(p) && !captions.includes(p)));
  let paragraphs = extracted.filter((p) => !isWidgetLine(p) && !isCreditLine(p));
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
