/**
 * Article → sparse vector. What an event is shows in the title and the lead (news is written as an inverted
 * pyramid: the lead says what happened, the rest is background shared with every earlier event of the storyline),
 * in the names, and in whom the article cites. So: title and lead words weigh more than body words, each entity
 * and each cited outlet is a feature of its own, and loaded words ("regime", "dictator") are left out, because they
 * show an outlet's slant, which two reports of different events can share.
 *
 * Words are weighed by their rarity in everyday English (SUBTLEX-US), not by document frequency in the corpus at
 * hand. So an article's vector never changes when other articles arrive: adding articles can re-link only what
 * they touch (relink.ts), and one threshold means the same thing for five articles about one story and for a
 * feed of thousands (ECB+: with corpus IDF the best threshold was 0.10 within one topic and 0.18 over all
 * topics; with rarity alone both peak at 0.22–0.26, and every setting scores higher; docs/decisions.md).
 * Why by hand: a few dozen lines over our own tokens and annotations; a library would bring a tokenizer and
 * stopword list of its own that disagree with the analyzers'.
 */
import type { ArticleBundle } from "../records.js";
import { contentWords, foldName } from "../_lib/text.js";
import { sparseDot, type SparseVector } from "../_lib/sparse-dot.js";
import { wordRarity } from "../_lib/word-rarity.js";
import { LOADED_WORDS } from "../_lib/lexicon.js";

/**
 * Vectors are typed arrays of term ids and weights (SparseVector), 12 bytes an entry: as Maps they took ~54, 470 MB
 * for the 8.7M entries of 100,000 articles, against 2 GB for the whole clustering. Term ids number the terms of one
 * `articleVectors` call in the terms' own (code-unit) order, so a dot product sums the shared terms in that order
 * whichever articles are clustered together: a pair's similarity is the same to the bit in every corpus, as exact
 * incremental clustering needs (relink.ts).
 */
export { type SparseVector, sparseVector } from "../_lib/sparse-dot.js";

/** How much each part of an article counts towards its vector (term counts are multiplied by these). */
export interface VectorWeights {
  /** A title word. */
  title: number;
  /** How many content words of the text are its lead. */
  leadWords: number;
  /** A lead word. */
  lead: number;
  /** A word after the lead. */
  body: number;
  /** An entity the analyzers found (its key: "maduro"). */
  entity: number;
  /** An outlet the article cites. */
  citation: number;
}

/**
 * Calibrated on ECB+ (eval/clustering.ts): lead emphasis separates look-alike events of one topic. How F1 moves when
 * each is halved or doubled, on ECB+ and on AllSides, is in the eval output ("Vector weights").
 */
export const VECTOR_WEIGHTS: Readonly<VectorWeights> = { title: 3, leadWords: 60, lead: 3, body: 0.5, entity: 1.5, citation: 2 };
/** Non-word features (entities, citations) are as rare as a word never seen in the background corpus. */
const NAME_RARITY_KEY = "\u0000";

/** "Nicolás Maduro" and "Maduro" → "maduro"; "U.S." → "us". */
export const entityKey = (name: string): string =>
  /\p{L}\.\p{L}/u.test(name) ? foldName(name).replace(/\s/g, "") : (foldName(name).split(" ").at(-1) ?? "");

export function termCounts(bundle: ArticleBundle, weights: Readonly<VectorWeights> = VECTOR_WEIGHTS): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  for (const w of contentWords(bundle.article.title)) if (!LOADED_WORDS.has(w)) add(stem(w), weights.title);
  contentWords(bundle.article.text).forEach((w, i) => {
    if (!LOADED_WORDS.has(w)) add(stem(w), i < weights.leadWords ? weights.lead : weights.body);
  });
  for (const a of bundle.annotations) {
    if (a.kind === "entity") add(`e:${entityKey(a.name)}`, weights.entity);
    if (a.kind === "citation" && a.sourceKind === "outlet") add(`c:${entityKey(a.source)}`, weights.citation);
  }
  return counts;
}

/** Sublinear term weight × rarity, L2-normalised: each article's vector depends on that article alone. */
export function weightedTerms(bundle: ArticleBundle, weights: Readonly<VectorWeights> = VECTOR_WEIGHTS): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [term, tf] of termCounts(bundle, weights)) {
    const x = sublinear(tf) * rarity(term);
    v.set(term, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, x] of v) v.set(term, x / norm);
  return v;
}

/** 1 + ln tf above one occurrence; a body word seen once (weight 0.5) stays positive, as similarPairs needs. */
const sublinear = (tf: number): number => (tf <= 1 ? tf : 1 + Math.log(tf));

/** The articles' vectors, their term ids shared (SparseVector). */
export function articleVectors(bundles: readonly ArticleBundle[], weights: Readonly<VectorWeights> = VECTOR_WEIGHTS): SparseVector[] {
  // One article's map at a time (a generator, not an array of all of them): at 100k articles all the maps at once
  // were the clustering's peak memory.
  return toSparseVectors((function* () {
    for (const b of bundles) yield weightedTerms(b, weights);
  })());
}

/**
 * Term → weight maps as SparseVectors over one set of term ids. Each map is turned into arrays as it comes (ids
 * in first-seen order), and only then are the ids renumbered in term order: the maps need not all be held at once.
 */
export function toSparseVectors(maps: Iterable<ReadonlyMap<string, number>>): SparseVector[] {
  const idOf = new Map<string, number>();
  const seen: SparseVector[] = [];
  for (const map of maps) {
    const terms = new Int32Array(map.size);
    const weights = new Float64Array(map.size);
    let k = 0;
    map.forEach((w, term) => {
      let id = idOf.get(term);
      if (id === undefined) idOf.set(term, (id = idOf.size));
      terms[k] = id;
      weights[k++] = w;
    });
    seen.push({ terms, weights });
  }
  const inOrder = [...idOf.keys()].sort();
  const renumbered = new Int32Array(idOf.size);
  inOrder.forEach((term, id) => (renumbered[idOf.get(term)!] = id));
  // Renumbered and sorted in place, each weight following its term through a table by id: no second copy.
  const weightById = new Float64Array(idOf.size);
  for (const { terms, weights } of seen) {
    for (let k = 0; k < terms.length; k++) {
      terms[k] = renumbered[terms[k]!]!;
      weightById[terms[k]!] = weights[k]!;
    }
    terms.sort();
    for (let k = 0; k < terms.length; k++) weights[k] = weightById[terms[k]!]!;
  }
  return seen;
}

const rarity = (term: string): number => wordRarity(term.includes(":") ? NAME_RARITY_KEY : term);

/** Of two unit vectors: their dot product. */
export const cosine = (a: SparseVector, b: SparseVector): number => sparseDot(a, b);

/** Plural endings only: "pardons" and "pardon" meet, "news" stays "news". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is|news)$/.test(word)) return word.slice(0, -1);
  return word;
}
