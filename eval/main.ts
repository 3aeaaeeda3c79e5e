/**
 * `npm run eval` (node dist/eval/main.js): accuracy gates on the shared data sets, outside `npm test`.
 *
 *   node dist/eval/main.js [--out FILE] [--allow-regression] [--limit N] [--only clustering|extraction|claims|alignment|quotes|dates|numbers|duplicates|framing|paraphrase]
 *
 * Data: $TRIANGULATE_DATA, else ../shared/data, resolved from the current folder; exit 2 when it is missing.
 * Prints a table; writes the full results as JSON only with --out. Every gated metric has a floor (FLOORS):
 * below one, exit 1 unless --allow-regression. --limit N takes the first N documents of each set (pages for
 * extraction) for a quick look; floors are not checked then, since a sample scores differently.
 * Framing runs BABE's biased-sentence split and the AllSides framing and brief eval (eval/framing-allsides.ts, ~10 s).
 * Verdicts runs the hand-written verdict suite in eval/verdicts (eval/verdicts.ts; no shared data needed).
 * Extraction also scores Mozilla Readability on linkedom as a baseline and times ours, Readability and
 * htmlparser2's parse alone on the same pages (eval/extraction-baseline.ts), 2 rounds each.
 * Runtime on the 2-core dev machine: ~3 min extraction (two thirds of it Readability's rounds) + ~45 s clustering
 * (docs/BENCHMARKS.md).
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { ALLSIDES_DIR, ECBPLUS_FILE } from "./clustering-data.js";
import { MAX_EVENT_SPREAD_DAYS } from "../src/cluster/cluster-stories.js";
import { type ClusteringEval, evalClustering } from "./clustering.js";
import type { ClusteringScore } from "./clustering-score.js";
import { evalClaimAlignment, formatClaimAlignment } from "./claim-alignment.js";
import { evalAlignmentValues, formatAlignmentValues } from "./alignment-values.js";
import { evalParaphrase, formatParaphrase } from "./paraphrase.js";
import { comparisonCensus, formatComparisonCensus } from "./comparison-census.js";
import { CLAIMBUSTER_TEST, type ClaimsScore, evalClaims } from "./claims.js";
import { BABE_FILE, type BiasScore, evalBias } from "./bias.js";
import { evalFramingAllSides, type FramingAllSidesScore, formatFramingAllSides } from "./framing-allsides.js";
import { type DatesScore, evalDates, TEMPEVAL_DIR } from "./dates.js";
import { evalNumbers, NUMBERS_DATA, type NumbersScore, type NumbersSetScore } from "./numbers.js";
import { evalNearDuplicates, formatNearDuplicatesEval } from "./near-duplicates.js";
import { formatThroughput } from "./extraction-baseline.js";
import { evalExtraction, type ExtractionScore } from "./extraction.js";
import { evalQuotes, POLNEAR_TEST, type QuotesScore } from "./quotes.js";
import { evalVerdicts, formatVerdicts, VERDICTS_FLOOR } from "./verdicts.js";
import { ECBPLUS_MENTIONS_DIR, ENTITY_COREF_FLOOR, ENTITY_COREF_GATE, evalEntityCoref, formatEntityCoref } from "./entity-coref.js";
import { evalVerdictsReal, formatVerdictsReal, GVC_DOCS } from "./verdicts-real.js";

const EXTRACTION_DIR = join("extraction", "trafilatura-eval");

/**
 * Floors: a little below what the full data scored on 2026-11-22 (docs/BENCHMARKS.md), so noise-free code changes
 * pass and real regressions fail. Raise a floor when a change improves its metric; lower one only with a reason in
 * docs/decisions.md.
 */
