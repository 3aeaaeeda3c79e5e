/**
 * Entity groups of a report joined when their names say they are one (resolve-entities.ts builds the groups): a
 * name typed two ways, middle initials, a surname of several words, and the index the short-form merge reads.
 */
import type { Entity, EntityType } from "../records.js";
import type { OutletIdentity } from "../_lib/outlets.js";

export interface Group {
  key: string;
  type: EntityType;
  spellings: Map<string, number>;
  mentions: Entity["mentions"];
  /** A known outlet's identity: its canonical name and id win over the spellings. */
  outlet?: OutletIdentity;
}

/**
 * A short form joined across articles by its spelling alone (one full name ends with it in the whole report): likely,
 * not bound by any sentence. Calibration: on ECB+ gold mentions (eval/entity-coref.ts) a corpus-unique surname is
 * the same person in most cases; the figure only ranks these below in-article bindings (0.85–0.9).
 */
export const CROSS_ARTICLE_SHORT_FORM_CONFIDENCE = 0.7;

/** "Lo Presti" → "Gaetano Lo Presti": a person's name of several words that ends exactly one longer name of the story. */
export function mergeSurnamesOfSeveralWords(groups: Map<string, Group>): void {
  const people = [...groups].filter(([, g]) => g.type === "person" && g.key.includes(" "));
  const byLastWord = indexBy(people, ([, g]) => g.key.slice(g.key.lastIndexOf(" ") + 1));
  for (const [id, group] of people) {
    const longer = (byLastWord.get(group.key.slice(group.key.lastIndexOf(" ") + 1)) ?? []).filter(([otherId, g]) => otherId !== id && groups.has(otherId) && g.key.endsWith(` ${group.key}`));
    if (longer.length !== 1) continue;
    const target = longer[0]![1];
    for (const [sp, n] of group.spellings) target.spellings.set(sp, (target.spellings.get(sp) ?? 0) + n);
    for (const m of group.mentions) target.mentions.push(m.via && m.via !== "name" ? m : { ...m, via: "surname", confidence: CROSS_ARTICLE_SHORT_FORM_CONFIDENCE, evidence: null });
    groups.delete(id);
  }
}

/**
 * One spelling typed differently in different articles is mostly one thing the recogniser typed from thin context
 * ("Apple" a person in one article, an organisation in another): an untyped ("other") name joins the one typed
 * group of the same key, and a name of several words joins across person and organisation/place (the largest group
 * gives the type). A single word typed two ways stays two ("Jordan" the person and the country).
 */
export function mergeAcrossTypes(groups: Map<string, Group>): void {
  const byKey = new Map<string, [string, Group][]>();
  for (const entry of groups) if (!entry[1].outlet) byKey.set(entry[1].key, [...(byKey.get(entry[1].key) ?? []), entry]);
  for (const [key, members] of byKey) {
    if (members.length < 2) continue;
    const typed = members.filter(([, g]) => g.type !== "other");
    const joined = key.includes(" ") ? members : typed.length === 1 ? members : [];
    if (joined.length < 2) continue;
    const [first, ...rest] = [...joined].sort((a, b) => Number(a[1].type === "other") - Number(b[1].type === "other") || b[1].mentions.length - a[1].mentions.length || a[0].localeCompare(b[0]));
    const target = first![1];
    for (const [id, g] of rest) {
      for (const [sp, n] of g.spellings) target.spellings.set(sp, (target.spellings.get(sp) ?? 0) + n);
      target.mentions.push(...g.mentions);
      groups.delete(id);
    }
  }
}

/**
 * "Winston K. Blackmore", "Winston Blackmore" and "Winston Kay Blackmore" are one person: full names with the same
 * first and last word join when their middle names agree (an initial fits a name it begins; two different middle
 * names, "John Paul Smith" and "John Robert Smith", stay apart, as does everything when one differs).
 */
export function mergeMiddleNames(groups: Map<string, Group>): void {
  const buckets = new Map<string, [string, Group][]>();
  for (const entry of groups) {
    const [, g] = entry;
    const words = coreName(g.key);
    if (g.type !== "person" || words.length < 2) continue;
    const outer = `${words[0]} ${words.at(-1)}`;
    buckets.set(outer, [...(buckets.get(outer) ?? []), entry]);
  }
  for (const members of buckets.values()) {
    if (members.length < 2) continue;
    const middles = members.map(([, g]) => coreName(g.key).slice(1, -1).join(" ")).filter(Boolean);
    const agree = middles.every((a) => middles.every((b) => a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))));
    if (!agree) continue;
    const [first, ...rest] = [...members].sort((a, b) => b[1].mentions.length - a[1].mentions.length || a[0].localeCompare(b[0]));
    const target = first![1];
    for (const [id, g] of rest) {
      for (const [s, n] of g.spellings) target.spellings.set(s, (target.spellings.get(s) ?? 0) + n);
      target.mentions.push(...g.mentions);
      groups.delete(id);
    }
  }
}

/** A person's name without a leading initial and a generational suffix: "w. mark felt sr." → mark, felt. */
function coreName(key: string): string[] {
  const words = key.split(" ");
  while (words.length > 2 && /^(jr|sr|ii|iii|iv)\.?$/.test(words.at(-1)!)) words.pop();
  while (words.length > 2 && /^\p{L}\.?$/u.test(words[0]!)) words.shift();
  return words;
}

/** Entries grouped by a key, each with its position in `entries`, in order. */
export function indexBy<V>(entries: readonly [string, V][], keyOf: (entry: [string, V]) => string): Map<string, [string, V, number][]> {
  const index = new Map<string, [string, V, number][]>();
  entries.forEach((entry, position) => {
    const key = keyOf(entry);
    const list = index.get(key);
    if (list) list.push([entry[0], entry[1], position]);
    else index.set(key, [[entry[0], entry[1], position]]);
  });
  return index;
}
