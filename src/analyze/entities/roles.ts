/**
 * Roles in news prose: the title before a name ("Texas Gov. Rick Perry", "Venezuelan President Nicolás Maduro",
 * "former President Bill Clinton"), the appositive after it ("Jane Smith, the city's mayor,") and the role
 * descriptions that later stand for the person ("the governor", "the Texas governor", "Venezuela's president",
 * "the four-term congressman", "the president of Venezuela"). A role is its head (canonical: "gov." and "governor"
 * are one; "vice president" is not "president"), whether it is a former one, and the words that narrow it.
 *
 * Read by scanning words (one linear pass of a simple word regex), never by a regex over whole sentences.
 */
import type { Span } from "../../records.js";

export interface Role {
  head: string;
  former: boolean;
  /** Folded stems of the narrowing words ("texas", "venez", "four-term"). */
  modifiers: string[];
  /** Where the text says it: the title and name, the appositive, or the description. */
  span: Span;
}

/** The head nouns of roles that bind a description to a person, by every spelling news uses (abbreviations too). */
const HEADS: Record<string, string> = {
  president: "president", pres: "president", governor: "governor", gov: "governor", senator: "senator", sen: "senator",
  representative: "representative", rep: "representative", congressman: "representative", congresswoman: "representative",
  congressmember: "representative", mayor: "mayor", chancellor: "chancellor", premier: "premier", king: "king",
  queen: "queen", prince: "prince", princess: "princess", pope: "pope", emir: "emir", sheikh: "sheikh", judge: "judge",
  ambassador: "ambassador", envoy: "envoy", spokesman: "spokesperson", spokeswoman: "spokesperson",
  spokesperson: "spokesperson", director: "director", chairman: "chair", chairwoman: "chair", chair: "chair",
  ceo: "chief executive", commissioner: "commissioner", minister: "minister", secretary: "secretary", general: "general",
  gen: "general", colonel: "colonel", col: "colonel", sheriff: "sheriff", superintendent: "superintendent",
  councilman: "council member", councilwoman: "council member", councillor: "council member", councilor: "council member",
  speaker: "speaker", coach: "coach", founder: "founder", prosecutor: "prosecutor", dictator: "dictator",
  strongman: "strongman", leader: "leader", candidate: "candidate", nominee: "nominee", lawmaker: "lawmaker",
  treasurer: "treasurer", comptroller: "comptroller", administrator: "administrator", commander: "commander",
};
/** Two-word heads read as one role ("vice president" is not "president"; "prime minister" is not any minister). */
const COMPOUNDS: Record<string, string> = {
  "vice president": "vice president", "prime minister": "prime minister", "attorney general": "attorney general",
  "chief executive": "chief executive", "secretary-general": "secretary-general", "lieutenant governor": "lieutenant governor",
  "lt gov": "lieutenant governor", "foreign minister": "foreign minister", "police chief": "police chief",
  "fire chief": "fire chief", "district attorney": "district attorney", "chief justice": "chief justice",
  "press secretary": "press secretary", "house speaker": "speaker", "state senator": "state senator",
  "national security adviser": "national security adviser", "security adviser": "national security adviser",
};
/** Words that may sit in a title or description without ending it ("former", "then-", "acting", "four-term"). */
const FORMER = new Set(["former", "ex", "then", "onetime", "one-time", "erstwhile"]);
const MAX_MODIFIERS = 4;

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu;
const TRAILING = new Set([..."’'.-"].map((c) => c.charCodeAt(0)));

export function wordsIn(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let raw = m[0];
    // Most words end in a letter: the trailing-punctuation rules run only for those that do not.
    if (!TRAILING.has(raw.charCodeAt(raw.length - 1))) {
      out.push({ text: raw, lower: raw.toLowerCase(), start: m.index!, end: m.index! + raw.length });
      continue;
    }
    raw = raw.replace(/[’'-]+$/u, "");
    // "Gov." and "U.S." keep their period; a sentence's last word does not.
    if (raw.endsWith(".") && !/^\p{Lu}\p{Ll}{0,3}\.$/u.test(raw) && !/\p{L}\.\p{L}\.$/u.test(raw)) raw = raw.replace(/\.+$/, "");
    out.push({ text: raw, lower: raw.toLowerCase().replace(/\.$/, ""), start: m.index!, end: m.index! + raw.length });
  }
  return out;
}

/** The role head at words[i] (reading a compound with the word before it), and where the head starts. */
/** The words a role can end with: most words end none, and are passed over with one Set lookup. */
const HEAD_ENDS = new Set([...Object.keys(HEADS), ...Object.keys(COMPOUNDS).map((c) => c.slice(c.lastIndexOf(" ") + 1)), "secretary"]);

export function headAt(words: readonly Word[], i: number): { head: string; first: number } | null {
  const w = words[i]!;
  if (!HEAD_ENDS.has(w.lower)) return null;
  const prev = words[i - 1];
  if (prev && onlySpace(prev, w)) {
    const pair = `${prev.lower.replace(/[’']s$/, "")} ${w.lower}`;
    const three = words[i - 2] && onlySpace(words[i - 2]!, prev) ? `${words[i - 2]!.lower} ${pair}` : "";
    if (three && COMPOUNDS[three]) return { head: COMPOUNDS[three]!, first: i - 2 };
    if (COMPOUNDS[pair]) return { head: COMPOUNDS[pair]!, first: i - 1 };
  }
  if (w.lower === "secretary" && words[i + 2]?.lower === "state" && words[i + 1]?.lower === "of") return { head: "secretary of state", first: i };
  const head = HEADS[w.lower];
  return head ? { head, first: i } : null;
}

export const onlySpace = (a: Word, b: Word, text?: string): boolean => b.start - a.end <= 2 && (text === undefined || /^\s*$/.test(text.slice(a.end, b.start)));

/** A narrowing word's stem: "Venezuela's" and "Venezuelan" → "venez"; "Texas" → "texas"; "four-term" kept. */
export function stem(word: string): string {
  const plain = word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']s$/, "");
  return /^\p{L}+$/u.test(plain) && plain.length > 5 ? plain.slice(0, 5) : plain;
}

/** A word that names a role or a courtesy title ("Attorney-General", "VP", "Dr."), not part of a person's name. */
export function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, "");
  return HEAD_ENDS.has(lower) || COURTESY.has(lower) || lower.split("-").some((part) => HEADS[part] !== undefined);
}

