/**
 * Mentions bound to the entity they refer to, within one article: a surname or "Mr."/"Mayor" + surname to the one
 * full name it ends ("Smith" → "Jane Smith"), a role description to the person the text gave that role ("the
 * Texas governor" → "Rick Perry", bound by "Texas Gov. Rick Perry"), a head word or acronym to the organisation
 * named in full ("the Journal", "WSJ" → "The Wall Street Journal"). Each bound mention keeps the words that bound
 * it (`evidence`) and how sure the link is.
 *
 * Why by hand: the coreference libraries that do this (CoreNLP's dcoref, spaCy's coreferee, fastcoref) are Java or
 * Python with models; nothing in npm resolves news roles. These are the deterministic sieves of Lee et al. (2013)
 * that need no parser: exact and partial name match, role appositives and titles, acronyms.
 */
import type { EntityType, EntityVia, Span } from "../../records.js";
import { resolveOutlet } from "../../_lib/outlets.js";
import { foldName } from "../../_lib/text.js";
import { orgShortForm } from "./short-forms.js";
import { appositiveRole, headAt, isFormer, isTitleWord, onlySpace, type Role, stem, titleBefore, type Word, wordsIn } from "./roles.js";

export interface MentionCandidate {
  span: Span;
  type: EntityType;
  name: string;
  via?: EntityVia;
  confidence?: number;
  evidence?: Span | null;
}

export interface ArticleContext {
  outlet?: string | null;
  url?: string | null;
}

