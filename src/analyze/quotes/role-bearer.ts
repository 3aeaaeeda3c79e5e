/**
 * Who holds the role a speaker is described by ("the Texas governor", "the former president", "the minority
 * leader"): a person the article gives that role in a title before a name ("Texas Gov. Rick Perry", "Senate Minority
 * Leader Harry Reid", "former President Bill Clinton") or an appositive after it ("Perry, the governor of Texas,"),
 * anywhere before in the article: a profile names the role once and uses it pages later. "Former" must agree (the former
 * president is not "President Obama"), and the description's narrowing words ("Vermont", "Republican") pick among
 * several holders when the titles carry them.
 *
 * Roles that are someone else's ("the spokesman", "the aide", "the lawyer") never fall back to whom the text is
 * about: the prime minister's spokesman is not the prime minister.
 */
import type { AnnotationOf, Span } from "../../records.js";

/** Abbreviated titles that stand for a role head before a name. */
const TITLE_FOR: Record<string, string> = { gov: "governor", sen: "senator", rep: "representative", pres: "president", gen: "general", atty: "attorney", sec: "secretary", dr: "doctor", rev: "reverend" };
/** Description heads that a title names by another word: "the congressman" is "Rep. Alan Grayson". */
const TITLED_AS: Record<string, string> = { congressman: "representative", congresswoman: "representative", chairwoman: "chairman", chair: "chairman" };
/** Heads that stand for one person of several under another's name: bound only by a title or appositive. */
const RELATIONAL_HEAD = new Set([
  "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer", "attorney", "strategist", "pollster", "host", "anchor", "columnist", "judge",
  // Kin and company: "his wife whispered", "the friend said" are never the person the text is about.
  "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "friend", "neighbor", "neighbour", "colleague", "partner",
  "boyfriend", "girlfriend", "fiancé", "fiancée", "cousin", "uncle", "aunt", "nephew", "niece", "widow", "widower", "relative", "child", "parent",
  "grandmother", "grandfather", "boss", "employee", "client", "student", "teacher", "coach", "witness", "roommate", "classmate",
  // Plain people: "the woman, who spoke on the condition of anonymity", "the man said" are someone the text does not name.
  "man", "woman", "boy", "girl", "person", "resident", "voter", "worker", "stranger",
]);
const FORMER = /\b(?:former|ex-|then-|onetime|one-time)\s?/i;
/** Words of a description that narrow nothing by themselves. */
const PLAIN = new Set(["the", "this", "that", "former", "ex", "then", "onetime", "one-time"]);

export interface RoleHolding {
  /** The description's head noun ("governor"), lower case. */
  head: string;
  /** The name the article gives that role, or null when no one holds it there. */
  holder: string | null;
  /** Someone else's role (spokesman, aide): never to be guessed from whom the text is about. */
  relational: boolean;
}

/** `words`: the description without "himself"/"herself". `isHead`: the person nouns a description may end on. */
export function roleHolding(text: string, cue: Span, words: string, people: readonly AnnotationOf<"entity">[], isHead: (word: string) => boolean): RoleHolding | null {
  const tokens = words.split(/\s+/);
  const head = tokens.at(-1)!.toLowerCase();
  if (!isHead(head)) return null;
  const former = FORMER.test(words);
  const narrowing = tokens.slice(0, -1).filter((w) => /^\p{Lu}/u.test(w) && !PLAIN.has(w.toLowerCase())).map(stemOf);
  const titledAs = TITLED_AS[head] ?? head;
  const asWord = new RegExp(String.raw`\b(?:${head}|${titledAs})\b`, "i");
  const holders = new Map<string, { at: number; narrowed: boolean }>();
  for (const p of people) {
    if (p.span[0] >= cue[0]) break;
    const before = text.slice(Math.max(0, p.span[0] - 50), p.span[0]);
    const apposition = /^,\s(?:a|an|the|\p{Lu}[\p{L}.]*[’']s)\s[^,.;]{0,60}/u.exec(text.slice(p.span[1], p.span[1] + 72))?.[0] ?? "";
    // "The mayor, Karen Bass, defended …": the role before the name, set off by a comma.
    const leading = /(?:^|[.!?]\s+|\n|,\s)((?:the|The|\p{Lu}[\p{L}.]*[’']s)\s(?:[\p{L}.’'-]+\s){0,4}?[\p{L}-]+),\s$/u.exec(before)?.[1] ?? "";
    const said = titleOf(before, asWord, titledAs) ?? (asWord.test(apposition) ? apposition : null) ?? (asWord.test(leading) ? leading : null);
    if (said === null || FORMER.test(said) !== former) continue;
    const saidStems = said.split(/[\s,]+/).map(stemOf);
    const narrowed = narrowing.length > 0 && narrowing.every((n) => saidStems.includes(n));
    // The mention nearest before the cue counts (people are in text order).
    holders.set(p.name, { at: p.span[0], narrowed: narrowed || (holders.get(p.name)?.narrowed ?? false) });
  }
  const all = [...holders.entries()];
  const narrowedOnes = all.filter(([, h]) => h.narrowed);
  const pool = narrowedOnes.length ? narrowedOnes : all;
  const chosen = pool.sort(([, a], [, b]) => b.at - a.at)[0];
  return { head, holder: chosen?.[0] ?? null, relational: RELATIONAL_HEAD.has(head) };
}

/**
 * The title right before a name that carries the role: "Texas Gov. ", "Senate Minority Leader ", "former Secretary of
 * State ". Only capitalised words, "of" and "state" may stand between the role word and the name: in "Governor Chris
 * Christie endorsed Donald Trump" the governor is not Trump.
 */
function titleOf(before: string, asWord: RegExp, titledAs: string): string | null {
  const words = [...before.matchAll(/[\p{L}.’'-]+/gu)];
  for (let i = words.length - 1; i >= Math.max(0, words.length - 6); i--) {
    const word = words[i]![0];
    const abbreviation = word.toLowerCase().replace(/\.$/, "");
    if (asWord.test(word) || TITLE_FOR[abbreviation] === titledAs) {
      const between = before.slice(words[i]!.index! + word.length);
      return /^[\s.]*(?:(?:\p{Lu}[\p{L}.’'-]*|of|state)\s+)*$/u.test(between) ? before.slice(Math.max(0, words[i]!.index! - 30)) : null;
    }
    if (!/^\p{Lu}|^(?:of|state)$/u.test(word) && !isFormer(word)) return null;
  }
  return null;
}

const isFormer = (word: string): boolean => /^(?:former|ex-?|then-?|onetime|one-time)$/i.test(word);

const stemOf = (word: string): string => {
  const plain = word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']s$/, "").replace(/[^\p{L}-]/gu, "");
  return plain.length > 5 ? plain.slice(0, 5) : plain;
};
