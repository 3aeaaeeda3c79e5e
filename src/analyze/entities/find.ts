/**
 * People, organisations and places, from the shared wink tokens: capitalised chunks (chunk.ts), each typed by
 * its own evidence (type.ts), then by the article (here): a name typed once keeps its type, "Maduro" after
 * "Nicolás Maduro" is the same person, and a two- or three-word name that nothing types is a person, as most
 * are in news. Titles are not part of a name: they become framing labels (labels analyzer).
 */
import { tokenize } from "../../_lib/wink.js";
import type { EntityType, Span } from "../../records.js";
import { findChunks, type Word, wordsOf } from "./chunk.js";
import { isCommonWord, isKnownAs, isOrgHead, isPlaceHead, knownAs, lookupKey } from "./gazetteer.js";
import { nameOf, type TypedName, typeChunk } from "./type.js";
import { ROLE_WORDS } from "../../_lib/lexicon.js";

export interface EntityCandidate {
  span: Span;
  type: EntityType;
  name: string;
}

/** Longer untyped runs are headlines or titles of works, not people. */
const MAX_UNTYPED_PERSON_WORDS = 3;
const GENERATIONAL = /^(jr|sr|ii|iii|iv)\.?$/i;
const MIN_SURNAME_LENGTH = 3;

export function findEntities(text: string): EntityCandidate[] {
  if (!text.trim()) return [];
  const words = wordsOf(tokenize(text).tokens);
  const midSentence = capitalisedMidSentence(words);
  const heads = {
    isHead: (w: string) => isOrgHead(w) || isPlaceHead(w) || ROLE_WORDS.has(w.toLowerCase()),
    isOrgHead,
    isEverydayWord: (w: string) => isCommonWord(w) && !knownAs(w) && !midSentence.has(w),
    isPersonName,
  };
  const names = findChunks(text, words, heads).flatMap((c) => typeChunk(c, midSentence));
  const byArticle = articleTypes(names);
  const out: EntityCandidate[] = [];
  for (const n of names) {
    const type = resolveType(n, byArticle);
    if (type) out.push(candidate(text, n.words, type));
  }
  return out;
}

/** "Dr. Sanjay Gupta", "Jane Smith": after any titles, a known first name and at least one more capitalised word. */
function isPersonName(words: readonly string[]): boolean {
  let i = 0;
  while (i < words.length && (ROLE_WORDS.has(words[i]!.toLowerCase().replace(/\.$/, "")) || isKnownAs(words[i]!.replace(/\.$/, ""), "honorific"))) i++;
  return i < words.length - 1 && isKnownAs(words[i]!, "first-name") && /^\p{Lu}/u.test(words.at(-1)!);
}

