/**
 * Mentions whose spans come from elsewhere (a quote's speaker, a coreference corpus's gold mentions), each linked
 * to the article's entities as the analyzer found and bound them: a name by the entity covering its head word, a
 * name the recogniser missed by its own words (typed as the article types the same name), a pronoun by its
 * antecedent (pronouns.ts), a description ("the actress") by the name the article gave that noun (established.ts),
 * or else returned as such, with its head noun, for the caller to key.
 */
import type { EntityType, Span } from "../../records.js";
import { foldName } from "../../_lib/text.js";
import type { MentionCandidate } from "./bind.js";
import { CLASSIFIERS, capitalisedCommonWord, everydayWords, isPersonNoun, isRoleName, nameAfterOf, nameAround, nameBefore, partOfOne, phraseHead } from "./phrase.js";
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
    const around = /^\p{Lu}/u.test(text.slice(head[0], head[1])) ? nameAround(text, phrase, head) : "";
    if ((cover && !cover.via && everydayWords(cover.name, text)) || (!cover?.via && isRoleName(around))) {
      // "Navy", "Surgeon General", "U.S. Surgeon General": a role or an everyday noun in capitals, the thing described.
      out[index] = { kind: "description", head: singular((cover && !isRoleName(around) ? cover.name : around).split(/\s+/).at(-1)!) };
    } else if (cover) {
      const { via, confidence, evidence } = cover;
      out[index] = { kind: "entity", mention: { span, type: cover.type, name: cover.name, ...(via ? { via, confidence, evidence } : {}) } };
    } else if (around && !capitalisedCommonWord(text, phrase, head)) {
      const name = around;
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

/** One word of the one longer name that has it: bound by spelling alone, as resolve-entities' cross-article short forms (0.7). */
const PART_CONFIDENCE = 0.7;

/**
 * A description whose head one name of the article was given ("actress Tara Reid" … "the actress"). Calibration of
 * these confidences: ordinal only, not fitted: below bind.ts's title-based role (0.85), since any noun can give this
 * kind of role, and the nearest of several at its NEAREST level (0.55).
 */
const ONE_ROLE_CONFIDENCE = 0.8;
/** Several names were given it: the nearest before. */
const NEAREST_ROLE_CONFIDENCE = 0.55;

/** A pronoun bound by agreement and distance alone: a likely guess, below every name-based link (ordinal, not fitted). */
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
    // A tie goes to the shorter mention: "NBA" in "the fifth NBA head coach" is the NBA, not the coach it describes.
    if (shared > most || (shared === most && best && f.span[1] - f.span[0] < best.span[1] - best.span[0])) (most = shared), (best = f);
  }
  return best;
}