export const FLOORS: Record<string, number> = {
  // At the shipped 0.26 / 0.11 with corpus-independent vectors (issue 5); before: 0.843 / 0.810 / 0.899 / 0.725 / 0.696.
  "clustering: ECB+ all topics, story B3 F1": 0.86, // 0.878
  "clustering: ECB+ within topic, story B3 F1": 0.84, // 0.858 (the single-story case users start with)
  "clustering: ECB+ storyline vs topic, B3 F1": 0.87, // 0.887
  "clustering: AllSides, story B3 F1": 0.74, // 0.761, with the publication dates 579 of the 1,479 links carry (0.753 with the date gate before the graded weight)
  "clustering: AllSides undated, story B3 F1": 0.71, // 0.732, words alone
  // The crawl's records through the product's own reader and extraction: 0.732 while text records ignored their URL's date.
  "clustering: AllSides read as records, story B3 F1": 0.74, // 0.761
  "extraction: segment F1": 0.92, // 0.930 (issue 3's target; trafilatura publishes 0.924)
  "extraction: title accuracy": 0.78, // 0.800
  "extraction: date accuracy": 0.76, // 0.786
  "extraction: author overlap": 0.59, // 0.610
  // The issue's targets against Mozilla Readability on linkedom, measured in the same run (extraction-baseline.ts).
  // F1s are rounded to 4 places, so "ahead" means a difference of at least 0.0001; this floor sits under it.
  "extraction: F1 minus Readability F1": 0.00005,
  "extraction: throughput vs Readability": 2.0, // ours ÷ Readability pages/s, best of 3 rounds each (2.2–2.7 measured)
  "claims: ClaimBuster check-worthy F1": 0.68, // 0.700 (P 0.784, R 0.632)
  // eval/claim-alignment.ts: 512 cross-article sentence pairs of 28 stories, labelled blind; all pairs, unweighted.
  // Learned pair model (group-statements.ts) with shared numbers, threshold 0.34: 0.615 (P 0.933, R 0.459); before
  // them 0.559 (P 0.913, R 0.403); lexical Jaccard + WordNet before: 0.557 (P 0.959, R 0.392).
  // Precision floor at the issue's 0.9. Recall is the open problem (target 0.75).
  "claims: aligned-pair F1 (hand-checked)": 0.6,
  "claims: aligned-pair precision (hand-checked)": 0.9,
  "claims: aligned-pair recall (hand-checked)": 0.45, // 0.459
  // eval/paraphrase.ts: the same pair model on MSRP train (10-fold CV; published bag-of-words 69.6%) and STS headlines dev.
  "paraphrase: MSRP train 10-fold CV accuracy": 0.7, // 0.709 (F1 0.801)
  "paraphrase: STS headlines dev Pearson": 0.68, // 0.699
  "quotes: PolNeAR direct-quote F1": 0.9, // 0.928 (P 0.962, R 0.896)
  "quotes: PolNeAR speaker accuracy": 0.915, // 0.921 on test (0.919 literal; 0.922 dev, 0.910 train, where the rules were developed); 0.879 before issue 21, 0.910 after its first round, 0.916 after its second
  "dates: TempEval-3 calendar-date recall": 0.9, // 0.927 (0.720 before issue 4; 0.897 with the old analyzer once the eval read every creation time)
  "dates: TempEval-3 value accuracy": 0.91, // 0.936 (0.878 before issue 4; 0.899 old analyzer, fixed eval)
  // All 129 sentences of eval/numbers.ts; the 29 held out alone: F1 0.979, unit 1.000, counts 0.826, hedge 1.000.
  "numbers: detection F1": 0.94, // 0.976 (P 0.992, R 0.961)
  "numbers: unit accuracy": 0.93, // 0.959
  "numbers: counts accuracy": 0.85, // 0.885
  "numbers: hedge accuracy": 0.96, // 0.992
  // eval/near-duplicates.ts: 1,000 ECB+/AllSides originals and 635 planted copies (trimmed, re-headlined, edited).
  "near-duplicates: copy-pair F1": 0.88, // 0.908 (P 0.842 — many "false" pairs are real wire re-runs in ECB+ — R 0.986)
  "near-duplicates: copy-pair recall": 0.96, // 0.986
  "framing: BABE held-out biased-sentence macro F1": 0.75, // 0.773 (biased P 0.770 R 0.781; lexicon alone 0.407; published 0.804)
  // eval/framing-allsides.ts: 505 NeuS-AllSides stories compared. The lean check gates the biased-sentence gap only: its
  // 95% CI is 0.031–0.071 over 469 stories, while the loaded-word gap's (0.343 per 1,000 words) spans 0.
  "framing: AllSides biased-sentence share, sides minus center": 0.025, // 0.051: (left+right)/2 − center, per story
  "framing: AllSides briefs with no loaded cue": 0.97, // 1.000 since the brief passes over wordings with a loaded cue (0.790 before)
  "framing: AllSides brief citations valid": 1.0, // 1.000: structural, every sentence cites real articles and claims
  "framing: AllSides brief words in cited support": 0.98, // 1.000: the brief is extractive
  "framing: AllSides brief ROUGE-1 F1 vs roundup": 0.38, // 0.392 on 2026-12-08 (lead-3 0.377; was 0.401 before the brief left out excerpts cut mid-sentence and attributed single-source lines)
  "framing: AllSides brief ROUGE-2 F1 vs roundup": 0.13, // 0.143 on 2026-12-08 (lead-3 0.139; was 0.147 before the same changes)
  "framing: AllSides brief determinism": 1.0, // 1.000 on 25 stories analysed and compared again
};

