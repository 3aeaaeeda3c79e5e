/**
 * Values the number and date analyzers do not give as comparable quantities, read from a sentence's words:
 * - a named person's age ("21-year-old Jesse Dobbs", "Herbert Lattin, 35,"): one person has one age, so two ages of
 *   one full name are a dispute wherever they are said (key: the name's first and last words);
 * - a time of day ("about 10:30 p.m.", "just after 11 p.m.", "10:45 p.m."), with the span its hedge allows and the
 *   role of what happened then (a shooting against an arrest: quantity.ts's roles), so that two times of one
 *   happening that cannot both hold are a dispute.
 * Each pattern is a bounded alternation over one sentence (linear time).
 */
import { foldName } from "../../_lib/text.js";
import { roleOf } from "./quantity.js";

export interface PointValue {
  kind: "age" | "time";
  /** What it is the value of: "age|jesse dobbs", "time". */
  key: string;
  /** For a time: what happened then (quantity.ts's roles: "shot", "arrest"), or "". */
  role: string;
  /** Minutes after midnight for a time, years for an age. */
  lo: number;
  hi: number;
  /** As written ("about 10:30 p.m.", "21-year-old"), with its offset in the sentence. */
  text: string;
  index: number;
}

const NAME = String.raw`(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2})`;
const AGE_BEFORE = new RegExp(String.raw`\b(\d{1,3})-year-old\s+(?:[\p{Ll}'’-]+\s+){0,2}?${NAME}`, "gu");
const AGE_AFTER = new RegExp(String.raw`${NAME},\s+(\d{1,3}),`, "gu");
const TIME = /\b(?:(about|around|approximately|roughly|shortly after|just after|soon after|shortly before|just before)\s+)?(\d{1,2})(?::(\d{2}))?\s?([ap])\.?\s?m\b\.?/gi;
/** How far a hedge reaches around a time (minutes); an unhedged time is read as given to the nearest few minutes. */
const ABOUT_MINUTES = 15;
const AFTER_MINUTES = 20;
const EXACT_MINUTES = 5;
/** Words around a time that say what happened then; a role is read in this many characters either side. */
const TIME_ROLE_WINDOW = 90;

const nameKey = (name: string): string => {
  const words = foldName(name).split(" ").filter((w) => w.length > 1);
  return words.length >= 2 ? `${words[0]} ${words.at(-1)}` : "";
};

export function pointValuesOf(sentence: string): PointValue[] {
  const out: PointValue[] = [];
  for (const m of sentence.matchAll(AGE_BEFORE)) {
    const key = nameKey(m[2]!);
    if (key) out.push({ kind: "age", key: `age|${key}`, role: "", lo: Number(m[1]), hi: Number(m[1]), text: `${m[1]}-year-old`, index: m.index! });
  }
  for (const m of sentence.matchAll(AGE_AFTER)) {
    const key = nameKey(m[1]!);
    if (key) out.push({ kind: "age", key: `age|${key}`, role: "", lo: Number(m[2]), hi: Number(m[2]), text: `${m[1]}, ${m[2]}`, index: m.index! });
  }
  for (const m of sentence.matchAll(TIME)) {
    const hour = Number(m[2]) % 12 + (m[4]!.toLowerCase() === "p" ? 12 : 0);
    const minutes = hour * 60 + Number(m[3] ?? 0);
    if (Number(m[2]) > 12 || Number(m[3] ?? 0) > 59) continue;
    const hedge = (m[1] ?? "").toLowerCase();
    const [lo, hi] = /after/.test(hedge) ? [minutes, minutes + AFTER_MINUTES]
      : /before/.test(hedge) ? [minutes - AFTER_MINUTES, minutes]
      : hedge ? [minutes - ABOUT_MINUTES, minutes + ABOUT_MINUTES]
      : [minutes - EXACT_MINUTES, minutes + EXACT_MINUTES];
    const around = sentence.slice(Math.max(0, m.index! - TIME_ROLE_WINDOW), Math.min(sentence.length, m.index! + m[0].length + TIME_ROLE_WINDOW));
    if (!HAPPENING.test(around)) continue;
    out.push({ kind: "time", key: "time", role: roleOf(around), lo, hi, text: m[0].trim(), index: m.index! });
  }
  return out;
}

/**
 * A time is compared only when the words around it say something happened then ("happened", "was shot", "opened
 * fire", "struck"): "entered the party around 4 p.m." and "police were called around 6 p.m." time two moments.
 */
const HAPPENING = /\b(?:happened|occurred|took place|shot|shooting|fired|firing|opened fire|struck|hit|erupted|broke out|crashed|collapsed|exploded|killed|died|stabbed|attacked)\b/i;

/** The harm itself: a time said of "the incident" or "the shooting" is the time of these, not of an arrest. */
const INCIDENT_ROLES = new Set(["shot", "death", "injury"]);
const sameHappening = (a: string, b: string): boolean => a === b || (!a && INCIDENT_ROLES.has(b)) || (!b && INCIDENT_ROLES.has(a));

/** Two values of one thing that cannot both hold: an age given twice differently, two times whose spans do not meet. */
export const pointsDisagree = (a: PointValue, b: PointValue): boolean =>
  a.key === b.key && sameHappening(a.role, b.role) && (a.hi < b.lo || b.hi < a.lo);
