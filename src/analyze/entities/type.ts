/**
 * A name chunk → typed names with evidence. Titles come off first and split the chunk: "North Carolina Gov. Pat
 * McCrory" is a place ("North Carolina") and a titled person ("Pat McCrory"); "Venezuelan President Nicolás
 * Maduro" is a person. Then, strongest evidence first: the name is listed (a country, "NATO"), ends in a head
 * word ("… Ministry" org, "… County" place), starts with a known first name, is an acronym; weaker: a speech verb
 * ("Maduro said"), an age or role appositive (", 62,", ", a spokesman"), "in"/"from" before it.
 * Names with no evidence get none here; find.ts types them from the rest of the article.
 */
import { LOADED_WORDS, ROLE_WORDS } from "../../_lib/lexicon.js";
import { STOPWORDS } from "../../_lib/text.js";
import type { EntityType } from "../../records.js";
import type { Chunk, Word } from "./chunk.js";
import { isCommonWord, isKnownAs, isOrgHead, isPlaceHead, knownAs } from "./gazetteer.js";
import { isPluralName, splitRunIn } from "./run-in.js";

export interface TypedName {
  words: Word[];
  type: EntityType | null;
  /**
   * "strong": the name itself says what it is; "weak": only its context does; "lexicon": only a word list's first
   * name or surname, which any context outvotes ("Palmer" the Alaskan town, "in Palmer"); "none": nothing does.
   */
  evidence: "strong" | "weak" | "lexicon" | "none";
}

/** Party and political descriptors that precede names ("Republican Donald Trump") but are not part of them. */
const DESCRIPTORS = new Set(("republican republicans democrat democrats democratic conservative conservatives liberal " +
  "liberals independent gop socialist chavista british english").split(" "));
/** Compound-title words neither list has: "Senate Majority Leader", "National Security Adviser", "C.E.O.". */
const TITLE_PARTS = new Set(("majority minority whip speaker leader adviser advisor counsel spokesman spokeswoman press " +
  "communications national security staff campaign manager chairman chief deputy assistant special executive ceo " +
  "nominee representative").split(" "));
/** "Martin Luther King Jr.": a role word before a generational suffix is a surname ("jr" is an honorific to compromise). */
const GENERATIONAL = /^(Jr|Sr)\.?$|^(II|III|IV)$/;
/**
 * Positions written before a name, in capitals only ("Chargers WR Vincent Jackson", "Angels GM Tony Reagins"): titles
 * there, though "GM" alone is General Motors, so they are read as titles only before a name.
 */
const POSITIONS = /^(QB|WR|RB|TE|LB|CB|NT|DT|OT|OLB|ILB|FB|DB|GM)$/;
/** Titles that name places and bodies after someone ("Saint Thomas University", "Queen Elizabeth Park"). */
const COMMEMORATIVE = /^(Saint|St\.?|Ste\.?|San|Santa|King|Queen|Prince|Princess|Emperor|Pope|Sheikh|Sultan|Sir|Lord|Lady|Dame)$/;
/** Sentence adverbs and conjunctions that open a sentence capitalised: never part of a name. */
const OPENER_WORDS = new Set("although though however meanwhile still yet instead since unless whether even perhaps according like".split(" "));
const SPEECH_VERBS = new Set(("said says told tells added adds asked wrote writes argued argues warned warns noted insisted " +
  "claimed stated explained declared tweeted announced acknowledged replied responded recalled continued").split(" "));
/** Prepositions that put a name on the map when nothing else types it ("in Caracas", "from Ohio"). */
const PLACE_PREPOSITIONS = new Set(["in", "from", "near", "across", "throughout", "outside", "inside"]);
/** "Southern Africa", "Eastern Europe", "Upper Egypt": a direction before a known place is a place. */
const COMPASS = /^(North|South|East|West|Central|Northern|Southern|Eastern|Western|Northeast|Northwest|Southeast|Southwest|Upper|Lower)$/;
const JOINER_WORDS = new Set(["of", "the", "for", "on", "and", "&"]);
const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,5}$|^(\p{Lu}\.){2,4}$/u;
/** ", 62," or ", a spokesman for …" / ", the former governor": the appositive that follows a person's name. */
const AGE = /^,\s\d{1,3},/;
const APPOSITIVE = /^,\s(?:an?|the)\s((?:[\p{L}-]+\s){0,3}[\p{L}-]+)/u;