interface Args {
  out?: string;
  allowRegression: boolean;
  limit?: number;
  only?: "clustering" | "extraction" | "claims" | "alignment" | "quotes" | "dates" | "framing" | "numbers" | "duplicates" | "verdicts" | "entities" | "paraphrase";
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  const needed = [
    ...(!args.only || args.only === "clustering" ? [ECBPLUS_FILE, ALLSIDES_DIR] : []),
    ...(!args.only || args.only === "extraction" ? [EXTRACTION_DIR] : []),
    ...(!args.only || args.only === "claims" ? [CLAIMBUSTER_TEST] : []),
    ...(!args.only || args.only === "alignment" ? [ECBPLUS_FILE, ALLSIDES_DIR, join("conflicts", "gvc", "gvc_docs.jsonl")] : []),
    ...(!args.only || args.only === "quotes" ? [POLNEAR_TEST] : []),
    ...(!args.only || args.only === "dates" ? [TEMPEVAL_DIR] : []),
    ...(!args.only || args.only === "numbers" ? NUMBERS_DATA : []),
    ...(!args.only || args.only === "duplicates" ? [join("clustering", "ecbplus"), join("clustering", "neus-allsides")] : []),
    ...(!args.only || args.only === "framing" ? [BABE_FILE, ALLSIDES_DIR] : []),
    ...(!args.only || args.only === "entities" ? [ECBPLUS_MENTIONS_DIR] : []),
    ...(!args.only || args.only === "paraphrase" ? [join("paraphrase", "msrp"), join("paraphrase", "sts-headlines")] : []),
  ].map((p) => join(dataDir, p));
  // The verdict suite is in the repository: --only verdicts runs without the shared data (its real stories then skip).
  const missing = args.only === "verdicts" ? [] : existsSync(dataDir) ? needed.filter((p) => !existsSync(p)) : [dataDir];
  if (missing.length) {
    process.stderr.write(`[triangulate] [eval] data not found: ${missing.join(", ")}\n` +
      `Set TRIANGULATE_DATA to the shared data folder (the one holding clustering/ and extraction/), e.g.\n` +
      `  TRIANGULATE_DATA=/path/to/shared/data npm run eval\n`);
    return 2;
  }