const COURTESY = new Set(["mr", "mrs", "ms", "dr", "prof", "sir", "dame", "rev", "vp", "sgt", "lt", "capt", "cpl", "det", "insp", "supt", "atty", "gov", "sen", "rep"]);

export const isFormer = (lower: string): boolean => FORMER.has(lower.replace(/-$/, ""));

/**
 * The role in the words right before a name ("Texas Gov. Rick Perry", "former Secretary of State Hillary Clinton"):
 * the nearest head, and the capitalised places, demonyms and "former" before it, in one run of words.
 */
export function titleBefore(text: string, words: readonly Word[], nameIndex: number, nameEnd: number): Role | null {
  let i = nameIndex - 1;
  let found: { head: string; first: number } | null = null;
  // "Secretary of State Marco Rubio": the head may end two words before the name.
  for (let k = i; k >= Math.max(0, nameIndex - 3) && !found; k--) {
    if (!onlySpace(words[k]!, words[k + 1]!, text)) break;
    found = headAt(words, k);
    if (found && words[k + 1] && k + 1 < nameIndex && !/^(of|state)$/.test(words[k + 1]!.lower)) found = null;
    if (found) i = found.first;
  }
  if (!found) return null;
  const modifiers: string[] = [];
  let former = false;
  let first = i;
  for (let k = i - 1; k >= 0 && modifiers.length < MAX_MODIFIERS && onlySpace(words[k]!, words[k + 1]!, text); k--) {
    const w = words[k]!;
    if (isFormer(w.lower)) former = true;
    else if (/^\p{Lu}/u.test(w.text) && !HEADS[w.lower]) modifiers.push(stem(w.text));
    else break;
    first = k;
  }
  return { head: found.head, former, modifiers, span: [words[first]!.start, nameEnd] };
}

/** ", the city's mayor," / ", a Republican senator from Texas," / ", Venezuela's president,": the role in an appositive. */
export function appositiveRole(text: string, words: readonly Word[], afterName: number, nameStart: number): Role | null {
  const next = words[afterName];
  if (!next || !/^\s*,\s*$/.test(text.slice(words[afterName - 1]!.end, next.start))) return null;
  const modifiers: string[] = [];
  let former = false;
  for (let k = afterName; k < Math.min(words.length, afterName + 8); k++) {
    const w = words[k]!;
    if (k > afterName && !onlySpace(words[k - 1]!, w, text)) return null;
    const head = headAt(words, k);
    if (head) {
      const of = words[k + 1]?.lower === "of" && words[k + 2] && /^\p{Lu}/u.test(words[k + 2]!.text) ? stem(words[k + 2]!.text) : null;
      return { head: head.head, former, modifiers: of ? [...modifiers, of] : modifiers, span: [nameStart, (of ? words[k + 2]! : w).end] };
    }
    if (isFormer(w.lower)) former = true;
    else if (/^\p{Lu}/u.test(w.text)) modifiers.push(stem(w.text));
  }
  return null;
}

const COPULA = new Set(["is", "was", "became", "remains", "serves", "served"]);
const COPULA_SKIP = new Set(["as", "now", "still", "also", "currently", "then", "been", "has", "had"]);

/**
 * "Jane Smith is the city's mayor", "Smith, 54, was the Texas governor", "Smith serves as the district attorney":
 * a copula right after the name (an age between commas aside) that gives the role.
 */
export function copulaRole(text: string, words: readonly Word[], afterName: number, nameStart: number): Role | null {
  let k = afterName;
  if (words[k] && /^\d{1,3}$/.test(words[k]!.text) && /^\s*,\s*$/.test(text.slice(words[k - 1]!.end, words[k]!.start))) k++;
  const verb = words[k];
  if (!verb || !COPULA.has(verb.lower) || !/^[\s,]*$/.test(text.slice(words[k - 1]!.end, verb.start))) return null;
  const modifiers: string[] = [];
  let former = false;
  for (let j = k + 1; j < Math.min(words.length, k + 8); j++) {
    const w = words[j]!;
    if (!onlySpace(words[j - 1]!, w, text)) return null;
    const head = headAt(words, j);
    if (head) return { head: head.head, former, modifiers, span: [nameStart, w.end] };
    if (isFormer(w.lower)) former = true;
    else if (/^\p{Lu}/u.test(w.text)) modifiers.push(stem(w.text));
    else if (!COPULA_SKIP.has(w.lower) && !/^(the|a|an|[\p{Ll}-]+[’']s|[\p{Ll}\d-]+)$/u.test(w.lower)) return null;
  }
  return null;
}

