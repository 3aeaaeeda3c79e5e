/**
 * What a figure counts, read from the words around it, so that two figures are compared only when they are the
 * same quantity (issue 22): the counted noun (the analyzer's `counts`), the unit, and the scope the sentence gives
 * it —
 * - its role in the event: "killed" against "injured", "moved to shelters", "arrested" ("2,300 people moved to
 *   shelters" is not a second account of a death toll of nine people);
 * - its rate: "$1.5 million a year" against "$1.5 million a month", "monthly" against "yearly";
 * - new money against a total ("$5 trillion in new federal spending" against "a $6 trillion budget");
 * - a figure wanted or proposed against one decided ("pushing for an 8 percent raise" / "passed a budget with a 3
 *   percent raise");
 * - for a share with no counted noun, what it is a share of, read from its clause's subject ("Turnout was 61
 *   percent").
 * Word lists, not a model: these are closed sets of the verbs a news report counts people with, and every pattern
 * reads a bounded window of text (ROLE_WINDOW characters), so the reads are linear.
 */
import type { AnnotationOf } from "../../records.js";

export interface QuantityScope {
  /** The counted noun, lower-case and singular ("teacher", "other adult"); "" when the analyzer found none. */
  noun: string;
  /** "death", "injury", "shot", "displaced", "arrest", "missing" or "". */
  role: string;
  /** "year", "month", "week", "day" or "". */
  rate: string;
  /** "new" for new, added or extra money or things; else "". */
  novelty: string;
  /** For a sum with no counted noun, what it is estimated as ("puts the losses … at $3 million": "losse"); else "". */
  topic: string;
  /** "aim" for a figure someone wants, asks for or proposes ("pushing for an 8 percent raise"); else "". */
  stance: string;
}

/** How many characters either side of a figure are read for its role and rate. */
export const ROLE_WINDOW = 48;

const ROLES: [string, RegExp][] = [
  ["death", /\b(?:killed|kills|killing|dead|died|dies|deaths?|fatalit(?:y|ies)|fatally|lost their lives|slain|death toll|bodies)\b/i],
  ["injury", /\b(?:injured|injuring|injuries|wounded|wounding|hurt|hospitali[sz]ed|treated)\b/i],
  ["displaced", /\b(?:evacuated|evacuees?|evacuations?|shelters?|displaced|homeless|moved|fled|relocated|rescued)\b/i],
  ["arrest", /\b(?:arrested|arrests?|detained|detentions?|charged|in custody)\b/i],
  ["missing", /\b(?:missing|unaccounted)\b/i],
  ["shot", /\b(?:shot|shooting victims?)\b/i],
];
/** Where a clause ends: a figure's role is read inside its clause only. */
const CLAUSE_END = /[;,.:]|\s(?:and|but|while|whereas|including|with)\s/i;
const RATE_AFTER = /^[^,;.]{0,24}?\b(?:a|per|each|every)\s+(year|month|week|day)\b|^[^,;.]{0,24}?\b(annually|yearly|monthly|weekly|daily)\b/i;
const RATE_BEFORE = /\b(annual|yearly|monthly|weekly|daily)\s+(?:\S+\s+){0,2}$/i;
const RATE_WORD: Record<string, string> = { annually: "year", annual: "year", yearly: "year", monthly: "month", weekly: "week", daily: "day" };
const AIM = /\b(?:push(?:es|ed|ing)? for|call(?:s|ed|ing)? (?:on \S+(?: \S+)? to|for)|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|wants?|wanted|ask(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|propos(?:e|es|ed|ing|al)|hoping for|lobbying for)\b/i;
const NOVELTY = /\b(?:new|additional|extra|added|fresh)\b/i;
const OTHERS = /^other (?:people|persons?|adults?|individuals?|men|women|passengers?)$/;
/** "the 2.3 million people" and "2.3 million residents": the same people, counted by a generic noun. */
const GENERIC_NOUN = /^(?:other )?(?:people|persons|individuals|residents|adults)$/;
/** A sum estimated "at": "puts the losses to corridor businesses at", "estimates its members' losses at" → "losses". */
const PUT_AT = /\b(?:puts?|estimates?|estimated|pegs?|pegged|places?|placed|sets?)\s+(?:the|its|their|his|her|a|an)?\s*(?:[\p{L}-]+(?:'|’|'s|’s)\s+)?([\p{L}-]{3,})\b[^.;$]{0,40}?\bat\s+(?:about\s+|nearly\s+|roughly\s+|around\s+)?$/iu;
/** A share's subject: "Turnout was 61 percent", "Turnout in Tuesday's primary was 58 percent". */
const SHARE_SUBJECT = /^\s*(?:the\s+)?(\p{L}[\p{L}-]{2,})\b[^,;]{0,80}?\b(?:was|were|is|are|stood at|reached|hit|came to|came in at|rose to|fell to)\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|around\s+)?$/iu;

