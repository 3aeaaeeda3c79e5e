/**
 * Who speaks, read from a sentence's own words: the patterns that find a speaker ("The chamber estimated…",
 * "…, the company said Tuesday.", "according to police"), data and its issuer ("figures released by the bureau
 * show…"), and the words that tell a speaker from a day, a clause or a prepositional phrase. Text in, words out:
 * resolve-source.ts turns the words into one identity, and sayer.ts and side-sayer.ts read their speakers here.
 * Every pattern runs on one sentence with bounded quantifiers (linear).
 */
/** A name that is only a time: an attribution misread from "said Tuesday". */
export const NOT_A_SOURCE = /^(?:on\s)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later|last\s(?:week|month|year))$/i;
/** Data by its issuer, after "according to" or as the subject of "show"; bounded quantifiers on one sentence. */
export const DATA_BY = /\b(?:according to|citing) (?:the\s|new\s|latest\s|official\s){0,2}(?:data|figures|statistics|numbers|records|estimates|an? (?:report|study|survey|analysis|count|tally)|the (?:report|study|survey|analysis|count|tally))\s(?:(?:released|published|compiled|issued|made public|kept)\s(?:[\p{L}\d]+\s){0,2})?(?:by|from)\s((?:the\s)?[\p{L}'’ -]{2,50}?)(?:[.,;]|\s(?:and|which|who|that)\s|$)/iu;
/** "Data released by the Bureau of Labor Statistics on Tuesday showed", "Tuesday's report from the Labor Department showed". */
export const DATA_BY_SUBJECT = /^(?:the\s|new\s|latest\s|official\s|\p{L}+[’']s\s){0,2}(?:data|figures|statistics|numbers|records|estimates|report|study|survey)\s(?:(?:released|published|compiled|issued)\s)?(?:by|from)\s((?:the\s)?[\p{L}'’ -]{2,60}?)\s(?:show|shows|showed|found|finds|indicate|indicates|indicated)\b/iu;
/** What data does: "figures show", "a new study has found", "the survey suggests". */
export const SHOW_VERBS = "show|shows|showed|found|finds|has found|have found|concluded|concludes|suggests|suggested|indicates|indicated";
export const POSSESSED_DOCUMENT = /^(?:its|their|his|her)\s(?:[\p{L}-]+\s){0,3}(?:report|data|figures|statement|records|study|survey|filing|release)$/iu;
/** A sentence's opening noun phrase before its verb: "The city's housing authority has…". Bounded. */
export const SENTENCE_SUBJECT = /^((?:the\s)?[\p{L}'’ -]{2,50}?)\s(?:has|have|had|is|was|are|were|will|would|said|says|reported|expects|estimated)\b/iu;
export const LAW_ACTION_VERBS = "identified|charged|arrested|found|recovered|believe|believes|believed|are investigating|were investigating|is investigating|was investigating|responded|determined|pronounced|booked|seized|ruled";
export const DATA_NOUN = /\b(?:data|figures|statistics|numbers|records|study|report|survey|analysis|estimates)$/i;

/** A report named by nothing but its kind ("a report", "the story"), and the paper a sentence says it appeared in. */
export const BARE_REPORT = /^(?:an?|the)\s(?:new\s|recent\s|latest\s)?(?:report|story|article|dispatch)$/i;
export const REPORT_IN_PAPER = /\b(?:report|story|article|dispatch)\s(?:in|by|from)\s((?:the\s)?\p{Lu}[\p{L}'’&.-]*(?:\s\p{Lu}[\p{L}'’&.-]*){0,5})/u;
export const REPORT_IN = /^(?:an?|the)\s(?:report|story|article|piece|dispatch)\s(?:in|by|from)\s(?=\S)/i;

export const PRONOUN_SAID = /^(?:He|She)\s(?:said|says|added|told|noted|estimated)\b/;
/** A sentence ending on who said it: ", two board members said." Bounded; anchored at the sentence's end. */
export const CLOSING_SPEAKER = /,\s((?:the\s)?[\p{L}'’ -]{2,40}?)\s(?:said|says|told reporters|added|confirmed)(?:\s[\p{L}\d]+){0,2}(?:\s(?:after|before|while|when|in|at)\s[^,.;]{1,40})?[.!]?["”’]?\s*$/u;

export const ACCORDING_TO = /\baccording to ((?:the\s)?[\p{L}'’ -]{2,40}?)(?:[.,;]|$)/iu;

/** Verbs of saying that make a sentence's subject its source. */
export const SPEECH_VERBS = "said|says|say|told|tells|estimated|estimates|confirmed|confirms|denied|denies|warned|insisted|insists|announced|announces|reported|reports|declared|claimed|claims|stated|argued|argues|wrote|added|noted|projected|projects|predicted|put|puts|expects|expected|counted|counts|calculated|tallied";
const SUBJECT_PATTERNS = new Map<string, RegExp[]>();
/** Words for people an outlet leaves unnamed. */
export const ANONYMOUS = /\b(?:officials?|sources?|people|persons?|aides?|insiders?|diplomats?|members|employees|staffers|negotiators|witnesses)\b/i;

/**
 * The subject of a sentence that opens on who speaks: "The opposition insists…" → "The opposition". An opening
 * phrase ("In contrast, ") and a relative clause (", which supports Maduro,") are skipped. Bounded quantifiers only.
 */
export function speakerInWords(sentence: string, verbs: string): string | null {
  const text = sentence.replace(/^[^,]{0,25},\s*/, "").replace(/,\s(?:which|who|whose)\b[^,]{0,80},/, "");
  let patterns = SUBJECT_PATTERNS.get(verbs);
  if (!patterns) {
    const who = "((?:the\\s)?[\\p{L}'’ -]{2,40}?)";
    // Opening on the speaker ("The chamber estimated…"), closing on it (", the company said Tuesday."), or "according to" it.
    patterns = [
      new RegExp(`^${who}\\s(?:${verbs})\\b`, "iu"),
      new RegExp(`\\baccording to ${who}(?:[.,;]|$)`, "iu"),
      // …and a circumstance after it (", the weather service said Wednesday after surveying the damage.").
      new RegExp(`,\\s${who}\\s(?:${verbs})(?:\\s[\\p{L}\\d]+){0,2}(?:\\s(?:after|before|while|when|in|at)\\s[^,.;]{1,40})?(?:[.,;]|$)`, "iu"),
    ];
    SUBJECT_PATTERNS.set(verbs, patterns);
  }
  for (const pattern of patterns) {
    // "Tarsia's defense ministry on Monday denied": the day is when it spoke, not who.
    const subject = pattern.exec(text)?.[1]?.replace(SPOKEN_WHEN, "").trim();
    if (subject && subject.split(" ").length <= MAX_SPEAKER_WORDS && !CLAUSE_WORD.test(subject) && !PREPOSITION_FIRST.test(subject)) return subject;
  }
  // Inside the sentence, after a conjunction or in the relative clause skipped above: "… was charged after police
  // said he set the fire", "…, which police said caused $800,000 in damage".
  const inner = INNER_SPEAKER.exec(sentence)?.[1]?.trim();
  return inner && inner.split(" ").length <= MAX_SPEAKER_WORDS && !CLAUSE_WORD.test(inner) ? inner : null;
}

/** ", against the expected 0.2%": a prepositional phrase, not a speaker. */
export const PREPOSITION_FIRST = /^(?:against|for|from|with|to|at|in|on|of|by|than|as|over|under|about|above|below|compared)\s/i;
export const SPOKEN_WHEN = /\s(?:on\s)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|late|again)$/i;
const INNER_SPEAKER = /\b(?:after|as|which|when|because|since)\s((?:the\s)?[\p{L}'’ -]{2,40}?)\s(?:said|say|says|told)\b/iu;

/** A speaker is a noun phrase: longer, or holding a verb or conjunction, it is a clause ("The auditor is elected … and"). */
export const MAX_SPEAKER_WORDS = 6;
export const CLAUSE_WORD = /\b(?:is|was|are|were|be|been|has|have|had|and|or|but|that|which|who|will|would|it|they|he|she|than|first|later|earlier)\b/i;
