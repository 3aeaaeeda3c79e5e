/**
 * The retired entity recogniser (src/analyze/entities/find.ts until the analysis-speed change), kept unchanged
 * only as the reference that eval/entities.ts compares the current one against. Not used by the pipeline.
 *
 * People, organisations and places with compromise's named-entity tagger, then trimmed: compromise's matches
 * carry titles ("President Nicolas Maduro"), a country before the name ("Venezuela Nicolas Maduro"),
 * punctuation and possessives. Titles become framing labels (labels analyzer), not part of the name.
 */
import nlp from "compromise";
import type { EntityType, Span } from "../src/records.js";
import { LOADED_WORDS, ROLE_WORDS } from "../src/_lib/lexicon.js";

export interface EntityCandidate {
  span: Span;
  type: EntityType;
  name: string;
}

interface TermJson {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface MatchJson {
  terms: TermJson[];
}

const CONNECTORS = new Set(["of", "the", "for", "and", "&", "de", "del", "la", "da", "van", "von", "bin", "al"]);
const MONTHS = /^(jan(uary)?|feb(ruary)?|march|april|may|june|july|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i;

export function findEntities(text: string): EntityCandidate[] {
  if (!text.trim()) return [];
  const doc = nlp(text);
  const options = { offset: true, terms: { offset: true } };
  const groups: [EntityType, MatchJson[]][] = [
    ["person", doc.people().json(options) as MatchJson[]],
    ["org", doc.organizations().json(options) as MatchJson[]],
    ["place", doc.places().json(options) as MatchJson[]],
  ];
  const found: EntityCandidate[] = [];
  for (const [type, matches] of groups) {
    for (const match of matches) {
      const candidate = trimMatch(text, match.terms, type);
      if (candidate) found.push(type === "person" ? withSurname(text, candidate) : candidate);
    }
  }
  found.push(...titledPeople(text));
  return dropOverlaps(withRepeatedSurnames(text, dropOverlaps(found)));
}

/** compromise sometimes tags only the first name ("Angela" of "Angela Merkel's"): take the surname along. */
function withSurname(text: string, person: EntityCandidate): EntityCandidate {
  if (person.name.includes(" ")) return person;
  const next = /^\s(\p{Lu}[\p{L}-]+)(?:[’']s)?(?![\p{L}])/u.exec(text.slice(person.span[1]));
  if (!next || ROLE_WORDS.has(next[1]!.toLowerCase())) return person;
  const end = person.span[1] + 1 + next[1]!.length;
  return { ...person, span: [person.span[0], end], name: text.slice(person.span[0], end) };
}

/** "President Trump", "Press Secretary Karoline Leavitt": a capitalised role word before capitalised words. */
function titledPeople(text: string): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  const re = /\b(\p{Lu}[\p{L}-]+)\s((?:\p{Lu}[\p{L}’'-]+)(?:\s\p{Lu}[\p{L}’'-]+){0,2})/gu;
  for (const m of text.matchAll(re)) {
    if (!ROLE_WORDS.has(m[1]!.toLowerCase())) continue;
    const words = m[2]!.split(/\s/);
    while (words.length && ROLE_WORDS.has(words[0]!.toLowerCase())) words.shift();
    const name = words.join(" ").replace(/[’']s$/u, "");
    if (!name || ROLE_WORDS.has(name.toLowerCase())) continue;
    const start = m.index! + m[0].lastIndexOf(name);
    out.push({ span: [start, start + name.length], type: "person", name });
  }
  return out;
}

/**
 * News names a person in full once, then by surname: "Nicolás Maduro … Maduro". Every later standalone
 * occurrence of a found person's surname is a mention of that person.
 */
function withRepeatedSurnames(text: string, found: EntityCandidate[]): EntityCandidate[] {
  const out = [...found];
  const surnames = new Set(found.filter((e) => e.type === "person").map((e) => e.name.split(" ").at(-1)!));
  for (const surname of surnames) {
    if (surname.length < 3 || ROLE_WORDS.has(surname.toLowerCase())) continue;
    const re = new RegExp(`(?<![\\p{L}])${surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
    for (const m of text.matchAll(re)) {
      const span: Span = [m.index!, m.index! + surname.length];
      if (!out.some((e) => span[0] < e.span[1] && e.span[0] < span[1])) out.push({ span, type: "person", name: surname });
    }
  }
  return out;
}

function trimMatch(text: string, terms: TermJson[], type: EntityType): EntityCandidate | null {
  let list = terms.filter((t) => t.offset && t.text.trim());
  // Leading titles, roles and (for people) a country name belong to the label, not the name.
  while (list.length > 1 && isLeadingNoise(list[0]!, type)) list = list.slice(1);
  while (list.length && (MONTHS.test(clean(list.at(-1)!.text)) || CONNECTORS.has(clean(list.at(-1)!.text).toLowerCase()))) {
    list = list.slice(0, -1);
  }
  if (!list.length) return null;
  const start = list[0]!.offset.start;
  const last = list.at(-1)!;
  let end = last.offset.start + last.offset.length;
  let name = text.slice(start, end);
  // Cut at a dash or quote inside the match ("WASHINGTON — US"), and strip possessives and punctuation.
  const cut = name.search(/\s[—–]\s|[“”"]/u);
  if (cut > 0) name = name.slice(0, cut);
  name = name.replace(/[’']s?$/u, "").replace(/[^\p{L}\p{N}.)]+$/u, "");
  if (!/\p{L}\.\p{L}/u.test(name)) name = name.replace(/\.$/, ""); // keep the dot of "U.S."
  // "Qatar, Saudi Arabia": a list is its first item here; the others are found on their own.
  const comma = name.search(/,\s/);
  if (comma > 0) name = name.slice(0, comma);
  name = name.replace(/^[^\p{L}\p{N}]+/u, "");
  if (!name) return null;
  const lead = text.indexOf(name, start);
  if (lead < 0) return null;
  end = lead + name.length;
  if (!isNameShaped(name, type)) return null;
  return { span: [lead, end], type, name };
}

function isLeadingNoise(term: TermJson, type: EntityType): boolean {
  const word = clean(term.text).toLowerCase();
  if (type !== "person") return false;
  if (ROLE_WORDS.has(word) || LOADED_WORDS.has(word) || term.tags.includes("Honorific") || term.tags.includes("Title")) return true;
  if (CONNECTORS.has(word)) return true;
  return (term.tags.includes("Country") || term.tags.includes("Place") || term.tags.includes("Demonym"));
}

function isNameShaped(name: string, type: EntityType): boolean {
  const words = name.split(/\s+/);
  if (words.some((w) => /[\/@#]/.test(w))) return false;
  const capitalised = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || CONNECTORS.has(w.toLowerCase()));
  if (!capitalised || !/^\p{Lu}/u.test(name)) return false;
  if (type === "person" && words.length === 1 && ROLE_WORDS.has(name.toLowerCase())) return false;
  return name.length >= 2;
}

const clean = (word: string) => word.replace(/[^\p{L}\p{N}&-]/gu, "");

/** Overlapping candidates of different types: keep the longer (a person inside an org name is the org's). */
function dropOverlaps(found: EntityCandidate[]): EntityCandidate[] {
  found.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const kept: EntityCandidate[] = [];
  for (const c of found) {
    const prev = kept.at(-1);
    if (prev && c.span[0] < prev.span[1]) {
      if (c.span[1] - c.span[0] > prev.span[1] - prev.span[0]) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  return kept;
}
