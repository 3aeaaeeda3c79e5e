/**
 * Does labelled "one fact, two values" data teach the pair model what MSRP cannot (issue 22, alignment)? The 150
 * story pairs of eval/alignment-values-data.ts (GVC train incidents, ECB+ train topics) are added to the training
 * data at weight W, and each feature set is scored by cross-validation only:
 * - the 512 hand-checked pairs (eval/claim-alignment.ts), never trained on: pair-level recall at precision ≥ 0.9;
 * - the 150 pairs, leave one story out (each fold fit on MSRP + STS train + the other stories' pairs × W);
 * - MSRP train 10-fold CV accuracy (each fold's model also sees STS train and the 150 × W);
 * - STS headlines dev Pearson.
 *
 *   node dist-align/eval/alignment-values-fit.js [--weights 0,4,8]
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FeatureName } from "../src/compare/claims/statement-features.js";
import { valuesLabelledPairs } from "./alignment-values-data.js";
import {
  fit, loadMsrp, loadStoryPairs, loadStsHeadlines, msrpCrossValidated, type PairExample, pearson, predict, recallAtPrecision, storyCrossValidated,
  storyExamples, weighStories,
} from "./fit-statement-model.js";

const BASE: FeatureName[] = ["lexical", "soft", "sharedNumbers"];
export const VALUES_FEATURE_SETS: [string, FeatureName[]][] = [
  ["lexical + soft + sharedNumbers", BASE],
  ["+ sameQuantity", [...BASE, "sameQuantity"]],
  ["+ sameQuantity + sharedEntities", [...BASE, "sameQuantity", "sharedEntities"]],
  ["+ sameQuantity + entityJaccard", [...BASE, "sameQuantity", "entityJaccard"]],
  ["+ sameQuantity + sharedPredicates", [...BASE, "sameQuantity", "sharedPredicates"]],
  ["+ sameQuantity + sharedEntities + sharedPredicates + softContainment", [...BASE, "sameQuantity", "sharedEntities", "sharedPredicates", "softContainment"]],
];

export interface ValuesFitRow { label: string; weight: number; handChecked: number; values: number; msrp: number; sts: number }

export async function fitWithValues(dataDir: string, weights: readonly number[]): Promise<ValuesFitRow[]> {
  const msrp = loadMsrp(dataDir);
  const [stsTrain, stsDev] = [loadStsHeadlines(dataDir, "train"), loadStsHeadlines(dataDir, "dev")];
  const handChecked = await loadStoryPairs(dataDir);
  const values = storyExamples(await valuesLabelledPairs(dataDir));
  const rows: ValuesFitRow[] = [];
  for (const [label, names] of VALUES_FEATURE_SETS) {
    for (const w of weights) {
      const general: PairExample[] = [...msrp, ...stsTrain];
      const model = fit([...general, ...weighStories(values, w)], names);
      const hand = recallAtPrecision(handChecked.map((e) => e.label), handChecked.map((e) => predict(model, e.features)));
      const own = recallAtPrecision(values.map((e) => e.label), storyCrossValidated(general, values, names, w));
      const cv = msrpCrossValidated(msrp, [...stsTrain, ...weighStories(values, w)], names);
      const sts = pearson(stsDev.map((e) => predict(model, e.features)), stsDev.map((e) => e.score!));
      rows.push({ label, weight: w, handChecked: hand.recall, values: own.recall, msrp: cv.accuracy, sts });
      console.log(`${label}, values ×${w}: 512 pairs R@P≥0.9 ${hand.recall.toFixed(3)} (p ≥ ${hand.threshold.toFixed(3)}); 150 pairs LOSO R@P≥0.9 ${own.recall.toFixed(3)}; MSRP CV ${(100 * cv.accuracy).toFixed(1)}%; STS dev r ${sts.toFixed(3)}; weights ${JSON.stringify(Object.fromEntries([...model.weights].map(([n, x]) => [n, Number(x.toFixed(2))])))} b ${model.intercept.toFixed(2)}`);
    }
  }
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = process.env.TRIANGULATE_DATA ?? "../shared/data";
  const k = process.argv.indexOf("--weights");
  await fitWithValues(dataDir, k > 0 ? process.argv[k + 1]!.split(",").map(Number) : [0, 4, 8]);
}