  const started = performance.now();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`eval: data ${dataDir}${args.limit ? `, SAMPLED: first ${args.limit} documents/pages of each set` : ""}`);
  const wants = (part: NonNullable<Args["only"]>) => !args.only || args.only === part;
  const clustering = wants("clustering") ? await evalClustering(dataDir, { limit: args.limit, log }) : null;
  if (wants("extraction")) log("extraction: scoring trafilatura-eval pages…");
  const extraction = wants("extraction") ? await evalExtraction(join(dataDir, EXTRACTION_DIR), { limit: args.limit }) : null;
  if (wants("claims")) log("claims: ClaimBuster two-class test sentences…");
  const claims = wants("claims") ? await evalClaims(dataDir, { limit: args.limit }) : null;
  if (wants("alignment")) log("alignment: hand-checked claim pairs in AllSides stories and ECB+ events…");
  const alignment = wants("alignment") ? await evalClaimAlignment(dataDir) : null;
  const census = wants("alignment") ? await comparisonCensus(dataDir) : null;
  // eval/alignment-values.ts: 150 story pairs of GVC/ECB+ train (one fact, two values), grouped as alignClaims groups.
  const alignmentValues = wants("alignment") ? await evalAlignmentValues(dataDir) : null;
  if (wants("paraphrase")) log("paraphrase: MSRP train (10-fold CV) and STS headlines dev…");
  const paraphrase = wants("paraphrase") ? evalParaphrase(dataDir) : null;
  if (wants("quotes")) log("quotes: PolNeAR test articles…");
  const quotes = wants("quotes") ? await evalQuotes(dataDir, { limit: args.limit }) : null;
  // The speaker rules were developed on the dev and train splits; dev is printed beside test as a check, not gated.
  const quotesDev = wants("quotes") && existsSync(join(dataDir, POLNEAR_TEST.replace(/test$/, "dev"))) ? await evalQuotes(dataDir, { limit: args.limit, split: "dev" }) : null;

  if (wants("dates")) log("dates: TempEval-3 TBAQ documents…");
  const dates = wants("dates") ? await evalDates(dataDir, { limit: args.limit }) : null;
  const numbers = wants("numbers") ? await evalNumbers(dataDir, { limit: args.limit }) : null;
  if (wants("duplicates")) log("near-duplicates: planted copies among ECB+ and AllSides texts…");
  const duplicates = wants("duplicates") ? await evalNearDuplicates(dataDir, args.limit ?? 500, args.limit ?? 500) : null;

  const framing = wants("framing") ? await evalBias(dataDir, { limit: args.limit }) : null;
  if (wants("framing")) log("framing: loaded language by lean, framing and briefs on AllSides stories…");
  const framingAllSides = wants("framing") ? await evalFramingAllSides(dataDir, { limit: args.limit }) : null;
  // Entity coreference on ECB+ gold mentions: the test split is gated, dev printed beside it.
  if (wants("entities")) log("entities: ECB+ gold entity mentions, cross-document coreference…");
  const entityCoref = wants("entities") ? [await evalEntityCoref(dataDir, "test"), await evalEntityCoref(dataDir, "dev")] : null;
  // The verdict suite lives in the repository (eval/verdicts), not in the shared data.
  const verdicts = wants("verdicts") ? await evalVerdicts(undefined, { limit: args.limit }) : null;
  // Real GVC incidents labelled blind (eval/verdicts-real), when the shared data is there; reported, not gated yet.
  const verdictsReal = wants("verdicts") && existsSync(join(dataDir, GVC_DOCS)) ? await evalVerdictsReal(dataDir) : null;

  const metrics = gatedMetrics(clustering, extraction, claims, quotes, dates, framing);
  if (entityCoref) metrics.push({ name: ENTITY_COREF_GATE, value: entityCoref[0]!.perSubtopic.ours.conllF1, floor: ENTITY_COREF_FLOOR });
  if (numbers) metrics.push(...numbersGates(numbers));
  if (framingAllSides) metrics.push(...framingAllSidesGates(framingAllSides));
  if (verdicts) metrics.push({ name: "verdicts: suite checks passed", value: verdicts.rate, floor: VERDICTS_FLOOR });
  if (paraphrase) {
    for (const [name, value] of [["paraphrase: MSRP train 10-fold CV accuracy", paraphrase.msrp.accuracy], ["paraphrase: STS headlines dev Pearson", paraphrase.stsHeadlinesDev.pearson]] as const)
      metrics.push({ name, value, floor: FLOORS[name]! });
  }
  if (alignment) {
    for (const [name, value] of [["claims: aligned-pair F1 (hand-checked)", alignment.all.f1], ["claims: aligned-pair precision (hand-checked)", alignment.all.precision], ["claims: aligned-pair recall (hand-checked)", alignment.all.recall]] as const)
      metrics.push({ name, value, floor: FLOORS[name]! });
  }
  if (duplicates) {
    metrics.push({ name: "near-duplicates: copy-pair F1", value: duplicates.score.f1, floor: FLOORS["near-duplicates: copy-pair F1"]! });
    metrics.push({ name: "near-duplicates: copy-pair recall", value: duplicates.score.recall, floor: FLOORS["near-duplicates: copy-pair recall"]! });
  }
  const failures = args.limit ? [] : metrics.filter((m) => m.value < m.floor);
  const checkFailed = clustering?.verified && !(clustering.verified.identical && clustering.verified.orderIndependent);
  if (clustering) printClustering(clustering);
  if (extraction) printExtraction(extraction);
  if (claims) printClaims(claims);
  if (alignment) out([`\n## ${formatClaimAlignment(alignment)}`]);
  if (alignmentValues) out([`\n${formatAlignmentValues(alignmentValues)}`]);
  if (paraphrase) out([`\n## ${formatParaphrase(paraphrase)}`]);
  if (census) out([`\n## ${formatComparisonCensus(census)}`]);
  if (quotes) printQuotes(quotes, quotesDev);
  if (dates) printDates(dates);
  if (numbers) printNumbers(numbers);
  if (duplicates) out([`\n## Near-duplicates (syndicated copies)`, formatNearDuplicatesEval(duplicates)]);
  if (framing) printFraming(framing);
  if (framingAllSides) out([`\n## ${formatFramingAllSides(framingAllSides)}`]);
  if (verdicts) out([`\n## ${formatVerdicts(verdicts)}`]);
  if (entityCoref) out([`\n## ${formatEntityCoref(entityCoref)}`]);
  if (verdictsReal) out([`\n## ${formatVerdictsReal(verdictsReal)}`]);
  printGates(metrics, args.limit !== undefined);
  if (checkFailed && !clustering!.verified!.identical) log("FAILED: the threshold sweep no longer reproduces clusterStories' partitions (eval/clustering-sweep.ts is out of date).");
  if (checkFailed && !clustering!.verified!.orderIndependent) log("FAILED: clusterStories gave other stories or storylines for the same articles in another order.");
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`\ntotal ${seconds.toFixed(0)} s\n`);

  if (args.out) {
    const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version };
    const result = { date: new Date().toISOString(), machine, dataDir, limit: args.limit ?? null, seconds, metrics, clustering, extraction, claims, alignment, paraphrase, census, quotes, dates, framing, framingAllSides, numbers, duplicates, verdicts, verdictsReal };
    await writeFile(args.out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`wrote ${args.out}\n`);
  }
  if ((failures.length || checkFailed) && !args.allowRegression) {
    process.stderr.write(`\n${failures.length + (checkFailed ? 1 : 0)} gate(s) failed; rerun with --allow-regression to accept.\n`);
    return 1;
  }
  return 0;
}

interface Metric {
  name: string;
  value: number;
  floor: number;
}