/**
 * The scope of the number annotation `n` inside the sentence `sentence` (offsets into `text`, the article's text).
 */
export function quantityScope(text: string, sentence: readonly [number, number], n: AnnotationOf<"number">): QuantityScope {
  if (isAddress(text.slice(n.span[1], n.span[1] + 24))) return { noun: "", role: "", rate: "", novelty: "", stance: "", topic: "" };
  const before = text.slice(Math.max(sentence[0], n.span[0] - ROLE_WINDOW), n.span[0]);
  const after = text.slice(n.span[1], Math.min(sentence[1], n.span[1] + ROLE_WINDOW));
  const clauseBefore = before.split(CLAUSE_END).at(-1) ?? "";
  const clauseAfter = after.split(CLAUSE_END)[0] ?? "";
  let noun = (n.counts ?? "").toLowerCase().replace(/s$/, "");
  // "4 other adults and teenagers", "three other people": the people with someone, however the noun words them.
  if (OTHERS.test(noun)) noun = "other person";
  const role = roleOf(noun) || roleOf(clauseAfter) || roleOf(clauseBefore);
  if (roleOf(noun)) noun = ""; // "17 injured": the analyzer's counted word is the role, not a noun
  const rateMatch = RATE_AFTER.exec(after);
  const rate = (rateMatch ? rateMatch[1] ?? RATE_WORD[rateMatch[2]!.toLowerCase()] : RATE_WORD[RATE_BEFORE.exec(before)?.[1]?.toLowerCase() ?? ""]) ?? "";
  const novelty = NOVELTY.test(noun) || /\b(?:in|of)\s+(?:new|additional|extra)\b/i.test(clauseAfter.slice(0, 24)) || NOVELTY.test(clauseBefore.slice(-14)) ? "new" : "";
  if (novelty) noun = noun.replace(/\b(?:new|additional|extra|added|fresh)\b\s*/g, "").trim();
  const topic = !noun && (n.unit === "USD" || n.unit === "EUR" || n.unit === "GBP") ? PUT_AT.exec(before)?.[1]?.toLowerCase().replace(/s$/, "") ?? "" : "";
  if (!noun && n.unit === "%") noun = SHARE_SUBJECT.exec(text.slice(sentence[0], n.span[0]).split(/[;]/).at(-1) ?? "")?.[1]?.toLowerCase() ?? "";
  const stance = AIM.test(before) ? "aim" : "";
  return { noun, role, rate: rate.toLowerCase(), novelty, stance, topic };
}

/** "the 2100 block of", "2111 Bragg Street": a number that is part of an address counts nothing. */
const ADDRESS = /^\s*(?:block\b|(?:[NSEW]\.?\s+)?\p{Lu}[\p{L}'-]*\s+(?:Street|St\b|Avenue|Ave\b|Road|Rd\b|Drive|Dr\b|Boulevard|Blvd\b|Lane|Ln\b|Way|Court|Ct\b|Place|Pl\b|Highway|Hwy\b))/u;
export const isAddress = (after: string): boolean => ADDRESS.test(after);

export function roleOf(words: string): string {
  for (const [role, re] of ROLES) if (re.test(words)) return role;
  return "";
}

/**
 * Two scoped figures of one unit count the same quantity: their roles, rates and novelty agree where both say, and
 * their nouns are one (or, inside one aligned claim, `looseNouns`, one is unsaid or a generic word for people).
 */
export function sameScope(a: QuantityScope, b: QuantityScope, looseNouns: boolean): boolean {
  if (a.role && b.role && a.role !== b.role) return false;
  if (a.rate !== b.rate || a.novelty !== b.novelty || a.stance !== b.stance) return false;
  if (a.noun === b.noun) return true;
  if (!looseNouns) return false;
  return !a.noun || !b.noun || GENERIC_NOUN.test(a.noun) || GENERIC_NOUN.test(b.noun);
}

/** The exact key of a scoped figure, for grouping figures across claims (a sum's topic stands in for its noun). */
export const scopeKey = (unit: string | null, s: QuantityScope): string => [unit ?? "", s.noun || s.topic, s.role, s.rate, s.novelty, s.stance].join("|");

/**
 * Two shares that add up to the whole are the two sides of one split ("54 percent voting yes" / "About 46 percent
 * voted against"), not two accounts of one share.
 */
export const complementaryShares = (x: number, y: number): boolean => Math.abs(x + y - 100) <= COMPLEMENT_SLACK;
/** Rounding: 54 and 46, or 52.4 and 47.1 with a sliver of spoiled ballots. */
const COMPLEMENT_SLACK = 1;
