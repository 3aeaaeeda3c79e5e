/**
 * Who gives one side of a dispute, read from the sentence when its source was not resolved to a person, body or
 * outlet: "The union representing workers at the plant in Dunmore says the plant will not close before June" is
 * the union's, not Dunmore's; "The chamber of commerce, which represents about 400 businesses, estimates its
 * members' losses at $5 million" is the chamber's. The subject of the reporting verb is its head noun phrase: the
 * words before the first comma, participle, relative pronoun or preposition that follows the head. Else the speaker
 * named in its words (resolve-source.ts). Bounded patterns on one sentence (linear).
 */
import type { AnnotationOf, ArticleBundle } from "../records.js";
import { SPEECH_VERBS, speakerInWords } from "./speaker-patterns.js";

/** Verbs a source gives a figure or a date with. */
const REPORTING =
  /\b(?:says|said|say|declared|declares|certified|ruled|estimates|estimated|estimate|puts|put|reports|reported|counts|counted|insists|insisted|maintains|maintained|claims|claimed|contends|contended|told|announced|argues|argued|stated|wrote|writes)\b/i;
/**
 * A subject at the head of the sentence: a determiner and up to six words, ending before a comma, a participle
 * ("representing"), a relative pronoun, or a preposition of place or time.
 */
const HEAD_SUBJECT =
  /^(?:the|a|an|its|their|his|her|several|some|many|most|both|two|three|four|five)\s+((?:[\p{L}'’-]+\s+){0,5}?[\p{L}'’-]+?)(?=,|\s+(?:\p{L}+ing|who|which|that|in|at|on|from|for|near|representing)\b|\s*$)/iu;

export function sideSayer(bundle: ArticleBundle, span: readonly [number, number]): string | null {
  const citation = bundle.annotations.find(
    (a): a is AnnotationOf<"citation"> => a.kind === "citation" && a.span[0] >= span[0] && a.span[1] <= span[1],
  );
  if (citation) return peopleNamed(citation.source);
  const text = bundle.article.text.slice(span[0], span[1]);
  // "Both told the Courier …": the two of the sentence before ("Two witnesses who were at the gas pumps …").
  if (PLURAL_PRONOUN_SUBJECT.test(text)) return headSubject(sentenceBefore(bundle.article.text, span[0])) ?? subjectOfReporting(text);
  // Not the sentence's first named person: that is whom a report is about ("Councillor Nandakumar accepted $12,000")
  // as often as who says it; a side no one is named as giving is its outlet's (dispute.ts).
  return subjectOfReporting(text) ?? RESULTS_FROM.exec(text)?.[1] ?? speakerInWords(text, `${SPEECH_VERBS}|won|showed|shows`);
}

/** "Both told", "They say": a reporting verb whose subject is the people the sentence before named. */
const PLURAL_PRONOUN_SUBJECT = /^(?:both|they|the two|all three|each)\s+(?:of them\s+)?(?:\p{L}+ly\s+)?(?:says|said|say|told|tell|insist|insisted|maintain|maintained|claim|claimed|estimate|estimated|counted|reported|described|recalled)\b/iu;
/** How far back the sentence before is looked for (characters): news sentences are shorter. */
const BEFORE_WINDOW = 400;
const sentenceBefore = (text: string, start: number): string => {
  const window = text.slice(Math.max(0, start - BEFORE_WINDOW), start).trimEnd();
  const end = window.search(/[.!?]["”’]?$/);
  const body = end >= 0 ? window.slice(0, end) : window;
  return body.split(/[.!?]["”’]?\s+/).at(-1)?.trim() ?? "";
};

/**
 * "according to unofficial results from the county elections office", "according to a count by their poll
 * watchers": who gives the figures, past the words for the figures themselves.
 */
const RESULTS_FROM = /\baccording to (?:(?:unofficial|preliminary|official|final|early|partial)\s+)?(?:results|figures|data|numbers|a count|counts|a tally|an estimate|estimates|records)\s+(?:from|by|of)\s+((?:the\s)?[\p{L}'’ -]{2,60}?)(?=[.,;]|$)/iu;

/** "Several residents of Millford": a quantity of people is named by its noun, not its place. */
export const peopleNamed = (name: string): string => (QUANTIFIED.test(name) ? name.trim().replace(/\s+of\s+\p{Lu}.*$/u, "") : name);
const QUANTIFIED = /^(?:several|some|many|most|both|two|three|four|five|a few|a group of)\s/i;

/** The head noun phrase a sentence opens on, when it opens on a determiner or a count ("Two witnesses"). */
function headSubject(sentence: string): string | null {
  const head = HEAD_SUBJECT.exec(sentence);
  return head ? peopleNamed(head[0].trim()) : null;
}

/** The head of the subject of the sentence's first reporting verb, when the sentence opens on it. */
export function subjectOfReporting(sentence: string): string | null {
  const verb = REPORTING.exec(sentence);
  if (!verb) return null;
  const before = sentence.slice(0, verb.index).trim();
  if (!before) return null;
  // "…, the National Weather Service said": an attribution after the statement names who says it.
  const last = before.split(",").map((x) => x.trim()).filter(Boolean).at(-1) ?? "";
  if (before.includes(",") && last !== before && !/^(?:who|which|that|where)\b/i.test(last) && last.split(/\s+/).length <= 6) {
    return /^(?:the|a|an)\s|^\p{Lu}/u.test(last) ? last : null;
  }
  const head = HEAD_SUBJECT.exec(before);
  if (!head) return null;
  const words = peopleNamed(head[0].trim());
  // A head ending in a verb form is no noun phrase ("The bridge will reopen").
  if (/\b(?:will|would|is|was|are|were|has|have|had|can|could|may|might)\b/i.test(words)) return null;
  return words;
}
