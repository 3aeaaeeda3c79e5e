/**
 * Speakers the text gives by pronoun ("she said") or by role ("the Texas governor said"), resolved to the person
 * they stand for, one pass over an article's quotes in text order (direct and reported alike):
 *   - a pronoun goes to the speaker of the last quote when nobody else became a sentence's subject since, else to
 *     the last person who opened a sentence, else the last person named; only people whose gender fits ("she" is
 *     never a man the text calls Mr. or whose first name is a man's, see gender.ts);
 *   - a definite role description goes to the person the text names for that role: the entities analyzer's own
 *     binding when it made one (an entity annotation over the description, with `via`), else the last person
 *     named with that role word as title or apposition ("Gov. Rick Perry", "Perry, the governor"), else the person
 *     the text is about, as for "he";
 *   - a document ("the statement", "the letter") goes to whoever the text says issued it (described.ts).
 * `speakerSpan` stays on the words at the cue; `speaker` becomes the name.
 */
import type { AnnotationOf, Span } from "../../records.js";
import { genderByName, type Gender } from "./gender.js";
import { outletsSharing, resolveOutlet } from "../../_lib/outlets.js";
import { isDocument, isPersonHead, issuerOf } from "./described.js";
import type { Speaker } from "./speaker.js";
import { lastAtOrBefore } from "../../_lib/sorted.js";
import { roleHolding } from "./role-bearer.js";

interface Quoted extends Speaker { span: Span }

