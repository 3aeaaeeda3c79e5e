/**
 * Direct quotes and who said them. A quote is text between quotation marks (curly or straight) of at least
 * MIN_QUOTE_WORDS words; a quote left open at the end of a paragraph runs on into the next paragraph that opens
 * with a quotation mark, news style for quotes that span paragraphs. Its speaker is the subject of a speech verb
 * next to it, tried in this order:
 *   - before it in its sentence: `Trump said, “…”`, `according to the Journal, “…”`, `quoting him as saying “…”`;
 *   - after it: `“…,” said Geoff Ramsey, a …`, `“…,” Trump said`, `“…” ― Pamela Padilla`;
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
import { identify, identifySubject, NO_SPEAKER, placeTest, type Speaker, subjectOf } from "./speaker.js";
import { describedSubject } from "./described.js";
import { SPEECH_VERB as V } from "./speech-verbs.js";
import { lastAtOrBefore } from "../../_lib/sorted.js";

export interface QuoteCandidate extends Speaker {
  span: Span;
  form: QuoteForm;
}

const MIN_QUOTE_WORDS = 3;
/** How far before and after a quote its cue is looked for, in characters. */
const CUE_WINDOW = 400;
const MAX_QUOTE_CHARS = 1500;
/** A quote that follows the previous one this closely, unattributed, continues it: “…,” Trump said. “No, …” */
const CONTINUATION_GAP = 40;
/** …or when all between them is the first quote's own cue, one clause ("Risch told The Spokesman-Review on Monday."). */
const MAX_CUE_GAP = 160;

/** Clause boundaries an attribution starts after: sentence ends, commas, dashes, "and", "that". */
const BOUNDARY = String.raw`(?:^|[.;!?]["”]?\s|[,.;!?]?[”"]\s|,\s|\s?[—–―]\s?|\band\s|\bthat\s)`;
/** "…, saying": a participle after a comma takes the subject of the clause it hangs on. */
const isParticiple = (match: string, phrase: string): boolean =>
  /,\s*$/.test(phrase) && /ing$/i.test(match.slice(match.lastIndexOf(phrase) + phrase.length).trim().split(/\s+/)[0] ?? "");

