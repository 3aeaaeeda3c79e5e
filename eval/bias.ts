/**
 * Biased-sentence detection on BABE (sentences from US outlets, each labelled Biased / Non-biased by experts):
 * the shipped classifier (src/analyze/cues/bias-model.json, trained by train-bias.ts) scored on the held-out
 * fifth of BABE that training never sees (eval/bias-data.ts), against the published 0.804 macro F1 of a fine-tuned
 * transformer. The same split also scores the first cut's baseline, "a sentence with a word of the hand-made
 * loaded-word lexicon is biased", and the trainer's 5-fold CV figure on the training part is reported beside them.
 */
import { LOADED_WORDS } from "../src/_lib/lexicon.js";
import { biasScorer, shippedTrainingNotes } from "../src/analyze/cues/bias-model.js";
import { type BiasSentence, loadBiasData } from "./bias-data.js";

export { BABE_FILE } from "./bias-data.js";

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
}

export interface BiasScore {
  /** Held-out sentences scored. */
  sentences: number;
  threshold: number;
  biased: ClassScores;
  nonBiased: ClassScores;
  macroF1: number;
  /** The hand-made lexicon on the same sentences. */
  lexiconBaseline: { biased: ClassScores; nonBiased: ClassScores; macroF1: number };
  /** The trainer's 5-fold cross-validation on BABE's training part (recorded in the model file), null if absent. */
  crossValidatedMacroF1: number | null;
  /** Mean time to score one sentence, in microseconds. */
  microsecondsPerSentence: number;
  seconds: number;
}

export async function evalBias(dataDir: string, opts: { limit?: number } = {}): Promise<BiasScore> {
  const started = Date.now();
  const { test } = await loadBiasData(dataDir);
  const sample = opts.limit ? test.slice(0, opts.limit) : test;
  const scorer = biasScorer();
  const predicted = sample.map((s) => scorer.score(s.text).probability >= scorer.threshold);
  for (const s of sample) scorer.score(s.text); // warm-up: the analyzer runs warm on every article after the first
  const timer = performance.now();
  for (const s of sample) scorer.score(s.text);
  const microsecondsPerSentence = ((performance.now() - timer) * 1000) / Math.max(1, sample.length);
  const model = classScores(predicted, sample);
  const baseline = classScores(sample.map((s) => hasLoadedWord(s.text)), sample);
  const cv = shippedTrainingNotes().crossValidatedMacroF1;
  return {
    sentences: sample.length,
    threshold: scorer.threshold,
    ...model,
    lexiconBaseline: baseline,
    crossValidatedMacroF1: typeof cv === "number" ? cv : null,
    microsecondsPerSentence,
    seconds: (Date.now() - started) / 1000,
  };
}

const hasLoadedWord = (text: string): boolean => text.toLowerCase().split(/[^\p{L}-]+/u).some((w) => LOADED_WORDS.has(w));

function classScores(predicted: readonly boolean[], gold: readonly BiasSentence[]): { biased: ClassScores; nonBiased: ClassScores; macroF1: number } {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  predicted.forEach((p, i) => (p && gold[i]!.biased ? tp++ : p ? fp++ : gold[i]!.biased ? fn++ : tn++));
  const scores = (hit: number, falseAlarm: number, miss: number): ClassScores => {
    const precision = hit / Math.max(1, hit + falseAlarm);
    const recall = hit / Math.max(1, hit + miss);
    return { precision, recall, f1: hit ? (2 * hit) / (2 * hit + falseAlarm + miss) : 0 };
  };
  const biased = scores(tp, fp, fn);
  const nonBiased = scores(tn, fn, fp);
  return { biased, nonBiased, macroF1: (biased.f1 + nonBiased.f1) / 2 };
}
