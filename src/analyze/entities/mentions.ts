/**
 * Mentions whose spans come from elsewhere (a quote's speaker, a coreference corpus's gold mentions), each linked
 * to the article's entities as the analyzer found and bound them: a name by the entity covering its head word, a
 * name the recogniser missed by its own words (typed as the article types the same name), a pronoun by its
 * antecedent (pronouns.ts), and a description ("the actress", "the company") by nothing: it is returned as such,
 * with its head word, for the caller to key.
 */
import type { EntityType, Span } from "../../records.js";
import { foldName } from "../../_lib/text.js";
import type { MentionCandidate } from "./bind.js";
import { ROLE_WORDS } from "../../_lib/lexicon.js";
import { isCommonWord, isKnownAs, knownAs } from "./gazetteer.js";
import { isTitleWord } from "./roles.js";
import { establishedRoles, nameForDescription, singular } from "./established.js";
import { type Antecedent, antecedentOf, gendersOf, pronounKind } from "./pronouns.js";

export type LinkedMention =
  /** `description`: the head noun of a description bound to the entity ("actress" of "the actress" → Tara Reid). */
  | { kind: "entity"; mention: MentionCandidate; description?: string }
  /** The same entity as the span at `index` of the input (a relative pronoun after a description). */
  | { kind: "same-as"; index: number }
  /** A common noun phrase: its head word, lower case ("the Texas jury" → "jury"). */
  | { kind: "description"; head: string }
  | { kind: "none" };

