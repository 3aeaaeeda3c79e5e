/**
 * The biased-sentence classifier: logistic regression trained on BABE by eval/train-bias.ts, shipped as
 * bias-model.json (2 MB, ~40 ms to parse at import). The file is derived from BABE/MBIC and is distributed under
 * their AGPL-3.0 terms (bias-model.NOTICE.md). Its lookup tables are built on the first `biasScorer()` call (~25 ms).
 */
import modelFile from "./bias-model.json" with { type: "json" };
import { loadedFeatures, sentenceTokens } from "./bias-features.js";

/** What the trainer writes. Parallel arrays rather than objects keyed by term: smaller, and parsed faster. */
export interface BiasModelFile {
  about: string;
  /** Probability at or above which a sentence counts as biased (chosen by cross-validation on the training part). */
  threshold: number;
  intercept: number;
  ngrams: string[];
  ngramWeights: number[];
  /** The vocabulary: each word's embedding projection (already weighted) and its loaded-word score (0–1). */
  words: string[];
  wordProjections: number[];
  wordLoadedness: number[];
  loadedScale: number;
  loadedMaxWeight: number;
  loadedTop3Weight: number;
  /** Words the training sentences' annotators marked as biased, often enough to stand alone as a cue. */
  loadedWords: string[];
  training: Record<string, unknown>;
}

export interface BiasScore {
  probability: number;
  /** The sentence's word the word model finds most loaded: a one-word answer to "why?", null when none is known. */
  strongestWord: string | null;
  /** Distinct words in the sentence. */
  words: number;
}

export interface BiasScorer {
  threshold: number;
  score(sentence: string): BiasScore;
}

let scorer: BiasScorer | null = null;

/** The shipped model's scorer; `file` lets the trainer check a model it has not written yet. */
export function biasScorer(file: BiasModelFile = modelFile as BiasModelFile): BiasScorer {
  if (file === modelFile && scorer) return scorer;
  const built = buildScorer(file);
  if (file === modelFile) scorer = built;
  return built;
}

export const shippedLoadedWords = (): readonly string[] => (modelFile as BiasModelFile).loadedWords;
export const shippedTrainingNotes = (): Readonly<Record<string, unknown>> => (modelFile as BiasModelFile).training;

/**
 * The scorer computes what bias-features.ts defines (the trainer checks that they agree to 0.02 on 500
 * sentences, and find.test.ts on real text) without building feature strings: every known token gets a number,
 * and its unigram weight, embedding projection, loadedness and bigram weights (by the next token's number) sit in
 * arrays at that number. A sentence costs a few microseconds; building the tables, ~50 ms once.
 */
interface Tables {
  ids: Map<string, number>;
  unigram: Float64Array;
  /** NaN for tokens outside the embedding vocabulary (and function words). */
  projection: Float64Array;
  loadedness: Float64Array;
  next: (Map<number, number> | undefined)[];
}

const [START, END] = [0, 1];

function buildScorer(file: BiasModelFile): BiasScorer {
  const size = file.words.length + 2 * file.ngrams.length + 2; // enough for every token the model names
  const tables: Tables = {
    ids: new Map(), unigram: new Float64Array(size), projection: new Float64Array(size).fill(NaN), loadedness: new Float64Array(size), next: [],
  };
  const idOf = (token: string): number => {
    if (token === "<s>") return START;
    if (token === "</s>") return END;
    let id = tables.ids.get(token);
    if (id === undefined) tables.ids.set(token, (id = tables.ids.size + 2));
    return id;
  };
  file.words.forEach((word, i) => {
    const id = idOf(word);
    tables.projection[id] = file.wordProjections[i]!;
    tables.loadedness[id] = file.wordLoadedness[i]!;
  });
  file.ngrams.forEach((term, i) => {
    if (term.startsWith("u:")) return void (tables.unigram[idOf(term.slice(2))] = file.ngramWeights[i]!);
    const space = term.indexOf(" ");
    const first = idOf(term.slice(2, space));
    (tables.next[first] ??= new Map()).set(idOf(term.slice(space + 1)), file.ngramWeights[i]!);
  });
  return { threshold: file.threshold, score: (sentence) => scoreSentence(sentence, file, tables) };
}

function scoreSentence(sentence: string, file: BiasModelFile, tables: Tables): BiasScore {
  const ids: number[] = [];
  let unknown: Map<string, number> | null = null; // ids for this sentence's unknown tokens, so repeats count once
  let [ngramSum, distinct, words, projectionSum, counted, previous] = [0, 0, 0, 0, 0, START];
  const top: [number, number, number] = [0, 0, 0];
  let strongestWord: string | null = null;
  for (const token of sentenceTokens(sentence)) {
    let id = tables.ids.get(token);
    const known = id !== undefined;
    if (id === undefined) {
      unknown ??= new Map();
      id = unknown.get(token) ?? tables.ids.size + 2 + unknown.size;
      unknown.set(token, id);
    }
    const repeated = ids.includes(id);
    if (!repeated) (words++, distinct++), (ngramSum += known ? tables.unigram[id]! : 0);
    if (!repeated || !followedBefore(ids, previous, id)) distinct++, (ngramSum += tables.next[previous]?.get(id) ?? 0);
    ids.push(id);
    previous = id;
    const projection = known ? tables.projection[id]! : NaN;
    if (Number.isNaN(projection)) continue;
    projectionSum += projection;
    counted++;
    const l = tables.loadedness[id]!;
    if (l > top[0]) (top[2] = top[1]), (top[1] = top[0]), (top[0] = l), (strongestWord = token);
    else if (l > top[1]) (top[2] = top[1]), (top[1] = l);
    else if (l > top[2]) top[2] = l;
  }
  distinct++; // the closing bigram, always new
  ngramSum += tables.next[previous]?.get(END) ?? 0;
  let z = file.intercept + ngramSum / Math.sqrt(distinct);
  if (counted) {
    const { wmax, wtop3 } = loadedFeatures(top, file.loadedScale);
    z += projectionSum / counted + file.loadedMaxWeight * wmax + file.loadedTop3Weight * wtop3;
  }
  return { probability: 1 / (1 + Math.exp(-z)), strongestWord, words };
}

/** Whether the bigram (first, second) already occurred among `ids` (START before the first). */
function followedBefore(ids: readonly number[], first: number, second: number): boolean {
  for (let i = 0; i < ids.length; i++) if (ids[i] === second && (i ? ids[i - 1] : START) === first) return true;
  return false;
}
