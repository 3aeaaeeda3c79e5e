/**
 * The people an article names in full, with the roles its text gives them next to a full mention (a title before
 * the name, an appositive or a copula after it), and the helpers that find the nearest of them.
 */
import type { Span } from "../../records.js";
import { foldName } from "../../_lib/text.js";
import type { MentionCandidate } from "./bind.js";
import { appositiveRole, copulaRole, isTitleWord, type Role, titleBefore, type Word } from "./roles.js";

const GENERATIONAL = /^(jr|sr|ii|iii|iv)\.?$/i;
/** "CEO", "VP", "Gov.": a title written in capitals or cut short, which no surname is. */
const ABBREVIATED = /^\p{Lu}{2,}$|^\p{Lu}\p{Ll}*\.$/u;

export interface Person {
  name: string;
  surname: string;
  spans: Span[];
  roles: Role[];
}

/**
 * A person's name without a role the recogniser ran into it ("Attorney-General Wally Oppal", "VP Phil Schiller",
 * "Sanjay Gupta Surgeon General" → the name alone): the role is a title, and the name must match the same person's
 * other mentions. At least two words stay.
 */
export function withoutTitles(m: MentionCandidate): MentionCandidate {
  if (m.type !== "person" || !m.name.includes(" ")) return m;
  const parts = [...m.name.matchAll(/\S+/g)];
  let first = 0, last = parts.length - 1;
  while (last - first >= 2 && isTitleWord(parts[first]![0])) first++;
  while (last - first >= 2 && isTitleWord(parts[last]![0]) && isTitleWord(parts[last - 1]![0])) last -= 2;
  // One title word after a name is most often a surname ("Martin Luther King", "Tim Cook", "Ann Bishop"): only an
  // abbreviated one ("CEO", "VP", "Gov.") comes off.
  while (last - first >= 2 && isTitleWord(parts[last]![0]) && ABBREVIATED.test(parts[last]![0]) && !GENERATIONAL.test(parts[last]![0])) last--;
  if (first === 0 && last === parts.length - 1) return m;
  const start = parts[first]!.index!, end = parts[last]!.index! + parts[last]![0].length;
  return { ...m, name: m.name.slice(start, end), span: [m.span[0] + start, m.span[0] + end] };
}

/** Each person named in full, with every role the text gives them next to a full mention. */
export function peopleOf(text: string, words: readonly Word[], wordAt: WordIndex, found: readonly MentionCandidate[]): Person[] {
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
      const appositive = appositiveRole(text, words, after, m.span[0]) ?? copulaRole(text, words, after, m.span[0]);
      if (appositive) person.roles.push(appositive);
    }
    byName.set(key, person);
  }
  return [...byName.values()];
}

export function nearestBefore(people: readonly Person[], at: number): Person | undefined {
  let best: { p: Person; start: number } | undefined;
  for (const p of people) {
    for (const s of [...p.spans, ...p.roles.map((r) => r.span)]) if (s[0] < at && (!best || s[0] > best.start)) best = { p, start: s[0] };
  }
  return best?.p;
}

export function nearestSpan(spans: readonly Span[], at: number): Span {
  const before = spans.filter((s) => s[0] < at);
  return before.length ? before.reduce((a, b) => (b[0] > a[0] ? b : a)) : spans[0]!;
}

export type WordIndex = { get(start: number): number | undefined };

/** The word starting at an offset, by binary search (words are in text order): cheaper than a Map of every word. */
export function wordIndex(words: readonly Word[]): WordIndex {
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
