/**
 * What an article calls each name it gives, beyond the titles roles.ts knows: the common noun written right before
 * the name ("actress Tara Reid", "software giant Microsoft", "running back Reggie Bush") or in an appositive or
 * copula after it ("Tara Reid, the actress,", "Microsoft, the world's largest software maker,"). A later
 * description with that head ("the actress", "the software maker") is that name's, when one name of the article
 * was given it (Lee et al. 2013's role-appositive and predicate-nominative sieves, without a parser).
 *
 * Read from a bounded window next to each name (a few dozen characters), so every pattern runs in linear time.
 */
import type { Span } from "../../records.js";
import { STOPWORDS } from "../../_lib/text.js";
import type { MentionCandidate } from "./bind.js";

/** Characters read before and after a name. */
const WINDOW = 80;
/** Spaces only: a headline's last word is not what the name on the next line is ("… Zero Day flaw\n\nMicrosoft said"). */
const WORD_BEFORE = /(?:^|[\s"“(])(\p{Ll}[\p{Ll}-]{2,})[^\S\n\r]+$/u;
const APPOSITIVE = /^(?:,\s+(?:\d{1,3},\s+)?|\s+(?:is|was|remains|became)\s+)(?:a|an|the|its|his|her|[\p{Lu}][\p{L}.]*[’']s)\s+(?:[\p{L}\d-]+[’']?s?\s+){0,4}?(\p{Ll}[\p{Ll}-]{2,})(?=\s*(?:[,.;:)]|\s(?:who|which|that|of|at|in|for|and|with|from|to|on)\s))/u;
/** Words before a name that are not what it is: verbs of saying and the like, function words. */
const NOT_A_ROLE = new Set(["said", "says", "told", "according", "asked", "named", "called", "including", "like", "against",
  "unlike", "than", "featuring", "starring", "joined", "met", "beat", "defeated", "replaced", "succeeded", "whom", "per",
  "new", "former", "late", "embattled", "troubled"]);

export interface EstablishedRole {
  /** The head noun, singular, lower case ("actress", "giant"). */
  head: string;
  name: MentionCandidate;
  span: Span;
}

/** The roles the article gives its names, in text order. */
export function establishedRoles(text: string, found: readonly MentionCandidate[]): EstablishedRole[] {
  const out: EstablishedRole[] = [];
  for (const f of found) {
    if (f.via && f.via !== "name" && f.via !== "outlet") continue;
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, f.span[0] - WINDOW), f.span[0]));
    if (before && isRoleWord(before[1]!)) out.push({ head: singular(before[1]!), name: f, span: [f.span[0] - before[0].length + before[0].indexOf(before[1]!), f.span[1]] });
    const after = APPOSITIVE.exec(text.slice(f.span[1], f.span[1] + WINDOW));
    if (after && isRoleWord(after[1]!)) out.push({ head: singular(after[1]!), name: f, span: [f.span[0], f.span[1] + after[0].length] });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

const isRoleWord = (word: string): boolean => !STOPWORDS.has(word) && !NOT_A_ROLE.has(word) && !/(?:ed|ing|ly)$/.test(word);

/** "actresses" → "actress", "companies" → "company", "stars" → "star"; "boss" and "series" stay. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (/(?:ss|us|is|series|species)$/.test(w)) return w;
  if (/ies$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/**
 * The name a description with this head stands for: the one name the article gave that head before it (or, if
 * several, the nearest before). Null when the article gave it none.
 */
export function nameForDescription(roles: readonly EstablishedRole[], head: string, at: number): { role: EstablishedRole; only: boolean } | null {
  const fitting = roles.filter((r) => r.head === head && r.span[0] < at);
  if (!fitting.length) return null;
  const names = new Set(fitting.map((r) => r.name.name));
  return { role: fitting.at(-1)!, only: names.size === 1 };
}
