/**
 * Which pronoun a person takes, as far as the text and compromise's lexicon of first names tell: a title
 * (Mr., Mrs., Ms.), a gendered role word next to the name ("Congresswoman Lee"), a first name the lexicon knows as
 * male or female (~1,300 and ~1,800 of them), or another mention of the same surname that has one of those. Used only
 * to keep "she said" off a man and "he said" off a woman; unknown stays unknown (null), never a guess.
 */
import nlp from "compromise/two";
import type { AnnotationOf } from "../../records.js";

export type Gender = "male" | "female";

let firstNames: Map<string, Gender> | null = null;

function loadFirstNames(): Map<string, Gender> {
  if (firstNames) return firstNames;
  const lexicon = (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
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
  for (const person of people) {
    const before = text.slice(Math.max(0, person.span[0] - 16), person.span[0]);
    const words = person.name.split(/\s+/);
    const titled = MALE_BEFORE.test(before) ? "male" : FEMALE_BEFORE.test(before) ? "female" : null;
    const first = words.length > 1 ? lexicon.get(fold(words[0]!)) ?? null : null;
    const gender = titled ?? first;
    if (gender) note(person.name, gender);
  }
  return (name) => {
    const known = byName.get(name);
    if (known) return known;
    const words = name.split(/\s+/);
    if (words.length > 1) {
      const first = lexicon.get(fold(words[0]!));
      if (first) return first;
    }
    const surname = bySurname.get(words.at(-1)!);
    return surname && surname !== "both" ? surname : null;
  };
}