/** After a determiner a speech verb's form is a noun: "the email said", "his tweet read", "a report found". */
const NOT_NOUN = String.raw`(?<!(?<![\p{L}])(?:the|a|an|his|her|its|their|one)\s)`;
/** Short quoted titles may sit between the verb and the quote: `Johnson tells MSNBC's “Morning Joe” on Friday “…”`. */
const TAIL = String.raw`(?:[^“”".!?]|[“"][^“”"]{1,30}[”"]){0,80}`;
const ADJACENT_BEFORE = new RegExp(String.raw`${BOUNDARY}([^.;!?“"]{2,90}?)\s+(?:is\s|are\s|was\s|were\s|has\s|had\s|have\s|also\s|then\s|later\s)?(?:(?:goes|went|go|continues|continued|is quoted as|was quoted as)\s(?:on\s)?(?:to\s)?)?${NOT_NOUN}(?:${V})(?:\s(?:him|her|them|us|me|reporters|[\p{Lu}][\p{L}'’]+))?\s*[,:]?\s*$`, "diu");
const BEFORE = new RegExp(String.raw`${BOUNDARY}([^.;!?“"]{2,90}?)\s+(?:is\s|are\s|was\s|were\s|has\s|had\s|have\s|also\s)?${NOT_NOUN}(?:${V})\b${TAIL}$`, "diu");
/** A subordinate clause's own speech verb governs the quote: "Axelrod tweeted after Clinton argued that “…”". */
const SUBORDINATE_START = /\b(?:after|when|while|because|since|though|although)\s(?=\p{Lu}|(?:he|she|they)\s)/gu;
const AFTER_VERB_FIRST = new RegExp(String.raw`^[,.!?]?\s*[”"]?\s*,?\s*(?:${V})\s+([^.;:!?“"]{2,120})`, "diu");
const AFTER_SUBJECT_FIRST = new RegExp(String.raw`^[,.!?]?\s*[”"]?\s*,?\s*(?!and\b|but\b|or\b|then\b)([^.;:!?“"]{2,90}?)\s+(?:also\s|later\s|then\s|further\s|\p{L}+ly\s)?${NOT_NOUN}(?:${V})\b([^.;!?“"]{0,60})`, "diu");
/** `Clinton “drew quite well …” in the 2008 primary, said Professor Paul Beck.`: a closing "said X" after a clause tail. */
const AFTER_CLAUSE_VERB_FIRST = /^[,.!?]?\s*[”"]?([^.;:!?“"]{1,80}?),\s(?:said|says|added|wrote|writes|explained|noted|argued|insisted|warned|recalled|continued|stated)\s+([^.;:!?“"]{2,120})/diu;
/** `“I held and hugged” grieving family members before laying flowers …, he said.`: a closing "X said." after a clause tail. */
const AFTER_CLAUSE_SUBJECT_FIRST = /^[,.!?]?\s*[”"]?(?=\s*\p{Ll})[^.;:!?“"]{1,160}?,\s((?:he|she|they)|\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2})\s(?:said|says|added|wrote|told\s(?:reporters|\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2}))\s*(?:on\s\p{Lu}\p{Ll}+day\s*)?[.,]/du;
const ACCORDING_AFTER = /^[,.]?\s*[”"]?\s*,?\s*according to ([^.;:!?“"]{2,90})/di;
const ACCORDING_BEFORE = /\baccording to ([^.;!?,“"]{2,90}?)\s*,\s*$/di;
/** "According to Trump, he was once part of … “the worst …”": the sentence opens on its source. */
const ACCORDING_OPENING = /(?:^|[.!?]["”]?\s)According to ([^.;!?,“"]{2,90}?),[^.!?“"]*$/du;
const QUOTING = /\bquoting\s([\p{L}’'.-]+(?:\s[\p{L}’'.-]+){0,3}?)\s(?:as\s)?(?:saying|as saying)\s*[,:]?\s*$/diu;
/** “…” ― Pamela Padilla: a dash and a name after the quote. */
const DASH_AFTER = /^[,.]?\s*[”"]?\s*[―—–]\s*(\p{Lu}[\p{L}'’.-]*(?:\s(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|del)){0,4})/du;
/** "— Adrian Bonenberger (@AdrianBonenber1) August 11, 2024": the signature line of an embedded post left in the text. */
const POST_SIGNATURE = /^\s*[—–-]\s*(\p{Lu}[^()\n]{0,60}?)\s*\(@\w{1,30}\)/du;
/** WALLACE: “…” / Mr. Trump: “…”: a speaker label opening the paragraph. */
const TRANSCRIPT_LABEL = /^\s*["“]?\s*((?:\p{Lu}[\p{L}'’.-]*\s){0,3}\p{Lu}[\p{L}'’.-]*)\s*:\s*$/du;
/** "Former secretary of state Hillary Rodham Clinton:" / "Rep. Trey Gowdy (R-S.C.):": a described label, ending on a name. */
const DESCRIBED_LABEL = /^\s*((?:[\p{L}.’'-]+\s){0,5}?\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,3})\s*(?:\([^()\n]{1,20}\))?\s*:\s*$/du;
/** The paragraph before ends on the cue: "The New York Times reports:", "Hillary Clinton says", "He said:". */
const PREVIOUS_PARAGRAPH = new RegExp(String.raw`${BOUNDARY}([^.;!?“"]{2,90}?)\s+(?:is\s|are\s|was\s|has\s|had\s|also\s|then\s)?(?:${V})\b([^.;!?“"]{0,60}?)\s*[:,]?\s*$`, "diu");

/** The paragraph before ends on a short sentence whose subject speaks: "Howard continued his scathing remarks." */
const PREVIOUS_SENTENCE = new RegExp(String.raw`(?:^|[.!?]["”]?\s)([^.;!?“"]{2,60}?)\s+(?:also\s|then\s|later\s)?${NOT_NOUN}(?:${V})\b([^.;!?“"]{0,50}?)\.\s*$`, "diu");
const MAX_INTRO_TAIL_WORDS = 6;

/**
 * Titles and initials end in a period that the speaker patterns would read as a sentence end ("Mr. Rove said",
 * "John L. Burton said", "Gwen Moore (D-Wis.) said"). They are matched against a copy with those periods masked;
 * same length, same offsets.
 */
const ABBREVIATION_DOT = /\b(Mr|Mrs|Ms|Mx|Dr|Prof|Rep|Reps|Sen|Sens|Gov|Lt|Gen|Col|Maj|Capt|Cmdr|Adm|Sgt|Rev|Fr|Sr|Jr|St|Hon|Pres|Atty|Supt|Det|Insp|[A-Z]|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Penn|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.(?=[,)]|[ \t]\S|\p{Lu}\.)/gu;
const PARENTHESIS_DOTS = /\([^()\n]{1,16}\)/g;

function maskAbbreviations(text: string): string {
  return text
    .replace(ABBREVIATION_DOT, (_, word: string) => `${word}\u00b7`)
    .replace(PARENTHESIS_DOTS, (m) => m.replace(/\./g, "\u00b7"));
}

interface Segment {
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
function quotedSegments(text: string): Segment[] {
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
const TEASER = /^\s*(?:related(?:\s(?:posts?|stories|articles?|coverage))?|read more|read also|also read|see also|more on this|recommended|watch|listen|opinion)\s*[:|]/i;

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
  const sentenceStart = Math.max(paragraphStart, lastAtOrBefore(sentenceStarts, quoteStart), quoteStart - CUE_WINDOW);
  const before = masked.slice(sentenceStart, quoteStart);
  const after = masked.slice(quoteEnd, Math.min(paragraphEnd, quoteEnd + CUE_WINDOW));
  const isPlace = placeTest(entities);
  const fromPhrase = (phrase: Span | null, participle = false) => (phrase ? identifySubject(text, phrase, entities, participle, isPlace) : NO_SPEAKER);
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
  const adjacent = ADJACENT_BEFORE.exec(before);
  if (adjacent) {
    // "Trump went after Bush, calling him “…”": a participle hangs on the main clause, whatever "after" precedes it.
    const participle = isParticiple(adjacent[0], adjacent[1]!);
    const phrase = at(sentenceStart, adjacent);
    const found = fromPhrase(participle ? phrase : subordinateTail(text, phrase), participle);
    if (found.speakerKind) return found;
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
    if (found.speakerKind === "named" || found.speakerKind === "pronoun") return found;
  }
  const earlier = nearestBefore(before);
  if (earlier) {
    const found = fromPhrase(at(sentenceStart + earlier.cut, earlier.match), isParticiple(earlier.match[0], earlier.match[1]!));
    if (found.speakerKind) return found;
  }
  if (!text.slice(paragraphStart, quoteStart).trim()) return fromPreviousParagraph(text, masked, paragraphStart, entities);
  return fromSentenceSubject(text, [sentenceStart, quoteStart], entities);
}

/** "Axelrod tweeted after Clinton" before "argued “…”": the verb next to the quote is the subordinate clause's. */
function subordinateTail(text: string, [start, end]: Span): Span {
  const cuts = [...text.slice(start, end).matchAll(SUBORDINATE_START)];
  const last = cuts.at(-1);
  return last && start + last.index! + last[0].length < end ? [start + last.index! + last[0].length, end] : [start, end];
}

/**
 * The speech verb before the quote in its sentence, unless a subordinate clause nearer the quote has its own:
 * `Axelrod tweeted after Clinton argued … that “…”` is Clinton's.
 */
function nearestBefore(before: string): { cut: number; match: RegExpExecArray } | null {
  const main = BEFORE.exec(before);
  if (!main) return null;
  const cuts = [...before.matchAll(SUBORDINATE_START)].map((m) => m.index! + m[0].length).filter((cut) => cut > main.index);
  for (const cut of cuts.reverse()) {
    const match = BEFORE.exec(before.slice(cut));
    if (match && match.index === 0 && !isParticiple(match[0], match[1]!)) return { cut, match };
  }
  return { cut: 0, match: main };
}

/**
 * `“We will win.” Trump said the vote was rigged` is two sentences: after a quote that ends its own sentence, a
 * following "X said" attributes it only when nothing but a few words (a day, "in a statement") follow the verb.
 */
function attributesBack(text: string, segment: Segment, afterVerb: string): boolean {
  const lastInside = text.slice(segment.span[0], segment.span[1]).trimEnd().at(-1);
  if (lastInside !== ".") return true;
  const words = afterVerb.trim().split(/\s+/).filter(Boolean);
  return words.length <= 4 && words[0]?.toLowerCase() !== "that";
}

function fromPreviousParagraph(text: string, masked: string, paragraphStart: number, entities: readonly AnnotationOf<"entity">[]): Speaker {
  const previousLines = /(?:^|\n)([^\n]*\S[^\n]*)\n\s*$/.exec(masked.slice(Math.max(0, paragraphStart - 2000), paragraphStart));
  if (!previousLines) return NO_SPEAKER;
  const previousStart = Math.max(0, paragraphStart - 2000) + previousLines.index + previousLines[0].indexOf(previousLines[1]!);
  const previous = previousLines[1]!.trimEnd();
  const label = TRANSCRIPT_LABEL.exec(previous);
  if (label) return { speaker: label[1]!, speakerSpan: [previousStart + label.indices![1]![0], previousStart + label.indices![1]![1]], speakerKind: "named" };
  // The cue must end the paragraph: a colon, or the verb itself ("Hillary Clinton says").
  const m = PREVIOUS_PARAGRAPH.exec(previous);
  if (!m || (!previous.endsWith(":") && m[2]!.trim())) {
    // "Howard continued his scathing remarks." before a paragraph that is only a quote: a person or pronoun who
    // speaks in a short last sentence introduces it.
    const closing = PREVIOUS_SENTENCE.exec(previous);
    if (!closing || closing[2]!.trim().split(/\s+/).length > MAX_INTRO_TAIL_WORDS) return NO_SPEAKER;
    const at = previousStart + closing.indices![1]![0];
    const found = identify(text, subjectOf(text, [at, at + closing[1]!.length], false, placeTest(entities)), entities);
    return found.speakerKind === "pronoun" || (found.speakerKind === "named" && entities.some((e) => e.type === "person" && e.span[0] === found.speakerSpan?.[0])) ? found : NO_SPEAKER;
  }
  const offset = previousStart + m.indices![1]![0];
  return identify(text, subjectOf(text, [offset, offset + m[1]!.length], false, placeTest(entities)), entities);
}

/** After "said": the first chunk is the subject ("said Geoff Ramsey, a Venezuela expert at …"). */
function firstChunk(text: string, [start, end]: Span): Span | null {
  const phrase = text.slice(start, end);
  // "a source close to the administration", "people familiar with the matter": the description runs on.
  const anonymousTail = /\b(?:familiar with|close to|with knowledge of|briefed on)\s[^,;]*/.exec(phrase);
  const searchFrom = anonymousTail ? anonymousTail.index + anonymousTail[0].length : 0;
  const cutAfter = phrase.slice(searchFrom).search(/,|\s[—–―(]|\s(?:in|on|at|during|after|before|when|while|because|about|of|to|that|who|last|this|earlier|later|on)\s/);
  const cut = cutAfter < 0 ? -1 : searchFrom + cutAfter;
  const chunk = (cut > 0 ? phrase.slice(0, cut) : phrase).trimEnd();
  if (!chunk.trim() || /^\s*(?:that|who|which|what|how|why|if|whether)\b/i.test(chunk)) return null;
  const lead = chunk.length - chunk.trimStart().length;
  return [start + lead, start + chunk.length];
}

function identifyName(text: string, span: Span, entities: readonly AnnotationOf<"entity">[]): Speaker {
  const found = identify(text, span, entities);
  return found.speakerKind ? found : { speaker: text.slice(span[0], span[1]), speakerSpan: span, speakerKind: "named" };
}

/**
 * No speech verb, but the quote sits inside a sentence whose subject is a person, an organisation or a pronoun:
 * "Trump also criticised Khan for making “very rude statements”", "Paul Ryan worried that the safety net was
 * becoming “a hammock …”". The subject is who used those words. Descriptions are trusted only when their head is a
 * document or a role (described.ts): "The bill, known as the “Justice Against Sponsors of Terrorism Act”" has no speaker.
 */
function fromSentenceSubject(text: string, before: Span, entities: readonly AnnotationOf<"entity">[]): Speaker {
  if (before[1] - before[0] < 3) return NO_SPEAKER;
  const found = identify(text, subjectOf(text, before, true, placeTest(entities)), entities);
  if (found.speakerKind === "named" && entities.some((e) => e.span[0] === found.speakerSpan?.[0]) || found.speakerKind === "pronoun") return found;
  // "Walter Hewlett sniped that Fiorina, a first-time chief executive, was “learning on the job”": the person who
  // opens the sentence (after an opener such as "On Monday,") and is followed by a verb.
  const opening = entities.find((e) => e.type === "person" && e.span[0] >= before[0] && e.span[1] <= before[1] &&
    /^(?:[^,“"]{0,40},\s)?$/.test(text.slice(before[0], e.span[0])) && OPENS_CLAUSE.test(text.slice(e.span[1], e.span[1] + 30)));
  if (opening) return { speaker: opening.name, speakerSpan: opening.span, speakerKind: "named" };
  // …except a document or a role opening the sentence: "The ad targets a “corrupt political system”".
  const described = describedSubject(text, before);
  return described ? { speaker: text.slice(...described), speakerSpan: described, speakerKind: "described" } : NO_SPEAKER;
}

/** A verb follows the name: lower case, not a possessive, not a relative clause or an apposition. */
const OPENS_CLAUSE = /^\s+(?:\p{Ll}+ly\s+)?(?!who\b|which\b|and\b|or\b|of\b|to\b|in\b|on\b|at\b|for\b|with\b|from\b|by\b)\p{Ll}{2,}/u;

/** A quote in an embedded post that extraction left in the text belongs to the post's author, named on its signature line. */
function embeddedPostAuthor(text: string, paragraphEnd: number): Speaker | null {
  const next = text.slice(paragraphEnd, paragraphEnd + 200).replace(/^\n+/, (m) => " ".repeat(m.length));
  const m = POST_SIGNATURE.exec(next);
  if (!m) return null;
  const start = paragraphEnd + m.indices![1]![0];
  return { speaker: m[1]!, speakerSpan: [start, start + m[1]!.length], speakerKind: "embed" };
}