function gatedMetrics(
  c: ClusteringEval | null, e: ExtractionScore | null, k: ClaimsScore | null, q: QuotesScore | null, d: DatesScore | null,
  b: BiasScore | null,
): Metric[] {
  const values: Record<string, number | undefined> = {
    "clustering: ECB+ all topics, story B3 F1": c?.shipped.ecbAll.bcubed.f1,
    "clustering: ECB+ within topic, story B3 F1": c?.shipped.ecbWithinTopic.f1,
    "clustering: ECB+ storyline vs topic, B3 F1": c?.shipped.ecbStorylineTopic.bcubed.f1,
    "clustering: AllSides, story B3 F1": c?.shipped.allsides.bcubed.f1,
    "clustering: AllSides undated, story B3 F1": c?.shipped.allsidesUndated.bcubed.f1,
    "clustering: AllSides read as records, story B3 F1": c?.throughReader.allsides.bcubed.f1,
    "extraction: segment F1": e?.f1,
    "extraction: title accuracy": e?.metadata.title.accuracy,
    "extraction: date accuracy": e?.metadata.date.accuracy,
    "extraction: author overlap": e?.metadata.authorOverlap.accuracy,
    "extraction: F1 minus Readability F1": e ? Math.round((e.f1 - e.readability.f1) * 10000) / 10000 : undefined,
    "extraction: throughput vs Readability": e?.throughput.oursVsReadability,
    "claims: ClaimBuster check-worthy F1": k?.f1,
    "quotes: PolNeAR direct-quote F1": q?.f1,
    "quotes: PolNeAR speaker accuracy": q?.speakerAccuracy,
    "dates: TempEval-3 calendar-date recall": d?.recall,
    "dates: TempEval-3 value accuracy": d?.valueAccuracy,
    "framing: BABE held-out biased-sentence macro F1": b?.macroF1,
  };
  return Object.entries(FLOORS).flatMap(([name, floor]) => (values[name] === undefined ? [] : [{ name, value: values[name]!, floor }]));
}

function framingAllSidesGates(s: FramingAllSidesScore): Metric[] {
  const values: [string, number][] = [
    ["framing: AllSides biased-sentence share, sides minus center", s.paired.biasedShare.meanGap],
    ["framing: AllSides briefs with no loaded cue", s.brief.briefsWithoutLoaded],
    ["framing: AllSides brief citations valid", s.brief.citationValid],
    ["framing: AllSides brief words in cited support", s.brief.contentCoverage.mean],
    ["framing: AllSides brief ROUGE-1 F1 vs roundup", s.rouge.brief.rouge1.f1],
    ["framing: AllSides brief ROUGE-2 F1 vs roundup", s.rouge.brief.rouge2.f1],
    ["framing: AllSides brief determinism", s.determinism.identical],
  ];
  return values.map(([name, value]) => ({ name, value, floor: FLOORS[name]! }));
}

const f3 = (x: number) => x.toFixed(3);
const out = (lines: string[]) => process.stdout.write(`${lines.join("\n")}\n`);

/** src/cluster/vectors.ts' weights, each halved and doubled: B-cubed F1 at the shipped story threshold and at the variant's best. */
function formatWeightVariants(c: ClusteringEval): string[] {
  const shipped = { ecbAll: c.shipped.ecbAll.bcubed.f1, within: c.shipped.ecbWithinTopic.f1, allsides: c.shipped.allsides.bcubed.f1 };
  const shippedMean = (shipped.ecbAll + shipped.within + shipped.allsides) / 3;
  const bestShipped = c.stories.reduce((a, b) => (b.meanF1 > a.meanF1 ? b : a));
  return [
    "",
    `## Vector weights (src/cluster/vectors.ts), each halved and doubled, the others as shipped: B-cubed F1 at story t = ${c.shipped.story.toFixed(2)}, and the best mean over the story-threshold grid`,
    "| weight = value | ECB+ all | ECB+ within topic | AllSides | mean | best t: mean |",
    "|---|---|---|---|---|---|",
    `| shipped | ${f3(shipped.ecbAll)} | ${f3(shipped.within)} | ${f3(shipped.allsides)} | ${f3(shippedMean)} | ${bestShipped.threshold.toFixed(2)}: ${f3(bestShipped.meanF1)} |`,
    ...c.weights.map((r) =>
      `| ${r.weight} = ${r.value} | ${f3(r.atShipped.ecbAll)} | ${f3(r.atShipped.ecbWithinTopic)} | ${f3(r.atShipped.allsides)} | ${f3(r.atShipped.mean)} | ${r.best.threshold.toFixed(2)}: ${f3(r.best.mean)} |`),
  ];
}