/** The chunk's name, and a place or org named before a title in it ("U.S. Sen. Marco Rubio" → "U.S." too). */
export function typeChunk(chunk: Chunk, capitalisedMidSentence: ReadonlySet<string>): TypedName[] {
  const whole = withoutTrailingDates(withoutOpeners(chunk.words, capitalisedMidSentence));
  if (!whole.length) return [];
  // "The Post", "The Times": a head word alone after "The" is the outlet or body named before.
  if (whole.length === 1 && chunk.words.length === 2 && chunk.words[0]!.text === "The" && isOrgHead(whole[0]!.text)) return [typed(whole, "org", "strong")];
  const known = typeOfKnown(nameOf(whole));
  if (known === "org" || known === "place") return [typed(whole, known, "strong")];
  // A head word types the whole run, titles included: "Defense Department", "Foreign Ministry"; not a titled person's
  // name whose surname is a head word ("City Manager Lisa Park", "Officer Tom Church").
  const split = splitAtTitles(whole);
  const titleWord = whole[whole.length - split.name.length - 1]?.text ?? "";
  const headed = whole.length > 1 && !(split.titled && !COMMEMORATIVE.test(titleWord) && isPersonNameShape(split.name));
  if (headed && isOrgHead(whole.at(-1)!.text)) return [typed(whole, "org", "strong")];
  if (headed && isPlaceHead(whole.at(-1)!.text)) return [typed(whole, "place", "strong")];
  const afterThe = chunk.before === "the" || (chunk.words[0]!.text === "The" && chunk.words[0] !== whole[0]);
  const runIn = split.titled || split.prefix.length ? null : splitRunIn(split.name, afterThe);
  const prefix = runIn?.before ?? split.prefix, titled = split.titled;
  const name = withoutTrailingTitles(runIn?.name ?? split.name);
  const out: TypedName[] = [];
  const lead = prefix.length ? typeOfKnown(nameOf(prefix)) : null;
  if (lead === "place" || lead === "org") out.push(typed(prefix, lead, "strong"));
  else if (isPluralName(prefix)) out.push(typed(prefix, "org", "weak")); // "Chargers" of "Chargers WR Jackson"
  const typedName = name.length ? typeName(chunk, name, titled || !!runIn, capitalisedMidSentence) : null;
  if (typedName) out.push(typedName);
  return out;
}

/**
 * "Sanjay Gupta Surgeon General": two title words after a name are a role, no part of it. One is not read so:
 * "Martin Luther King", "Tim Cook" (compromise lists "cook" as a role) end in a surname. Two name words stay.
 */
function withoutTrailingTitles(words: Word[]): Word[] {
  let end = words.length;
  while (end > 3 && isTitle(words[end - 1]!.text) && isTitle(words[end - 2]!.text) && !GENERATIONAL.test(words[end - 1]!.text)) end -= 2;
  return end === words.length ? words : words.slice(0, end);
}