const MALE_ROLE = /\b(?:congressman|spokesman|chairman|businessman|actor|king|prince|man|gentleman|father|husband|son|brother)\b/i;
const FEMALE_ROLE = /\b(?:congresswoman|spokeswoman|chairwoman|businesswoman|actress|queen|woman|lady|mother|wife|daughter|sister)\b/i;
/** A description is anaphoric, and about one person, only as "the …" or a possessive, singular, not "a …". */
const DEFINITE = /^(?:the|this|that|\p{Lu}[\p{L}.-]*[’']s)\s/iu;
/**
 * Person entities no pronoun stands for: a party tag ("R-Wis.") and words in capitals, which in running text are a
 * dateline ("CHARLOTTE —"), an acronym or a shouted label, not someone the story is about.
 */
const NOT_A_NAME = /^(?:[RDI]-\p{Lu}|[^\p{Ll}]+$)/u;
/** How far back a role's bearer may be named, in characters. */
const ROLE_REACH = 3_000;

export function resolveSpeakers<Q extends Quoted>(
  text: string,
  quotes: readonly Q[],
  entities: readonly AnnotationOf<"entity">[],
  sentenceStarts: readonly number[],
): Q[] {
  const people = entities.filter((e) => e.type === "person" && !NOT_A_NAME.test(e.name));
  const genderOf = genderByName(text, people);
  const starts = sentenceStarts;
  let lastSpeaker: { name: string; at: number } | null = null;
  const outletNamed = new Map<string, string>();
  return quotes.map((quote) => {
    let resolved = outletSpeaker(quote, outletNamed);
    const cue = quote.speakerSpan;
    if (quote.speakerKind === "pronoun" && !quote.speaker && cue) {
      resolved = { ...quote, speaker: resolvePronoun(text, cue, Math.min(cue[0], quote.span[0]), people, starts, lastSpeaker, genderOf) };
    } else if (quote.speakerKind === "described" && cue) {
      const bound = isDocument(text.slice(...cue)) ? issuerOf(text, cue, entities)
        : boundRole(text, cue, entities) ?? roleBearer(text, cue, people, starts, lastSpeaker, genderOf);
      if (bound) resolved = { ...quote, speaker: bound };
    }
    if (resolved.speaker && (resolved.speakerKind === "named" || resolved.speakerKind === "pronoun" || resolved.speaker !== quote.speaker)) {
      lastSpeaker = { name: resolved.speaker, at: Math.max(quote.span[1], cue?.[1] ?? 0) };
    }
    return resolved;
  });
}

/**
 * A speaker that is a known outlet takes the outlets table's name ("The WSJ" → "The Wall Street Journal"); a short
 * form ("the Journal") the one outlet sharing it that the article already named in full.
 */
function outletSpeaker<Q extends Quoted>(quote: Q, named: Map<string, string>): Q {
  if (!quote.speaker || quote.speakerKind === "pronoun" || quote.speakerKind === "anonymous") return quote;
  const outlet = resolveOutlet(quote.speaker.replace(/[’']s$/u, ""));
  if (outlet?.known) {
    named.set(outlet.id, outlet.name);
    return outlet.name === quote.speaker ? quote : { ...quote, speaker: outlet.name };
  }
  if (outlet) return quote;
  const sharing = outletsSharing(quote.speaker).filter((o) => named.has(o.id));
  return sharing.length === 1 ? { ...quote, speaker: sharing[0]!.name } : quote;
}

/** The entities analyzer's binding of a role to a person, when it made one: a person entity over the description with `via`. */
function boundRole(text: string, cue: Span, entities: readonly AnnotationOf<"entity">[]): string | null {
  const bound = entities.find((e) => e.type === "person" && "via" in e && e.span[0] <= cue[0] && e.span[1] >= cue[1] - 1);
  return bound && text.slice(...bound.span) !== bound.name ? bound.name : null;
}

function roleBearer(
  text: string, cue: Span, people: readonly AnnotationOf<"entity">[], starts: readonly number[],
  lastSpeaker: { name: string; at: number } | null, genderOf: (name: string) => Gender | null,
): string | null {
  const words = text.slice(cue[0], cue[1]).replace(/\s+(?:himself|herself)$/i, "");
  if (!DEFINITE.test(words)) return null;
  const holding = roleHolding(text, cue, words, people, isPersonHead);
  if (!holding) return null;
  if (holding.holder || holding.relational) return holding.holder;
  // Nobody is given the role in so many words ("the retired neurosurgeon"): the person the text is about.
  const gender: Gender | null = MALE_ROLE.test(words) ? "male" : FEMALE_ROLE.test(words) ? "female" : null;
  return resolvePronoun(text, cue, cue[0], people, starts, lastSpeaker, genderOf, gender, true);
}

/**
 * "He warned": the person the text is about at that point (see the file comment). `gender` overrides the pronoun's;
 * `subjectsOnly`: a role falls back to someone who was a sentence's subject or spoke, never just the last name.
 */
export function resolvePronoun(
  text: string, pronoun: Span, before: number, people: readonly AnnotationOf<"entity">[], sentenceStarts: readonly number[],
  lastSpeaker: { name: string; at: number } | null, genderOf: (name: string) => Gender | null,
  gender?: Gender | null, subjectsOnly = false,
): string | null {
  const written = text.slice(pronoun[0], pronoun[1]).toLowerCase().replace(/[’']s$/, "");
  const objectForm = ({ him: "he", her: "she", them: "they" } as Record<string, string>)[written];
  const word = objectForm ?? written;
  if (word === "i" || word === "we" || word === "it") return null;
  const wanted: Gender | null = gender !== undefined ? gender : word === "he" ? "male" : word === "she" ? "female" : null;
  // Most names compromise's lexicon cannot gender are men's in news; so "she" goes to a known woman of the recent
  // text over a person of unknown gender, while "he" only avoids known women.
  const knownWoman = wanted === "female" && people.some((p) => p.span[1] <= before && before - p.span[1] <= ROLE_REACH && genderOf(p.name) === "female");
  const fits = (name: string) => {
    if (word === "they") return true;
    const known = genderOf(name);
    return !wanted || (known ? known === wanted : !knownWoman);
  };
  const earlier = people.filter((p) => p.span[1] <= before && fits(p.name));
  // "Durbin said on Thursday he …", "Trump attacked Clinton, and she said": the first person of the pronoun's own
  // sentence that fits it.
  const sentenceStart = lastAtOrBefore(sentenceStarts, pronoun[0]);
  const inSentence = earlier.find((p) => p.span[0] >= sentenceStart);
  if (inSentence && !objectForm && !subjectsOnly && word !== "they") return inSentence.name;
  const starts = new Set(sentenceStarts);
  const isSubject = (p: AnnotationOf<"entity">) => {
    const lead = text.slice(Math.max(0, p.span[0] - 40), p.span[0]);
    if (starts.has(p.span[0]) || lead.search(/(?:^|[.!?]["”]?\s+|\n)(?:(?:\p{Lu}[\p{L}.]*\s){0,3})$/u) >= 0) return true;
    // "Four-term congressman Henry Cuellar was indicted": a title of role words before the name opens the sentence.
    const title = text.slice(lastAtOrBefore(sentenceStarts, p.span[0]), p.span[0]);
    if (!/^(?:[\p{L}.’'-]+\s){1,4}$/u.test(title)) return false;
    return title.trim().split(/\s+/).every((w) => /^\p{Lu}|^(?:former|ex-|then-)|-/u.test(w) || isPersonHead(w.toLowerCase()));
  };
  // "quoting him saying": an object pronoun points at the person just named, rarely at the sentence's subject.
  if (objectForm && !subjectsOnly) return earlier.at(-1)?.name ?? null;
  const speaker = lastSpeaker && fits(lastSpeaker.name) ? lastSpeaker : null;
  const subject = [...earlier].reverse().find(isSubject);
  if (speaker && (!subject || subject.span[0] < speaker.at)) return speaker.name;
  return subject?.name ?? (subjectsOnly ? null : earlier.at(-1)?.name) ?? speaker?.name ?? null;
}