/** Whether the threshold or the similarity itself holds the scores back (eval/clustering.ts, ClusteringLimits). */
function formatLimits(c: ClusteringEval): string[] {
  const l = c.limits;
  return [
    "## What limits the scores",
    `- The most similar other article (cosine, no date gate) is of the same story for ${pct(l.nearestNeighbourSameStory.ecbAll)} of ECB+ articles ` +
      `and ${pct(l.nearestNeighbourSameStory.allsidesUndated)} of AllSides excerpts (articles whose story has another).`,
    `- The best single story threshold: ECB+ all ${f3(l.bestThreshold.ecbAll)}, within topic ${f3(l.bestThreshold.ecbWithinTopic)}, AllSides ${f3(l.bestThreshold.allsides)}; ` +
      `ECB+ within topic with each topic cut at its own best threshold (chosen with the gold events): ${f3(l.ecbWithinTopicBestPerTopic)}.`,
  ];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function printClustering(c: ClusteringEval): void {
  const d = c.documents;
  const mark = (t: number) => (t === c.recommended.story ? " ← recommended" : t === c.shipped.story ? " ← shipped" : "");
  const rows = c.stories.filter((r) => Math.round(r.threshold * 100) % 2 === 0 || mark(r.threshold));
  out([
    `\n## Story clustering (B-cubed P / R / F1; pairwise F1)${c.limited ? "  [SAMPLED with --limit]" : ""}`,
    `ECB+ ${d.ecbplus} docs / ${d.ecbTopics} topics / ${c.shipped.ecbAll.goldClusters} events; AllSides ${d.allsides} excerpts / ${d.allsidesStories} stories. ` +
      `Annotating took ${c.annotateSeconds.toFixed(0)} s, the whole clustering eval ${c.seconds.toFixed(0)} s.`,
    "",
    "| story t | ECB+ all: P / R / F1 | pairwise F1 | clusters | ECB+ within topic F1 | AllSides: P / R / F1 | pairwise F1 | AllSides undated F1 | worst F1 | mean F1 (smoothed) |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) =>
      `| ${r.threshold.toFixed(2)}${mark(r.threshold)} | ${f3(r.ecbAll.bcubed.precision)} / ${f3(r.ecbAll.bcubed.recall)} / ${f3(r.ecbAll.bcubed.f1)} | ` +
      `${f3(r.ecbAll.pairwise.f1)} | ${r.ecbAll.predictedClusters} | ${f3(r.ecbWithinTopic.f1)} | ` +
      `${f3(r.allsides.bcubed.precision)} / ${f3(r.allsides.bcubed.recall)} / ${f3(r.allsides.bcubed.f1)} | ${f3(r.allsides.pairwise.f1)} | ${f3(r.allsidesUndated.bcubed.f1)} | ${f3(r.worstF1)} | ${f3(r.meanF1)} (${f3(r.smoothedMeanF1)}) |`),
    "",
    `Baselines (B3 F1): ECB+ singletons ${f3(c.baselines.ecbSingletons)}, gold topic as story ${f3(c.baselines.ecbTopicAsStory)}, ` +
      `one story per topic (within topic) ${f3(c.baselines.ecbWithinTopicOneStory)}; AllSides singletons ${f3(c.baselines.allsidesSingletons)}, ` +
      `AllSides topic tag as story ${f3(c.baselines.allsidesTopicAsStory)}.`,
    "",
    `## Storylines at story t = ${c.recommended.story.toFixed(2)}: ECB+ scored against the topic (AllSides against its broad topic tag, information only)`,
    `| storyline t | ECB+ P / R / F1 | storylines (${d.ecbTopics} topics) | AllSides topic F1 |`,
    "|---|---|---|---|",
    ...c.storylines.map((r) =>
      `| ${r.threshold.toFixed(2)}${r.threshold === c.recommended.storyline ? " ← recommended" : ""} | ${f3(r.ecbTopic.bcubed.precision)} / ` +
      `${f3(r.ecbTopic.bcubed.recall)} / ${f3(r.ecbTopic.bcubed.f1)} | ${r.ecbTopic.predictedClusters} | ${f3(r.allsidesTopic.bcubed.f1)} |`),
    "",
    `## Publication dates at story t = ${c.shipped.story.toFixed(2)}: AllSides with link dates (579 of 1,479 dated), B-cubed P / R / F1 (pairwise F1)`,
    "Graded (shipped): two dated reports count 1 − days apart / reach of their similarity. Cut: all of it within the reach, none beyond.",
    "| reach (days) | graded | cut |",
    "|---|---|---|",
    ...c.spreads.map((r) => {
      const cell = (s: ClusteringScore) => `${f3(s.bcubed.precision)} / ${f3(s.bcubed.recall)} / ${f3(s.bcubed.f1)} (${f3(s.pairwise.f1)})`;
      return `| ${r.days ?? "dates ignored"}${r.days === MAX_EVENT_SPREAD_DAYS ? " (shipped)" : ""} | ${cell(r.graded)} | ${cell(r.cut)} |`;
    }),
    ...(c.weights.length ? formatWeightVariants(c) : []),
    "",
    `AllSides read as a user's records are (the crawl's outlet, title, link and paragraphs → parseArticleRecord → extraction → analysis → clusterStories): ` +
      `B3 P / R / F1 ${f3(c.throughReader.allsides.bcubed.precision)} / ${f3(c.throughReader.allsides.bcubed.recall)} / ${f3(c.throughReader.allsides.bcubed.f1)}; ` +
      `${c.throughReader.clustered} clustered (${c.throughReader.dated} dated), ${c.throughReader.skippedOrFailed} skipped or failed (${c.throughReader.seconds.toFixed(1)} s).`,
    "",
    ...formatLimits(c),
    "",
    `Shipped (src/cluster/cluster-stories.ts): story ${c.shipped.story}, storyline ${c.shipped.storyline} → ECB+ ${f3(c.shipped.ecbAll.bcubed.f1)}, ` +
      `within topic ${f3(c.shipped.ecbWithinTopic.f1)}, storyline/topic ${f3(c.shipped.ecbStorylineTopic.bcubed.f1)}, AllSides ${f3(c.shipped.allsides.bcubed.f1)} (undated ${f3(c.shipped.allsidesUndated.bcubed.f1)}).`,
    `Recommended: story ${c.recommended.story}, storyline ${c.recommended.storyline} → ECB+ ${f3(c.recommended.ecbAll.bcubed.f1)}, ` +
      `within topic ${f3(c.recommended.ecbWithinTopic.f1)}, storyline/topic ${f3(c.recommended.ecbStorylineTopic.bcubed.f1)}, AllSides ${f3(c.recommended.allsides.bcubed.f1)}.`,
    c.verified
      ? `Sweep vs clusterStories on ECB+ and AllSides (dated) at the shipped thresholds: ${c.verified.identical ? "identical partitions" : "DIFFERENT partitions"}; ` +
        `the input shuffled: ${c.verified.orderIndependent ? "the same stories (ids, titles, members in order) and storylines" : "DIFFERENT stories or storylines"} (${c.verified.seconds.toFixed(1)} s).`
      : "Sweep not checked against clusterStories.",
  ]);
}

