/**
 * A claim sentence read as a proposition (issue 22): what happens (its predicates, normalised through WordNet so
 * that "killed" / "died" / "deaths" and "step down" / "resign" meet), and the values it gives with what they count
 * ("$1.5 million" of USD, "nine" people). Participants are the resolved entity keys the statement already holds
 * (statement-model.ts). Parts of speech come from wink-nlp's tagger, run only on the story's claim sentences (about
 * 0.25 ms a sentence): the analyzers' shared pass runs without it (src/_lib/wink.ts says why).
 */
import { winkEngine } from "../../_lib/wink.js";
import { isPhrasalVerb, predicateClasses } from "../../_lib/wordnet-senses.js";

export interface Quantity {
  value: number;
  /** What the value is measured in or counts ("USD", "%", "people", "jobs"), when known. */
  kind: string | null;
  /** How specific the figure is: significant digits, plus one when it says what it counts ("$138.7 million" 5, "nine people" 2). */
  specificity: number;
}

export interface Proposition {
  /** WordNet verb synset ids of the sentence's predicates (verbs and event nouns), light and speech verbs left out. */
  predicates: Set<string>;
  /** The same ids per predicate word, so that a pair counts shared predicates, not shared senses. */
  predicateWords: string[][];
  quantities: Quantity[];
}

/** A value as the number annotations give it (analyze/numbers). */
export interface NumberValue { value: number; unit: string | null; counts: string | null }

/**
 * Verbs that carry attribution, tense or mood, not the event: "said", "would", "has". A sentence's proposition is
 * what the speaker says happened, so "say" in both wordings is no evidence they say the same thing.
 */
const LIGHT_VERBS = new Set(
  ("be have do say tell add report state note claim accord will would can could may might should must get make take " +
    "go come give put see know think want seem become include expect continue begin start keep use find show").split(" "),
);
/** Particles that form a phrasal verb with the verb before them ("step down", "bring in", "shut down"). */
const PARTICLES = new Set(["down", "in", "up", "out", "off", "on", "over", "back", "away"]);

/** wink with its tagger, loaded on first use only (_lib/wink.ts): `extract` and `--help` never pay for it. */
const tagger = () => winkEngine(["sbd", "pos"]);

/**
 * The proposition of a sentence. Its predicates are read (tagged) on first use only: the shipped pair model may give
 * them no weight (statement-model.json), and then no sentence is tagged.
 */
export function readProposition(text: string, numbers: readonly NumberValue[]): Proposition {
  let events: Pick<Proposition, "predicates" | "predicateWords"> | null = null;
  const read = () => (events ??= readPredicates(text));
  return {
    quantities: numbers.map(quantityOf),
    get predicates() { return read().predicates; },
    get predicateWords() { return read().predicateWords; },
  };
}

function readPredicates(text: string): Pick<Proposition, "predicates" | "predicateWords"> {
  const engine = tagger();
  const doc = engine.readDoc(text);
  const pos = doc.tokens().out(engine.its.pos) as string[];
  const lemmas = (doc.tokens().out(engine.its.lemma as Parameters<ReturnType<typeof doc.tokens>["out"]>[0]) as (string | undefined)[]).map((l) => (l ?? "").toLowerCase());
  const predicates = new Set<string>();
  const predicateWords: string[][] = [];
  const add = (ids: readonly string[]) => {
    if (!ids.length) return;
    predicateWords.push([...ids]);
    for (const id of ids) predicates.add(id);
  };
  for (let i = 0; i < pos.length; i++) {
    const lemma = lemmas[i]!;
    if (pos[i] === "VERB") {
      if (LIGHT_VERBS.has(lemma)) continue;
      const next = lemmas[i + 1];
      const phrasal = next && PARTICLES.has(next) && isPhrasalVerb(`${lemma}_${next}`) ? `${lemma}_${next}` : null;
      add(predicateClasses(phrasal ?? lemma, "verb"));
    } else if (pos[i] === "NOUN") {
      add(predicateClasses(lemma, "noun"));
    }
  }
  return { predicates, predicateWords };
}

export function quantityOf(n: NumberValue): Quantity {
  const kind = n.unit ?? n.counts;
  return { value: n.value, kind, specificity: significantDigits(n.value) + (kind ? 1 : 0) };
}

/** 1,500,000 → 2; 138,700,000 → 4; 9 → 1; 2.34 → 3. */
export function significantDigits(value: number): number {
  const digits = Math.abs(value).toPrecision(12).replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.max(1, Math.min(6, digits.length));
}

/**
 * How two values of one kind relate: "same" within SAME_SHARE (one figure written two ways: "1.5 million" /
 * "1,500,000"), "near" within NEAR_SHARE (a rounded figure of the other: "$139 million" / "$138.7 million"), else "differ".
 */
const SAME_SHARE = 0.001;
/** Calibration: "almost $139 million" / "$138.7 million" (0.2%), "$928 billion" / "more than $920 billion" (0.9%). */
const NEAR_SHARE = 0.05;
export function valueRelation(a: number, b: number): "same" | "near" | "differ" {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (scale === 0 || Math.abs(a - b) <= SAME_SHARE * scale) return "same";
  return Math.abs(a - b) <= NEAR_SHARE * scale ? "near" : "differ";
}

/** Kinds that may meet: equal, or one unknown. */
const sameKind = (a: Quantity, b: Quantity) => !a.kind || !b.kind || a.kind === b.kind;

/**
 * The value evidence of a pair: the specificity of the best value both give (a specific figure like $1.5 million is
 * strong evidence of one fact, "three" is weak), of the best value one gives rounded ("$139 million" /
 * "$138.7 million"), and whether both count the same kind of thing with values that differ (nine vs eight people
 * killed: one fact in dispute, or two facts).
 */
export function valueEvidence(a: readonly Quantity[], b: readonly Quantity[]): { same: number; near: number; differ: number } {
  let same = 0, near = 0, differ = 0;
  for (const x of a) {
    for (const y of b) {
      if (!sameKind(x, y)) continue;
      const relation = valueRelation(x.value, y.value);
      const weight = Math.min(x.specificity, y.specificity);
      if (relation === "same") same = Math.max(same, weight);
      else if (relation === "near") near = Math.max(near, weight);
      else if (x.kind && x.kind === y.kind) differ = 1;
    }
  }
  return { same, near, differ };
}

/** Predicate words of one sentence whose event the other names too, counted on the side with fewer. */
export function sharedPredicates(a: Proposition, b: Proposition): number {
  const count = (own: Proposition, other: Proposition) => own.predicateWords.filter((ids) => ids.some((id) => other.predicates.has(id))).length;
  return Math.min(count(a, b), count(b, a));
}
