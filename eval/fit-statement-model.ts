/**
 * Fits the pair model of claim alignment (src/compare/claims/statement-model.json): a logistic regression over
 * pairFeatures, learned on labelled paraphrase pairs rather than weighed by hand.
 *
 * Training data: MSRP's training set (4,076 news sentence pairs judged paraphrase or not; msr-para-train + -val, the
 * test split is held out and not here) and STS headlines train (1,999 headline pairs scored 0–5; a pair scored
 * ≥ STS_SAME counts as one proposition: "roughly equivalent"). Reported: MSRP 10-fold cross-validated accuracy and F1
 * (a model fit on the other nine folds plus STS train), STS headlines dev Pearson of the model's probability against
 * the gold scores, and the pair-level precision/recall of the fitted model on the 512 hand-checked claim pairs, which
 * it never trains on.
 *
 *   node dist/eval/fit-statement-model.js [--write]      (TRIANGULATE_DATA, default ../shared/data)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeArticle } from "../src/analyze/index.js";
import type { Article } from "../src/records.js";
import { FEATURE_NAMES, type FeatureName, pairFeatures, type Statement, statementOf } from "../src/compare/claims/statement-features.js";
import { entityKeys, statementsOf } from "../src/compare/claims/statement-model.js";
import { labelledSentencePairs } from "./claim-alignment.js";
import { type Features, type LogisticModel, predictLogistic, trainLogistic } from "./logistic.js";

const MODEL_FILE = fileURLToPath(new URL("../../src/compare/claims/statement-model.json", import.meta.url));
/** STS 3 = "roughly equivalent, but some important information differs/missing": one proposition, values may differ. */
const STS_SAME = 3;
const TRAINING = { epochs: 30, learningRate: 0.1, l2: 1e-4, seed: 1 };
export const FOLDS = 10;
/**
 * The features the shipped model weighs. The others (containment, entities, length ratio) help on MSRP (reported)
 * but moved the fitted model away from the hand-checked pairs' notion of one claim, where one report adds detail to
 * another: chosen on the development stories of those pairs (pair-level recall at precision 0.9: all features 0.39,
 * lexical + soft 0.45, lexical alone 0.32), the held-out stories reported apart. `sharedNumbers` (numbers both
 * give; a differing number counts as none) was added on the same pairs' evidence (issue 22, H10): fitted on MSRP + STS
 * only, pair-level recall at precision 0.9 with lexical + soft → + sharedNumbers: development 0.323 → 0.394,
 * held-out 0.451 → 0.549. Training on the hand-checked pairs too (story-grouped leave-one-story-out, weight 3–30)
 * did not beat it (0.35–0.39 development) and entity features lowered it.
 */
export const SHIPPED_FEATURES: readonly FeatureName[] = ["lexical", "soft", "sharedNumbers"];

export interface PairExample { features: number[]; label: number; score?: number }

function readTsv(path: string): string[][] {
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter(Boolean).map((l) => l.split("\t"));
}

/** A sentence analysed on its own (as a one-sentence article) for the entities it names. */
function statementOfSentence(text: string): Statement {
  const article: Article = {
    id: "s", source: "s", url: null, outlet: null, title: "", authors: [], publishedAt: null, modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  } as unknown as Article;
  const names = analyzeArticle(article).flatMap((a) => (a.kind === "entity" ? entityKeys(a.name, a.type) : []));
  return statementOf(text, names);
}

export function loadMsrp(dataDir: string): PairExample[] {
  const dir = join(dataDir, "paraphrase", "msrp");
  return ["msr-para-train.tsv", "msr-para-val.tsv"].flatMap((f) =>
    readTsv(join(dir, f)).slice(1).map(([label, , , a, b]) => ({ features: pairFeatures(statementOfSentence(a!), statementOfSentence(b!)), label: Number(label) })));
}

export function loadStsHeadlines(dataDir: string, split: "train" | "dev"): PairExample[] {
  return readTsv(join(dataDir, "paraphrase", "sts-headlines", `sts-headlines-${split}.tsv`)).map((row) => {
    const score = Number(row[4]);
    return { features: pairFeatures(statementOfSentence(row[5]!), statementOfSentence(row[6]!)), label: score >= STS_SAME ? 1 : 0, score };
  });
}

const asFeatures = (x: number[], names: readonly FeatureName[] = FEATURE_NAMES): Features =>
  new Map(FEATURE_NAMES.flatMap((n, k) => (names.includes(n) ? [[n, x[k]!] as const] : [])));