function typeName(chunk: Chunk, words: Word[], titled: boolean, capitalisedMidSentence: ReadonlySet<string>): TypedName | null {
  const name = nameOf(words);
  const last = words.at(-1)!.text;
  const single = words.length === 1;
  if (words.every((w) => /^\p{Lu}\.?$/u.test(w.text))) return null; // initials alone ("Mr. P.")
  if (single && (isDescriptor(last.toLowerCase()) || isMonthOrDay(last) || (POSITIONS.test(last) && last !== "GM"))) return null; // "No QB has ever …"; "GM" alone is General Motors
  const listed = typeOfKnown(name);
  if (!single && COMPASS.test(words[0]!.text) && typeOfKnown(nameOf(words.slice(1))) === "place") return typed(words, "place", "strong");
  // A famous single name ("Jordan", "Austin", "Virginia") is as often a place: context decides below.
  if (listed && !(listed === "person" && single)) return typed(words, listed, "strong");
  if (single && isAcronym(last)) return typed(words, "org", "strong");
  if (titled) return typed(words, "person", "strong");
  if (!single && isKnownAs(words[0]!.text, "first-name")) return typed(words, "person", "strong");
  if (single && words[0]!.initial && !capitalisedMidSentence.has(last) && isCommonWord(last) && !listed) return null;
  const afterName = chunk.words.at(-1) === words.at(-1);
  // "the Sentinel said", "the Beige Book said": what "the" introduces and speaks is a body or a document.
  const afterThe = chunk.before === "the" || (chunk.words[0]!.text === "The" && chunk.words[0] !== words[0]);
  // "Police said", "Officials told": a sentence's everyday first word that speaks is a group, not a person; a surname
  // that is an everyday word ("Park said") is typed by the article's full name instead (find.ts).
  const everydayOpener = single && words[0]!.initial && isCommonWord(last) && !listed;
  if (afterName && !afterThe && !everydayOpener && (SPEECH_VERBS.has(chunk.after) || AGE.test(chunk.tail) || isRoleAppositive(chunk.tail))) return typed(words, "person", "weak");
  if (chunk.before === "said" && chunk.words[0] === words[0] && !chunk.possessive) return typed(words, "person", "weak");
  // "from" goes with people too ("from Obama being a founder"): not for a name the word lists give a person.
  const fromPerson = chunk.before === "from" && (listed === "person" || isKnownAs(last, "surname"));
  // "the Chiefs", "the Colts": a plural after "the" is a team or a body (which outvotes "in Chiefs red"); "Cannes" is not.
  if (afterThe && isPluralName(words)) return typed(words, "org", "weak");
  if (single && PLACE_PREPOSITIONS.has(chunk.before) && !fromPerson && chunk.words[0] === words[0] && !chunk.possessive) return typed(words, "place", "weak");
  if (!single && isPlaceByContext(chunk, words)) return typed(words, "place", "weak");
  if (listed === "person" || isKnownAs(last, "surname") || (single && isKnownAs(last, "first-name"))) return typed(words, "person", "lexicon");
  return typed(words, null, "none");
}

/**
 * "Lisa Park", "Tom J. Church": a known first name, then initials or more first names, then one last word. A head word
 * ending a longer run is the run's head ("Governor Nelson State Park"), so only this shape makes a titled head a surname.
 */
function isPersonNameShape(words: readonly Word[]): boolean {
  if (words.length < 2 || words.length > 3 || !isKnownAs(words[0]!.text, "first-name")) return false;
  return words.slice(1, -1).every((w) => /^\p{Lu}\.?$/u.test(w.text) || isKnownAs(w.text, "first-name"));
}

/**
 * Titles split a chunk into what comes before them (an org or place, or descriptors: "Venezuelan", "Republican")
 * and the name after them: "Federal Reserve Chair Janet Yellen", "Texas Gov. George W. Bush", "Sen. Ted Cruz".
 * The last run of titles with a name after it counts. Without titles, only leading descriptors come off, and only
 * when a two-word name remains ("Venezuela Nicolás Maduro"; "Jordan Peterson" keeps its first name).
 */
function splitAtTitles(words: Word[]): { prefix: Word[]; name: Word[]; titled: boolean } {
  let end = -1;
  for (let i = words.length - 2; i >= 0; i--) {
    const next = words[i + 1]!.text;
    if ((isTitle(words[i]!.text) || POSITIONS.test(words[i]!.text)) && !isTitle(next) && /^\p{Lu}/u.test(next)) {
      end = i;
      break;
    }
  }
  if (end >= 0) {
    let start = end;
    while (start > 0 && (isTitle(words[start - 1]!.text) || (JOINER_WORDS.has(words[start - 1]!.text.toLowerCase()) && start > 1))) start--;
    return { prefix: withoutDescriptors(words.slice(0, start)), name: words.slice(end + 1), titled: true };
  }
  let i = 0;
  while (i < words.length - 2 && isDescriptor(words[i]!.text.toLowerCase())) i++;
  return { prefix: words.slice(0, i), name: words.slice(i), titled: false };
}

/** "Venezuelan", "Republican" before titles describe; "Indiana", "Federal Reserve" name something of their own. */
function withoutDescriptors(words: Word[]): Word[] {
  const kept = [...words];
  while (kept.length && isDescriptor(kept[0]!.text.toLowerCase()) && !typeOfKnown(nameOf(kept))) kept.shift();
  return kept;
}

/** "Fox News Sunday", "Trump Tuesday": a day or month after a name is not part of it. */
function withoutTrailingDates(words: Word[]): Word[] {
  let end = words.length;
  while (end > 1 && isMonthOrDay(words[end - 1]!.text)) end--;
  return words.slice(0, end);
}

