/**
 * Direct quotes and who said them. A quote is text between quotation marks (curly or straight) of at least
 * MIN_QUOTE_WORDS words; a quote left open at the end of a paragraph runs on into the next paragraph that opens
 * with a quotation mark, news style for quotes that span paragraphs. Its speaker is the subject of a speech verb
 * next to it, tried in this order:
 *   - before it in its sentence: `Trump said, “…”`, `according to the Journal, “…”`, `quoting him as saying “…”`;
 *   - after it: `“…,” said Geoff Ramsey, a …`, `“…,” Trump said`, `“…” ― Pamela Padilla`; a cue after the quote also wins
 *     over one before it in a clause opened by a subordinator (`After Trump spoke, “…,” said Tim Kaine`);
 *   - earlier in its sentence: `One of the people said the U.S. has put “…”`;
 *   - at the end of the paragraph before, when the quote opens its paragraph: `The New York Times reports:`;
 *   - a transcript's speaker label: `WALLACE: “…”`;
 *   - the author on the signature line of an embedded post that extraction left in the text;
 *   - with no speech verb at all, the person or pronoun that is its sentence's subject: `Trump also criticised Khan
 *     for making “very rude statements”`.
 * Unattributed quotes that follow a quote closely (same paragraph, or a paragraph that is only the quote) continue
 * it. The subject becomes a speaker in speaker.ts: a person, an organisation, a pronoun resolved to whom the text is
 * about, or an unnamed source kept with its description.
 */
import type { AnnotationOf, QuoteForm, Span } from "../../records.js";
import { identify, identifySubject, NO_SPEAKER, type Speaker } from "./speaker.js";
import { placeTest } from "./places.js";
import { quotedSegments, type Segment, TEASER } from "./segments.js";
import { isDocument, isRole } from "./described.js";
import {
  ACCORDING_AFTER, ACCORDING_BEFORE, ACCORDING_OPENING, ADJACENT_BEFORE, AFTER_CLAUSE_SUBJECT_FIRST, AFTER_CLAUSE_VERB_FIRST,
  AFTER_SUBJECT_FIRST, AFTER_VERB_FIRST, CONTINUATION_GAP, CUE_WINDOW, DASH_AFTER, DESCRIBED_LABEL, isParticiple,
  maskAbbreviations, MAX_CUE_GAP, QUOTING, TRANSCRIPT_LABEL,
} from "./patterns.js";
import {
  attributesBack, embeddedPostAuthor, widenedSubject, firstChunk, fromPreviousParagraph, fromSentenceSubject, identifyName, nearestBefore, sentenceOpening, subordinateTail,
} from "./cue-context.js";

/** A clause that opens on a subordinator ("After Trump spoke,", "When she was asked,"). */
const SUBORDINATE_OPENING = /^\s*(?:after|when|while|as|before|because|since|although|though|once|until|if)\s/i;

export interface QuoteCandidate extends Speaker {
  span: Span;
  form: QuoteForm;
}

export function findQuotes(
  text: string,
  entities: readonly AnnotationOf<"entity">[],
  sentenceStarts: readonly number[] = [],
): QuoteCandidate[] {
  const masked = maskAbbreviations(text);
  const segments = quotedSegments(text).filter((s) => !TEASER.test(text.slice(s.paragraph[0], s.outer[0])));
  const quotes: QuoteCandidate[] = [];
  for (const [i, segment] of segments.entries()) {
    const previous = quotes.at(-1);
    const previousSegment = segments[i - 1];
    let speaker = speakerOf(text, masked, segment, entities, sentenceStarts);
    if (!speaker.speakerKind && previous?.speakerKind && previousSegment && continuesPrevious(text, masked, previousSegment, segment, previous.speakerSpan)) {
      speaker = { speaker: previous.speaker, speakerSpan: previous.speakerSpan, speakerKind: previous.speakerKind };
    }
    quotes.push({ span: segment.span, form: "direct", ...speaker });
  }
  shareAcrossRunOns(segments, quotes);
  return quotes.filter((_, i) => !segments[i]!.short);
}

