/**
 * Non-response boilerplate: "The State Department did not immediately respond to a request for comment", "A
 * spokesman declined to comment", "Maduro's office could not be reached". Such a sentence reports that someone said
 * nothing; it is not a statement about the story, so its attribution carries `nonResponse: true` and compare drops it
 * from the claims. Its source is whoever did not answer, kept with the words naming them.
 */
import type { Span } from "../../records.js";

/** One alternation, no nested quantifiers: linear on any sentence. */
const NON_RESPONSE =
  /\b(?:(?:did not|didn't|does not|doesn't|has not|hasn't|have not|haven't|had not|hadn't|would not|wouldn't|could not|couldn't)\s(?:immediately\s|yet\s)?(?:respond|reply|return|answer|comment)\b|declined\s(?:to\s)?(?:comment|respond|elaborate|discuss)\b|could not be reached\b|was not immediately available\b|were not immediately available\b|(?:did not|didn't) immediately return\b|no immediate (?:response|reply|comment)\b)/i;
/** What may open the sentence before its subject: "On Monday,", "Asked about the talks,". */
const OPENER = /^(?:[^,]{1,40},\s)?/;
const MAX_SUBJECT_WORDS = 8;

export interface NonResponse {
  cueSpan: Span;
  source: string;
  sourceSpan: Span | null;
}

export function nonResponseOf(text: string, [start, end]: Span): NonResponse | null {
  const sentence = text.slice(start, end);
  const m = NON_RESPONSE.exec(sentence);
  if (!m) return null;
  const cueSpan: Span = [start + m.index, start + m.index + m[0].length];
  const before = sentence.slice(0, m.index);
  const opener = OPENER.exec(before)![0];
  const subject = before.slice(opener.length).replace(/\s+(?:also|still|again|then|later|has|have|had)\s*$/i, "").trim();
  if (!subject || subject.split(/\s+/).length > MAX_SUBJECT_WORDS || /[.;:!?]/.test(subject)) {
    return { cueSpan, source: "unnamed", sourceSpan: null };
  }
  const at = start + opener.length + before.slice(opener.length).indexOf(subject);
  return { cueSpan, source: subject, sourceSpan: [at, at + subject.length] };
}