/** Articles and sentence openers ("The", "But", "Although", "Critics") before a name. */
function withoutOpeners(words: Word[], capitalisedMidSentence: ReadonlySet<string>): Word[] {
  let i = 0;
  while (i < words.length && isOpener(words[i]!, capitalisedMidSentence)) i++;
  // A lone common word stays for typeName to judge by its context ("Officials said" is dropped there).
  return i === words.length && words.length > 1 ? words.slice(-1) : words.slice(i);
}

function isOpener(word: Word, capitalisedMidSentence: ReadonlySet<string>): boolean {
  if (/^\p{Lu}{2,}$/u.test(word.text) && knownAs(word.text)) return false; // "US officials", not "Us"
  const lower = word.text.toLowerCase();
  if (STOPWORDS.has(lower) || OPENER_WORDS.has(lower)) return true;
  return word.initial && !capitalisedMidSentence.has(word.text) && isCommonWord(lower) && !knownAs(lower) && !isTitle(word.text);
}

/** "President", "Sen.", "C.E.O.", "Representatives", "dictator", "spokesman", "Gov.". */
function isTitle(word: string): boolean {
  const lower = word.toLowerCase().replace(/\./g, "");
  const singular = lower.replace(/s$/, "");
  return [lower, singular].some((w) => TITLE_PARTS.has(w) || ROLE_WORDS.has(w) || LOADED_WORDS.has(w)) ||
    isKnownAs(lower, "honorific") || isKnownAs(lower, "role");
}

const isDescriptor = (lower: string): boolean =>
  DESCRIPTORS.has(lower) || isKnownAs(lower, "demonym") || isKnownAs(lower, "country") || isKnownAs(lower.replace(/\.$/, ""), "country");

/** "NATO", "F.B.I.", "AT&T"; not an everyday word in capitals ("TEXT", "TV"), a time zone, a numeral or a title. */
const isAcronym = (word: string): boolean =>
  ACRONYM.test(word) && !NOT_ACRONYMS.test(word) && !isTitle(word) && !isCommonWord(word);
const NOT_ACRONYMS = /^(\p{Lu}\.|II|III|IV|TV|GMT|EDT|EST|CST|PST|PDT|CDT|BST|CET|UTC|AM|PM|OK|QB|WR|RB|TE|LB|CB|NT|DT|OT|OLB|ILB|FB|DB)$/u;

/**
 * "in Banda Aceh", "near Palo Alto", "Banda Aceh, Indonesia,": a name of several words with no first name, after a
 * preposition of place (not "from" or "with": "a letter from John Smith") or before a comma and a known country or
 * region, is a place. Its own evidence (a first name, a head word) was read before this.
 */
function isPlaceByContext(chunk: Chunk, words: readonly Word[]): boolean {
  if (isKnownAs(words[0]!.text, "first-name") || chunk.possessive || chunk.words.at(-1) !== words.at(-1)) return false;
  // "in Internet Explorer", "in Star Wars": names made of everyday words after "in" are as often products or works.
  if (LOCATIVE.has(chunk.before) && chunk.words[0] === words[0]) return words.some((w) => !isCommonWord(w.text));
  const after = PLACE_AFTER_COMMA.exec(chunk.tail);
  return !!after && [after[1]!, after[1]!.split(" ")[0]!].some((n) => typeOfKnown(n) === "place" && !isKnownAs(n, "city"));
}
const LOCATIVE = new Set(["in", "near", "outside", "inside", "across", "throughout"]);
/** ", Indonesia," / ", California." / ", New Jersey;" (the tail is lower case): one or two words, then punctuation. */
const PLACE_AFTER_COMMA = /^,\s(\p{L}+(?:\s\p{L}+)?)(?=[,;:)]|\.(?:\s|$)|$)/u;

function isRoleAppositive(tail: string): boolean {
  const m = APPOSITIVE.exec(tail);
  return !!m && m[1]!.split(" ").some(isTitle);
}

const isMonthOrDay = (word: string): boolean => isKnownAs(word.replace(/\.$/, ""), "month") || isKnownAs(word, "weekday");

function typeOfKnown(name: string): EntityType | null {
  const known = knownAs(name);
  if (!known) return null;
  if (known.has("org")) return "org";
  if (known.has("country") || known.has("city") || known.has("region") || known.has("place")) return "place";
  if (known.has("person")) return "person";
  return null;
}

export const nameOf = (words: readonly Word[]): string => words.map((w) => w.text).join(" ");

const typed = (words: Word[], type: EntityType | null, evidence: TypedName["evidence"]): TypedName => ({ words, type, evidence });
