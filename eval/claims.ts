/**
 * Claim detection on ClaimBuster's two-class test set (702 debate sentences, half check-worthy factual claims):
 * does `findClaimSentences` keep the check-worthy ones and drop the rest? Each sentence is analyzed as a
 * one-sentence article, as the compare stage would see it. Scores: precision, recall, F1 of the "claim" class.
 * A baseline for the claims issue, which replaces the rules with a calibrated classifier.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../src/records.js";
import { analyzeArticle } from "../src/analyze/index.js";
import { findClaimSentences } from "../src/compare/claims/find-claims.js";

export const CLAIMBUSTER_TEST = join("claims", "claimbuster-checkthat", "data", "two_class", "test.json");

export interface ClaimsScore {
  sentences: number;
  precision: number;
  recall: number;
  f1: number;
  seconds: number;
}

export async function evalClaims(dataDir: string, opts: { limit?: number } = {}): Promise<ClaimsScore> {
  const started = Date.now();
  const rows = JSON.parse(await readFile(join(dataDir, CLAIMBUSTER_TEST), "utf8")) as { sentence_id: number; label: number; text: string }[];
  const sample = opts.limit ? rows.slice(0, opts.limit) : rows;
  let tp = 0, fp = 0, fn = 0;
  for (const row of sample) {
    const article: Article = {
      id: String(row.sentence_id), source: "claimbuster", url: null, outlet: null, title: "", authors: [], publishedAt: null,
      modifiedAt: null, language: "en", text: row.text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
    };
    const predicted = findClaimSentences({ article, annotations: analyzeArticle(article) }).length > 0;
    if (predicted && row.label === 1) tp++;
    else if (predicted) fp++;
    else if (row.label === 1) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { sentences: sample.length, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, seconds: (Date.now() - started) / 1000 };
}
