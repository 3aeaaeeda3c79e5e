/**
 * How an article names a person: the words right before the name ("Venezuela's socialist strongman Nicolas
 * Maduro", "Commie Dictator Nicolas Maduro", "President Nicolás Maduro") and descriptions that stand in for
 * the article's main person ("the strongman", "a fading dictator").
 */
import type { AnnotationOf, LabelVia, Span } from "../../records.js";
import { LOADED_WORDS, PERSON_NOUNS, ROLE_WORDS } from "../../_lib/lexicon.js";

export interface LabelCandidate {
  span: Span;
  entityName: string;
  term: string;
  loaded: boolean;
  via: LabelVia;
}

const MAX_LABEL_WORDS = 5;
/** The main person must dominate the article for a bare "the strongman" to be read as them. */
const MIN_MAIN_MENTIONS = 3;
const MAIN_DOMINANCE = 2;
const DEMONYM = /^(\p{Lu}\p{L}+(an|ian|ese|ish|i)|\p{Lu}\p{L}+[’']s)$/u;
const DESCRIPTION = /\b([Tt]he|[Aa]n?|\p{Lu}\p{L}+[’']s)\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)\b(?!\s+(?:of\b|\p{Lu}))/gu;

export function findLabels(text: string, entities: readonly AnnotationOf<"entity">[]): LabelCandidate[] {
  const people = entities.filter((e) => e.type === "person");
  const labels: LabelCandidate[] = [];
  for (const person of people) {
    const label = labelBefore(text, person.span[0]);
    if (label) labels.push({ ...label, entityName: person.name, via: "before-name" });
    const appositive = appositiveAfter(text, person.span[1]);
    if (appositive) labels.push({ ...appositive, entityName: person.name, via: "appositive" });
  }
  const main = mainPerson(people);
  if (main) labels.push(...descriptionsOf(text, main, people));
  return labels;
}

/**
 * "Geoff Ramsey, a Venezuela expert at the Atlantic Council, said": an indefinite or definite noun phrase between
 * commas right after the name, whose head is a role or person noun, describes the person.
 */
const APPOSITIVE = /^,\s((?:a|an|the)\s(?:former\s|longtime\s|senior\s)?[^,;.()“”"]{2,80}?)(?=,|\.|;|\s[—–])/u;
const APPOSITIVE_HEAD = /\b(expert|analyst|professor|director|adviser|advisor|spokes(?:man|woman|person)|official|leader|president|minister|secretary|ambassador|envoy|chief|head|founder|chair(?:man|woman)?|member|lawyer|attorney|judge|senator|governor|mayor|candidate|executive|strategist|economist|researcher|fellow|scholar|historian|editor|reporter|correspondent|columnist|commander|general|officer|diplomat|activist|owner|partner|aide|deputy|manager|coordinator|negotiator|critic|ally|opponent|rival|successor|predecessor|strongman|dictator|politician|lawmaker|representative|nominee|ceo|son|daughter|wife|husband|father|mother|brother|sister|resident|student|teacher|doctor|scientist)s?\b/i;

function appositiveAfter(text: string, nameEnd: number): Omit<LabelCandidate, "entityName" | "via"> | null {
  const m = APPOSITIVE.exec(text.slice(nameEnd, nameEnd + 120));
  if (!m || !APPOSITIVE_HEAD.test(m[1]!)) return null;
  const start = nameEnd + m.index + m[0].indexOf(m[1]!);
  const term = m[1]!.trim();
  return { span: [start, start + term.length], term, loaded: isLoaded(term) };
}

function labelBefore(text: string, nameStart: number): Omit<LabelCandidate, "entityName" | "via"> | null {
  const before = text.slice(Math.max(0, nameStart - 80), nameStart);
  const words = [...before.matchAll(/[\p{L}’'-]+/gu)];
  const taken: RegExpMatchArray[] = [];
  for (let i = words.length - 1; i >= 0 && taken.length < MAX_LABEL_WORDS; i--) {
    const word = words[i]!;
    const gap = before.slice(word.index! + word[0].length, taken.length ? taken[0]!.index : before.length);
    if (!/^\s+$/.test(gap)) break; // punctuation between: no longer one noun phrase
    const lower = word[0].toLowerCase().replace(/[’']s$/, "");
    const ofRole = lower === "of" && taken.length > 0 && i > 0 && ROLE_WORDS.has(words[i - 1]![0].toLowerCase()); // "Secretary of State"
    if (!(ROLE_WORDS.has(lower) || LOADED_WORDS.has(lower) || DEMONYM.test(word[0]) || ofRole)) break;
    taken.unshift(word);
  }
  // A label needs a head noun: a bare demonym ("Venezuelan Nicolas Maduro") or "former" says nothing.
  const head = taken.at(-1)?.[0].toLowerCase();
  if (!head || DEMONYM.test(taken.at(-1)![0]) || head === "former") return null;
  const offset = nameStart - before.length;
  const start = offset + taken[0]!.index!;
  const end = offset + taken.at(-1)!.index! + taken.at(-1)![0].length;
  const term = text.slice(start, end);
  return { span: [start, end], term, loaded: isLoaded(term) };
}

function descriptionsOf(text: string, main: string, people: readonly AnnotationOf<"entity">[]): LabelCandidate[] {
  const firstMention = Math.min(...people.filter((p) => p.name === main || main.endsWith(p.name)).map((p) => p.span[0]));
  const out: LabelCandidate[] = [];
  for (const m of text.matchAll(DESCRIPTION)) {
    const noun = m[3]!.toLowerCase();
    if (!PERSON_NOUNS.has(noun) || m.index! < firstMention) continue;
    const modifiers = m[2]!.trim().split(/\s+/).filter(Boolean);
    if (modifiers.some((w) => !(LOADED_WORDS.has(w.toLowerCase()) || ROLE_WORDS.has(w.toLowerCase()) || /^[a-z-]+$/.test(w)))) continue;
    const start = m.index! + m[1]!.length + 1;
    const end = m.index! + m[0].length;
    const term = text.slice(start, end);
    out.push({ span: [start, end], entityName: main, term, loaded: isLoaded(term), via: "stand-in" });
  }
  return out;
}

/** The person the article is about: the most-mentioned, if clearly ahead of the next. */
function mainPerson(people: readonly AnnotationOf<"entity">[]): string | null {
  const counts = new Map<string, number>();
  const lastWord = (name: string) => name.split(/\s+/).at(-1)!.toLowerCase();
  const full = new Map<string, string>();
  for (const p of people) {
    const key = lastWord(p.name);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (p.name.includes(" ") && !full.has(key)) full.set(key, p.name);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < MIN_MAIN_MENTIONS || (second && first[1] < second[1] * MAIN_DOMINANCE)) return null;
  return full.get(first[0]) ?? people.find((p) => lastWord(p.name) === first[0])!.name;
}

const isLoaded = (term: string): boolean =>
  term.toLowerCase().split(/[\s-]+/).some((w) => LOADED_WORDS.has(w.replace(/[’']s$/, "")));
