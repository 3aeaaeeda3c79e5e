/**
 * The cue patterns of direct quotes (find.ts): where an attribution phrase starts and ends around a quote, read on a
 * copy of the text whose abbreviation periods are masked. Every pattern is anchored or bounded (no nested unbounded
 * quantifiers), so each runs in time linear in the window it is given.
 */
import { SPEECH_VERB as V } from "./speech-verbs.js";

export const MIN_QUOTE_WORDS = 3;
/** How far before and after a quote its cue is looked for, in characters. */
export const CUE_WINDOW = 400;
export const MAX_QUOTE_CHARS = 1500;
/** A quote that follows the previous one this closely, unattributed, continues it: “…,” Trump said. “No, …” */
export const CONTINUATION_GAP = 40;
/** …or when all between them is the first quote's own cue, one clause ("Risch told The Spokesman-Review on Monday."). */
export const MAX_CUE_GAP = 160;

/** Clause boundaries an attribution starts after: sentence ends, commas, dashes, "and", "that". */
export const BOUNDARY = String.raw`(?:^|[.;!?]["”]?\s|[,.;!?]?[”"]\s|,\s|\s?[—–―]\s?|\band\s|\bthat\s)`;
/** "…, saying": a participle after a comma takes the subject of the clause it hangs on. */
export const isParticiple = (match: string, phrase: string): boolean =>
  /,\s*$/.test(phrase) && /ing$/i.test(match.slice(match.lastIndexOf(phrase) + phrase.length).trim().split(/\s+/)[0] ?? "");

