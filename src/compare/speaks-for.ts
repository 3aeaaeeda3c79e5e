/**
 * Whom a source speaks for, read from the words the articles use for it, so that independence counts bodies and
 * the people who speak for them once (DOMAIN.md: independent sources are distinct primary sources):
 * - a person's role, from the title before a mention ("Police Chief Maria Santangelo", "Trooper Ana Velasquez") or
 *   the apposition after it ("Howard Lin, the city's finance director,"), gives the bodies the person speaks for
 *   ("police"; "patrol"; "finance");
 * - a body's core words are its name without determiners, its owner's place and the generic organisation nouns
 *   ("the city's finance department" → "finance");
 * - a generic reference names no one in particular ("the company", "official figures", "officers"): it stands for
 *   the one specific source of its class that the claim's other wordings name (independence.ts).
 * Role words are a small lexicon of how news names the people who speak for public bodies (a trooper speaks for
 * the state police or highway patrol, a deputy for the sheriff, a superintendent for the school district): general
 * newsroom knowledge, not tuned to any story.
 */
import { foldName } from "../_lib/text.js";

/** Words that never tell two bodies apart ("the city's", "local", "department"); on folded names. */
const FILLER = new Set(
  ("the a an its their his her our local city s state s county s town s country s nation s village s " +
    "department dept office agency bureau service services ministry division administration authority unit spokesman spokeswoman spokesperson " +
    "of for in on at and").split(" "),
);
/** Heads of role phrases: they say what the person is, not whom they speak for. */
const ROLE_HEADS = new Set(
  ("chief head director manager executive officer officers supervisor spokesman spokeswoman spokesperson commissioner secretary " +
    "chair chairman chairwoman president administrator coordinator official spokesmen deputy sgt sergeant lt lieutenant captain dr mr mrs ms").split(" "),
);
/** Role words that name the body they belong to by themselves (general newsroom usage). */
const ROLE_BODY: Record<string, string[]> = {
  trooper: ["patrol", "police"], troopers: ["patrol", "police"],
  deputy: ["sheriff"], deputies: ["sheriff"], sheriff: ["sheriff"],
  officer: ["police"], officers: ["police"], sergeant: ["police"], sgt: ["police"], lieutenant: ["police"], lt: ["police"],
  detective: ["police"], detectives: ["police"], cops: ["police"], investigators: ["police", "sheriff"], patrolman: ["police"],
  superintendent: ["district", "schools", "school"],
  firefighters: ["fire"], firefighter: ["fire"], marshal: ["fire"],
};

/** Law enforcement named without a name: one force of the story (the police, "officers", "investigators"). */
const LAW_WORDS = new Set(["police", "officers", "investigators", "detectives", "deputies", "troopers", "cops", "authorities", "sheriff", "patrol", "law enforcement"]);
/** Data named without its issuer: "official figures", "the study", "data compiled over the weekend", "the release". */
const DATA_WORDS = new Set(["data", "figures", "statistics", "numbers", "records", "record", "report", "study", "survey", "release", "statement", "documents", "estimate", "estimates", "tally", "count"]);
/** A company named without its name. */
const COMPANY_WORDS = new Set(["company", "firm", "retailer", "airline", "automaker", "carrier", "chain", "manufacturer", "employer", "operator", "owner", "developer", "lender", "insurer", "utility"]);
/** Modifiers a generic reference may carry ("official figures", "the latest data", "government data"). */
const GENERIC_MODIFIERS = new Set(["the", "a", "an", "its", "their", "official", "government", "new", "latest", "recent", "most", "preliminary", "annual", "federal", "state", "local", "police", "court", "public", "press", "written"]);

export type GenericClass = "law" | "data" | "company";

/**
 * The class of a reference that names no one in particular, or null for a specific name. Proper names (a capital
 * after the first letter) are specific: "Granger police" is a force, "police" is whichever the story has.
 */
export function genericClass(name: string): GenericClass | null {
  if (/\p{Lu}/u.test(name.slice(1).replace(/\b(?:The|A|An|US|U\.S\.)\b/g, ""))) return null;
  const words = foldName(name).split(" ").filter(Boolean);
  // "data compiled throughout the weekend", "figures from the mayor's office" are taken by their head only when
  // what follows is a participle phrase; a "from"/"by" phrase names the issuer (not generic).
  const cut = words.findIndex((w) => w.endsWith("ed") || w === "from" || w === "by" || w === "of");
  if (cut >= 0 && (words[cut] === "from" || words[cut] === "by" || words[cut] === "of")) return null;
  const head = (cut >= 0 ? words.slice(0, cut) : words).filter((w) => !GENERIC_MODIFIERS.has(w));
  const phrase = head.join(" ");
  if (head.length === 1 && LAW_WORDS.has(phrase)) return "law";
  if (phrase === "law enforcement" || phrase === "law enforcement officials" || phrase === "police officials" || phrase === "police officers") return "law";
  if (head.length === 1 && DATA_WORDS.has(phrase)) return "data";
  if (head.length === 1 && COMPANY_WORDS.has(phrase)) return "company";
  return null;
}

