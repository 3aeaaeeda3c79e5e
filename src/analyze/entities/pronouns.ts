/**
 * A pronoun's antecedent among the mentions before it, by the agreement rules of Lee et al. (2013)'s pronoun sieve
 * without a parser: "he"/"she" the nearest person before it whose sex does not contradict it (a first name the
 * lexicon knows, or "Mr."/"Mrs." before a mention); "it"/"its" the nearest organisation or place; "they" the
 * nearest organisation; a relative pronoun ("who", "which", "that") the mention it directly follows ("the maid,
 * who"). First- and second-person pronouns and "this"/"these" are left alone (in news they are a quote's speaker or
 * the reader, which the quotes analyzer reads).
 */
import type { EntityType, Span } from "../../records.js";
import { firstNameGender } from "./gazetteer.js";

export type Gender = "male" | "female";
export type PronounKind = "male" | "female" | "neuter" | "plural" | "relative";

const PRONOUNS: Record<string, PronounKind> = {
  he: "male", him: "male", his: "male", himself: "male",
  she: "female", her: "female", hers: "female", herself: "female",
  it: "neuter", its: "neuter", itself: "neuter",
  they: "plural", them: "plural", their: "plural", theirs: "plural", themselves: "plural",
  who: "relative", whom: "relative", whose: "relative", which: "relative", that: "relative",
};

/**
 * How far back a personal pronoun looks for its antecedent, in characters (four or five news sentences). Calibration:
 * on ECB+ train and dev gold mentions (eval/entity-coref.ts, CoNLL F1 per sub-topic) 300 gave 75.2 / 72.9, 600 and
 * anything longer 75.1 / 73.0: annotated pronouns nearly always have a person closer than that, so the bound only
 * keeps a stray "he" from reaching a name paragraphs back.
 */
export const MAX_PRONOUN_DISTANCE = 600;
/** A relative pronoun follows its antecedent directly: a comma, or an age between commas ("Tara Reid, 33, who"). */
const RELATIVE_GAP = /^\s*(?:,\s*\d{1,3}\s*)?,?\s*$/;
/** "a flaw in Internet Explorer that …": after a prepositional phrase the relative clause is the noun's before it. */
const PREPOSITION_GAP = /^\s+(?:in|of|on|for|at|from|with|to)\s+(?:the\s+|a\s+|an\s+)?$/i;

export interface Antecedent {
  span: Span;
  type: EntityType;
  name: string;
  /** What the mention stands for, for a relative pronoun that follows a description rather than a name. */
  ref: number;
  /** A description in the plural ("the robbers"). */
  plural?: boolean;
}

export function pronounKind(words: string): PronounKind | null {
  return PRONOUNS[words.trim().toLowerCase()] ?? null;
}

/**
 * The antecedent of the pronoun at `at` among `before` (mentions in text order, all of them before the pronoun or
 * overlapping none); `genderOf` tells a person's sex when the text or the name does.
 */
export function antecedentOf(text: string, at: Span, kind: PronounKind, before: readonly Antecedent[], genderOf: (a: Antecedent) => Gender | null): Antecedent | null {
  if (kind === "relative") {
    for (let i = before.length - 1; i >= 0; i--) {
      const a = before[i]!;
      if (a.span[1] > at[0]) continue;
      if (!RELATIVE_GAP.test(text.slice(a.span[1], at[0]))) return null;
      // The noun before the prepositional phrase: past other mentions of the same words (a name found and linked twice).
      let h = i - 1;
      while (h >= 0 && before[h]!.span[1] > a.span[0]) h--;
      const head = before[h];
      return head && PREPOSITION_GAP.test(text.slice(head.span[1], a.span[0])) ? head : a;
    }
    return null;
  }
  for (let i = before.length - 1; i >= 0; i--) {
    const a = before[i]!;
    if (a.span[1] > at[0]) continue;
    if (at[0] - a.span[1] > MAX_PRONOUN_DISTANCE) return null;
    if (kind === "male" || kind === "female") {
      if (a.type !== "person") continue;
      const gender = genderOf(a);
      if (gender && gender !== kind) continue;
      return a;
    }
    if (kind === "neuter" && (a.type === "org" || a.type === "place")) return a;
    // "they" is a plural description before it ("the robbers … they"), never an organisation: in news it is as often
    // the people of a story as the organisation named last.
    if (kind === "plural" && a.plural) return a;
  }
  return null;
}

const MALE_TITLE = /\b(?:Mr|Sir|Lord|King|Prince|Father|Congressman|Chairman|Spokesman|Councilman)\.?\s+$/;
const FEMALE_TITLE = /\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess|Sister|Congresswoman|Chairwoman|Spokeswoman|Councilwoman)\.?\s+$/;

/**
 * Each person's sex as the article tells it, by full name: a title before any of their mentions ("Mr. Smith"), or
 * the first name's ("Tara" is female). Unknown stays unknown: it never keeps a pronoun off a person.
 */
export function gendersOf(text: string, people: readonly { span: Span; name: string }[]): (name: string) => Gender | null {
  const byName = new Map<string, Gender>();
  for (const p of people) {
    if (byName.has(p.name)) continue;
    const before = text.slice(Math.max(0, p.span[0] - 14), p.span[0]);
    const titled: Gender | null = MALE_TITLE.test(before) ? "male" : FEMALE_TITLE.test(before) ? "female" : null;
    const words = p.name.split(/\s+/);
    const gender = titled ?? (words.length > 1 ? firstNameGender(words[0]!) : null);
    if (gender) byName.set(p.name, gender);
  }
  return (name) => byName.get(name) ?? null;
}
