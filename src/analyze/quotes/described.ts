/**
 * Speakers given by description rather than name, when no speech verb ties them to the quote: a document
 * ("The ad targets a “corrupt political system”", "A footnote in the report makes that clear: “…”"), a role
 * ("The Republican nominee also vowed to punish “those who …”") or a body ("the crowd reprised the chant “…”"). And who issued a document the text quotes
 * ("The email from Clinton aide Neera Tanden", "the campaign's statement", "X released a statement. The statement
 * says …"), so that a quoted document resolves to its issuer when the text says who that is.
 */
import type { AnnotationOf, Span } from "../../records.js";

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
/** "the … head" at the start of a clause: a determiner, up to five modifiers, the head; an adverbial opener may precede. */
const DESCRIBED = /^(?:(?:instead|meanwhile|also|but|and|still|then|now|later|separately|however|in fact),?\s+|[^,“”"]{3,60},\s+)?((?:the|a|an|this|that|one|his|her|its|their|\p{Lu}[\p{L}.-]*[’']s)\s(?:[\p{L}\d.’'-]+\s){0,5}?([\p{L}-]+))(?=[\s,])/iu;
/** Words that name a title in quotes rather than speech: "known as “…”", "dubbed “…”". */
const NAMING_BEFORE = /\b(?:known as|called|dubbed|named|titled|entitled|labeled|labelled|nicknamed|branded)\s*$/i;

/** The described subject of the clause before a quote, when its head is a document or a role; null otherwise. */
export function describedSubject(text: string, [start, end]: Span): Span | null {
  const clause = text.slice(start, end);
  if (NAMING_BEFORE.test(clause)) return null;
  const m = DESCRIBED.exec(clause);
  if (!m) return null;
  const head = m[2]!.toLowerCase();
  if (!DOCUMENT_HEAD.has(head) && !ROLE_HEAD.has(head) && !GROUP_HEAD.has(head)) return null;
  const offset = start + m.index + m[0].indexOf(m[1]!);
  return [offset, offset + m[1]!.length];
}

export const isDocument = (words: string): boolean => DOCUMENT_HEAD.has(headOf(words));
export const isRole = (words: string): boolean => ROLE_HEAD.has(headOf(words));
const headOf = (words: string): string =>
  words.replace(/\s+(?:himself|herself|itself)$/i, "").split(/\s+(?:from|by|of|to|in|on|at|with|that|which|released|sent|issued)\s/i)[0]!
    .split(/\s+/).at(-1)!.toLowerCase().replace(/[’']s$/, "");

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
  // "In a statement, Fox News said …": the subject follows the document, in the same sentence.
  const issuedEnd = base + issued.index! + issued[0].length;
  const sentenceEnds = text.slice(issuedEnd, cue[0]).search(/[.!?][”"]?\s/);
  const after = named.find((e) => e.span[0] >= issuedEnd && e.span[0] <= issuedEnd + 40 && (sentenceEnds < 0 || e.span[0] < issuedEnd + sentenceEnds));
  return after?.name ?? null;
}
