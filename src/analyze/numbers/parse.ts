/**
 * Reading one number once it is found: its value ("eight million", "two-thirds", "$3bn"), its unit, what it counts
 * and the words that hedge it.
 */
import { CURRENCY_WORDS, DEMONYM, FRACTIONS, HEDGES, MEASURE_UNITS, PERSON_NOUNS, SCALES, UNITS_WORDS, VAGUE_PLURALS } from "./lexicon.js";

/** "twenty-five thousand", "a dozen", "three hundred and fifty": the value of a run of number words, or null. */
export function wordsValue(words: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words.toLowerCase().split(/[\s-]+/)) {
    if (word === "and") continue;
    if (word === "a" || word === "an") current = 1;
    else if (word === "dozen") current = (current || 1) * 12;
    else if (word in UNITS_WORDS) current += UNITS_WORDS[word]!;
    else if (word === "hundred") current = (current || 1) * 100;
    else if (word in SCALES) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    } else if (word in VAGUE_PLURALS) current = current ? current * VAGUE_PLURALS[word]! / 2 : VAGUE_PLURALS[word]!;
    else if (word === "tens") current = 20;
    else if (word === "of") continue;
    else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** "two-thirds" → 66.67 (a share, comparable with "67%"). */
export function fractionValue(said: string): number | null {
  const [numerator, denominator] = said.toLowerCase().split("-");
  const n = UNITS_WORDS[numerator!];
  const d = FRACTIONS[denominator!];
  return n && d ? Math.round((n / d) * 10000) / 100 : null;
}

export interface UnitRead {
  unit: string;
  /** Characters of the tail the unit takes (it joins the number's span). */
  length: number;
}

/** The unit written right after a number ("%", " percentage points", " million dollars"), or null. */
export function readUnit(tail: string): UnitRead | null {
  const space = /^[\s-]?/.exec(tail)![0].length;
  const rest = tail.slice(space);
  for (const [pattern, unit] of MEASURE_UNITS) {
    const m = pattern.exec(rest);
    if (m && (m[0] === "%" || space > 0)) return { unit, length: space + m[0].length };
  }
  const currency = /^(pounds sterling|[\p{L}]+)/u.exec(rest)?.[1]?.toLowerCase();
  if (currency && currency in CURRENCY_WORDS && space > 0) return { unit: CURRENCY_WORDS[currency]!, length: space + currency.length };
  return null;
}

const COUNTED_STOP = new Set(
  ("the a an and or but to in on at of for by with from as that who whom whose which is was were are be been being has have had " +
    "said says more than over under after before since ago per each every this these those it its their his her our than while " +
    "when where if so not no nor up down out into onto about around during against between among through without within " +
    "would will could should may might must can do does did also still only just then there here now")
    .split(" "),
);
const NOUN_PHRASE = /^(?:\s+of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|all\s+)?|\s+)([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,2})/u;

const OF_PHRASE = /^\s+of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|all\s+)?([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,2})/u;
/** "$3bn in aid": money is counted in what it buys. */
const MONEY_IN = /^\s+in\s+([\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,2})/u;

/**
 * What a number counts: the noun phrase after it ("2,400 dissidents", "two new prisons", "$15 million bounty"),
 * or after "of" ("52% of the votes"), or money's "in" ("$3bn in aid"). Up to three words, ending before a function word or a
 * verb form ("80 people killed" counts people).
 */
export function readCounted(tail: string, how: { money: boolean; measured: boolean; ofOnly: boolean }): string | null {
  const phrase = (how.money ? MONEY_IN.exec(tail)?.[1] : undefined) ?? (how.ofOnly ? OF_PHRASE : NOUN_PHRASE).exec(tail)?.[1];
  if (!phrase) return null;
  const kept: string[] = [];
  for (const word of phrase.split(/\s+/)) {
    if (COUNTED_STOP.has(word.toLowerCase()) || /ly$/.test(word)) break;
    if ((kept.length || how.measured) && /(?:ed|ing|en)$/.test(word)) break; // "80 people killed", "1 percent paid"
    if (kept.length && /^\p{Lu}/u.test(word) && !/^\p{Lu}/u.test(kept[0]!)) break; // "two new prisons Maduro …"
    kept.push(word);
    if (PLURAL.test(word)) break; // the head noun: "1 million jobs economists expected" counts jobs
  }
  return kept.length ? kept.join(" ") : null;
}

const PLURAL = /^\p{L}+[^su'’\W]s$|^(?:people|children|men|women|police|staff)$/iu;

export const isPersonNoun = (counted: string): boolean => {
  const head = counted.split(/\s+/).pop()!;
  return PERSON_NOUNS.has(head.toLowerCase()) || DEMONYM.test(head);
};

const HEDGE_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(${[...HEDGES].sort((a, b) => b.length - a.length).join("|")})\s+$`,
  "iu",
);
const HEDGE_AFTER = /^\s*(or more|or so|or less|or fewer|-plus|\+|-odd)(?!\p{L})/iu;

/** The hedge as written: "at least" in "at least 80 people", "or more" in "80 or more". */
export function readHedge(before: string, after: string): string | null {
  return HEDGE_BEFORE.exec(before)?.[1] ?? HEDGE_AFTER.exec(after)?.[1] ?? null;
}
