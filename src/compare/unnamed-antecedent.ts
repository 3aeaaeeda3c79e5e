/**
 * "…, police sources said. … according to the sources.": a bare "the sources" or "the officials" points back to the
 * unnamed people the article described a sentence or two before, and is named as they were ("police sources"),
 * not as a bare noun a reader cannot place. Only the name changes: an outlet's unnamed sources keep one identity
 * (resolve-source.ts keys them by the outlet), so independence counts are not touched here.
 * Read from the analyzers' own anonymous attributions and citations, widened leftwards to the noun phrase's
 * modifiers in the text; token walks over a few words, no regex on unbounded text.
 */
import type { ArticleBundle } from "../records.js";

/**
 * How many sentences back a bare "the sources" looks for whom it means: a short paragraph. Calibration: the
 * suite's and the GVC reports' back-references sit one or two sentences after their antecedent; three leaves room
 * without reaching into another part of the story.
 */
export const ANTECEDENT_SENTENCES = 3;
/** At most this many modifiers before the head ("two senior city officials"): a longer run is a clause, not a name. */
const MAX_MODIFIERS = 3;

/** A definite back-reference to unnamed people: "the sources", "those officials", "the people". */
const BARE_DEFINITE = /^(?:the|those|these)\s(officials?|sources?|people|persons?|aides?|insiders?|diplomats?|negotiators?|witnesses|witness)$/i;
/** The same head nouns, found inside a fuller source ("two people familiar with the talks" → "people"). */
const HEAD_NOUN = /\b(officials?|sources?|people|persons?|aides?|insiders?|diplomats?|negotiators?|witnesses|witness)\b/i;
/** The determiner the analyzer may leave out of a source's words ("the people said" read as "people"). */
const DEFINITE_BEFORE = /\b(?:the|those|these)\s$/i;
/** Words that end a noun phrase on its left: determiners, prepositions, conjunctions, verbs of saying. */
const LEFT_BOUNDARY = new Set([
  "the", "a", "an", "to", "by", "from", "with", "of", "for", "in", "on", "at", "as", "and", "or", "but", "that", "which", "who",
  "said", "say", "says", "told", "tells", "according", "citing", "cited", "quoted", "quoting", "per", "than", "while", "when", "after", "before",
]);

/**
 * The fuller name of the unnamed people a bare `name` of `bundle` (words standing at `at`) points back to: the
 * nearest earlier anonymous source of the same head noun, within ANTECEDENT_SENTENCES, named with modifiers
 * ("police sources"); null when `name` is not such a back-reference or nothing fuller precedes it.
 */
export function unnamedAntecedent(bundle: ArticleBundle, name: string, at: number): string | null {
  const text = bundle.article.text;
  const bare = name.trim();
  // "the sources", or "sources" standing right after a "the" the analyzer left out.
  const definite = BARE_DEFINITE.test(bare) || (HEAD_NOUN.exec(bare)?.[0] === bare && DEFINITE_BEFORE.test(text.slice(Math.max(0, at - 7), at)));
  const head = definite ? HEAD_NOUN.exec(bare)?.[1]?.toLowerCase() : undefined;
  if (!head) return null;
  const from = windowStart(bundle, at);
  const candidates = bundle.annotations
    .flatMap((a) => {
      // An unnamed person the analyzer filed as a document ("according to a person familiar with the talks") counts.
      if ((a.kind !== "attribution" && a.kind !== "citation") || (a.sourceKind !== "anonymous" && a.sourceKind !== "document")) return [];
      const words = a.kind === "attribution" ? (a.sourceSpan ?? a.cueSpan) : sourceWithin(text, a.span, a.source);
      return words && words[1] <= at && words[0] >= from && headNoun(a.source) === head ? [words] : [];
    })
    .sort((a, b) => b[1] - a[1]);
  for (const [start, end] of candidates) {
    const phrase = nounPhraseEndingAt(text, start, end);
    if (phrase && !BARE_DEFINITE.test(phrase) && phrase.toLowerCase() !== head) return phrase;
  }
  return null;
}

/** A citation's span narrowed to its source's own words ("according to a person familiar…" → "a person familiar…"). */
function sourceWithin(text: string, [start, end]: readonly [number, number], source: string): [number, number] {
  const at = text.slice(start, end).toLowerCase().lastIndexOf(source.toLowerCase());
  return at < 0 ? [start, end] : [start + at, start + at + source.length];
}

/** Where the window of ANTECEDENT_SENTENCES sentences before `at` starts (the article's start when unsplit). */
function windowStart(bundle: ArticleBundle, at: number): number {
  const before = bundle.annotations
    .filter((a) => a.kind === "sentence" && a.span[0] < at)
    .map((a) => a.span[0])
    .sort((a, b) => a - b);
  // The sentence holding `at` is one of those before it; reach ANTECEDENT_SENTENCES more.
  return before.length ? before[Math.max(0, before.length - 1 - ANTECEDENT_SENTENCES)]! : 0;
}

/**
 * The source's words widened leftwards over their modifiers, up to a word that ends a noun phrase or a punctuation
 * mark: ", police sources" → "police sources"; "according to two city officials" → "two city officials". A run
 * longer than MAX_MODIFIERS is a clause ("opened fire and shot three people"), not a name: null.
 */
function nounPhraseEndingAt(text: string, start: number, end: number): string | null {
  const own = text.slice(start, end).trim();
  if (/^(?:the|a|an|those|these|his|her|their|its)\s/i.test(own)) return own; // the analyzer's words already open the phrase
  const left = text.slice(Math.max(0, start - LOOK_LEFT), start);
  const tokens = left.split(/(\s+)/);
  const modifiers: string[] = [];
  let bounded = start <= LOOK_LEFT; // the article's start bounds a phrase that opens it
  for (let k = tokens.length - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (!token) continue;
    if (/^\s+$/.test(token)) {
      if (token.includes("\n")) return [...modifiers, own].join(" "); // a paragraph break
      continue;
    }
    const initials = /^(?:\p{Lu}\.){2,}$/u.test(token); // "U.S. officials": a name's full stops, not a sentence's
    if ((!initials && /[,;:.!?()"“”]$/.test(token)) || LEFT_BOUNDARY.has(token.toLowerCase()) || !/^[\p{L}\d][\p{L}\d.'’-]*$/u.test(token)) {
      bounded = true;
      break;
    }
    modifiers.unshift(token);
    if (modifiers.length > MAX_MODIFIERS) return null;
  }
  return bounded ? [...modifiers, own].join(" ") : null;
}

/** Characters read left of a source's words for its modifiers: MAX_MODIFIERS words and the mark before them. */
const LOOK_LEFT = 80;

/** The unnamed-people noun of a source's words, lower-case as written: "Sources Committee" is a body's name, not one. */
const headNoun = (words: string) => {
  const noun = HEAD_NOUN.exec(words)?.[1] ?? "";
  return noun === noun.toLowerCase() ? noun : "";
};
