/**
 * Statements that rest on a body's data or report rather than on speech: "Tuesday's report from the Labor Department
 * showed that …", "Data released by the Bureau of Labor Statistics on Tuesday showed …", "…, according to data
 * published Tuesday by the state health department", "…, according to its most recent annual report". The source is
 * the body that issued the data, not the word "data": two outlets citing one agency's figures rest on one source.
 * A report whose issuer the sentence does not give ("a new report showed") is left to the citation analyzer.
 */
import type { Span } from "../../records.js";

export interface Evidence {
  source: string;
  cueSpan: Span;
  sourceSpan: Span;
}

/** Nouns for data and reports a body issues (either case of the first letter: a sentence may open on one). */
const DATA_NOUN = `(?:${"data figures statistics numbers estimate estimates records report study survey analysis review audit census count tally filing release index forecast"
  .split(" ").map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join("|")})`;
/** Words that may stand before the data noun: "the latest monthly", "Tuesday's", "new". */
const DATA_MODIFIERS = String.raw`(?:(?:[Tt]he|[Nn]ew|[Ii]ts|[Tt]heir|\p{Lu}\p{Ll}+day[’']s|[Ll]atest|[Pp]reliminary|[Mm]onthly|[Aa]nnual|[Oo]fficial|[Rr]ecent|most recent)\s)*`;
/**
 * A body's name: capitalised words ("the Bureau of Labor Statistics", "the Centers for Disease Control and
 * Prevention"), or lower-case words ending on a body noun ("the state health department"). Bounded word counts keep
 * the patterns linear on any sentence.
 */
/** A day or month ends a name: "the Bureau of Labor Statistics on Tuesday", "… Statistics Tuesday". */
const NOT_A_DATE = String.raw`(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)`;
const BODY_NOUN = "department|agency|authority|office|bureau|ministry|commission|board|council|administration|service|institute|center|centre|police|government|district|association|union|group|company|university|hospital|archive|foundation|organization|organisation";
const BODY = String.raw`((?:[Tt]he\s)?\p{Lu}[\p{L}.&’'-]*(?:\s(?:of|for|and|the|${NOT_A_DATE}\p{Lu}[\p{L}.&’'-]*)){0,7}|(?:the\s)?(?:[\p{Ll}’'-]+\s){0,4}(?:${BODY_NOUN}))`;
/** What follows a body's name: a verb, a date, a clause, punctuation. */
const NAME_STOP = String.raw`(?=\s(?:on|and|said|says|reported|showed?|shows|found|finds|indicated?|indicates|suggested|suggests|revealed?|reveals|released|published|in|last|this|that|which|from|for|to)\b|[,.;:]|$)`;
/** The issuer after the data noun: "from the Labor Department", "released by the Bureau of Labor Statistics on Tuesday". */
const ISSUER_AFTER = String.raw`(?:\s(?:released|published|compiled|issued|posted|provided|collected|gathered)(?:\s(?:on\s)?\p{Lu}\p{Ll}+day|\s(?:last|this)\s\p{Ll}+)?)?\s(?:by|from)\s${BODY}${NAME_STOP}`;
/** "according to data published Tuesday by the state health department". */
const ACCORDING_TO_DATA = new RegExp(String.raw`\b[Aa]ccording to\s${DATA_MODIFIERS}${DATA_NOUN}${ISSUER_AFTER}`, "u");
/** "Data released by the Bureau of Labor Statistics on Tuesday showed", "Tuesday's report from the Labor Department showed". */
const DATA_SHOWED = new RegExp(String.raw`^(?:[^,]{0,40},\s)?${DATA_MODIFIERS}${DATA_NOUN}${ISSUER_AFTER}[^.;]{0,40}?\s(?:showed|shows|found|finds|indicated|indicates|suggested|suggests|revealed|reveals)\b`, "u");
/** "The Labor Department's report showed", "according to the department's figures". */
const POSSESSOR_DATA = new RegExp(String.raw`(?:^(?:[^,]{0,40},\s)?|\b[Aa]ccording to\s)${BODY}[’']s\s${DATA_MODIFIERS}${DATA_NOUN}\b`, "u");
/** "according to its most recent annual report": its issuer is the sentence's subject. */
const ACCORDING_TO_ITS = new RegExp(String.raw`\b[Aa]ccording to\s(?:its|their)\s(?:[\p{L}-]+\s){0,3}?${DATA_NOUN}\b`, "u");
/** The subject noun phrase that opens the sentence, before its verb: "The city's housing authority has …". */
const SUBJECT = /^((?:The|A|An)\s(?:[\p{L}’'-]+\s){0,5}?[\p{L}’'-]+)\s(?:has|have|had|is|was|are|were|said|says|will|would|\p{Ll}+ed)\b/u;
/** Longer sentences are not read: the patterns stay linear on bounded input. */
const MAX_SENTENCE_CHARS = 1_000;

/** The body whose data the sentence rests on, or null. */
export function evidenceOf(text: string, [start, end]: Span): Evidence | null {
  if (end - start > MAX_SENTENCE_CHARS) return null;
  const sentence = text.slice(start, end);
  for (const pattern of [ACCORDING_TO_DATA, DATA_SHOWED, POSSESSOR_DATA]) {
    const m = pattern.exec(sentence);
    if (!m?.[1]) continue;
    const name = m[1].trim().replace(/[.,;:]+$/, "");
    if (!isBody(name)) continue;
    const at = start + m.index + m[0].indexOf(m[1]);
    return { source: name, cueSpan: [start + m.index, start + m.index + m[0].length], sourceSpan: [at, at + name.length] };
  }
  const its = ACCORDING_TO_ITS.exec(sentence);
  const subject = its ? SUBJECT.exec(sentence) : null;
  if (its && subject && isBody(subject[1]!)) {
    return { source: subject[1]!, cueSpan: [start + its.index, start + its.index + its[0].length], sourceSpan: [start, start + subject[1]!.length] };
  }
  return null;
}

/** A body that issues figures by its kind's name ("the Labor Department", "Bureau of Labor Statistics") or an acronym ("BLS"). */
export const isIssuingBody = (name: string): boolean =>
  new RegExp(String.raw`\b(?:${BODY_NOUN})\b`, "i").test(name) || /^(?:the\s)?\p{Lu}{2,6}$/u.test(name.trim());

/** A body that issues data: a capitalised name or "the … department/agency/authority/office/bureau/…". */
function isBody(name: string): boolean {
  const words = name.replace(/^the\s/i, "");
  if (/^\p{Lu}/u.test(words)) return true;
  return new RegExp(String.raw`\b(?:${BODY_NOUN})$`, "i").test(words);
}