/** Leading words that are no part of what a mention names. */
const LEADING = /^(?:(?:in|on|at|to|from|for|of|by|with|into|near|about|after|before|during|since|over|under)\s+)?(?:(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+)?/i;
/** Where a noun phrase's post-modifiers begin: the head is the last word before. */
const POST_MODIFIER = /\s*(?:,|\(|\s[-–—]\s(?!\p{Lu})|\s(?:who|whom|whose|which|that|in|at|on|from|with|near|for|after|during|off|outside|inside)\s)/iu;
/** "of" ends the head unless it joins capitalised words ("Bank of America", "University of Texas"). */
const OF = /\s+of\s+/i;

export interface PhraseHead {
  /** The noun phrase without leading prepositions, determiners and post-modifiers. */
  phrase: Span;
  /** Its head word, a possessive "'s" left out. */
  head: Span;
}

/** "in the Porta Nuova area of Palermo" → phrase "Porta Nuova area", head "area"; "Lindsay Lohan's" → "Lohan". */
export function phraseHead(text: string, span: Span): PhraseHead {
  const raw = text.slice(span[0], span[1]);
  const lead = LEADING.exec(raw)![0].length;
  let body = raw.slice(lead);
  const cut = POST_MODIFIER.exec(body);
  if (cut && cut.index > 0) body = body.slice(0, cut.index);
  const of = OF.exec(body);
  if (of && of.index > 0 && !(/(?:^|\s)\p{Lu}\S*$/u.test(body.slice(0, of.index)) && /^\p{Lu}/u.test(body.slice(of.index + of[0].length)))) body = body.slice(0, of.index);
  body = body.replace(/[\s,;:)]+$/u, "").replace(/[’']s?$/u, "");
  const start = span[0] + lead;
  const last = /[\p{L}\p{N}][^\s]*$/u.exec(body);
  const headStart = start + (last?.index ?? 0);
  return { phrase: [start, start + body.length], head: [headStart, start + Math.max(body.length, 0)] };
}

/** Capitalised words and the function words names hold ("Bank of America", "Procter & Gamble"). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}.’'&-]*|of|the|and|de|del|la|van|von|bin|al|&|\d+)$/u;

/**
 * Link each span (in any order) to the article's entities. `found` is the entities analyzer's output for the
 * article (names, and the mentions it bound to them).
 */
export function linkMentions(text: string, found: readonly MentionCandidate[], spans: readonly Span[]): LinkedMention[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]![0] - spans[b]![0] || spans[a]![1] - spans[b]![1]);
  const out: LinkedMention[] = spans.map(() => ({ kind: "none" }));
  const typeByName = new Map<string, EntityType>();
  for (const f of found) if (!typeByName.has(foldName(f.name))) typeByName.set(foldName(f.name), f.type);
  const roles = establishedRoles(text, found);
  const genderOf = gendersOf(text, found.filter((f) => f.type === "person" && !f.via));
  // Antecedents in text order: the analyzer's mentions and the spans linked so far (a description too, for "who").
  const antecedents: Antecedent[] = found.map((f) => ({ span: f.span, type: f.type, name: f.name, ref: -1 }));
  antecedents.sort((a, b) => a.span[0] - b.span[0]);
  const insert = (a: Antecedent) => {
    let i = antecedents.length;
    while (i > 0 && antecedents[i - 1]!.span[0] > a.span[0]) i--;
    antecedents.splice(i, 0, a);
  };
  for (const index of order) {
    const span = spans[index]!;
    const words = text.slice(span[0], span[1]);
    const pronoun = pronounKind(words);
    if (pronoun) {
      const before = antecedents.filter((a) => a.span[1] <= span[0]);
      const a = antecedentOf(text, span, pronoun, before, (x) => genderOf(x.name));
      if (!a) continue;
      if (a.ref >= 0) out[index] = resolvedRef(out, spans, a.ref, span);
      else out[index] = { kind: "entity", mention: { span, type: a.type, name: a.name, via: "pronoun", confidence: PRONOUN_CONFIDENCE, evidence: a.span } };
      continue;
    }
    const { phrase, head: wordHead } = phraseHead(text, span);
    // "People magazine", "Aceh province": a common noun that only classifies the name before it.
    const classified = CLASSIFIERS.has(text.slice(wordHead[0], wordHead[1]).toLowerCase()) ? nameAfterOf(text, span, wordHead) ?? nameBefore(text, phrase, wordHead) : null;
    const head = classified ?? wordHead;
    const cover = bestCover(found, head, span);
    if (cover && !cover.via && everydayWords(cover.name, text)) {
      out[index] = { kind: "description", head: singular(cover.name.split(/\s+/).at(-1)!) };
    } else if (cover) {
      const { via, confidence, evidence } = cover;
      out[index] = { kind: "entity", mention: { span, type: cover.type, name: cover.name, ...(via ? { via, confidence, evidence } : {}) } };
    } else if (/^\p{Lu}/u.test(text.slice(head[0], head[1])) && !capitalisedCommonWord(text, phrase, head)) {
      const name = nameAround(text, phrase, head);
      const whole = typeByName.has(foldName(name)) ? null : partOfOne(found, name);
      out[index] = { kind: "entity", mention: whole ? { span, type: whole.type, name: whole.name, via: whole.type === "person" ? "surname" : "short-form", confidence: PART_CONFIDENCE, evidence: whole.span } : { span, type: typeByName.get(foldName(name)) ?? "other", name } };
    } else if (head[1] > head[0]) {
      const noun = singular(text.slice(head[0], head[1]));
      const bound = nameForDescription(roles, noun, span[0]);
      out[index] = bound
        ? { kind: "entity", description: noun, mention: { span, type: bound.role.name.type, name: bound.role.name.name, via: "role", confidence: bound.only ? ONE_ROLE_CONFIDENCE : NEAREST_ROLE_CONFIDENCE, evidence: bound.role.span } }
        : { kind: "description", head: noun };
    }
    const linked = out[index]!;
    // A description of a person ("the actress", "the Mafia boss") can be what "she" or "he" refers to.
    const type = linked.kind === "entity" ? linked.mention.type : linked.kind === "description" && isPersonNoun(linked.head) ? "person" : "other";
    const plural = linked.kind === "description" && /[^s]s$/i.test(text.slice(head[0], head[1]));
    insert({ span, type, name: linked.kind === "entity" ? linked.mention.name : "", ref: index, plural });
  }
  return out;
}

/**
 * Nouns that classify a name written before them: the mention is the name's ("People magazine" is People). Not
 * every noun after a name: a "Texas jury" is no Texas. Hand-listed: the kinds of thing news names this way.
 */
const CLASSIFIERS = new Set(["magazine", "newspaper", "paper", "province", "state", "county", "city", "town", "village",
  "island", "islands", "region", "district", "company", "corporation", "firm", "agency", "airline", "brand", "film",
  "movie", "album"]);
/**
 * Not facilities ("school", "prison", "hospital"): a place before one is where it is ("the Gaza school"); not
 * "show" or "website" ("a BBC show" is no BBC); not "team" or "group" ("the Obama team" is no Obama).
 */

/** The name right before a classifier, as a head span ("People" of "People magazine"). */
function nameBefore(text: string, phrase: Span, head: Span): Span | null {
  const before = text.slice(phrase[0], head[0]).replace(/\s+$/, "");
  const word = /(\p{Lu}[\p{L}\p{N}.&-]*)(?:[’']s)?$/u.exec(before);
  return word ? [phrase[0] + word.index!, phrase[0] + word.index! + word[1]!.length] : null;
}

/** "the Indonesian province of Aceh": the name after "of" that follows the classifier. */
function nameAfterOf(text: string, span: Span, head: Span): Span | null {
  const after = /^\s+of\s+(\p{Lu}[\p{L}\p{N}.&-]*)/u.exec(text.slice(head[1], span[1]));
  return after ? [head[1] + after[0].length - after[1]!.length, head[1] + after[0].length] : null;
}

/**
 * A name the recogniser missed that is one word of exactly one longer name the article gives: a person's surname,
 * an organisation's first or last word ("Promises" → "Promises Treatment Center", "Chiefs" → "Kansas City Chiefs").
 */
function partOfOne(found: readonly MentionCandidate[], name: string): MentionCandidate | null {
  if (name.includes(" ")) return null;
  const key = foldName(name);
  const fits = new Map<string, MentionCandidate>();
  for (const f of found) {
    if (f.via || !f.name.includes(" ")) continue;
    const words = foldName(f.name).split(" ");
    if (words.at(-1) === key || (f.type !== "person" && words[0] === key)) fits.set(foldName(f.name), f);
  }
  return fits.size === 1 ? [...fits.values()][0]! : null;
}

/**
 * "Police", "Robbers", "BELTS": one capitalised word that is an everyday word in lower case (a headline's or a
 * sentence's first word), not a name the article uses: a description.
 */
function capitalisedCommonWord(text: string, phrase: Span, head: Span): boolean {
  return everydayWords(nameAround(text, phrase, head), text);
}

/**
 * "Navy", "Police", "Surgeon General": a name made of everyday words the gazetteer knows no name for, and the
 * article also writes in lower case ("the navy"): as a coreference mention, the thing described, not a name.
 */
function everydayWords(name: string, text: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 2 || !words.every((w) => isCommonWord(w) && !isNameWord(w))) return false;
  // Written so after a lower-case word somewhere (not a title's or a sentence's first word): a name after all,
  // unless the article writes it in lower case too.
  return !new RegExp(`\\p{Ll}[,;:]?\\s+${escape(name)}\\b`, "u").test(text) || text.includes(` ${name.toLowerCase()}`);
}
/** The gazetteer knows the word as (part of) a name; a role noun ("Woman", "Surgeon") is no name. */
const isNameWord = (word: string): boolean => [...(knownAs(word) ?? [])].some((k) => k !== "role" && k !== "honorific");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A noun for a person: compromise's role nouns ("actress", "boss") and the project's role words ("mayor"). */
export const isPersonNoun = (word: string): boolean => isKnownAs(word, "role") || ROLE_WORDS.has(word) || PERSON_NOUNS.has(word);
const PERSON_NOUNS = new Set(["man", "woman", "boy", "girl", "star", "singer", "maid", "teenager", "suspect", "victim", "father",
  "mother", "son", "daughter", "wife", "husband", "friend", "publicist", "rep", "representative", "spokesman", "spokeswoman"]);

/** One word of the one longer name that has it: likely, bound by spelling alone. */
const PART_CONFIDENCE = 0.7;

/** A description whose head one name of the article was given ("actress Tara Reid" … "the actress"). */
const ONE_ROLE_CONFIDENCE = 0.8;
/** Several names were given it: the nearest before. */
const NEAREST_ROLE_CONFIDENCE = 0.55;

/** A pronoun bound by agreement and distance alone: a likely guess, below every name-based link. */
const PRONOUN_CONFIDENCE = 0.5;

/** A pronoun whose antecedent is another of the given spans: that span's entity, or the same description. */
function resolvedRef(out: readonly LinkedMention[], spans: readonly Span[], index: number, span: Span): LinkedMention {
  const target = out[index]!;
  if (target.kind === "entity") return { kind: "entity", mention: { ...target.mention, span, via: "pronoun", confidence: PRONOUN_CONFIDENCE, evidence: spans[index]! } };
  return target.kind === "same-as" ? target : target.kind === "description" ? { kind: "same-as", index } : { kind: "none" };
}

/** The analyzer's mention over the head word, the one sharing most of the span winning ("in Canada" is Canada; "Texas jury" is no Texas). */
function bestCover(found: readonly MentionCandidate[], head: Span, span: Span): MentionCandidate | undefined {
  let best: MentionCandidate | undefined, most = 0;
  for (const f of found) {
    if (f.span[1] <= head[0] || f.span[0] >= head[1]) continue;
    const shared = Math.min(f.span[1], span[1]) - Math.max(f.span[0], span[0]);
    if (shared > most) (most = shared), (best = f);
  }
  return best;
}

/** The capitalised run of the phrase that ends at its head: "Sicilian Mafia boss" → no; "Kansas City Chiefs" → all three. */
function nameAround(text: string, phrase: Span, head: Span): string {
  const words = text.slice(phrase[0], head[1]).split(/\s+/);
  let first = words.length - 1;
  // A possessive before the name is another name ("Indonesia's Aceh" is Aceh).
  while (first > 0 && NAME_WORD.test(words[first - 1]!) && !/[’']s?$/u.test(words[first - 1]!)) first--;
  while (first < words.length - 1 && (/^(?:of|the|and|&)$/i.test(words[first]!) || isTitleWord(words[first]!))) first++;
  return words.slice(first).join(" ").replace(/[’']s$/u, "");
}
