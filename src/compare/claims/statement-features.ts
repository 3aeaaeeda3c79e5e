/**
 * What two statements share, as the features the pair model (statement-model.ts) weighs: identical and
 * synonymous rare words (claimSimilarity), words near in GloVe space ("resign" ~ "step down"), the same resolved
 * names, and how much of the shorter statement the longer one covers (one report adds detail). Numbers are not
 * words here, and dates are left out with them: two reports of one proposition may give it different values
 * ("$3 million" / "$5 million"), and those are compared after grouping, never used to keep statements apart. A
 * number both give ("54-35", "$568 billion") is evidence of one event (`sharedNumbers`); one that differs counts as none.
 */
import { foldName, contentWords } from "../../_lib/text.js";
import { LOADED_WORDS } from "../../_lib/lexicon.js";
import { wordCosine, wordId } from "../../_lib/word-vectors.js";
import { type ClaimTerms, claimTerms, stemWord } from "./similarity.js";
import { type NumberValue, type Proposition, readProposition, sharedPredicates, valueEvidence } from "./proposition.js";

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
  vectorIds: Map<string, number>;
  /** The words as arrays for the pair loop: stem, weight, vector id (-1: none), senses (Map lookups cost most of it). */
  stems: string[];
  weights: Float64Array;
  ids: Int32Array;
  /** The vector ids the statement has (ids ≥ 0). */
  presentIds: Int32Array;
  /** Folded names of the entities the statement mentions (resolved names where the annotations resolve them). */
  entities: Set<string>;
  /** Its numbers of two digits or more, commas dropped, years left out: "54-35" → 54, 35; "$568 billion" → 568. */
  numbers: Set<string>;
  /** Its predicates and values (proposition.ts). */
  proposition: Proposition;
  /**
   * Keys of its figures (statement-model.ts figureKeys): what each counts with the value left out ("|death||||":
   * two reports giving one count of one thing differently, "killed nine" / "killed eight", share it, as they share
   * nothing in `numbers`), and for specific figures the same with the value, prefixed "=".
   */
  scopes: Set<string>;
  /** Index of the sentence in its article (the headline -1), when it comes from one. */
  position: number | null;
}

/** Sentences this early (headline -1, then 0 and 1) are an article's lead, where reports state the main event. */
const LEAD_POSITION = 1;

/**
 * A number of two digits or more, not a year. One digit ("Jan. 6", "two") is everywhere in a story; a year names the
 * story's time, not one fact of it. Linear: one run of digits, commas and points.
 */
const NUMBER = /\d[\d,.]*\d|\d/g;
const YEAR = /^(?:19|20)\d\d$/;
function numbersOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.match(NUMBER) ?? []) {
    const n = m.replace(/,/g, "");
    if (n.length >= 2 && !YEAR.test(n)) out.add(n);
  }
  return out;
}

/**
 * `entityNames`: the keys of the entities it names; `numbers`: the values the number annotations find in it;
 * `position`: its index in its article (-1 the headline).
 */
export function statementOf(
  text: string, entityNames: readonly string[] = [], numbers: readonly NumberValue[] = [], position: number | null = null, scopes: readonly string[] = [],
): Statement {
  const terms = claimTerms(text);
  for (const w of terms.words) {
    if (DATE_WORDS.has(w)) {
      terms.words.delete(w);
      terms.weights.delete(w);
      terms.senses.delete(w);
    }
  }
  const vectorIds = new Map<string, number>();
  for (const w of contentWords(text)) {
    if (LOADED_WORDS.has(w)) continue;
    const stem = stemWord(w);
    if (!terms.words.has(stem) || vectorIds.has(stem) || (terms.weights.get(stem) ?? 0) < SOFT_MIN_RARITY) continue;
    const id = wordId(w) >= 0 ? wordId(w) : wordId(stem);
    if (id >= 0) vectorIds.set(stem, id);
  }
  const stems = [...terms.weights.keys()];
  return {
    terms, vectorIds, stems,
    weights: Float64Array.from(stems, (w) => terms.weights.get(w)!),
    ids: Int32Array.from(stems, (w) => vectorIds.get(w) ?? -1),
    presentIds: Int32Array.from(vectorIds.values()),
    entities: new Set(entityNames.map(foldName).filter((n) => n.length > 1)),
    numbers: numbersOf(text),
    proposition: readProposition(text, numbers),
    position,
    scopes: new Set(scopes),
  };
}

