/**
 * Which pronoun a person takes, as far as the text and compromise's lexicon of first names tell: a title
 * (Mr., Mrs., Ms.), a gendered role word next to the name ("Congresswoman Lee"), a first name the lexicon knows as
 * male or female (~1,300 and ~1,800 of them), or another mention of the same surname that has one of those. Used only
 * to keep "she said" off a man and "he said" off a woman; unknown stays unknown (null), never a guess.
 */
import { compromiseModel } from "../../_lib/compromise-model.js";
import type { AnnotationOf } from "../../records.js";

export type Gender = "male" | "female";

let firstNames: Map<string, Gender> | null = null;

function loadFirstNames(): Map<string, Gender> {
  if (firstNames) return firstNames;
  const lexicon = compromiseModel().one.lexicon;
  firstNames = new Map();
  for (const [word, tags] of Object.entries(lexicon)) {
    const list = Array.isArray(tags) ? tags : [tags];
    const male = list.includes("MaleName"), female = list.includes("FemaleName");
    if (male !== female) firstNames.set(word, male ? "male" : "female");
  }
  return firstNames;
}

const fold = (word: string): string => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const MALE_BEFORE = /\b(?:Mr|Congressman|Spokesman|Chairman|Businessman|Councilman|Assemblyman|King|Prince|Sir|Lord|Father|Brother)\.?\s$/;
const FEMALE_BEFORE = /\b(?:Mrs|Ms|Miss|Madam|Congresswoman|Spokeswoman|Chairwoman|Businesswoman|Councilwoman|Assemblywoman|Queen|Princess|Lady|Dame|Sister)\.?\s$/;

/** The gender each person entity of one text takes, by name; the first evidence found wins. */
export function genderByName(text: string, people: readonly AnnotationOf<"entity">[]): (name: string) => Gender | null {
  const bySurname = new Map<string, Gender | "both">();
  const byName = new Map<string, Gender>();
  const note = (name: string, gender: Gender) => {
    if (!byName.has(name)) byName.set(name, gender);
    const surname = name.split(/\s+/).at(-1)!;
    const known = bySurname.get(surname);
    bySurname.set(surname, known && known !== gender ? "both" : gender);
  };
  const lexicon = loadFirstNames();
  // A one-word name is a first name ("Melanie said") unless it is also someone's surname here.
  const surnames = new Set(people.map((p) => p.name.split(/\s+/)).filter((w) => w.length > 1).map((w) => fold(w.at(-1)!)));
  const byPronouns = new Map<string, Gender | "both">();
  for (const [i, person] of people.entries()) {
    const before = text.slice(Math.max(0, person.span[0] - 16), person.span[0]);
    const words = person.name.split(/\s+/);
    const titled = MALE_BEFORE.test(before) ? "male" : FEMALE_BEFORE.test(before) ? "female" : null;
    const firstWord = words.length > 1 || !surnames.has(fold(words[0]!)) ? words[0]! : null;
    const first = firstWord ? lexicon.get(fold(firstWord)) ?? null : null;
    const gender = titled ?? first;
    if (gender) note(person.name, gender);
    // Only a mention written out in full or bound to the one name it can be: a surname bound to the nearest of
    // several may be a relative's ("Scott" after Keith and Rakeyia Scott).
    const sure = text.slice(person.span[0], person.span[1]) === person.name || ("confidence" in person && (person.confidence ?? 0) >= SURE_BINDING);
    const pronouns = sure ? pronounsAfter(text, person, people[i + 1]) : null;
    if (pronouns) byPronouns.set(person.name, byPronouns.has(person.name) && byPronouns.get(person.name) !== pronouns ? "both" : pronouns);
  }
  // Evidence from the pronouns that follow a person is weaker than a title or a first name: used only for names
  // neither gives ("Rakeyia Scott can be heard yelling to the officers that her husband was unarmed").
  for (const [name, gender] of byPronouns) if (gender !== "both" && !byName.has(name) && !lexicon.has(fold(name.split(/\s+/)[0]!))) note(name, gender);
  return (name) => {
    const known = byName.get(name);
    if (known) return known;
    const words = name.split(/\s+/);
    if (words.length > 1) {
      const first = lexicon.get(fold(words[0]!));
      if (first) return first;
    }
    // A surname alone ("Clinton") takes the gender its full name has; a full name with an unknown first name does
    // not take a relative's ("Bill Clinton" is not his wife's gender).
    if (words.length > 1) {
      // "Wasserman Schultz" after "Debbie Wasserman Schultz": the full name it ends.
      for (const [full, gender] of byName) if (full.length > name.length && full.endsWith(` ${name}`)) return gender;
      return null;
    }
    const surname = bySurname.get(words.at(-1)!);
    return surname && surname !== "both" ? surname : null;
  };
}

/** The entities analyzer's confidence for a surname that ends one full name of the article (bind.ts: 0.9). */
const SURE_BINDING = 0.85;
/** How far after a person, within the sentence, a pronoun is read as theirs, in characters. */
const PRONOUN_REACH = 160;
/** A possessive ("her husband") is read as the person's only this close, before anyone else can be meant. */
const POSSESSIVE_REACH = 60;

/**
 * The gender of the pronouns between a person and the next person or the end of the sentence, when they all agree:
 * "she/herself" or "he/himself" ("Suu Kyi said she …"), or a possessive close by with no other person's noun before it
 * ("Rakeyia Scott can be heard yelling to the officers that her husband was unarmed"; not "my father began his studies").
 */
function pronounsAfter(text: string, person: AnnotationOf<"entity">, next: AnnotationOf<"entity"> | undefined): Gender | null {
  const end = Math.min(person.span[1] + PRONOUN_REACH, next ? next.span[0] : text.length);
  const stretch = text.slice(person.span[1], end);
  const sentenceEnd = stretch.search(/[.!?][”"]?\s|\n/);
  const words = (sentenceEnd < 0 ? stretch : stretch.slice(0, sentenceEnd)).replace(/[“"][^”"]*[”"]/g, (m) => " ".repeat(m.length));
  const close = words.slice(0, POSSESSIVE_REACH);
  const otherOwner = /\b(?:my|our|your|their)\s/i.exec(close)?.index ?? POSSESSIVE_REACH;
  const possessive = (re: RegExp) => { const m = re.exec(close); return m !== null && m.index < otherOwner; };
  const female = /\b(?:she|herself)\b/i.test(words) || possessive(/\bher\b/i);
  const male = /\b(?:he|himself)\b/i.test(words) || possessive(/\bhis\b/i);
  return female === male ? null : female ? "female" : "male";
}
