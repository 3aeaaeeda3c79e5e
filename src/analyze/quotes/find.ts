/**
 * Direct quotes and who said them. A quote is text between quotation marks (curly or straight) of at least
 * MIN_QUOTE_WORDS words within one paragraph; its speaker is the subject of a speech verb next to it
 * (“…,” said Geoff Ramsey / Trump said, “…” / One of the people said the U.S. has put “…”), resolved to a
 * person named there, to the last person named before it for "he"/"she", or kept as the description
 * ("a source close to the administration") when nobody is named.
 */
import type { AnnotationOf, Span } from "../../records.js";

export interface QuoteCandidate {
  span: Span;
  speaker: string | null;
  speakerSpan: Span | null;
}

const MIN_QUOTE_WORDS = 3;
const QUOTED = /“([^”\n]{3,1500})”|"([^"\n]{3,1500})"/g;
const VERBS = "said|says|say|told|tells|added|adds|warned|warns|urged|urges|stated|states|insisted|insists|argued|argues|" +
  "claimed|claims|wrote|writes|explained|noted|asked|declared|announced|accused|threatened|quoting|saying|tweeted|posted|" +
  "indicated|suggested|acknowledged|conceded|replied|responded|confirmed|denied|predicted|recalled|promised|vowed|" +
  "reiterated|repeated|accused|called|revealed|describes|described|shouted|exclaimed|gushed|emailed|texted|reports|reported|" +
  "concluded|reminded|assured|joked|quipped|continued|cautioned|complained|lamented|boasted|admitted|charged|contended|" +
  "observed|remarked|stressed|emphasized|asserted|countered|testified|maintained|recounted|demanded|wondered|mused|fumed|" +
  "recalls|notes|adding|noting|praised|slammed";
const AFTER = new RegExp(`^[,.]?\\s*[”"]?\\s*(?:(${VERBS})\\s+([^.,;:!?“"]{2,90})|(?!and\\b|but\\b|or\\b|then\\b)([^.,;:!?“"]{2,60}?)\\s+(${VERBS})\\b)`, "i");
/** `He warned, "…"`, `Barreto urged: "…"`: the verb right before the quote. */
const ADJACENT_BEFORE = new RegExp(`(?:^|[.;!?]\\s|,\\s|\\band\\s)([^.;!?,“"]{2,60}?)\\s+(?:${VERBS})\\s*[,:]?\\s*$`, "i");
/** “…,” according to the report / According to the documents, “…”: the cited source speaks. */
const ACCORDING_AFTER = /^[,.]?\s*[”"]?\s*,?\s*according to ([^.,;:!?“"]{2,90})/i;
const ACCORDING_BEFORE = /\baccording to ([^.;!?,“"]{2,90}?)\s*,\s*$/i;
/** "quoting him saying “…”": the object of "quoting" is the speaker. */
const QUOTING = /\bquoting\s([\p{L}’'.-]+(?:\s[\p{L}’'.-]+){0,3}?)\s(?:as\s)?(?:saying|as saying)\s*[,:]?\s*$/iu;
/** A quote that follows the previous one this closely, unattributed, continues it: “…,” Trump said. “No, …” */
const CONTINUATION_GAP = 40;
const BEFORE = new RegExp(`(?:^|[.;!?]\\s|,\\s|\\band\\s|\\bthat\\s)([^.;!?“"]{2,90}?)\\s+(?:${VERBS})\\b[^“"]{0,80}$`, "i");
const PRONOUN = /^(he|she|they|him|her)$/i;

/**
 * Titles and initials end in a period that the speaker patterns would read as a sentence end ("Mr. Rove said",
 * "John L. Burton said"). They are matched against a copy with those periods masked; same length, same offsets.
 */
const ABBREVIATION_DOT = /\b(Mr|Mrs|Ms|Mx|Dr|Prof|Rep|Reps|Sen|Sens|Gov|Lt|Gen|Col|Maj|Capt|Cmdr|Adm|Sgt|Rev|Fr|Sr|Jr|St|Hon|Pres|Atty|Supt|Det|Insp|[A-Z])\./g;

function maskAbbreviations(text: string): string {
  return text.replace(ABBREVIATION_DOT, (_, word: string) => `${word}\u00b7`);
}

export function findQuotes(text: string, people: readonly AnnotationOf<"entity">[]): QuoteCandidate[] {
  const quotes: QuoteCandidate[] = [];
  const masked = maskAbbreviations(text);
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[1] ?? m[2]!;
    if (inner.trim().split(/\s+/).length < MIN_QUOTE_WORDS) continue;
    const start = m.index! + 1;
    const end = start + inner.length;
    const previous = quotes.at(-1);
    const gap = previous ? text.slice(previous.span[1], m.index!) : "";
    const continues = (previous?.speaker || previous?.speakerSpan) && gap.length <= CONTINUATION_GAP && !gap.includes("\n") &&
      !AFTER.exec(masked.slice(m.index! + m[0].length, m.index! + m[0].length + 60));
    if (continues && previous) {
      quotes.push({ span: [start, end], speaker: previous.speaker, speakerSpan: previous.speakerSpan });
      continue;
    }
    const attribution = speakerPhrase(masked, m.index!, m.index! + m[0].length);
    quotes.push({ span: [start, end], ...resolveSpeaker(attribution, people) });
  }
  return quotes;
}

