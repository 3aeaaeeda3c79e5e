/**
 * Indirect quotes: reported speech where the cue is clear, one sentence at a time.
 *   - `X said (to Y) that …`, `X told Y that …`, `X warned that …`: the content follows "that";
 *   - `…, X said.` / `…, said X.` / `…, X told Reuters.`: the attribution closes the sentence;
 *   - `According to X, …` / `…, according to X.`
 *   - `X said the U.S. would …`: a clause without "that", only when a subject and an auxiliary open it (SAID_CLAUSE).
 * A sentence that holds a direct quote is left to the direct-quote finder.
 */
import type { AnnotationOf, Span } from "../../records.js";
import type { QuoteCandidate } from "./find.js";
import { identify, subjectOf } from "./speaker.js";
import { placeTest } from "./places.js";
import { SPEECH_VERB as V } from "./speech-verbs.js";

const MIN_CONTENT_WORDS = 4;
/** Longer "sentences" are lists or unpunctuated dumps, not reported speech; the patterns would cost O(n²) on them. */
const MAX_SENTENCE_CHARS = 1_000;
const AUX = String.raw`(?:(?:has|have|had|also|later|previously|earlier|repeatedly|reportedly|publicly|privately)\s)*`;
const OBJECT = String.raw`(?:\s(?:to\s)?(?:him|her|them|us|me|reporters|journalists|the\s[\p{L}\s]{1,40}?|[\p{Lu}][\p{L}.'’&-]*(?:\s[\p{Lu}][\p{L}.'’&-]*){0,4}))?`;
const TIME = String.raw`(?:\s(?:on|in|last|this|late|early)?\s?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening|today|yesterday))?`;
const SAID_THAT = new RegExp(String.raw`^(.{2,140}?)\s${AUX}(?:${V})${OBJECT}${TIME}(?:\s(?:in|on|during|at)\s[^,]{1,50}?)?,?\sthat\s(.+)$`, "su");
/**
 * "Another person familiar with the talks said the U.S. would be open to …": "said" and a clause without "that",
 * read only when the clause is plainly one (a subject, then an auxiliary within a few words), never "said Friday".
 */
const SAID_CLAUSE = new RegExp(String.raw`^(.{2,140}?)\s${AUX}(?:said|says|added|told\s(?:reporters|him|her|them|\p{Lu}[\p{L}.'’&-]*))\s((?:the|a|an|\p{Lu}[\p{L}.'’-]*)(?:\s[\p{L}.'’-]+){0,5}?\s(?:would|will|has|had|have|is|was|were|are|could|should|may|might|can|did|does|do)\s.+)$`, "su");
const CLOSING_SUBJECT_FIRST = new RegExp(String.raw`^(.+?),\s([^,]{2,90}?)\s${AUX}(?:${V})${OBJECT}${TIME}(?:\s(?:in|on|during|at)\s[^,.]{1,50})?\s*[.!]?$`, "su");
const CLOSING_VERB_FIRST = new RegExp(String.raw`^(.+?),\s(?:${V})\s([^.]{2,120}?)\s*[.!]?$`, "su");
const ACCORDING_FIRST = /^According to ([^,]{2,90}),\s(.+)$/su;
const ACCORDING_LAST = /^(.+?),\saccording to ([^,]{2,90}?)\s*[.!]?$/su;
/** "The bridge will not reopen until June 2, according to the engineers, weeks later than the date the mayor announced". */
const ACCORDING_MID = /^(.+?),\saccording to ([^,]{2,90}),\s/su;
/**
 * "The Consumer Price Index climbed 4.2 percent from a year earlier, the Labor Department said, the fastest pace since
 * 2008": the attribution between commas, then a phrase that comments on the figure (a noun phrase, not a clause).
 */
const MID_CUE = new RegExp(String.raw`^(.+?),\s((?:the\s|The\s|\p{Lu})[^,]{1,90}?)\s(?:said|says|reported|reports|announced|estimated|confirmed)${TIME},\s(?:the|a|an|its|their|up|down|more|less|about|roughly|nearly|almost|\d)\b[^,]{0,120}[.!]?$`, "su");
/** Verbs that report speech in the closing position but also end plain narration are not enough there. */
const CLOSING_VERB_ONLY = /\b(said|says|told|added|wrote|noted|explained|argued|claimed|insisted|warned|stated|confirmed|reported|announced|acknowledged|predicted|cautioned|conceded|maintained|contended|asserted|estimated|believes|believe)\b/i;