export const FEATURE_NAMES = [
  "lexical", "soft", "containment", "softContainment", "entityJaccard", "sharedEntities", "lengthRatio", "sharedNumbers",
  "sharedPredicates", "valueSame", "valueNear", "valueDiffer", "lead", "mutualBest", "storyPair", "sameQuantity",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * Cosines of word pairs for a set of statements (a story), each computed once and remembered in a dense byte
 * matrix over the story's distinct words: its pairs ask for the same word pairs again and again. Comparing vectors
 * afresh per statement pair, then a Map of cosines, cost 30 of 35 s on a 150-document story (1,282 sentences, 100k
 * candidate pairs, 20M word-pair lookups); its vocabulary is ~5k words (a 25 MB matrix). A byte keeps a cosine to
 * within 0.003 of the soft score's 0.45–1 range.
 */
export class NearWords {
  private readonly size: number;
  private readonly wordIds: Int32Array;
  /** 0 not computed yet, 1 at or below the floor, 2–255 the cosine's level above it. */
  private readonly levels: Uint8Array;
  private readonly local = new Map<Statement, { ids: Int32Array; present: Int32Array }>();

  constructor(statements: readonly Statement[]) {
    const dense = new Map<number, number>();
    for (const s of statements) for (const id of s.presentIds) if (!dense.has(id)) dense.set(id, dense.size);
    this.size = Math.min(dense.size, MAX_WORDS);
    this.wordIds = Int32Array.from(dense.keys());
    this.levels = new Uint8Array(this.size * this.size);
    const at = (id: number) => { const k = dense.get(id) ?? -1; return k < this.size ? k : -1; };
    for (const s of statements) this.local.set(s, { ids: s.ids.map(at), present: s.presentIds.map(at).filter((k) => k >= 0) });
  }

  /** The statement's word ids in this story (-1: no vector, or past MAX_WORDS), and those it has. */
  localIds(s: Statement): { ids: Int32Array; present: Int32Array } {
    return this.local.get(s) ?? { ids: s.ids.map(() => -1), present: new Int32Array(0) };
  }

  /** The cosine of two words by story id, above the floor, else 0. */
  cosine(a: number, b: number): number {
    if (a === b) return 1;
    const cell = a * this.size + b;
    let q = this.levels[cell]!;
    if (q === 0) {
      const c = wordCosine(this.wordIds[a]!, this.wordIds[b]!);
      q = c <= SOFT_MATCH_FLOOR ? 1 : 2 + Math.round(((c - SOFT_MATCH_FLOOR) / (1 - SOFT_MATCH_FLOOR)) * 253);
      this.levels[cell] = q;
      this.levels[b * this.size + a] = q;
    }
    return q === 1 ? 0 : SOFT_MATCH_FLOOR + ((q - 2) / 253) * (1 - SOFT_MATCH_FLOOR);
  }
}
/** Distinct words a story's matrix holds (8k: 64 MB); words past it are matched exactly only. */
const MAX_WORDS = 8192;

/**
 * The pair's features, in FEATURE_NAMES order; symmetric in a and b. `near`: the cosines of a set of statements
 * holding both (a story's). `story`: set when both come from one story's articles (not a paraphrase corpus), with
 * whether each is the other's best match in its article (mutual best, group-statements.ts).
 */
export function pairFeatures(a: Statement, b: Statement, near: NearWords = new NearWords([a, b]), story?: { mutualBest: boolean }, options: FeatureOptions = {}): number[] {
  const [totalA, sharedA, softA] = coverage(a, b, near);
  const [totalB, sharedB, softB] = coverage(b, a, near);
  const shared = (sharedA + sharedB) / 2;
  const soft = (softA + softB) / 2;
  // claimSimilarity(a.terms, b.terms), from the sums coverage has made already.
  const lexical = totalA + totalB - shared > 0 ? shared / (totalA + totalB - shared) : 0;
  const union = totalA + totalB - soft;
  const small = Math.min(totalA, totalB);
  let entityShared = 0;
  for (const e of a.entities) if (b.entities.has(e)) entityShared++;
  const entityUnion = a.entities.size + b.entities.size - entityShared;
  const [na, nb] = [a.terms.words.size, b.terms.words.size];
  let numbersShared = 0;
  for (const x of a.numbers) if (b.numbers.has(x)) numbersShared++;
  return [
    lexical,
    union > 0 ? soft / union : 0,
    small > 0 ? Math.min(sharedA, sharedB) / small : 0,
    small > 0 ? Math.min(softA, softB) / small : 0,
    entityUnion ? entityShared / entityUnion : 0,
    Math.log1p(entityShared),
    Math.max(na, nb) ? Math.min(na, nb) / Math.max(na, nb) : 0,
    // Only what is shared counts: "$3 million" / "$5 million" scores as no number at all (values are compared later).
    Math.log1p(numbersShared),
    ...propositionFeatures(a, b, options.predicates ?? true),
    story?.mutualBest ? 1 : 0,
    story ? 1 : 0,
    sharedCount(a.scopes, b.scopes) > 0 ? 1 : 0,
  ];
}

/** Value-free figure keys both statements hold. */
function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (!x.startsWith("=") && b.has(x)) n++;
  return n;
}