/**
 * A name that is a body's, whatever kind the analyzer gave it ("The State Highway Patrol said" read as a person):
 * it holds an organisation noun.
 */
export function isBodyName(name: string): boolean {
  return ORG_NOUN.test(name);
}
const ORG_NOUN = /\b(?:patrol|police|department|dept|office|agency|bureau|service|ministry|commission|council|board|authority|district|administration|company|corporation|inc|union|association|chamber|committee|institute|university|hospital|court)\b/i;

/** The words of a body's name that tell it from another body: "the city's finance department" → ["finance"]. */
export function coreWords(name: string): string[] {
  return foldName(name).split(" ").filter((w) => w && !FILLER.has(w) && w !== "s");
}

/** The bodies a role speaks for: "police chief" → police; "the city's finance director" → finance; "trooper" → patrol, police. */
export function bodiesOfRole(role: string): Set<string> {
  const out = new Set<string>();
  for (const w of coreWords(role)) {
    for (const body of ROLE_BODY[w] ?? []) out.add(body);
    if (!ROLE_HEADS.has(w) && !ROLE_BODY[w]) out.add(w);
  }
  return out;
}

/** Law enforcement by its words: a body whose core is a force ("Granger police", "the sheriff's office", "State Police"). */
export function isLawBody(name: string): boolean {
  return coreWords(name).some((w) => w === "police" || w === "sheriff" || w === "patrol" || w === "troopers" || w === "deputies");
}

/** The roles the articles give a person, folded: titles before their mentions and appositions after them. */
export function rolesInText(text: string, start: number, end: number): string[] {
  const roles: string[] = [];
  const before = TITLE_RUN.exec(text.slice(Math.max(0, start - 60), start));
  if (before?.[1]) roles.push(before[1]);
  const after = APPOSITION.exec(text.slice(end, end + 90));
  if (after?.[1]) roles.push(after[1]);
  const preceding = PRECEDING_APPOSITION.exec(text.slice(Math.max(0, start - 90), start));
  if (preceding?.[1]) roles.push(preceding[1]);
  return roles.map(foldName);
}

/** Capitalised title words right before a name: "Police Chief", "State Police Sgt.", "Town Supervisor". Bounded. */
const TITLE_RUN = /((?:\p{Lu}[\p{L}.'’-]{1,20}\s){1,4})$/u;
/** ", the hospital's chief medical officer," / ", a spokeswoman for the sheriff's office." after a name. */
const APPOSITION = /^,\s((?:the|a|an)\s[^,.;"“”]{3,80}?)(?:[,.;]|\ssaid\b)/iu;
/** "The hospital's chief medical officer, Dr. Lena Hartmann", "…, the city's finance director, Howard Lin": the role before the comma (not "In a statement, Hollis"). */
const PRECEDING_APPOSITION = /(?:^|[.!?,]\s+|\n)((?:the|a|an)\s[^,.;"“”]{3,70}),\s(?:(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Sgt|Capt|Det)\.\s)?$/iu;

/** "the mayor's office", "figures from the mayor's office", "the governor's spokesman" → "mayor"; on the raw name. */
export function officeOwner(name: string): string | null {
  const m = OFFICE_OF.exec(foldName(name));
  return m?.[1] ?? null;
}
const OFFICE_OF = /(?:^|\s)([a-z]+) s (?:office|spokesman|spokeswoman|spokesperson|aides?|staff|campaign|press secretary)$/;

/** "the city", "City Hall", "the county government": a place's government named by the place alone; on the raw name. */
export function placeGovernment(name: string): string | null {
  return PLACE_GOVERNMENT.exec(foldName(name))?.[1] ?? null;
}
const PLACE_GOVERNMENT = /^(?:the )?(city|county|state|town|village)(?: hall| government| administration)?$/;

/**
 * A role that speaks for a place's government: its executive or spokesperson ("city manager", "county
 * administrator", "the town's spokeswoman"), its mayor, a state's governor. A council member is not its voice.
 */
export function speaksForPlace(roles: readonly string[], place: string): boolean {
  return roles.some((r) => {
    const words = ` ${r} `;
    if (place === "state" && words.includes(" governor ")) return true;
    if ((place === "city" || place === "town" || place === "village") && words.includes(" mayor ")) return true;
    return (words.includes(` ${place} `) || words.includes(` ${place} s `)) && PLACE_VOICE.test(r);
  });
}
const PLACE_VOICE = /\b(?:manager|administrator|executive|spokes(?:man|woman|person)|supervisor|mayor)\b/;
