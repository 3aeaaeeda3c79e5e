/**
 * Reading a quote's context when no cue sits right next to it: the clause that governs it (a subordinate clause's own
 * speech verb), the paragraph before, the sentence's subject, an embedded post's signature line.
 */
import type { AnnotationOf, Span } from "../../records.js";
import { identify, identifySubject, NO_SPEAKER, type Speaker, subjectOf } from "./speaker.js";
import { placeTest } from "./places.js";
import { describedSubject } from "./described.js";
import { BEFORE, isParticiple, MAX_INTRO_TAIL_WORDS, POST_SIGNATURE, PREVIOUS_PARAGRAPH, PREVIOUS_SENTENCE, SUBORDINATE_START, TRANSCRIPT_LABEL } from "./patterns.js";
import type { Segment } from "./segments.js";
import { lastAtOrBefore } from "../../_lib/sorted.js";

/** "Axelrod tweeted after Clinton" before "argued “…”": the verb next to the quote is the subordinate clause's. */
export function subordinateTail(text: string, [start, end]: Span): Span {
  const cuts = [...text.slice(start, end).matchAll(SUBORDINATE_START)];
  const last = cuts.at(-1);
  return last && start + last.index! + last[0].length < end ? [start + last.index! + last[0].length, end] : [start, end];
}

/**
 * The speech verb before the quote in its sentence, unless a subordinate clause nearer the quote has its own:
 * `Axelrod tweeted after Clinton argued … that “…”` is Clinton's.
 */