/** A surname that ends exactly one full name of the article: as sure as a name match gets without a first name. */
const ONE_NAME_CONFIDENCE = 0.9;
/** Several full names share it: the nearest one before is a guess journalists' style makes likely, not certain. */
const NEAREST_NAME_CONFIDENCE = 0.55;
/** A role description whose role one person of the article holds (narrowing words agreeing). */
const ONE_ROLE_CONFIDENCE = 0.85;
/** Several people hold it: the last one named before the description. */
const NEAREST_ROLE_CONFIDENCE = 0.6;
const TITLE_WORDS = new Set(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev"]);
const GENERATIONAL = /^(jr|sr|ii|iii|iv)\.?$/i;
const NOT_DEFINITE = new Set(["a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "any", "every", "another", "each", "one", "no", "some"]);

interface Person {
  name: string;
  surname: string;
  spans: Span[];
  roles: Role[];
}

export function bindMentions(text: string, recognised: readonly MentionCandidate[], context: ArticleContext = {}): MentionCandidate[] {
  const found = recognised.map(withoutTitles);
  const words = wordsIn(text);
  const wordAt = wordIndex(words);
  const people = peopleOf(text, words, wordAt, found);
  const out: MentionCandidate[] = [];
  for (const m of found) {
    if (m.type === "person" && !m.name.includes(" ")) out.push(bindSurname(text, words, wordAt, m, people));
    else if (m.type !== "person") out.push(orgShortForm(text, m, found, context) ?? m);
    else out.push(m);
  }
  const taken = found.map((m) => m.span);
  out.push(...roleDescriptions(text, words, people, taken));
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * A person's name without a role the recogniser ran into it ("Attorney-General Wally Oppal", "VP Phil Schiller",
 * "Sanjay Gupta Surgeon General" → the name alone): the role is a title, and the name must match the same person's
 * other mentions. At least two words stay.
 */
function withoutTitles(m: MentionCandidate): MentionCandidate {
  if (m.type !== "person" || !m.name.includes(" ")) return m;
  const parts = [...m.name.matchAll(/\S+/g)];
  let first = 0, last = parts.length - 1;
  while (last - first >= 2 && isTitleWord(parts[first]![0])) first++;
  while (last - first >= 2 && isTitleWord(parts[last]![0]) && isTitleWord(parts[last - 1]![0])) last -= 2;
  while (last - first >= 2 && isTitleWord(parts[last]![0]) && /^\p{Lu}/u.test(parts[last]![0]) && !/^(jr|sr)\.?$/i.test(parts[last]![0])) last--;
  if (first === 0 && last === parts.length - 1) return m;
  const start = parts[first]!.index!, end = parts[last]!.index! + parts[last]![0].length;
  return { ...m, name: m.name.slice(start, end), span: [m.span[0] + start, m.span[0] + end] };
}

/** Each person named in full, with every role the text gives them next to a full mention. */
function peopleOf(text: string, words: readonly Word[], wordAt: WordIndex, found: readonly MentionCandidate[]): Person[] {
  const byName = new Map<string, Person>();
  for (const m of found) {
    if (m.type !== "person" || !m.name.includes(" ")) continue;
    const key = foldName(m.name);
    const parts = m.name.split(/\s+/).filter((p) => !GENERATIONAL.test(p));
    const person = byName.get(key) ?? { name: m.name, surname: foldName(parts.at(-1) ?? ""), spans: [], roles: [] };
    person.spans.push(m.span);
    const first = wordAt.get(m.span[0]);
    if (first !== undefined) {
      const title = titleBefore(text, words, first, m.span[1]);
      if (title) person.roles.push(title);
      let after = first;
      while (after < words.length && words[after]!.start < m.span[1]) after++;
      const appositive = appositiveRole(text, words, after, m.span[0]);
      if (appositive) person.roles.push(appositive);
    }
    byName.set(key, person);
  }
  return [...byName.values()];
}

/** "Smith", "Mr. Smith", "Mayor Smith" → the one full name of the article it ends (the role narrowing several). */
function bindSurname(text: string, words: readonly Word[], wordAt: WordIndex, m: MentionCandidate, people: readonly Person[]): MentionCandidate {
  const key = foldName(m.name);
  let candidates = people.filter((p) => p.surname === key && foldName(p.name) !== key);
  if (!candidates.length) return m;
  const index = wordAt.get(m.span[0]);
  const before = index !== undefined && index > 0 && onlySpace(words[index - 1]!, words[index]!, text) ? words[index - 1]! : null;
  const role = index !== undefined ? titleBefore(text, words, index, m.span[1]) : null;
  const titled = !!role || (before !== null && TITLE_WORDS.has(before.lower));
  if (role && candidates.length > 1) {
    const holders = candidates.filter((p) => p.roles.some((r) => fits(role, r)));
    if (holders.length) candidates = holders;
  }
  const chosen = candidates.length === 1 ? candidates[0]! : nearestBefore(candidates, m.span[0]);
  if (!chosen) return m;
  const evidence = nearestSpan(chosen.spans, m.span[0]);
  return {
    ...m,
    name: chosen.name,
    via: titled ? "title" : "surname",
    confidence: candidates.length === 1 ? ONE_NAME_CONFIDENCE : NEAREST_NAME_CONFIDENCE,
    evidence,
  };
}

/** "the governor", "the Texas governor", "Venezuela's president", "the president of Venezuela": bound to who holds it. */
function roleDescriptions(text: string, words: readonly Word[], people: readonly Person[], taken: readonly Span[]): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  if (!people.some((p) => p.roles.length)) return out;
  for (let i = 0; i < words.length; i++) {
    const found = headAt(words, i);
    if (!found || /^\p{Lu}/u.test(words[i]!.text) && !/^the$/i.test(words[found.first - 1]?.text ?? "")) continue;
    const next = words[i + 1];
    // A title before a name ("the president Nicolás Maduro") is part of the name's mention, not a description.
    if (next && onlySpace(words[i]!, next, text) && /^\p{Lu}/u.test(next.text) && !/^of$/i.test(next.text)) continue;
    const description = describedRole(text, words, found.first, i, found.head);
    // Inside a name ("the Vice President's Office"): not a description. A place narrowing it ("the Texas governor") is fine.
    const headSpan: Span = [words[found.first]!.start, words[i]!.end];
    if (!description || taken.some(([s, e]) => s < headSpan[1] && headSpan[0] < e)) continue;
    // "the former president, Bill Clinton,": the description is the name's appositive, not a mention of someone earlier.
    const named = people.find((p) => p.spans.some(([s]) => s >= description.span[1] && /^\s*,?\s*$/.test(text.slice(description.span[1], s))));
    if (named) {
      const nameSpan = named.spans.find(([s]) => s >= description.span[1])!;
      out.push({ span: description.span, type: "person", name: named.name, via: "apposition", confidence: ONE_ROLE_CONFIDENCE, evidence: [description.span[0], nameSpan[1]] });
      continue;
    }
    // "John Smith, the city's treasurer,": the appositive that gave the role is itself a mention of the name before it.
    const appositive = people.find((p) => p.roles.some((r) => r.span[0] < description.span[0] && description.span[1] <= r.span[1]));
    if (appositive) {
      const role = appositive.roles.find((r) => r.span[0] < description.span[0] && description.span[1] <= r.span[1])!;
      out.push({ span: description.span, type: "person", name: appositive.name, via: "apposition", confidence: ONE_ROLE_CONFIDENCE, evidence: role.span });
      continue;
    }
    const fitting = people.filter((p) => p.roles.some((r) => fits(description, r) && r.span[0] < description.span[0]));
    // Narrowed by the same place ("Venezuela's president" / "Venezuelan President …"): those win over roles the text left open.
    const narrowed = fitting.filter((p) => p.roles.some((r) => narrowsAlike(description, r)));
    const holders = narrowed.length ? narrowed : fitting;
    const chosen = holders.length === 1 ? holders[0]! : nearestBefore(holders, description.span[0]);
    if (!chosen) continue;
    const evidenceRole = chosen.roles.filter((r) => fits(description, r) && r.span[0] < description.span[0]).at(-1)!;
    out.push({
      span: description.span,
      type: "person",
      name: chosen.name,
      via: "role",
      confidence: holders.length === 1 ? ONE_ROLE_CONFIDENCE : NEAREST_ROLE_CONFIDENCE,
      evidence: evidenceRole.span,
    });
  }
  return out;
}

/** The description around a role head: "the" or a possessive ("Venezuela's", "the city's") first, narrowing words between. */
function describedRole(text: string, words: readonly Word[], first: number, last: number, head: string): Role | null {
  const modifiers: string[] = [];
  let former = false;
  for (let k = first - 1; k >= Math.max(0, first - 5); k--) {
    const w = words[k]!;
    if (!onlySpace(w, words[k + 1]!, text)) return null;
    if (w.lower === "the" || (/[’']s$/.test(w.text) && /^\p{Lu}/u.test(w.text))) {
      if (w.lower !== "the") modifiers.push(stem(w.text));
      const of = words[last + 1]?.lower === "of" && words[last + 2] && /^\p{Lu}/u.test(words[last + 2]!.text) ? words[last + 2]! : null;
      if (of) modifiers.push(stem(of.text));
      return { head, former, modifiers, span: [w.start, (of ?? words[last]!).end] };
    }
    if (/[’']s$/.test(w.text)) continue; // "the city's mayor": a possessive common noun narrows nothing
    if (NOT_DEFINITE.has(w.lower)) return null; // "a senator", "his governor": not a description of one person
    if (isFormer(w.lower)) former = true;
    else if (/^\p{Lu}/u.test(w.text)) modifiers.push(stem(w.text));
    else if (!/^[\p{Ll}\p{N}-]+$/u.test(w.text)) return null;
  }
  return null;
}

/** A description fits a role the text gave a person: same head, same "former", and no narrowing word against it. */
function fits(description: Role, held: Role): boolean {
  if (description.head !== held.head || description.former !== held.former) return false;
  const places = description.modifiers.filter((m) => /^\p{L}+$/u.test(m));
  return places.every((p) => held.modifiers.includes(p) || !held.modifiers.some((h) => /^\p{L}+$/u.test(h)));
}

function narrowsAlike(description: Role, held: Role): boolean {
  const places = description.modifiers.filter((m) => /^\p{L}+$/u.test(m));
  return description.head === held.head && places.length > 0 && places.every((p) => held.modifiers.includes(p));
}

function nearestBefore(people: readonly Person[], at: number): Person | undefined {
  let best: { p: Person; start: number } | undefined;
  for (const p of people) {
    for (const s of [...p.spans, ...p.roles.map((r) => r.span)]) if (s[0] < at && (!best || s[0] > best.start)) best = { p, start: s[0] };
  }
  return best?.p;
}

type WordIndex = { get(start: number): number | undefined };

/** The word starting at an offset, by binary search (words are in text order): cheaper than a Map of every word. */
function wordIndex(words: readonly Word[]): WordIndex {
  return {
    get(start: number) {
      let lo = 0, hi = words.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const at = words[mid]!.start;
        if (at === start) return mid;
        if (at < start) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
  };
}

function nearestSpan(spans: readonly Span[], at: number): Span {
  const before = spans.filter((s) => s[0] < at);
  return before.length ? before.reduce((a, b) => (b[0] > a[0] ? b : a)) : spans[0]!;
}