/** Unattributed, and close behind an attributed quote: in the same paragraph, or a paragraph that is only a quote. */
function continuesPrevious(text: string, masked: string, previous: Segment, segment: Segment, previousCue: Span | null): boolean {
  if (segment.continues) return true;
  const gap = text.slice(previous.outer[1], segment.outer[0]);
  // “…,” Risch told The Spokesman-Review on Monday. “Is it …”: the gap is only the previous quote's own attribution.
  const gapIsItsCue = previousCue !== null && previousCue[0] >= previous.outer[1] && previousCue[1] <= segment.outer[0] &&
    gap.length <= MAX_CUE_GAP && /^[^.!?;]*[.!?]?\s*$/.test(masked.slice(previous.outer[1], segment.outer[0]).replace(/^[\s,.!?]+/, ""));
  if (previous.paragraph[0] === segment.paragraph[0]) return gap.length <= CONTINUATION_GAP || gapIsItsCue;
  const nextParagraph = !text.slice(previous.paragraph[1], segment.paragraph[0]).trim();
  const quoteIsParagraph = !text.slice(segment.paragraph[0], segment.outer[0]).trim() &&
    /^[\s.,!?]*$/.test(masked.slice(segment.outer[1], segment.paragraph[1]));
  const previousEndsParagraph = /^[^“"]{0,80}$/.test(text.slice(previous.outer[1], previous.paragraph[1]));
  return nextParagraph && quoteIsParagraph && previousEndsParagraph;
}

/** A quote that runs over paragraphs has one speaker, wherever its cue is. */
function shareAcrossRunOns(segments: readonly Segment[], quotes: QuoteCandidate[]): void {
  let chainStart = 0;
  for (let i = 1; i <= segments.length; i++) {
    if (i < segments.length && segments[i]!.continues) continue;
    const chain = quotes.slice(chainStart, i);
    const attributed = chain.find((q) => q.speakerKind);
    if (attributed && chain.length > 1) {
      for (let k = chainStart; k < i; k++) {
        if (!quotes[k]!.speakerKind) quotes[k] = { ...quotes[k]!, speaker: attributed.speaker, speakerSpan: attributed.speakerSpan, speakerKind: attributed.speakerKind };
      }
    }
    chainStart = i;
  }
}

function speakerOf(
  text: string,
  masked: string,
  segment: Segment,
  entities: readonly AnnotationOf<"entity">[],
  sentenceStarts: readonly number[],
): Speaker {
  const [paragraphStart, paragraphEnd] = segment.paragraph;
  const [quoteStart, quoteEnd] = segment.outer;
  // The cue before a quote is in the quote's sentence: the sentence splitter knows "U.S. He says" is two.
  // Cues sit within a few dozen words of the quote; the window keeps a page-long "sentence" from costing O(n²).
  const sentenceStart = Math.max(paragraphStart, sentenceOpening(text, sentenceStarts, quoteStart), quoteStart - CUE_WINDOW);
  const before = masked.slice(sentenceStart, quoteStart);
  const after = masked.slice(quoteEnd, Math.min(paragraphEnd, quoteEnd + CUE_WINDOW));
  const isPlace = placeTest(entities);
  const fromPhrase = (phrase: Span | null, participle = false) => {
    if (!phrase) return NO_SPEAKER;
    const found = identifySubject(text, phrase, entities, participle, isPlace);
    // Only a phrase before the quote is read again from its clause's start: after the quote, that start is the quote.
    return found.speakerKind || participle || phrase[1] > quoteStart ? found : widenedSubject(text, phrase, sentenceStart, entities, isPlace);
  };
  const fromObject = (phrase: Span | null) => identify(text, phrase ? firstChunk(text, phrase) : null, entities);
  // Patterns carry the d flag: group offsets come from the match itself, never from searching its text again.
  const at = (base: number, m: RegExpExecArray, group = 1): Span => {
    const offset = base + m.indices![group]![0];
    return [offset, offset + m[group]!.trimEnd().length];
  };

  const post = embeddedPostAuthor(text, paragraphEnd);
  if (post) return post;
  for (const [pattern, read] of [[QUOTING, fromObject], [ACCORDING_BEFORE, fromObject], [ACCORDING_OPENING, fromObject]] as const) {
    const m = pattern.exec(before);
    if (!m) continue;
    const found = read(at(sentenceStart, m));
    if (found.speakerKind) return found;
  }
  let deferred: Speaker | null = null;
  const adjacent = ADJACENT_BEFORE.exec(before);
  if (adjacent) {
    // "Trump went after Bush, calling him “…”": a participle hangs on the main clause, whatever "after" precedes it.
    const participle = isParticiple(adjacent[0], adjacent[1]!);
    const phrase = at(sentenceStart, adjacent);
    const found = fromPhrase(participle ? phrase : subordinateTail(text, phrase), participle);
    // "After Donald Trump spoke, “…,” said Tim Kaine": a clause opened by a subordinator is not the sentence's main
    // clause; a cue after the quote, when there is one, is.
    const subordinate = SUBORDINATE_OPENING.test(adjacent[1]!) && !adjacent[1]!.includes(",") && /,\s*$/.test(before);
    if (found.speakerKind && !subordinate) return found;
    if (found.speakerKind) deferred = found;
  }
  const label = TRANSCRIPT_LABEL.exec(before);
  if (label) return { speaker: label[1]!, speakerSpan: at(sentenceStart, label), speakerKind: "named" };
  const describedLabel = sentenceStart === paragraphStart ? DESCRIBED_LABEL.exec(before) : null;
  if (describedLabel) {
    const found = fromObject(at(sentenceStart, describedLabel));
    if (found.speakerKind === "named") return found;
  }

  const according = ACCORDING_AFTER.exec(after);
  if (according) return fromObject(at(quoteEnd, according));
  const dash = DASH_AFTER.exec(after);
  if (dash) return identifyName(text, at(quoteEnd, dash), entities);
  // “…,” adding that …: a participle carries on the sentence's own speaker; its object is not a speaker.
  const verbFirst = AFTER_VERB_FIRST.exec(after);
  if (verbFirst && !/^\W*\p{L}+ing\b/u.test(verbFirst[0].replace(/^[\s,.!?”"]+/u, ""))) {
    const found = fromObject(at(quoteEnd, verbFirst));
    if (found.speakerKind) return found;
  }
  const subjectFirst = AFTER_SUBJECT_FIRST.exec(after);
  // "…“glow in the dark,” for instance, and Trump vowed to “bomb …”": that cue is the next quote's ("…,” Blackwell
  // said, “to …” is not: nothing but the verb stands between).
  const leadsIntoQuote = subjectFirst && /^\s*(?:to|that)\s*$/i.test(subjectFirst[2]!) && /^["“]/.test(after.slice(subjectFirst.index + subjectFirst[0].length));
  if (subjectFirst && !leadsIntoQuote && attributesBack(text, segment, subjectFirst[2]!)) {
    const found = fromPhrase(at(quoteEnd, subjectFirst));
    if (found.speakerKind) return found;
  }
  const closing = AFTER_CLAUSE_VERB_FIRST.exec(after);
  if (closing) {
    const found = fromObject(at(quoteEnd, closing, 2));
    if (found.speakerKind) return found;
  }
  const closingSubject = AFTER_CLAUSE_SUBJECT_FIRST.exec(after);
  if (closingSubject) {
    const found = identify(text, at(quoteEnd, closingSubject), entities);
    // "the memo stated", "the source recalled": a description only when it is a document, a role or an unnamed source.
    const described = (found.speakerKind === "described" && (isDocument(found.speaker ?? "") || isRole(found.speaker ?? ""))) || found.speakerKind === "anonymous";
    if (found.speakerKind === "named" || found.speakerKind === "pronoun" || described) return found;
  }
  if (deferred) return deferred;
  const earlier = nearestBefore(before);
  if (earlier) {
    const found = fromPhrase(at(sentenceStart + earlier.cut, earlier.match), isParticiple(earlier.match[0], earlier.match[1]!));
    if (found.speakerKind) return found;
  }
  if (!text.slice(paragraphStart, quoteStart).trim()) return fromPreviousParagraph(text, masked, paragraphStart, entities);
  return fromSentenceSubject(text, [sentenceStart, quoteStart], entities);
}