export function nearestBefore(before: string): { cut: number; match: RegExpExecArray } | null {
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
export function attributesBack(text: string, segment: Segment, afterVerb: string): boolean {
  const lastInside = text.slice(segment.span[0], segment.span[1]).trimEnd().at(-1);
  if (lastInside !== ".") return true;
  const words = afterVerb.trim().split(/\s+/).filter(Boolean);
  return words.length <= 4 && words[0]?.toLowerCase() !== "that";
}

/** How far back the paragraph before a quote is looked for. */
const PREVIOUS_PARAGRAPH_REACH = 2000;

/**
 * The last line with any text before `end`, when only blank space (with a line break) lies between it and `end`.
 * By string search, not a pattern: `[^\n]*\S[^\n]*` backtracks over every split of a long line, and this runs
 * once per quote (113 ms of 3.4 s on the five seeds; a page of many quotes and long lines multiplies it).
 */
export function lastLineBefore(text: string, end: number, reach: number): Span | null {
  const from = Math.max(0, end - reach);
  let last = end - 1;
  while (last >= from && /\s/.test(text[last]!)) last--;
  if (last < from) return null;
  const lineEnd = text.indexOf("\n", last);
  if (lineEnd < 0 || lineEnd >= end) return null;
  const lineStart = Math.max(from, text.lastIndexOf("\n", last) + 1);
  return [lineStart, lineEnd];
}

export function fromPreviousParagraph(text: string, masked: string, paragraphStart: number, entities: readonly AnnotationOf<"entity">[]): Speaker {
  const line = lastLineBefore(masked, paragraphStart, PREVIOUS_PARAGRAPH_REACH);
  if (!line) return NO_SPEAKER;
  const previousStart = line[0];
  const previous = masked.slice(line[0], line[1]).trimEnd();
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
export function firstChunk(text: string, [start, end]: Span): Span | null {
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

export function identifyName(text: string, span: Span, entities: readonly AnnotationOf<"entity">[]): Speaker {
  const found = identify(text, span, entities);
  return found.speakerKind ? found : { speaker: text.slice(span[0], span[1]), speakerSpan: span, speakerKind: "named" };
}

/**
 * No speech verb, but the quote sits inside a sentence whose subject is a person, an organisation or a pronoun:
 * "Trump also criticised Khan for making “very rude statements”", "Paul Ryan worried that the safety net was
 * becoming “a hammock …”". The subject is who used those words. Descriptions are trusted only when their head is a
 * document or a role (described.ts): "The bill, known as the “Justice Against Sponsors of Terrorism Act”" has no speaker.
 */
export function fromSentenceSubject(text: string, before: Span, entities: readonly AnnotationOf<"entity">[]): Speaker {
  if (before[1] - before[0] < 3) return NO_SPEAKER;
  const found = identify(text, subjectOf(text, before, true, placeTest(entities)), entities);
  if (found.speakerKind === "named" && entities.some((e) => e.span[0] === found.speakerSpan?.[0]) || found.speakerKind === "pronoun") return found;
  // "Walter Hewlett sniped that Fiorina, a first-time chief executive, was “learning on the job”": the person who
  // opens the sentence (after an opener such as "On Monday,") and is followed by a verb.
  const opening = entities.find((e) => e.type === "person" && e.span[0] >= before[0] && e.span[1] <= before[1] &&
    /^(?:[^,“"]{0,40},\s)?$/.test(text.slice(before[0], e.span[0])) && OPENS_CLAUSE.test(text.slice(e.span[1], e.span[1] + 30)));
  if (opening) return { speaker: opening.name, speakerSpan: opening.span, speakerKind: "named" };
  // "Former US secretary of state Madeleine Albright, a Clinton supporter, fanned controversy …": the person before an
  // appositive that opens the sentence, titles allowed before the name, a verb after the appositive.
  const appositive = entities.find((e) => e.type === "person" && e.span[0] >= before[0] && e.span[1] <= before[1] &&
    /^(?:[^,“"]{0,40},\s)?[^,“"]{0,60}$/.test(text.slice(before[0], e.span[0])) && APPOSITIVE_THEN_VERB.test(text.slice(e.span[1], Math.min(before[1], e.span[1] + 200))));
  if (appositive) return { speaker: appositive.name, speakerSpan: appositive.span, speakerKind: "named" };
  // …except a document or a role opening the sentence: "The ad targets a “corrupt political system”".
  const described = describedSubject(text, before);
  return described ? { speaker: text.slice(...described), speakerSpan: described, speakerKind: "described" } : NO_SPEAKER;
}

/** ", a Clinton supporter, fanned", ", Trayvon's father, issued": an appositive opened by an article or a possessive, closed by a comma, then a verb. */
const APPOSITIVE_THEN_VERB = /^,\s(?:a|an|the|his|her|their|\p{Lu}[\p{L}.-]*[’']s)\s[^,“"]{1,150},\s+(?:\p{Ll}+ly\s+)?(?!who\b|which\b|and\b|or\b|of\b|to\b|in\b|on\b|at\b|for\b|with\b|from\b|by\b)\p{Ll}{2,}/u;

/** A verb follows the name: lower case, not a possessive, not a relative clause or an apposition. */
export const OPENS_CLAUSE = /^\s+(?:\p{Ll}+ly\s+)?(?!who\b|which\b|and\b|or\b|of\b|to\b|in\b|on\b|at\b|for\b|with\b|from\b|by\b)\p{Ll}{2,}/u;

/** A quote in an embedded post that extraction left in the text belongs to the post's author, named on its signature line. */
export function embeddedPostAuthor(text: string, paragraphEnd: number): Speaker | null {
  const next = text.slice(paragraphEnd, paragraphEnd + 200).replace(/^\n+/, (m) => " ".repeat(m.length));
  const m = POST_SIGNATURE.exec(next);
  if (!m) return null;
  const start = paragraphEnd + m.indices![1]![0];
  return { speaker: m[1]!, speakerSpan: [start, start + m[1]!.length], speakerKind: "embed" };
}


/** "who", "who also", "which has": a relative pronoun alone before the verb. */
const BARE_RELATIVE = /^(?:who|which)(?:\s+(?:also|then|later|has|had|have|\p{Ll}+ly))?$/iu;

/**
 * When the words a cue pattern took for the subject name nobody, they may be a clause inside the subject's phrase:
 *   - an appositive or relative clause closed by a comma before the verb ("Rep. Zoe Lofgren (D-Calif.), who introduced
 *     a bill this month …, said"), or a phrase that starts after an appositive's comma ("Marc H. Morial, the chief
 *     executive of …, forcefully told"): the subject opens the clause, so the phrase is read again from its start;
 *   - a relative pronoun alone ("Beck, who said “…”"): its antecedent, the name just before the comma.
 */
export function widenedSubject(
  text: string, [start, end]: Span, clauseStart: number, entities: readonly AnnotationOf<"entity">[], isPlace: (span: Span) => boolean,
): Speaker {
  const words = text.slice(start, end).trim();
  if (BARE_RELATIVE.test(words)) {
    const antecedent = entities.find((e) => e.type !== "place" && e.span[1] <= start && /^\s*(?:\([^()\n]{1,20}\))?\s*,\s*$/.test(text.slice(e.span[1], start)));
    return antecedent ? { speaker: antecedent.name, speakerSpan: antecedent.span, speakerKind: "named" } : NO_SPEAKER;
  }
  const afterComma = /,\s*$/.test(text.slice(Math.max(clauseStart, start - 3), start));
  if (!(words.endsWith(",") || afterComma) || start <= clauseStart) return NO_SPEAKER;
  // Read from that far back, only a name the entities analyzer found or an unnamed source ("An Israeli official,
  // speaking on the condition of anonymity …,") is trusted, not a description or a capitalised guess.
  const found = identifySubject(text, [clauseStart, end], entities, false, isPlace);
  const known = found.speakerKind === "named" && entities.some((e) => e.span[0] === found.speakerSpan?.[0] && e.type !== "place");
  return known || found.speakerKind === "anonymous" ? found : NO_SPEAKER;
}

/** How many false sentence starts are stepped over at most: a few abbreviations in one sentence. */
const MAX_FALSE_STARTS = 3;

/**
 * The start of the sentence holding `at`. A "sentence" that opens on a comma or a closing parenthesis is the splitter
 * stopping after an abbreviation ("Rep. Zoe Lofgren (D-Calif.), who …"): the sentence goes on from the one before.
 */
export function sentenceOpening(text: string, sentenceStarts: readonly number[], at: number): number {
  let start = lastAtOrBefore(sentenceStarts, at);
  for (let i = 0; i < MAX_FALSE_STARTS && start > 0 && /^\s*[,;:)]/.test(text.slice(start, start + 4)); i++) {
    const previous = lastAtOrBefore(sentenceStarts, start - 1);
    if (previous >= start || text.slice(previous, start).includes("\n")) break;
    start = previous;
  }
  return start;
}
