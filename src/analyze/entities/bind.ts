/**
 * Mentions bound to the entity they refer to, within one article: a surname or "Mr."/"Mayor" + surname to the one
 * full name it ends ("Smith" → "Jane Smith"), a role description to the person the text gave that role ("the
 * Texas governor" → "Rick Perry", bound by "Texas Gov. Rick Perry"), a head word or acronym to the organisation
 * named in full ("the Journal", "WSJ" → "The Wall Street Journal"). Each bound mention keeps the words that bound
 * it (`evidence`) and how sure the link is.
 *
 * Why by hand: the coreference libraries that do this (CoreNLP's dcoref, spaCy's coreferee, fastcoref) are Java or
 * Python with models; nothing in npm resolves news roles. These are the deterministic sieves of Lee et al. (2013)
 * that need no parser: exact and partial name match, role appositives and titles, acronyms.
 */
import type { EntityType, EntityVia, Span } from "../../records.js";
import { foldName } from "../../_lib/text.js";
import { orgShortForm } from "./short-forms.js";
import { fits, roleDescriptions } from "./descriptions.js";
import { nearestBefore, nearestSpan, peopleOf, type Person, withoutTitles, type WordIndex, wordIndex } from "./people.js";
import { onlySpace, titleBefore, type Word, wordsIn } from "./roles.js";

export interface MentionCandidate {
  span: Span;
  type: EntityType;
  name: string;
  via?: EntityVia;
  confidence?: number;
  evidence?: Span | null;
}

export interface ArticleContext {
  outlet?: string | null;
  url?: string | null;
}

/** A surname that ends exactly one full name of the article: as sure as a name match gets without a first name. */
const ONE_NAME_CONFIDENCE = 0.9;
/** Several full names share it: the nearest one before is a guess journalists' style makes likely, not certain. */
const NEAREST_NAME_CONFIDENCE = 0.55;
const TITLE_WORDS = new Set(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev"]);

export function bindMentions(text: string, recognised: readonly MentionCandidate[], context: ArticleContext = {}): MentionCandidate[] {
  const found = recognised.map(withoutTitles);
  const words = wordsIn(text);
  const wordAt = wordIndex(words);
  const people = peopleOf(text, words, wordAt, found);
  const out: MentionCandidate[] = [];
  for (const m of found) {
    if (m.type === "person" && !m.name.includes(" ")) out.push(bindSurname(text, words, wordAt, m, people));
    else if (m.type !== "person") out.push(orgShortForm(text, m, found, context) ?? m);
    else out.push(m);
  }
  const taken = found.map((m) => m.span);
  out.push(...roleDescriptions(text, words, people, taken));
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** "Smith", "Mr. Smith", "Mayor Smith" → the one full name of the article it ends (the role narrowing several). */
function bindSurname(text: string, words: readonly Word[], wordAt: WordIndex, m: MentionCandidate, people: readonly Person[]): MentionCandidate {
  const key = foldName(m.name);
  let candidates = people.filter((p) => p.surname === key && foldName(p.name) !== key);
  if (!candidates.length) return m;
  const index = wordAt.get(m.span[0]);
  const before = index !== undefined && index > 0 && onlySpace(words[index - 1]!, words[index]!, text) ? words[index - 1]! : null;
  const role = index !== undefined ? titleBefore(text, words, index, m.span[1]) : null;
  const titled = !!role || (before !== null && TITLE_WORDS.has(before.lower));
  if (role && candidates.length > 1) {
    const holders = candidates.filter((p) => p.roles.some((r) => fits(role, r)));
    if (holders.length) candidates = holders;
  }
  const chosen = candidates.length === 1 ? candidates[0]! : nearestBefore(candidates, m.span[0]);
  if (!chosen) return m;
  const evidence = nearestSpan(chosen.spans, m.span[0]);
  return {
    ...m,
    name: chosen.name,
    via: titled ? "title" : "surname",
    confidence: candidates.length === 1 ? ONE_NAME_CONFIDENCE : NEAREST_NAME_CONFIDENCE,
    evidence,
  };
}

