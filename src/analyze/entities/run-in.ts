/**
 * Names the chunker ran together because nothing between them was punctuation: a team before a player's name in a
 * headline ("Chargers Jamal Williams arrested"), a missing full stop ("… against the Steelers Jackson enjoyed …"),
 * and a role after a name ("Dr. Sanjay Gupta Surgeon General"). Each is split where the text says a new name or a
 * role begins, so the person's name meets their other mentions and the team stays a team.
 */
import type { Word } from "./chunk.js";
import { isCommonWord, isKnownAs, type Known, knownAs } from "./gazetteer.js";

export interface RunIn {
  /** The words before the person's name (a team, a body), possibly empty. */
  before: Word[];
  name: Word[];
}

/** "San Francisco", "Fort Bragg", "Lake Charles": places these open take a first name after them. */
const PLACE_OPENER = /^(San|Santa|Santo|São|Los|Las|St\.?|Saint|Fort|Ft\.?|Port|Mount|Mt\.?|Lake|Cape|Camp|Hurricane|Typhoon|Storm|Tropical)$/;
/** "Chargers", "Steelers", "Democrats": a plural noun; not "Christmas", "Acropolis", "Texas", "Mass." (a, i, s, u before the s). */
const PLURAL = /^\p{Lu}\p{Ll}+[^suai'’]s$/u;

/**
 * "Chargers Jamal Williams" → ["Chargers"], ["Jamal Williams"]: a known first name inside the run, followed by a
 * surname, after words that are no first name themselves ("Martin Luther King" and "Mary Jane Smith" stay whole).
 * "the Steelers Jackson" → ["Steelers"], ["Jackson"]: after "the", a plural first word is a team or a body, not
 * the start of a person's name (people are not "the Jackson").
 */
export function splitRunIn(words: readonly Word[], afterThe: boolean): RunIn | null {
  if (words.length < 2 || isKnownAs(words[0]!.text, "first-name")) return null;
  for (let k = 1; k < words.length - 1; k++) {
    if (!isKnownAs(words[k]!.text, "first-name") || !/^\p{Lu}\p{Ll}/u.test(words[k + 1]!.text)) continue;
    if (k === 1 && PLACE_OPENER.test(words[0]!.text)) return null; // "Lake Charles", "Fort Worth" (not "Los Angeles Angels GM Tony Reagins")
    if (words.slice(0, k).some((w) => !/^\p{Lu}/u.test(w.text))) return null; // "Bank of …": a joined name, not a run-in
    return { before: words.slice(0, k), name: words.slice(k) };
  }
  const last = words.at(-1)!.text;
  // "the Texas Rangers", "the Jonas Brothers": a place or a plural common noun after it is one name, not a run-in.
  const personAfter = isKnownAs(last, "surname") || isKnownAs(words[1]!.text, "first-name") || !isCommonWord(last);
  if (afterThe && isPluralName([words[0]!]) && personAfter && /^\p{Lu}\p{Ll}/u.test(words[1]!.text)) {
    return { before: [words[0]!], name: words.slice(1) };
  }
  return null;
}

/** A plural word alone before a name ("Chargers", "Steelers"): a team or a body, an organisation; not "Texas" or "Jonas". */
export function isPluralName(words: readonly Word[]): boolean {
  if (words.length !== 1 || !PLURAL.test(words[0]!.text)) return false;
  const known = knownAs(words[0]!.text);
  return !known || !NOT_PLURAL_NOUNS.some((k) => known.has(k));
}
const NOT_PLURAL_NOUNS: Known[] = ["surname", "first-name", "person", "country", "region", "city", "place"];