export function findIndirectQuotes(
  text: string,
  sentences: readonly Span[],
  direct: readonly QuoteCandidate[],
  entities: readonly AnnotationOf<"entity">[],
): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  for (const sentence of sentences) {
    if (sentence[1] - sentence[0] > MAX_SENTENCE_CHARS) continue;
    if (direct.some((q) => q.span[0] < sentence[1] && sentence[0] < q.span[1])) continue;
    const raw = text.slice(sentence[0], sentence[1]);
    if (/["“”]/.test(raw)) continue;
    const found = reportedSpeech(text, sentence, entities);
    if (found && found.span[1] - found.span[0] > 0 && text.slice(...found.span).split(/\s+/).length >= MIN_CONTENT_WORDS) out.push(found);
  }
  return out;
}

function reportedSpeech(text: string, [start, end]: Span, entities: readonly AnnotationOf<"entity">[]): QuoteCandidate | null {
  const sentence = text.slice(start, end);
  const spanOf = (m: RegExpExecArray, group: number, from = 0): Span => {
    const offset = start + sentence.indexOf(m[group]!, from);
    return [offset, offset + m[group]!.length];
  };
  const withContent = (speakerPhrase: Span, content: Span, subjectFirst: boolean): QuoteCandidate | null => {
    const subject = subjectFirst ? subjectOf(text, speakerPhrase, false, placeTest(entities)) : speakerPhrase;
    const speaker = identify(text, subject, entities);
    if (!speaker.speakerKind) return null;
    return { span: trimContent(text, content), form: "indirect", ...speaker };
  };

  const according = ACCORDING_FIRST.exec(sentence);
  if (according) return withContent(spanOf(according, 1), spanOf(according, 2, according[1]!.length), false);
  const accordingLast = ACCORDING_LAST.exec(sentence);
  if (accordingLast) return withContent(spanOf(accordingLast, 2, accordingLast[1]!.length), spanOf(accordingLast, 1), false);
  // An "according to X" in the sentence names its source: a speech verb later in it ("the date the mayor announced")
  // is not the sentence's cue.
  const accordingMid = ACCORDING_MID.exec(sentence);
  if (accordingMid) return withContent(spanOf(accordingMid, 2, accordingMid[1]!.length), spanOf(accordingMid, 1), false);
  const saidThat = SAID_THAT.exec(sentence);
  if (saidThat && !/\b(?:so|such|now|not|said)$/i.test(saidThat[1]!)) {
    return withContent(spanOf(saidThat, 1), spanOf(saidThat, 2, saidThat[1]!.length), true);
  }
  const saidClause = SAID_CLAUSE.exec(sentence);
  if (saidClause && !/\b(?:so|such|now|not|said)$/i.test(saidClause[1]!)) {
    const found = withContent(spanOf(saidClause, 1), spanOf(saidClause, 2, saidClause[1]!.length), true);
    if (found) return found;
  }
  const closing = CLOSING_SUBJECT_FIRST.exec(sentence);
  if (closing && CLOSING_VERB_ONLY.test(sentence.slice(closing[1]!.length))) {
    return withContent(spanOf(closing, 2, closing[1]!.length), spanOf(closing, 1), true);
  }
  const mid = MID_CUE.exec(sentence);
  if (mid) {
    const found = withContent(spanOf(mid, 2, mid[1]!.length), spanOf(mid, 1), true);
    if (found) return found;
  }
  const closingVerbFirst = CLOSING_VERB_FIRST.exec(sentence);
  if (closingVerbFirst && CLOSING_VERB_ONLY.test(sentence.slice(closingVerbFirst[1]!.length, closingVerbFirst[1]!.length + 12))) {
    return withContent(spanOf(closingVerbFirst, 2, closingVerbFirst[1]!.length), spanOf(closingVerbFirst, 1), false);
  }
  return null;
}

function trimContent(text: string, [start, end]: Span): Span {
  const content = text.slice(start, end);
  const trimmed = content.replace(/[\s.,;:!?]+$/u, "");
  const lead = trimmed.length - trimmed.trimStart().length;
  return [start + lead, start + trimmed.length];
}