/** Words written capitalised somewhere other than a sentence's start: names, whatever their first use looks like. */
function capitalisedMidSentence(words: readonly Word[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (!w.initial && !w.headline && /^\p{Lu}/u.test(w.text)) out.add(w.text);
  return out;
}

interface ArticleTypes {
  /** Names typed by their own evidence, by lookup key. */
  strong: Map<string, EntityType>;
  /** Context votes (weak evidence) per name. */
  votes: Map<string, Map<EntityType, number>>;
  /** Surnames (and single names) of people named in full. */
  surnames: Set<string>;
}

function articleTypes(names: readonly TypedName[]): ArticleTypes {
  const strong = new Map<string, EntityType>();
  const votes = new Map<string, Map<EntityType, number>>();
  const surnames = new Set<string>();
  for (const n of names) {
    if (!n.type) continue;
    const key = lookupKey(nameOf(n.words));
    if (n.evidence === "strong" && !strong.has(key)) strong.set(key, n.type);
    if (n.evidence === "weak") {
      const v = votes.get(key) ?? new Map<EntityType, number>();
      v.set(n.type, (v.get(n.type) ?? 0) + 1);
      votes.set(key, v);
    }
    if (n.type === "person" && n.evidence === "strong") {
      const surname = surnameOf(n.words);
      if (surname) surnames.add(lookupKey(surname));
    }
  }
  return { strong, votes, surnames };
}

/** "Nicolás Maduro" → "Maduro"; "Martin Luther King Jr." → "King"; initials and short words are no surname. */
function surnameOf(words: readonly Word[]): string | null {
  const parts = words.map((w) => w.text).filter((w) => !GENERATIONAL.test(w));
  const last = parts.at(-1);
  if (!last || last.length < MIN_SURNAME_LENGTH || ROLE_WORDS.has(last.toLowerCase())) return null;
  return last;
}

/** Own strong evidence first; then the article: the same name typed strongly, a known person's surname, the weak votes. */
function resolveType(n: TypedName, article: ArticleTypes): EntityType | null {
  const key = lookupKey(nameOf(n.words));
  // "Ford" after "Phil Ford": a surname of the article's people is theirs, though the lexicon lists a company so named.
  if (n.evidence === "strong" && n.type === "org" && n.words.length === 1 && article.surnames.has(key) && !/^\p{Lu}+$/u.test(n.words[0]!.text) && isKnownAs(n.words[0]!.text, "org")) return "person";
  if (n.evidence === "strong") return n.type;
  const typedElsewhere = article.strong.get(key);
  if (typedElsewhere) return typedElsewhere;
  if (n.words.length === 1 && article.surnames.has(key)) return "person";
  const votes = article.votes.get(key);
  if (votes) return [...votes].sort((a, b) => b[1] - a[1])[0]![0];
  if (n.evidence === "lexicon") return n.type;
  if (n.words.length > 1 && PLACE_PREFIX.test(n.words[0]!.text) && !isDirectionAdjective(n.words)) return "place";
  if (n.words.length > 1 && n.words.length <= MAX_UNTYPED_PERSON_WORDS && isPersonShaped(n.words)) return "person";
  return null;
}

/** "San Francisco", "Los Angeles", "St. Louis", "Fort Worth", "South Charleston", "Central Aceh": names these open are places. */
const PLACE_PREFIX = /^(San|Santa|Santo|São|Los|Las|St\.|Saint|Fort|Port|Mount|Mt\.|Lake|Cape|North|South|East|West|Central|Upper|Lower)$/;
const DIRECTION = /^(North|South|East|West|Central|Upper|Lower)$/;
/** "South American", "North Korean": a direction before a demonym is an adjective, not a place. */
const isDirectionAdjective = (words: readonly Word[]): boolean => DIRECTION.test(words[0]!.text) && words.slice(1).some((w) => isKnownAs(w.text, "demonym"));
const NAME_WORD = /^\p{Lu}[\p{Ll}’'-]*\p{Ll}[\p{L}’'-]*$|^\p{Lu}\.$|^(de|del|da|van|von|bin|al|la|le)$|^(Jr|Sr)\.?$|^(II|III|IV)$/u;

/**
 * "Geoff Ramsey", "Huma Abedin": name-shaped words, and a known first name or surname, or no everyday word at
 * either end ("Election Day", "Cold War", "Affordable Care Act" have them; "Kellyanne Conway" does not).
 */
function isPersonShaped(words: readonly Word[]): boolean {
  if (!words.every((w) => NAME_WORD.test(w.text)) || words.some((w) => isKnownAs(w.text, "country") || isKnownAs(w.text, "demonym"))) return false;
  // "Evansville North Carolina": a state or country inside the run is a place run into a name.
  if (words.some((w, i) => i > 0 && ["country", "region"].some((k) => isKnownAs(`${words[i - 1]!.text} ${w.text}`, k as "region")))) return false;
  const first = words[0]!.text, last = surnameOf(words) ?? words.at(-1)!.text;
  return isKnownAs(first, "first-name") || isKnownAs(last, "surname") || (!isCommonWord(first) && !isCommonWord(last));
}

/** The name as written, accents kept; a final period goes unless it belongs to an abbreviation ("U.S."). */
function candidate(text: string, words: readonly Word[], type: EntityType): EntityCandidate {
  const start = words[0]!.start;
  let end = words.at(-1)!.end;
  let name = text.slice(start, end);
  if (name.endsWith(".") && !/\p{L}\.\p{L}\.$/u.test(name)) {
    name = name.slice(0, -1);
    end--;
  }
  return { span: [start, end], type, name };
}