/** `predicates: false`: sharedPredicates left 0, so no sentence is tagged, where the model gives it no weight. */
export interface FeatureOptions { predicates?: boolean }

/** sharedPredicates, valueSame, valueNear, valueDiffer, lead (FEATURE_NAMES order). */
function propositionFeatures(a: Statement, b: Statement, predicates: boolean): number[] {
  const values = valueEvidence(a.proposition.quantities, b.proposition.quantities);
  const lead = a.position !== null && b.position !== null && a.position <= LEAD_POSITION && b.position <= LEAD_POSITION;
  return [predicates ? Math.log1p(sharedPredicates(a.proposition, b.proposition)) : 0, values.same, values.near, values.differ, lead ? 1 : 0];
}

/**
 * Own words' total weight; the weight of those the other statement has (or a synonym of); and the soft weight,
 * where a word without one counts by its nearest word in the other (cosine above the floor, rescaled to 0–1).
 */
function coverage(own: Statement, other: Statement, near: NearWords): [total: number, shared: number, soft: number] {
  let total = 0;
  let shared = 0;
  let soft = 0;
  const ownIds = near.localIds(own).ids;
  const otherIds = near.localIds(other).present;
  const otherWords = other.terms.words;
  const otherSenses = other.terms.allSenses;
  for (let k = 0; k < own.stems.length; k++) {
    const w = own.stems[k]!;
    const r = own.weights[k]!;
    total += r;
    if (otherWords.has(w) || (otherSenses.size > 0 && own.terms.senses.get(w)?.some((s) => otherSenses.has(s)))) {
      shared += r;
      soft += r;
      continue;
    }
    const id = ownIds[k]!;
    if (id < 0) continue;
    let best = 0;
    for (let m = 0; m < otherIds.length; m++) {
      const c = near.cosine(id, otherIds[m]!);
      if (c > best) best = c;
    }
    if (best > SOFT_MATCH_FLOOR) soft += (r * (best - SOFT_MATCH_FLOOR)) / (1 - SOFT_MATCH_FLOOR);
  }
  return [total, shared, soft];
}