export const fit = (examples: readonly PairExample[], names: readonly FeatureName[] = FEATURE_NAMES): LogisticModel =>
  trainLogistic(examples.map((e) => asFeatures(e.features, names)), examples.map((e) => e.label), TRAINING);
export const predict = (model: LogisticModel, x: number[]): number => predictLogistic(model, asFeatures(x));

function binary(labels: readonly number[], predicted: readonly boolean[]) {
  let tp = 0, fp = 0, fn = 0, right = 0;
  labels.forEach((l, i) => {
    if (predicted[i] === (l === 1)) right++;
    if (predicted[i] && l === 1) tp++;
    if (predicted[i] && l !== 1) fp++;
    if (!predicted[i] && l === 1) fn++;
  });
  const precision = tp / Math.max(1, tp + fp), recall = tp / Math.max(1, tp + fn);
  return { accuracy: right / labels.length, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let sxy = 0, sxx = 0, syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** MSRP folds by position (the file's order is the corpus's, not sorted by label); each fold's model also sees STS train. */
export function msrpCrossValidated(msrp: readonly PairExample[], extra: readonly PairExample[], names: readonly FeatureName[] = FEATURE_NAMES) {
  const predicted: boolean[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const inFold = (i: number) => i % FOLDS === k;
    const model = fit([...msrp.filter((_, i) => !inFold(i)), ...extra], names);
    msrp.forEach((e, i) => {
      if (inFold(i)) predicted[i] = predict(model, e.features) >= 0.5;
    });
  }
  return binary(msrp.map((e) => e.label), predicted);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = process.env.TRIANGULATE_DATA ?? "../shared/data";
  const started = Date.now();
  const msrp = loadMsrp(dataDir);
  const [stsTrain, stsDev] = [loadStsHeadlines(dataDir, "train"), loadStsHeadlines(dataDir, "dev")];
  console.log(`features of ${msrp.length + stsTrain.length + stsDev.length} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [label, names] of [["all features", FEATURE_NAMES], ["shipped features", SHIPPED_FEATURES]] as const) {
    const cv = msrpCrossValidated(msrp, stsTrain, names);
    console.log(`MSRP train, ${FOLDS}-fold CV, ${label}: accuracy ${(100 * cv.accuracy).toFixed(1)}%, F1 ${(100 * cv.f1).toFixed(1)}% (P ${(100 * cv.precision).toFixed(1)}, R ${(100 * cv.recall).toFixed(1)})`);
  }
  const model = fit([...msrp, ...stsTrain], SHIPPED_FEATURES);
  console.log(`STS headlines dev Pearson: ${pearson(stsDev.map((e) => predict(model, e.features)), stsDev.map((e) => e.score!)).toFixed(3)}`);
  console.log("weights:", model.intercept.toFixed(3), Object.fromEntries([...model.weights].map(([n, w]) => [n, Number(w.toFixed(3))])));
  const pairs = await labelledSentencePairs(dataDir);
  const probabilities = pairs.map((p) => {
    const [a, b] = statementsOf([p.a, p.b], p.bundles);
    return predict(model, pairFeatures(a!, b!));
  });
  for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
    const r = binary(pairs.map((p) => (p.same ? 1 : 0)), probabilities.map((x) => x >= t));
    console.log(`hand-checked pairs (${pairs.length}), pair-level at p ≥ ${t}: P ${(100 * r.precision).toFixed(1)} R ${(100 * r.recall).toFixed(1)} F1 ${(100 * r.f1).toFixed(1)}`);
  }
  const ranked = pairs.map((p, i) => [probabilities[i]!, p.same] as const).sort((x, y) => y[0] - x[0]);
  let [hits, best] = [0, 0];
  ranked.forEach(([, same], k) => {
    if (same) hits++;
    if (hits / (k + 1) >= 0.9) best = Math.max(best, hits);
  });
  console.log(`hand-checked pairs, pair-level recall at precision ≥ 0.9: ${(best / Math.max(1, pairs.filter((p) => p.same).length)).toFixed(3)}`);
  if (process.argv.includes("--write")) {
    const weights = Object.fromEntries(FEATURE_NAMES.map((n) => [n, Number((model.weights.get(n) ?? 0).toFixed(4))]));
    writeFileSync(MODEL_FILE, `${JSON.stringify({ fittedBy: "eval/fit-statement-model.ts", training: "MSRP train (4,076) + STS headlines train (1,999, score >= 3 = same)", intercept: Number(model.intercept.toFixed(4)), weights }, null, 2)}\n`);
    console.log(`wrote ${MODEL_FILE}`);
  }
}
