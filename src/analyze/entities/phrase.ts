/**
 * The words of a mention span: its head (post-modifiers cut), the name run around the head, a classifying noun after a
 * name ("People magazine"), a capitalised everyday word, a noun for a person. Read by mentions.ts.
 */
import type { Span } from "../../records.js";
import { ROLE_WORDS } from "../../_lib/lexicon.js";
import { foldName } from "../../_lib/text.js";
import type { MentionCandidate } from "./bind.js";
import { isCommonWord, isKnownAs, knownAs } from "./gazetteer.js";
import { isTitleWord } from "./roles.js";

/** Leading words that are no part of what a mention names. */
const LEADING = /^(?:(?:in|on|at|to|from|for|of|by|with|into|near|about|after|before|during|since|over|under)\s+)?(?:(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+)?/i;
/** Where a noun phrase's post-modifiers begin: the head is the last word before. */
const POST_MODIFIER = /\s*(?:,|\(|\s[-–—]\s(?!\p{Lu})|\s(?:who|whom|whose|which|that|in|at|on|from|with|near|for|after|during|off|outside|inside)\s)/iu;
/** "of" ends the head unless it joins capitalised words ("Bank of America", "University of Texas"). */
const OF = /\s+of\s+/i;

export interface PhraseHead {
  /** The noun phrase without leading prepositions, determiners and post-modifiers. */
  phrase: Span;
  /** Its head word, a possessive "'s" left out. */
  head: Span;
}

/** "in the Porta Nuova area of Palermo" → phrase "Porta Nuova area", head "area"; "Lindsay Lohan's" → "Lohan". */
export function phraseHead(text: string, span: Span): PhraseHead {
  const raw = text.slice(span[0], span[1]);
  const lead = LEADING.exec(raw)![0].length;
  let body = raw.slice(lead);
  const cut = POST_MODIFIER.exec(body);
  if (cut && cut.index > 0) body = body.slice(0, cut.index);
  const of = OF.exec(body);
  if (of && of.index > 0 && !(/(?:^|\s)\p{Lu}\S*$/u.test(body.slice(0, of.index)) && /^\p{Lu}/u.test(body.slice(of.index + of[0].length)))) body = body.slice(0, of.index);
  body = body.replace(/[\s,;:)]+$/u, "").replace(/[’']s?$/u, "");
  const start = span[0] + lead;
  const last = /[\p{L}\p{N}][^\s]*$/u.exec(body);
  const headStart = start + (last?.index ?? 0);
  return { phrase: [start, start + body.length], head: [headStart, start + Math.max(body.length, 0)] };
}

/** Capitalised words and the function words names hold ("Bank of America", "Procter & Gamble"). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}.’'&-]*|of|the|and|de|del|la|van|von|bin|al|&|\d+)$/u;

/**
 * Nouns that classify a name written before them: the mention is the name's ("People magazine" is People). Not
 * every noun after a name: a "Texas jury" is no Texas. Hand-listed: the kinds of thing news names this way.
 */
export const CLASSIFIERS = new Set(["magazine", "newspaper", "paper", "province", "state", "county", "city", "town", "village",
  "island", "islands", "region", "district", "company", "corporation", "firm", "agency", "airline", "brand", "film",
  "movie", "album"]);
/**
 * Not facilities ("school", "prison", "hospital"): a place before one is where it is ("the Gaza school"); not
 * "show" or "website" ("a BBC show" is no BBC); not "team" or "group" ("the Obama team" is no Obama).
 */

/** The name right before a classifier, as a head span ("People" of "People magazine"). */
export function nameBefore(text: string, phrase: Span, head: Span): Span | null {
  const before = text.slice(phrase[0], head[0]).replace(/\s+$/, "");
  const word = /(\p{Lu}[\p{L}\p{N}.&-]*)(?:[’']s)?$/u.exec(before);
  return word ? [phrase[0] + word.index!, phrase[0] + word.index! + word[1]!.length] : null;
}

/** "the Indonesian province of Aceh": the name after "of" that follows the classifier. */
export function nameAfterOf(text: string, span: Span, head: Span): Span | null {
  const after = /^\s+of\s+(\p{Lu}[\p{L}\p{N}.&-]*)/u.exec(text.slice(head[1], span[1]));
  return after ? [head[1] + after[0].length - after[1]!.length, head[1] + after[0].length] : null;
}

/**
 * A name the recogniser missed that is one word of exactly one longer name the article gives: a person's surname,
 * an organisation's first or last word ("Promises" → "Promises Treatment Center", "Chiefs" → "Kansas City Chiefs").
 */
export function partOfOne(found: readonly MentionCandidate[], name: string): MentionCandidate | null {
  if (name.includes(" ")) return null;
  const key = foldName(name);
  const fits = new Map<string, MentionCandidate>();
  for (const f of found) {
    if (f.via || !f.name.includes(" ")) continue;
    const words = foldName(f.name).split(" ");
    if (words.at(-1) === key || (f.type !== "person" && words[0] === key)) fits.set(foldName(f.name), f);
  }
  return fits.size === 1 ? [...fits.values()][0]! : null;
}

/**
 * "Police", "Robbers", "BELTS": one capitalised word that is an everyday word in lower case (a headline's or a
 * sentence's first word), not a name the article uses: a description.
 */
export function capitalisedCommonWord(text: string, phrase: Span, head: Span): boolean {
  return everydayWords(nameAround(text, phrase, head), text);
}

/**
 * "Navy", "Police", "Surgeon General": a name made of everyday words the gazetteer knows no name for, and the
 * article also writes in lower case ("the navy"): as a coreference mention, the thing described, not a name.
 */
export function everydayWords(name: string, text: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 2 || !words.every((w) => isCommonWord(w) && !isNameWord(w))) return false;
  // Written so after a lower-case word somewhere (not a title's or a sentence's first word): a name after all,
  // unless the article writes it in lower case too.
  return !new RegExp(`\\p{Ll}[,;:]?\\s+${escape(name)}\\b`, "u").test(text) || text.includes(` ${name.toLowerCase()}`);
}
/**
 * "Surgeon General", "U.S. Surgeon General", "President": titles alone, a place or demonym before them
 * aside, name a role, not a person (the person who holds it is bound by roles.ts where the text says who).
 */
export function isRoleName(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => w && !/^(?:of|the)$/i.test(w));
  let i = 0;
  // "U.S.", "U. S.", "Texas", "British" narrow the role.
  while (i < words.length - 1 && (/^\p{Lu}\.$/u.test(words[i]!) || isKnownAs(words[i]!, "country") || isKnownAs(words[i]!, "region") || isKnownAs(words[i]!, "demonym"))) i++;
  return i < words.length && words.slice(i).every((w) => isTitleWord(w) || isPersonNoun(w.toLowerCase())) && words.slice(i).some((w) => isTitleWord(w));
}

/** The gazetteer knows the word as (part of) a name; a role noun ("Woman", "Surgeon") is no name. */
const isNameWord = (word: string): boolean => [...(knownAs(word) ?? [])].some((k) => k !== "role" && k !== "honorific");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A noun for a person: compromise's role nouns ("actress", "boss") and the project's role words ("mayor"). */
export const isPersonNoun = (word: string): boolean => isKnownAs(word, "role") || ROLE_WORDS.has(word) || PERSON_NOUNS.has(word);
const PERSON_NOUNS = new Set(["man", "woman", "boy", "girl", "star", "singer", "maid", "teenager", "suspect", "victim", "father",
  "mother", "son", "daughter", "wife", "husband", "friend", "publicist", "rep", "representative", "spokesman", "spokeswoman"]);

/** The capitalised run of the phrase that ends at its head: "Sicilian Mafia boss" → no; "Kansas City Chiefs" → all three. */
export function nameAround(text: string, phrase: Span, head: Span): string {
  const words = text.slice(phrase[0], head[1]).split(/\s+/);
  let first = words.length - 1;
  // A possessive before the name is another name ("Indonesia's Aceh" is Aceh).
  while (first > 0 && NAME_WORD.test(words[first - 1]!) && !/[’']s?$/u.test(words[first - 1]!)) first--;
  while (first < words.length - 1 && (/^(?:of|the|and|&)$/i.test(words[first]!) || isTitleWord(words[first]!))) first++;
  return words.slice(first).join(" ").replace(/[’']s$/u, "");
}
