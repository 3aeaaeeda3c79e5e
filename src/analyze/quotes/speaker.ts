/**
 * From the words around a speech verb to a speaker: which words are the subject, and who that is.
 *
 * The phrase before "said" often carries more than the subject: "During a May interview on CNBC, Trump",
 * "Geoff Ramsey, a Venezuela expert at the Atlantic Council,". News grammar is regular enough that clause
 * boundaries (commas, dashes) and a few word classes find the subject without a parser; a parser would cost
 * more than the whole analysis budget (issue 4: 200 articles/s per core).
 */
import type { AnnotationOf, SpeakerKind, Span } from "../../records.js";
import { isSpeechVerb } from "./speech-verbs.js";
import { isRole } from "./described.js";

export interface Speaker {
  speaker: string | null;
  speakerSpan: Span | null;
  speakerKind: SpeakerKind | null;
}

export const NO_SPEAKER: Speaker = { speaker: null, speakerSpan: null, speakerKind: null };

const PRONOUN = /^(he|she|they|i|we|it|him|her|them)(?:[’']s)?$/i;
/** Unnamed sources: the description is kept as the speaker ("a senior administration official"). */
const ANONYMOUS_HEAD = /\b(officials?|sources?|people|persons?|insiders?|diplomats?|aides?|advisers?|advisors?|someone|individuals?|staffers?|members?|lawmakers?|officers?|employees?|analysts?|experts?)\b/i;
const ANONYMOUS_SHAPE = /^(?:(?:a|an|one|two|three|four|several|many|some|other|another|the|of|these|those)\s)+|\b(familiar with|close to|with knowledge of|briefed on|who (?:asked|spoke|requested|declined))\b/i;
/** A lowercase subject needs a determiner or a quantifier in front: "the ministry", "one questioner". */
const DETERMINER = /^(?:a|an|the|one|two|three|several|many|some|his|her|its|their|our|my|this|these|those|another|both|each|every|other|(?:\p{Lu}[\p{L}.-]*\s){0,3}\p{Lu}[\p{L}.-]*[’']s)\s/iu;
/** A description is a noun phrase: it does not end on a function word nor hold a verb ("the city embodied the"). */
const NOT_A_NOUN_PHRASE = /\b(?:is|was|were|are|has|had|have|will|would|can|could|should|may|might|did|does|do|been|being)\b|\s(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from)$|\s\p{Ll}+ed\s+(?:the|a|an|that)\b/iu;
const TRAILING_TIME = /\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)$/;
/** Clause openers that are not subjects: "In a statement", "On Monday", "After the debate". */
const ADVERBIAL = /^(?:in|on|at|during|after|before|when|while|as|since|until|following|speaking|asked|writing|with|without|for|from|to|by|under|over|later|earlier|then|meanwhile|also|still|yet|but|and|so|instead|separately|however|though|although|because|if|once|now|today|yesterday)\b/i;
/** Chunks that describe rather than name: "a Venezuela expert", "the foreign minister of France", lowercase words. */
const APPOSITIVE_START = /^(?:a|an|the|himself|herself|itself|themselves|also|both|now|then|formerly|once)\b|^\p{Ll}(?!.*\s\p{Lu})|^(?:one|two|three|some|many|several|each|all|most|part|among)\s+(?:of|the)\b/u;
const RELATIVE = /^(?:who|which|whose|whom|where|that)\b/i;
const MAX_SUBJECT_WORDS = 12;
/** Words in a described speaker ("a senior administration official"); a role description may run to MAX_ROLE_WORDS. */
const MAX_DESCRIPTION_WORDS = 7;
const MAX_ROLE_WORDS = 12;
const AGE = /^\d{1,3}$/;
const SUBORDINATOR = /^\s*(?:while|when|whenever|as|because|if|although|though|since|whether|unless|once|where|no wonder)\b/i;
const TRAILING_ADVERBS = /(?:\s+(?:\p{Ll}+ly|still|also|then|later|once|again|even|never|always|often|now|too|first|had|has|have|was|is))+\s*$/u;
const LEADING_CONJUNCTION = /^\s*(?:(?:and|but|so|yet|then|also|meanwhile|still|now|as|instead|later|earlier|separately|however)\s+)+/i;

/**
 * The subject inside an attribution phrase. The phrase is cut into chunks at commas, dashes and parentheses; the
 * subject is the last chunk that reads as a name or a pronoun, else the last one that reads as a description,
 * skipping openers ("In a statement") and appositives ("a Venezuela expert", "who leads the council").
 * `participle`: for "…, saying" the subject is the one that opens the clause ("it attacked Trump, saying" → "it").
 */
export function subjectOf(text: string, span: Span, participle = false, isPlace: (span: Span) => boolean = () => false): Span | null {
  return subjectCandidates(text, span, participle, isPlace)[0] ?? null;
}

/**
 * `subjectOf`'s choice first, then the other chunks that could be the subject, in text order: when the preferred
 * chunk names nobody ("legal director for ACLU of Oregon" in "Matdos Santos, legal director for ACLU of Oregon,
 * said"), the caller tries the next.
 */
export function subjectCandidates(text: string, [start, end]: Span, participle = false, isPlace: (span: Span) => boolean = () => false): Span[] {
  // Parenthesised asides ("(D-Wis.)", "(R)") are blanked, keeping offsets.
  const phrase = text.slice(start, end).replace(/\([^()]*\)/g, (m) => " ".repeat(m.length));
  const chunks: Span[] = [];
  let at = 0;
  for (const m of phrase.matchAll(/\s*(?:,|\s[—–―]|\s-\s)\s*/g)) {
    if (m.index! > at) chunks.push([at, m.index!]);
    at = m.index! + m[0].length;
  }
  if (at < phrase.length) chunks.push([at, phrase.length]);
  const located = (chunk: Span): Span | null => {
    const words = phrase.slice(chunk[0], chunk[1]);
    const lead = words.length - words.trimStart().length;
    const trimmed = words.trim();
    if (!trimmed || trimmed.split(/\s+/).length > MAX_SUBJECT_WORDS) return null;
    return [start + chunk[0] + lead, start + chunk[0] + lead + trimmed.length];
  };
  // "But Cox says", "And she added", "As Politico reported": a leading conjunction is not part of the subject.
  for (const [i, chunk] of chunks.entries()) {
    const lead = LEADING_CONJUNCTION.exec(phrase.slice(chunk[0], chunk[1]));
    if (lead && lead[0].length < chunk[1] - chunk[0]) chunks[i] = [chunk[0] + lead[0].length, chunk[1]];
  }
  // "He said his attacks have given his campaign momentum and said": the subject is before the first speech verb.
  for (const [i, chunk] of chunks.entries()) {
    const verb = /\s(\p{L}+)/gu;
    for (const m of phrase.slice(chunk[0], chunk[1]).matchAll(verb)) {
      // "the email said", "his tweet read": after a determiner the word is a noun.
      if (isSpeechVerb(m[1]!) && !/(?:^|[^\p{L}])(?:the|a|an|his|her|its|their|one|[\p{L}]+[’']s)\s*$/iu.test(phrase.slice(chunk[0], chunk[0] + m.index!))) {
        chunks[i] = [chunk[0], chunk[0] + m.index!];
        break;
      }
    }
  }
  // "Sarandon, 69,": an age is not a subject; "in Windham, New Hampshire,": a place after a place or a name is its
  // locator, not the speaker ("Russia insisted" opens its clause and stays).
  const read = chunks
    .map((chunk) => ({ chunk, words: phrase.slice(chunk[0], chunk[1]).trim() }))
    .filter((c, i) => !AGE.test(c.words) && !(i > 0 && c.words && isPlace(located(c.chunk) ?? [0, 0])));
  if (participle) {
    const clause = [...read].reverse().find((c) => c.words && !ADVERBIAL.test(c.words) && !RELATIVE.test(c.words) && (DETERMINER.test(c.words) || !/^\p{Ll}/u.test(c.words) || PRONOUN.test(c.words.split(" ")[0]!)));
    const lead = clause && (
      /^(?:he|she|they|it|I|we)\b/i.exec(clause.words) ??
      /^(?:the\s)?\p{Lu}[\p{L}'’.-]*(?:\s(?:\p{Lu}[\p{L}'’.-]*|of|the|and|de))*/u.exec(clause.words) ??
      // "the campaign attacked Trump": a determiner and its nouns, up to the verb (a past form or an auxiliary).
      /^(?:the|a|an|his|her|its|their)\s(?:[\p{L}'’-]+\s){0,3}?[\p{L}'’-]+(?=\s(?:\p{Ll}+ed|is|was|has|had|have|were|are|will|would)\b)/iu.exec(clause.words)
    );
    if (!clause || !lead) return [];
    const offset = start + clause.chunk[0] + phrase.slice(clause.chunk[0], clause.chunk[1]).indexOf(lead[0]);
    return [[offset, offset + lead[0].replace(/\s(?:of|the|and|de)$/, "").length]];
  }
  const usable = read.filter((c) => c.words && !(ADVERBIAL.test(c.words) && !/^(?:after|before)\s+\p{Lu}/u.test(c.words)));
  const isNamed = (c: { words: string }) => PRONOUN.test(c.words) || (!APPOSITIVE_START.test(c.words) && !RELATIVE.test(c.words));
  const named = [...usable].reverse().find(isNamed);
  const described = [...usable].reverse().find((c) => !RELATIVE.test(c.words));
  const ordered = [named, ...usable.filter((c) => c !== named && isNamed(c)), ...(named ? [] : [described])];
  return ordered.flatMap((c) => (c ? [located(c.chunk)] : [])).filter((c): c is Span => c !== null);
}

/** The first of the subject's candidate chunks that identifies a speaker. */
export function identifySubject(
  text: string, phrase: Span, entities: readonly AnnotationOf<"entity">[], participle = false, isPlace: (span: Span) => boolean = () => false,
): Speaker {
  const [first, ...others] = subjectCandidates(text, phrase, participle, isPlace);
  const found = identify(text, first ?? null, entities);
  if (found.speakerKind) return found;
  // A fallback chunk must name someone the entities analyzer found, not just be capitalised ("R-Texas", "Alongside BLM").
  for (const candidate of others) {
    const next = identify(text, candidate, entities);
    if (next.speakerKind === "named" && entities.some((e) => e.span[0] === next.speakerSpan?.[0] && e.type !== "place")) return next;
  }
  // "In a Bloomberg interview Trump declared", "but even now at 86 she still says": no comma before the subject, so
  // the opener and the subject are one chunk; the subject is the pronoun or name that ends it, before any adverbs.
  // "regional accreditation bodies, which he called": the subject of the relative clause.
  const relative = /\b(?:which|whom|who|that)\s+(he|she|they)\s*$/i.exec(text.slice(phrase[0], phrase[1]).replace(TRAILING_ADVERBS, ""));
  if (relative) {
    const at = phrase[0] + relative.index + relative[0].indexOf(relative[1]!, relative[0].length - relative[1]!.length - 1);
    return { speaker: null, speakerSpan: [at, at + relative[1]!.length], speakerKind: "pronoun" };
  }
  // A subordinate clause ("While not everything Trump says …") has its own subject, which is not the speaker.
  if (SUBORDINATOR.test(text.slice(phrase[0], phrase[1])) || /[,;]/.test(text.slice(phrase[0], phrase[1]))) return NO_SPEAKER;
  const words = text.slice(phrase[0], phrase[1]).replace(TRAILING_ADVERBS, "");
  const tail = phrase[0] + words.length;
  const pronoun = /\b(?:he|she|they)$/i.exec(words);
  if (pronoun && /\s/.test(words)) return { speaker: null, speakerSpan: [phrase[0] + pronoun.index, tail], speakerKind: "pronoun" };
  const named = entities.find((e) => e.span[1] === tail && e.span[0] > phrase[0] && e.type !== "place" && /\s$/.test(text.slice(e.span[0] - 1, e.span[0])) &&
    !/[’']s$/.test(text.slice(e.span[0] - 2, e.span[0] - 1) + "s") && !/\b(?:of|to|for|with|by|from|about|against|on|in|at|near)\s$/i.test(text.slice(Math.max(0, e.span[0] - 8), e.span[0])));
  return named ? { speaker: named.name, speakerSpan: named.span, speakerKind: "named" } : NO_SPEAKER;
}

const PLACE_PREPOSITION = /\b(?:in|at|near|outside|inside|across)\s$/i;


/**
 * Who the subject is: a person or organisation found there by the entities analyzer (named), a pronoun (resolved
 * to whom the text is about), an unnamed source (anonymous, described), or a capitalised name the entities
 * analyzer missed. Lowercase words without a determiner ("going", "repeatedly") are not a subject.
 */
export function identify(text: string, subject: Span | null, entities: readonly AnnotationOf<"entity">[]): Speaker {
  if (!subject) return NO_SPEAKER;
  const words = text.slice(subject[0], subject[1]).trim();
  const inside = entities.filter((e) => e.span[0] >= subject[0] && e.span[1] <= subject[1] + 1);
  // "Libertarian presidential candidate Gary Johnson's doctor": a possessive person is not the speaker.
  // A name that modifies a noun is not the speaker: "Gary Johnson’s doctor", "the Trump campaign", "the Beige Book report".
  const modifiesNoun = (e: AnnotationOf<"entity">) => {
    const rest = text.slice(e.span[1], subject[1]);
    return /^[’']s\b/u.test(rest) || (DETERMINER.test(words) && /^\s+\p{Ll}/u.test(rest));
  };
  // "The union representing workers at the plant in Dunmore says": a name after a preposition of place inside the
  // subject is where, not who (the entities analyzer may take a town for a surname).
  const placed = (e: AnnotationOf<"entity">) => e.span[0] > subject[0] && PLACE_PREPOSITION.test(text.slice(Math.max(subject[0], e.span[0] - 8), e.span[0]));
  // "Clinton campaign manager Robby Mook", "Trump aide Hope Hicks": a name followed by lower-case role words and
  // another name modifies that name; the speaker is the later one.
  const people = inside.filter((e) => e.type === "person" && !placed(e));
  const modifiesName = (e: AnnotationOf<"entity">) => people.some((o) => o.span[0] > e.span[1] && ROLE_BETWEEN.test(text.slice(e.span[1], o.span[0])));
  // "the Massachusetts Democrat": an entity after "the" that ends on a person noun is a description, not a name.
  const describes = (e: AnnotationOf<"entity">) => /^the\s$/i.test(text.slice(Math.max(0, e.span[0] - 4), e.span[0])) && isRole(e.name);
  const person = people.find((e) => !modifiesNoun(e) && !modifiesName(e) && !describes(e));
  if (person && !(ANONYMOUS_HEAD.test(words) && ANONYMOUS_SHAPE.test(words))) return { speaker: person.name, speakerSpan: person.span, speakerKind: "named" };
  if (PRONOUN.test(words)) return { speaker: null, speakerSpan: subject, speakerKind: "pronoun" };
  if (ANONYMOUS_HEAD.test(words) && !namesKnownPerson(text, subject[0], words) && (ANONYMOUS_SHAPE.test(words) || /^(?:[\p{Ll}-]+\s){0,3}[\p{Ll}-]+$/u.test(words) && ANONYMOUS_HEAD.test(words.split(" ").at(-1)!))) {
    return { speaker: words, speakerSpan: subject, speakerKind: "anonymous" };
  }
  // "The New York Times" is the organisation; "the Beige Book report", "the CNN host" describe a speaker by it.
  // "the Massachusetts Democrat", "the Texas Republican": a definite description of a person, even when the entities
  // analyzer took its capitalised words for an organisation; refer.ts resolves it to whom it describes.
  const org = /^the\s/i.test(words) && isRole(words) ? undefined : inside.find((e) => e.type !== "person");
  if (org && foldedWords(words.replace(/^the\s/i, "")) === foldedWords(org.name.replace(/^the\s/i, ""))) {
    return { speaker: org.name, speakerSpan: org.span, speakerKind: "named" };
  }
  // A capitalised name the entities analyzer missed ("Caddell", "WALLACE"): a few words, not a shouted headline.
  const name = words.replace(TRAILING_TIME, "");
  const nameWords = name.split(/\s+/);
  if (/^\p{Lu}/u.test(name) && !DETERMINER.test(name) && nameWords.length <= 5 && !/^\p{Lu}\p{Ll}+ly$/u.test(name) && !/^(?:The|A|An|This|That|It)$/.test(name) && !(nameWords.length > 2 && name === name.toUpperCase())) {
    if (/^(?:\p{Lu}[\p{L}'’.-]*|of|the|and|de|for)(?:\s(?:\p{Lu}[\p{L}'’.-]*|of|the|and|de|for))*$/u.test(name)) {
      return { speaker: name.replace(/[’']s$/u, ""), speakerSpan: [subject[0], subject[0] + name.length], speakerKind: "named" };
    }
  }
  // A description of a person may run long when it ends on a role ("the former secretary of state and current
  // Democratic presidential nominee"): those are resolved to a name later (refer.ts).
  const maxWords = isRole(words) ? MAX_ROLE_WORDS : MAX_DESCRIPTION_WORDS;
  if (DETERMINER.test(words) && words.split(/\s+/).length <= maxWords && !NOT_A_NOUN_PHRASE.test(words) && /\p{L}{2,}$/u.test(words)) {
    return { speaker: words, speakerSpan: subject, speakerKind: "described" };
  }
  return NO_SPEAKER;
}

/** How far back an unnamed source "a diplomat" may have been introduced for "the diplomat" to be that source, in characters. */
const ANONYMOUS_REACH = 2_000;

/**
 * "the bespectacled diplomat said" after Ban Ki-moon was named: a definite, singular description that ends on a
 * person noun stands for someone the text named, unless the text introduced an unnamed one by it ("a diplomat said").
 */
function namesKnownPerson(text: string, at: number, words: string): boolean {
  const m = /^the\s(?:[\p{L}\d,’'-]+\s){0,4}?([\p{Ll}-]+)$/u.exec(words);
  if (!m || m[1]!.endsWith("s") || !isRole(m[1]!)) return false;
  const introduced = new RegExp(String.raw`\b(?:a|an|one|another)\s(?:[\p{L}\d,’'-]+\s){0,4}?${m[1]}\b`, "iu");
  return !introduced.test(text.slice(Math.max(0, at - ANONYMOUS_REACH), at));
}

/** One to three lower-case nouns between two names ("campaign manager", "chief strategist"): no verb, no function word. */
const ROLE_BETWEEN = /^\s+(?:(?!(?:to|of|by|and|or|but|the|a|an|with|for|from|on|in|at|was|is|has|had|who|said|says|told)\b)[\p{Ll}-]+(?<!ed|ing|ly)\s+){1,3}$/u;

const foldedWords = (words: string): string => words.toLowerCase().replace(/[’']s$/, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