function printExtraction(e: ExtractionScore): void {
  const m = e.metadata;
  const r = e.readability;
  out([
    `\n## Extraction: trafilatura-eval, ${e.pages} pages in ${e.seconds} s`,
    "| system | precision | recall | F1 | accuracy | title | date | author exact | author overlap |",
    "|---|---|---|---|---|---|---|---|---|",
    `| triangulate | ${f3(e.precision)} | ${f3(e.recall)} | ${f3(e.f1)} | ${f3(e.accuracy)} | ${f3(m.title.accuracy)} | ${f3(m.date.accuracy)} | ` +
      `${f3(m.authorExact.accuracy)} | ${f3(m.authorOverlap.accuracy)} |`,
    `| @mozilla/readability on linkedom | ${f3(r.precision)} | ${f3(r.recall)} | ${f3(r.f1)} | ${f3(r.accuracy)} | | | | |`,
    `Readability (default options, textContent scored the same way) found no article on ${r.noArticle} pages and threw on ${r.threw}.`,
    "Published F1 on the same pages: trafilatura 2.2.0 0.924, magic-html 0.889, readability-lxml 0.826, newspaper4k 0.801.",
    "",
    ...formatThroughput(e.throughput),
  ]);
}

function printClaims(k: ClaimsScore): void {
  out([
    `\n## Claim detection: ClaimBuster two-class test, ${k.sentences} sentences in ${k.seconds.toFixed(1)} s`,
    "| precision | recall | F1 |",
    "|---|---|---|",
    `| ${f3(k.precision)} | ${f3(k.recall)} | ${f3(k.f1)} |`,
  ]);
}

function printQuotes(q: QuotesScore, dev: QuotesScore | null): void {
  out([
    `\n## Direct quotes and speakers: PolNeAR test, ${q.articles} articles in ${q.seconds.toFixed(1)} s`,
    `${q.goldDirect} gold quotes in quotation marks; ${q.found} quotes found.`,
    "| precision | recall | F1 | speaker accuracy |",
    "|---|---|---|---|",
    `| ${f3(q.precision)} | ${f3(q.recall)} | ${f3(q.f1)} | ${f3(q.speakerAccuracy)} |`,
    `Reported speech: ${q.indirectFound} indirect quotes found against ${q.goldIndirect} gold attributions without quotation marks;` +
      ` precision ${f3(q.indirectPrecision)}, recall ${f3(q.indirectRecall)}.`,
    `Speaker accuracy by how the gold source gives the speaker (bound: share resolved to a name): ` +
      (["name", "role", "pronoun"] as const).map((c) => `${c} ${f3(q.speakerBy[c].accuracy)} (${q.speakerBy[c].right}/${q.speakerBy[c].checked}${c === "name" ? "" : `, bound ${f3(q.speakerBy[c].bound)}`})`).join(" · ") +
      `; literal gold (relative pronouns and "said" marked as the source taken as written) ${f3(q.speakerAccuracyLiteral)}.`,
    ...(dev ? [`Dev split (${dev.articles} articles, where the rules were developed): F1 ${f3(dev.f1)}, speaker accuracy ${f3(dev.speakerAccuracy)}.`] : []),
  ]);
}