function speakerPhrase(text: string, quoteStart: number, quoteEnd: number): Span | null {
  const paragraphStart = text.lastIndexOf("\n", quoteStart) + 1;
  const before = text.slice(paragraphStart, quoteStart);
  for (const pattern of [QUOTING, ACCORDING_BEFORE, ADJACENT_BEFORE]) {
    const m = pattern.exec(before);
    if (m) {
      const at = paragraphStart + m.index + m[0].indexOf(m[1]!);
      return [at, at + m[1]!.length];
    }
  }
  const paragraphEnd = text.indexOf("\n", quoteEnd);
  const after = text.slice(quoteEnd, paragraphEnd === -1 ? undefined : paragraphEnd);
  const according = ACCORDING_AFTER.exec(after);
  if (according) {
    const at = quoteEnd + according.index + according[0].lastIndexOf(according[1]!);
    return trimPhrase(text, [at, at + according[1]!.length]);
  }
  const a = AFTER.exec(after);
  if (a) {
    const phrase = a[2] ?? a[3]!;
    const at = quoteEnd + a.index + a[0].indexOf(phrase, a[0].search(/\S/));
    return trimPhrase(text, [at, at + phrase.length]);
  }
  const b = BEFORE.exec(before);
  if (b) {
    const at = paragraphStart + b.index + b[0].indexOf(b[1]!);
    return trimPhrase(text, [at, at + b[1]!.length]);
  }
  return null;
}

/** "in comments to The Wall Street Journal" and other tails after the name are not the speaker. */
function trimPhrase(text: string, [start, end]: Span): Span {
  const phrase = text.slice(start, end);
  const cut = phrase.search(/\s(in|on|at|during|after|before|when|while|because|about)\s/);
  return cut > 0 ? [start, start + cut] : [start, end];
}

function resolveSpeaker(phrase: Span | null, people: readonly AnnotationOf<"entity">[]) {
  if (!phrase) return { speaker: null, speakerSpan: null };
  const inside = people.find((p) => p.span[0] >= phrase[0] && p.span[1] <= phrase[1] + 1);
  if (inside) return { speaker: inside.name, speakerSpan: inside.span };
  return { speaker: null, speakerSpan: phrase };
}

/** "he said": the last person named before the quote. */
export function resolvePronoun(text: string, candidate: QuoteCandidate, people: readonly AnnotationOf<"entity">[]): QuoteCandidate {
  if (candidate.speaker || !candidate.speakerSpan) return candidate;
  const phrase = text.slice(candidate.speakerSpan[0], candidate.speakerSpan[1]).trim();
  if (!PRONOUN.test(phrase)) return { ...candidate, speaker: phrase || null };
  const previous = [...people].reverse().find((p) => p.span[1] <= candidate.span[0]);
  return previous ? { ...candidate, speaker: previous.name, speakerSpan: candidate.speakerSpan } : candidate;
}