/** After a determiner a speech verb's form is a noun: "the email said", "his tweet read", "a report found". */
export const NOT_NOUN = String.raw`(?<!(?<![\p{L}])(?:the|a|an|his|her|its|their|one)\s)`;
/** Short quoted titles may sit between the verb and the quote: `Johnson tells MSNBC's “Morning Joe” on Friday “…”`. */
export const TAIL = String.raw`(?:[^“”".!?]|[“"][^“”"]{1,30}[”"]){0,80}`;
export const ADJACENT_BEFORE = new RegExp(String.raw`${BOUNDARY}([^.;!?“"]{2,90}?)\s+(?:is\s|are\s|was\s|were\s|has\s|had\s|have\s|also\s|then\s|later\s)?(?:(?:goes|went|go|continues|continued|is quoted as|was quoted as)\s(?:on\s)?(?:to\s)?)?${NOT_NOUN}(?:${V})(?:\s(?:him|her|them|us|me|reporters|[\p{Lu}][\p{L}'’]+))?\s*[,:]?\s*$`, "diu");
export const BEFORE = new RegExp(String.raw`${BOUNDARY}([^.;!?“"]{2,90}?)\s+(?:is\s|are\s|was\s|were\s|has\s|had\s|have\s|also\s)?${NOT_NOUN}(?:${V})\b${TAIL}$`, "diu");
/** A subordinate clause's own speech verb governs the quote: "Axelrod tweeted after Clinton argued that “…”". */
export const SUBORDINATE_START = /\b(?:after|when|while|because|since|though|although)\s(?=\p{Lu}|(?:he|she|they)\s)/gu;
export const AFTER_VERB_FIRST = new RegExp(String.raw`^[,.!?]?\s*[”"]?\s*,?\s*(?:${V})\s+([^.;:!?“"]{2,120})`, "diu");
export const AFTER_SUBJECT_FIRST = new RegExp(String.raw`^[,.!?]?\s*[”"]?\s*,?\s*(?!\s*(?:and|but|or|then)\b)([^.;:!?“"]{2,140}?)\s+(?:also\s|later\s|then\s|further\s|\p{L}+ly\s)?${NOT_NOUN}(?:${V})\b([^.;!?“"]{0,60})`, "diu");
/** `Clinton “drew quite well …” in the 2008 primary, said Professor Paul Beck.`: a closing "said X" after a clause tail. */
export const AFTER_CLAUSE_VERB_FIRST = /^[,.!?]?\s*[”"]?([^.;:!?“"]{1,80}?),\s(?:said|says|added|wrote|writes|explained|noted|argued|insisted|warned|recalled|continued|stated)\s+([^.;:!?“"]{2,120})/diu;
/**
 * `“I held and hugged” grieving family members before laying flowers …, he said.`, `“…” there and in states that vote
 * in March, the memo stated.`: a closing "X said." after a clause tail.
 */
export const AFTER_CLAUSE_SUBJECT_FIRST = /^[,.!?]?\s*[”"]?(?=\s*\p{Ll})[^.;:!?“"]{1,160}?,\s((?:he|she|they)|\p{Lu}[\p{L}'’·-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2}|the\s(?:[\p{Ll}-]+\s){0,2}?[\p{Ll}-]+)\s(?:said|says|added|wrote|stated|recalled|noted|reported|told\s(?:reporters|\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2}))\s*(?:on\s\p{Lu}\p{Ll}+day\s*)?[.,]/du;
export const ACCORDING_AFTER = /^[,.]?\s*[”"]?\s*,?\s*according to ([^.;:!?“"]{2,90})/di;
export const ACCORDING_BEFORE = /\baccording to ([^.;!?,“"]{2,90}?)\s*,\s*$/di;
/** "According to Trump, he was once part of … “the worst …”": the sentence opens on its source. */
export const ACCORDING_OPENING = /(?:^|[.!?]["”]?\s)According to ([^.;!?,“"]{2,90}?),[^.!?“"]*$/du;
export const QUOTING = /\bquoting\s([\p{L}’'.-]+(?:\s[\p{L}’'.-]+){0,3}?)\s(?:as\s)?(?:saying|as saying)\s*[,:]?\s*$/diu;
/** “…” ― Pamela Padilla: a dash and a name after the quote. */
export const DASH_AFTER = /^[,.]?\s*[”"]?\s*[―—–]\s*(\p{Lu}[\p{L}'’.-]*(?:\s(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|del)){0,4})/du;
/** "— Adrian Bonenberger (@AdrianBonenber1) August 11, 2024": the signature line of an embedded post left in the text. */
export const POST_SIGNATURE = /^\s*[—–-]\s*(\p{Lu}[^()\n]{0,60}?)\s*\(@\w{1,30}\)/du;
/** WALLACE: “…” / Mr. Trump: “…”: a speaker label opening the paragraph. */
export const TRANSCRIPT_LABEL = /^\s*["“]?\s*((?:\p{Lu}[\p{L}'’.-]*\s){0,3}\p{Lu}[\p{L}'’.-]*)\s*:\s*$/du;
/** "Former secretary of state Hillary Rodham Clinton:" / "Rep. Trey Gowdy (R-S.C.):": a described label, ending on a name. */
export const DESCRIBED_LABEL = /^\s*((?:[\p{L}.’'-]+\s){0,5}?\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,3})\s*(?:\([^()\n]{1,20}\))?\s*:\s*$/du;
/** The paragraph before ends on the cue: "The New York Times reports:", "Hillary Clinton says", "He said:". */
export const PREVIOUS_PARAGRAPH = new RegExp(String.raw`${BOUNDARY}([^.;!?“"]{2,90}?)\s+(?:is\s|are\s|was\s|has\s|had\s|also\s|then\s)?(?:${V})\b([^.;!?“"]{0,60}?)\s*[:,]?\s*$`, "diu");

/** The paragraph before ends on a short sentence whose subject speaks: "Howard continued his scathing remarks." */
export const PREVIOUS_SENTENCE = new RegExp(String.raw`(?:^|[.!?]["”]?\s)([^.;!?“"]{2,60}?)\s+(?:also\s|then\s|later\s)?${NOT_NOUN}(?:${V})\b([^.;!?“"]{0,50}?)\.\s*$`, "diu");
export const MAX_INTRO_TAIL_WORDS = 6;

/**
 * Titles and initials end in a period that the speaker patterns would read as a sentence end ("Mr. Rove said",
 * "John L. Burton said", "Gwen Moore (D-Wis.) said"). They are matched against a copy with those periods masked;
 * same length, same offsets.
 */
export const ABBREVIATION_DOT = /\b(Mr|Mrs|Ms|Mx|Dr|Prof|Rep|Reps|Sen|Sens|Gov|Lt|Gen|Col|Maj|Capt|Cmdr|Adm|Sgt|Rev|Fr|Sr|Jr|St|Hon|Pres|Atty|Supt|Det|Insp|[A-Z]|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Penn|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.(?=[,)]|[ \t]\S|\p{Lu}\.)/gu;
export const PARENTHESIS_DOTS = /\([^()\n]{1,16}\)/g;

export function maskAbbreviations(text: string): string {
  return text
    .replace(ABBREVIATION_DOT, (_, word: string) => `${word}\u00b7`)
    .replace(PARENTHESIS_DOTS, (m) => m.replace(/\./g, "\u00b7"));
}
