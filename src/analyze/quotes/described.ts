/**
 * Speakers given by description rather than name, when no speech verb ties them to the quote: a document
 * ("The ad targets a “corrupt political system”", "A footnote in the report makes that clear: “…”"), a role
 * ("The Republican nominee also vowed to punish “those who …”") or a body ("the crowd reprised the chant “…”"). And who issued a document the text quotes
 * ("The email from Clinton aide Neera Tanden", "the campaign's statement", "X released a statement. The statement
 * says …"), so that a quoted document resolves to its issuer when the text says who that is.
 */
import type { AnnotationOf, Span } from "../../records.js";
import { isPersonNoun } from "./person-nouns.js";

/** Things that carry words and can be quoted. Not "bill" or "law": those are named in quotes ("the bill, known as “…”"). */
export const DOCUMENT_HEAD = new Set(
  ("email emails letter letters statement statements report reports memo memos ad ads advertisement spot commercial " +
    "footnote study survey poll filing complaint lawsuit release tweet tweets post editorial article book transcript " +
    "ruling indictment document documents message messages note video website petition platform op-ed column " +
    "analysis audit review assessment excerpt passage guidance summary notice cable text texts").split(" "),
);
/** Person nouns a definite description names a speaker by ("the Vermont senator", "the retired neurosurgeon"). */
export const ROLE_HEAD = new Set(
  ("president governor senator congressman congresswoman representative lawmaker mayor nominee candidate secretary " +
    "minister chancellor premier leader chairman chairwoman chair ceo founder director spokesman spokeswoman " +
    "spokesperson ambassador envoy judge justice attorney prosecutor sheriff chief commissioner general " +
    "businessman businesswoman billionaire mogul tycoon neurosurgeon surgeon doctor physician host anchor columnist " +
    "author writer pollster strategist adviser advisor aide economist historian professor scholar " +
    "activist actor actress star singer rapper comedian pastor reverend bishop archbishop pope king queen prince " +
    "dictator strongman frontrunner front-runner contender hopeful challenger incumbent speaker whip").split(" "),
);
/** Bodies and groups that speak as one: "the crowd chanted “…”", "the commission recognized that …". */
export const GROUP_HEAD = new Set(
  ("crowd audience council commission committee agency board panel court team group campaign administration government " +
    "ministry department office party union organization organisation company firm network newspaper paper magazine " +
    "publication station website site poll survey movie film documentary show program programme protesters " +
    "demonstrators supporters critics opponents residents voters officials lawmakers senators legislators delegates " +
    "activists experts analysts economists researchers scientists authors organizers organisers").split(" "),
);
/** "the … head" at the start of a clause: a determiner and up to six more words; an adverbial opener may precede. */
const DESCRIBED = /^(?:(?:instead|meanwhile|also|but|and|still|then|now|later|separately|however|in fact),?\s+|[^,“”"]{3,60},\s+)?((?:the|a|an|this|that|one|his|her|its|their|\p{Lu}[\p{L}.-]*[’']s)\s(?:[\p{L}\d.’'-]+(?:\s|(?=,))){1,6})/iu;
/** Words after the determiner that may be read as the head: the first one that names a document, a person or a body is. */
const MAX_DESCRIBED_WORDS = 6;
/** "the 34-year-old", "the 71-year-old diplomat": an age stands for a person. */
const AGE_HEAD = /^\d{1,3}-year-old$/;
/** Words that name a title in quotes rather than speech: "known as “…”", "dubbed “…”". */
const NAMING_BEFORE = /\b(?:known as|called|dubbed|named|titled|entitled|labeled|labelled|nicknamed|branded)\s*$/i;

/** The described subject of the clause before a quote, when its head is a document or a role; null otherwise. */
export function describedSubject(text: string, [start, end]: Span): Span | null {
  const clause = text.slice(start, end);
  if (NAMING_BEFORE.test(clause)) return null;
  const m = DESCRIBED.exec(clause);
  if (!m) return null;
  // "The retired neurosurgeon addressed …", "the former secretary of state talked …": the head is the first word
  // after the determiner that names a document, a person or a body; the description ends there.
  // A head word followed by another runs on to it: "The Republican candidate", "The conservative publication".
  const all = [...m[1]!.matchAll(/[\p{L}\d’'-]+/gu)].slice(1, 1 + MAX_DESCRIBED_WORDS);
  // The noun phrase ends at a verb or a function word: "The place is the townhome my husband …" has no head.
  const stop = all.findIndex((w) => PHRASE_END.test(w[0]));
  const words = stop < 0 ? all : all.slice(0, stop);
  let at = words.findIndex((w) => isHeadWord(w[0]));
  if (at < 0) return null;
  while (at + 1 < words.length && isHeadWord(words[at + 1]![0])) at++;
  const head = words[at]!;
  const offset = start + m.index + m[0].indexOf(m[1]!);
  const headEnd = offset + head.index! + head[0].length;
  const next = text.slice(headEnd, headEnd + 40);
  // "Madeleine Albright, a Clinton supporter, fanned …": an appositive after a name is not the subject.
  if (m.index + m[0].indexOf(m[1]!) > 0 && /^\s*,/.test(next) && /\p{Lu}[\p{L}.’'-]*,\s*$/u.test(clause.slice(0, m.index + m[0].indexOf(m[1]!)))) return null;
  // A head known only to WordNet or as an age must end the phrase, a verb next: "The religious test for …" is a test.
  // A name may follow ("the extremist cleric Anwar al-Awlaki"), or a relative clause ("The lawyer who ran …").
  if (!isListedHead(head[0]) && !/^(?:\s*[,:]|\s+(?:\p{Ll}+(?:ed|s)|\p{Ll}+ly|is|was|has|had|will|would|also|then|told|said|says|spoke|wrote|went|took|made|who)\b|\s+\p{Lu})/u.test(next)) return null;
  return [offset, headEnd];
}

/** Words a noun phrase does not run past. */
const PHRASE_END = /^(?:is|was|are|were|be|been|has|had|have|will|would|can|could|may|might|should|did|does|do|and|or|but|that|which|who|to|for|with|from|by|at|in|on)$/i;
const isListedHead = (word: string): boolean => {
  const lower = word.toLowerCase().replace(/[’']s$/u, "");
  return DOCUMENT_HEAD.has(lower) || GROUP_HEAD.has(lower) || ROLE_HEAD.has(lower);
};

const isHeadWord = (word: string): boolean => {
  const lower = word.toLowerCase().replace(/[’']s$/u, "");
  return DOCUMENT_HEAD.has(lower) || GROUP_HEAD.has(lower) || isPersonHead(lower);
};
/** A noun that names a person: the role list, an age ("the 34-year-old"), or a WordNet person noun ("the diplomat"). */
export const isPersonHead = (word: string): boolean => ROLE_HEAD.has(word) || AGE_HEAD.test(word) || isPersonNoun(word);

export const isDocument = (words: string): boolean => DOCUMENT_HEAD.has(headOf(words));
export const isRole = (words: string): boolean => isPersonHead(headOf(words));
const headOf = (words: string): string =>
  // "The union representing workers at the plant": the head is before a participle or a relative clause.
  words.replace(/\s+(?:himself|herself|itself)$/i, "").split(/\s+(?:from|by|of|to|in|on|at|with|that|which|who|released|sent|issued|\p{Ll}{3,}ing)\s/iu)[0]!
    .split(/\s+/).at(-1)!.toLowerCase().replace(/[’']s$/, "");

/** How far after "In a letter" its sender may be named, in characters ("In a letter to …, Sen. X demanded"). */
const ISSUER_AFTER = 120;
/** Words before a name that make it the document's addressee or topic, not its sender: "a letter to Merrick Garland". */
const RECIPIENT = /\b(?:to|with|for|about|against|on|at|of|by|and)\s(?:[\p{L}.’'-]+\s){0,4}$/u;
/** How far back "X released a statement" is looked for, in characters. */
const ISSUER_REACH = 600;
const ISSUED = /\b(?:issued|released|sent|wrote|published|posted|put out|tweeted|emailed|signed|filed|ran|aired|launched|distributed|in)\b/i;

/**
 * Who issued the document a description names: "from X" or "X's" inside it, else "X released a statement", "X said in
 * a statement" or "In a memo, X wrote" just before.
 */
export function issuerOf(text: string, cue: Span, entities: readonly AnnotationOf<"entity">[]): string | null {
  const named = entities.filter((e) => e.type === "person" || e.type === "org");
  const words = text.slice(cue[0], cue[1]);
  const head = headOf(words);
  const inside = named.filter((e) => e.span[0] >= cue[0] && e.span[1] <= cue[1]);
  // "The email from Clinton aide Neera Tanden to John Podesta": the first name after "from"; "the campaign's statement".
  const from = inside.find((e) => /\bfrom\s(?:[\p{L}.’'-]+\s){0,4}$/u.test(text.slice(Math.max(cue[0], e.span[0] - 40), e.span[0])));
  if (from) return from.name;
  const possessor = inside.find((e) => /^[’']s\s/u.test(text.slice(e.span[1], e.span[1] + 3)));
  if (possessor) return possessor.name;
  // "The campaign's statement": its issuer is the possessor, named or not; no one else's statement before it.
  if (/[’']s\s/u.test(words)) return null;
  // "Devine released a statement …. The statement says": the subject of a sentence just before that issued one.
  const window = text.slice(Math.max(0, cue[0] - ISSUER_REACH), cue[0]);
  const base = cue[0] - window.length;
  const issued = [...window.matchAll(new RegExp(String.raw`${ISSUED.source}\s(?:[\p{L}.’'-]+\s){0,3}?${head}s?\b`, "giu"))].at(-1);
  if (!issued) return null;
  const sentenceEnd = window.lastIndexOf(". ", issued.index!);
  const clauseStart = Math.max(0, sentenceEnd < 0 ? 0 : sentenceEnd + 2, window.lastIndexOf("\n", issued.index!) + 1);
  const subject = named.find((e) => e.span[0] >= base + clauseStart && e.span[1] <= base + issued.index!);
  if (subject) return subject.name;
  // "In a statement, Fox News said …": the subject follows the document, in the same sentence; "In a letter to
  // Attorney General Merrick Garland on Friday, Sen. Chuck Grassley demanded …": not whom it went to.
  const issuedEnd = base + issued.index! + issued[0].length;
  // A sentence ends after a word, not an abbreviation ("Sen. Chuck Grassley").
  const sentenceEnds = text.slice(issuedEnd, cue[0]).search(/\p{Ll}{3,}[.!?][”"]?\s/u);
  const inSentence = named.filter((e) => e.span[0] >= issuedEnd && e.span[0] <= issuedEnd + ISSUER_AFTER && (sentenceEnds < 0 || e.span[0] < issuedEnd + sentenceEnds));
  const lead = (e: AnnotationOf<"entity">) => text.slice(Math.max(issuedEnd, e.span[0] - 40), e.span[0]);
  const sender = inSentence.find((e) => /\bfrom\s(?:[\p{L}.’'-]+\s){0,4}$/u.test(lead(e)));
  const after = sender ?? inSentence.find((e) => !RECIPIENT.test(lead(e)));
  return after?.name ?? null;
}