function printDates(d: DatesScore): void {
  out([
    `\n## Dates: TempEval-3 TBAQ-cleaned, ${d.documents} documents in ${d.seconds.toFixed(1)} s`,
    `${d.goldDates} gold calendar dates (TIMEX3 DATE with a YYYY[-MM[-DD]] value); ${d.found} dates found.`,
    "| precision | recall | value accuracy |",
    "|---|---|---|",
    `| ${f3(d.precision)} | ${f3(d.recall)} | ${f3(d.valueAccuracy)} |`,
  ]);
}

function numbersGates(n: NumbersScore): Metric[] {
  const values: Record<string, number> = {
    "numbers: detection F1": n.f1, "numbers: unit accuracy": n.unitAccuracy, "numbers: counts accuracy": n.countsAccuracy, "numbers: hedge accuracy": n.hedgeAccuracy,
  };
  return Object.entries(values).map(([name, value]) => ({ name, value, floor: FLOORS[name]! }));
}

function printNumbers(n: NumbersScore): void {
  const row = (name: string, x: NumbersSetScore) =>
    `| ${name} (${x.gold}) | ${f3(x.precision)} | ${f3(x.recall)} | ${f3(x.f1)} | ${f3(x.valueAccuracy)} | ${f3(x.unitAccuracy)} | ${f3(x.countsAccuracy)} | ${f3(x.hedgeAccuracy)} |`;
  out([
    `\n## Numbers: ${n.sentences} hand-checked news sentences (AllSides, PolNeAR, ECB+; ${n.heldOut.sentences} held out) in ${n.seconds.toFixed(1)} s`,
    `${n.gold} gold numbers; ${n.found} found${n.stale ? `; ${n.stale} gold sentences STALE (text changed), left out` : ""}.`,
    "| set (gold numbers) | precision | recall | F1 | value | unit | counts | hedge |",
    "|---|---|---|---|---|---|---|---|",
    row("all", n),
    row("held-out", n.heldOut),
  ]);
}

function printFraming(b: BiasScore): void {
  const row = (name: string, r: Pick<BiasScore, "biased" | "nonBiased" | "macroF1">) =>
    `| ${name} | ${f3(r.biased.precision)} / ${f3(r.biased.recall)} | ${f3(r.nonBiased.precision)} / ${f3(r.nonBiased.recall)} | ${f3(r.macroF1)} |`;
  out([
    `\n## Biased sentences: BABE held-out split, ${b.sentences} sentences in ${b.seconds.toFixed(1)} s (${b.microsecondsPerSentence.toFixed(0)} µs a sentence)`,
    "| system | biased P / R | non-biased P / R | macro F1 |",
    "|---|---|---|---|",
    row(`shipped classifier (threshold ${b.threshold})`, b),
    row("hand-made loaded-word lexicon", b.lexiconBaseline),
    `5-fold CV on the training part (trainer): ${b.crossValidatedMacroF1 === null ? "not recorded" : f3(b.crossValidatedMacroF1)}. ` +
      "Published: 0.804, a fine-tuned transformer (Spinde et al. 2021, on all of BABE).",
  ]);
}

function printGates(metrics: Metric[], sampled: boolean): void {
  out([
    `\n## Gates${sampled ? " (NOT checked: --limit samples the data)" : ""}`,
    "| metric | value | floor | |",
    "|---|---|---|---|",
    ...metrics.map((m) => `| ${m.name} | ${f3(m.value)} | ${f3(m.floor)} | ${sampled ? "-" : m.value >= m.floor ? "ok" : "BELOW FLOOR"} |`),
  ]);
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    if (i >= 0 && argv[i + 1] === undefined) throw new Error(`[triangulate] [eval] ${name} needs a value`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const limit = value("--limit");
  const only = value("--only");
  if (limit !== undefined && !/^[1-9]\d*$/.test(limit)) throw new Error(`[triangulate] [eval] --limit wants a positive integer, got ${limit}`);
  const parts = ["clustering", "extraction", "claims", "alignment", "quotes", "dates", "framing", "numbers", "duplicates", "verdicts", "entities", "paraphrase"] as const;
  const part = parts.find((p) => p === only);
  if (only !== undefined && !part) throw new Error(`[triangulate] [eval] --only wants ${parts.join(", ")}, got ${only}`);
  return { out: value("--out"), allowRegression: argv.includes("--allow-regression"), limit: limit ? Number(limit) : undefined, only: part };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\nusage: node dist/eval/main.js [--out FILE] [--allow-regression] [--limit N] [--only clustering|extraction|claims|alignment|quotes|dates|numbers|duplicates|framing|verdicts]\n`);
    process.exit(1);
  },
);
