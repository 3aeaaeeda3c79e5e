/**
 * What two statements share, as the features the pair model (statement-model.ts) weighs: identical and
 * synonymous rare words (claimSimilarity), words near in GloVe space ("resign" ~ "step down"), the same resolved
 * names, and how much of the shorter statement the longer one covers (one report adds detail). Numbers are not
 * words here, and dates are left out with them: two reports of one proposition may give it different values
 * ("$3 million" / "$5 million"), and those are compared after grouping, never used to keep statements apart.
 */
import { foldName, contentWords } from "../../_lib/text.js";
import { LOADED_WORDS } from "../../_lib/lexicon.js";
import { VECTOR_SIZE, wordVector } from "../../_lib/word-vectors.js";
import { type ClaimTerms, claimSimilarity, claimTerms, stemWord } from "./similarity.js";

/** Words that only give a date (compared with the values): "Monday", "March". */
const DATE_WORDS = new Set(
  ("monday tuesday wednesday thursday friday saturday sunday january february march april june july august september " +
    "october november december today yesterday tomorrow week weekend month year").split(" "),
);
/**
 * Word pairs less similar than this in GloVe space count as unrelated. Calibration: "amnesty"/"pardon" 0.55,
 * "resign"/"quit" 0.6, "killed"/"dead" 0.6; "police"/"court" 0.45, "monday"/"officials" 0.3: half the cosine range
 * of topical neighbours is noise that would join every two sentences of one story.
 */
const SOFT_MATCH_FLOOR = 0.45;
/**
 * Only words this rare are matched by vector, on either side: common words ("said" 6.8, "new", "people") have
 * near neighbours in every sentence of a story, and matching them cost most of a 50-article story's comparison
 * (each pair compares its words' vectors) for little: see docs/BENCHMARKS.md "Claim alignment".
 */
const SOFT_MIN_RARITY = 7.5;

export interface Statement {
  terms: ClaimTerms;
  /** Per stem of rarity ≥ SOFT_MIN_RARITY, the unit vector of its surface word (or of the stem), when the cut vocabulary has one. */
  vectors: Map<string, Float32Array>;
  /** The same vectors end to end in one array, for the pair loop. */
  packed: Float32Array;
  /** Folded names of the entities the statement mentions (resolved names where the annotations resolve them). */
  entities: Set<string>;
}

export function statementOf(text: string, entityNames: readonly string[] = []): Statement {
  const terms = claimTerms(text);
  for (const w of terms.words) {
    if (DATE_WORDS.has(w)) {
      terms.words.delete(w);
      terms.weights.delete(w);
      terms.senses.delete(w);
    }
  }
  const vectors = new Map<string, Float32Array>();
  for (const w of contentWords(text)) {
    if (LOADED_WORDS.has(w)) continue;
    const stem = stemWord(w);
    if (!terms.words.has(stem) || vectors.has(stem) || (terms.weights.get(stem) ?? 0) < SOFT_MIN_RARITY) continue;
    const v = wordVector(w) ?? wordVector(stem);
    if (v) vectors.set(stem, v);
  }
  const packed = new Float32Array(vectors.size * VECTOR_SIZE);
  [...vectors.values()].forEach((v, k) => packed.set(v, k * VECTOR_SIZE));
  return { terms, vectors, packed, entities: new Set(entityNames.map(foldName).filter((n) => n.length > 1)) };
}

export const FEATURE_NAMES = ["lexical", "soft", "containment", "softContainment", "entityJaccard", "sharedEntities", "lengthRatio"] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The pair's features, in FEATURE_NAMES order; symmetric in a and b. */
export function pairFeatures(a: Statement, b: Statement): number[] {
  const [totalA, sharedA, softA] = coverage(a, b);
  const [totalB, sharedB, softB] = coverage(b, a);
  const shared = (sharedA + sharedB) / 2;
  const soft = (softA + softB) / 2;
  const lexical = claimSimilarity(a.terms, b.terms);
  const union = totalA + totalB - soft;
  const small = Math.min(totalA, totalB);
  let entityShared = 0;
  for (const e of a.entities) if (b.entities.has(e)) entityShared++;
  const entityUnion = a.entities.size + b.entities.size - entityShared;
  const [na, nb] = [a.terms.words.size, b.terms.words.size];
  return [
    lexical,
    union > 0 ? soft / union : 0,
    small > 0 ? Math.min(sharedA, sharedB) / small : 0,
    small > 0 ? Math.min(softA, softB) / small : 0,
    entityUnion ? entityShared / entityUnion : 0,
    Math.log1p(entityShared),
    Math.max(na, nb) ? Math.min(na, nb) / Math.max(na, nb) : 0,
  ];
}

/**
 * Own words' total weight; the weight of those the other statement has (or a synonym of); and the soft weight,
 * where a word without one counts by its nearest word in the other (cosine above the floor, rescaled to 0–1).
 */
function coverage(own: Statement, other: Statement): [total: number, shared: number, soft: number] {
  let total = 0;
  let shared = 0;
  let soft = 0;
  for (const [w, r] of own.terms.weights) {
    total += r;
    if (other.terms.words.has(w) || own.terms.senses.get(w)?.some((s) => other.terms.allSenses.has(s))) {
      shared += r;
      soft += r;
      continue;
    }
    const v = own.vectors.get(w);
    if (!v) continue;
    let best = 0;
    const others = other.packed;
    for (let at = 0; at < others.length; at += VECTOR_SIZE) {
      let dot = 0;
      for (let d = 0; d < VECTOR_SIZE; d++) dot += v[d]! * others[at + d]!;
      if (dot > best) best = dot;
    }
    if (best > SOFT_MATCH_FLOOR) soft += (r * (best - SOFT_MATCH_FLOOR)) / (1 - SOFT_MATCH_FLOOR);
  }
  return [total, shared, soft];
}
