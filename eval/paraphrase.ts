/**
 * The claim-alignment pair model on public paraphrase sets (`--only paraphrase`):
 * - MSRP train (4,076 pairs; the test split is held out by the team): 10-fold cross-validated accuracy and F1 of the
 *   shipped features fitted as eval/fit-statement-model.ts fits them (each fold's model sees the other nine folds
 *   and STS headlines train). Published on MSRP test: bag-of-words TF-IDF 69.6 / 81.2, TF-KLD 80.4 / 85.9.
 * - STS headlines dev (250 pairs, never trained on): Pearson of the shipped model's probability against the 0–5 gold.
 */
import { probabilityOf } from "../src/compare/claims/statement-model.js";
import { loadMsrp, loadStsHeadlines, msrpCrossValidated, pearson, SHIPPED_FEATURES } from "./fit-statement-model.js";

export interface ParaphraseScore {
  msrp: { pairs: number; accuracy: number; f1: number; precision: number; recall: number };
  stsHeadlinesDev: { pairs: number; pearson: number };
  seconds: number;
}

export function evalParaphrase(dataDir: string): ParaphraseScore {
  const started = Date.now();
  const msrp = loadMsrp(dataDir);
  const stsTrain = loadStsHeadlines(dataDir, "train");
  const stsDev = loadStsHeadlines(dataDir, "dev");
  const cv = msrpCrossValidated(msrp, stsTrain, SHIPPED_FEATURES);
  return {
    msrp: { pairs: msrp.length, ...cv },
    stsHeadlinesDev: { pairs: stsDev.length, pearson: pearson(stsDev.map((e) => probabilityOf(e.features)), stsDev.map((e) => e.score!)) },
    seconds: (Date.now() - started) / 1000,
  };
}

const pct = (x: number) => (100 * x).toFixed(1);
export const formatParaphrase = (s: ParaphraseScore): string =>
  [
    `Paraphrase (claim-alignment pair model; ${s.seconds.toFixed(1)} s)`,
    "",
    "| set | pairs | score |",
    "|---|---|---|",
    `| MSRP train, 10-fold CV | ${s.msrp.pairs} | accuracy ${pct(s.msrp.accuracy)}%, F1 ${pct(s.msrp.f1)}% (P ${pct(s.msrp.precision)}, R ${pct(s.msrp.recall)}); published BoW 69.6 / 81.2, TF-KLD 80.4 / 85.9 |`,
    `| STS headlines dev | ${s.stsHeadlinesDev.pairs} | Pearson ${s.stsHeadlinesDev.pearson.toFixed(3)} |`,
  ].join("\n");
