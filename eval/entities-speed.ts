/**
 * `node dist/eval/entities-speed.js [--articles N] [--rounds N] [--interleaved]`: what entity resolution costs the analysis stage.
 * bench/analysis-speed.ts runs every analyzer over ~700-word ECB+ articles; here it runs alternately with the
 * entities analyzer as shipped (recogniser + in-article binding, bind.ts) and with the recogniser alone, in the same
 * process, and the cross-article step (report/resolve-entities.ts) is timed on the analyzed articles beside it.
 * Prints ms per article and the ratios (issue 21: resolution must add under 20% to analysis).
 */
import { resolve } from "node:path";
import { benchAnalysisSpeed } from "../bench/analysis-speed.js";
import entities from "../src/analyze/entities/index.js";
import { findEntities } from "../src/analyze/entities/find.js";
import { ANALYZERS, analyzeArticle } from "../src/analyze/index.js";
import type { Annotation, ArticleBundle } from "../src/records.js";
import { resolveEntities } from "../src/report/resolve-entities.js";
import { loadEcbPlus } from "./clustering-data.js";
import { tokenize } from "../src/_lib/wink.js";

async function main(argv: string[]): Promise<void> {
  const num = (flag: string, fallback: number) => (argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : fallback);
  const articles = num("--articles", 200), rounds = num("--rounds", 3);
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  const shipped = entities.analyze;
  const recogniserOnly: typeof entities.analyze = (article) =>
    findEntities(article.text).map(({ span, type, name }): Annotation & { kind: "entity" } => ({ kind: "entity", span, type, name, by: "entities@bench" }));
  const withBinding: number[] = [], without: number[] = [], entityWith: number[] = [], entityWithout: number[] = [];
  const perAnalyzer: Record<string, [number, number]> = {};
  const keep = (r: Record<string, number>, side: 0 | 1) => {
    for (const [name, ms] of Object.entries(r)) (perAnalyzer[name] ??= [Infinity, Infinity])[side] = Math.min(perAnalyzer[name]![side], ms);
  };
  // --interleaved: only the per-article measure below (the whole-run one costs four full runs).
  for (let i = 0; i < (argv.includes("--interleaved") ? 0 : 2); i++) {
    entities.analyze = shipped;
    const a = await benchAnalysisSpeed(dataDir, articles, rounds);
    withBinding.push(a.msPerArticle), entityWith.push(a.msPerAnalyzer["entities"]!), keep(a.msPerAnalyzer, 0);
    entities.analyze = recogniserOnly;
    const b = await benchAnalysisSpeed(dataDir, articles, rounds);
    without.push(b.msPerArticle), entityWithout.push(b.msPerAnalyzer["entities"]!), keep(b.msPerAnalyzer, 1);
  }
  entities.analyze = shipped;
  const interleaved = await interleavedCost(dataDir, articles, rounds, shipped, recogniserOnly);
  const bundles = await analyzedBundles(dataDir, articles);
  let resolveMs = Infinity; // the fastest round, as for the analysis
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    resolveEntities(bundles);
    resolveMs = Math.min(resolveMs, (performance.now() - t0) / bundles.length);
  }
  const min = (xs: number[]) => Math.min(...xs);
  const [w, wo] = [min(withBinding), min(without)];
  const lines = argv.includes("--interleaved") ? [] : [
    `analysis, all analyzers, ms/article: with binding ${w.toFixed(3)}, recogniser only ${wo.toFixed(3)} (best of 2 alternating runs × ${rounds} rounds, ${articles} articles)`,
    `entities analyzer alone: ${min(entityWith).toFixed(3)} vs ${min(entityWithout).toFixed(3)} ms/article`,
    `per analyzer, with / without: ${Object.entries(perAnalyzer).map(([n, [x, y]]) => `${n} ${x.toFixed(2)}/${y.toFixed(2)}`).join(", ")}`,
    `in-article binding adds ${(100 * (w / wo - 1)).toFixed(1)}% to analysis`,
    `cross-article resolution = ${(100 * resolveMs / w).toFixed(1)}% of analysis`,
    `resolution in all: +${(100 * ((w - wo + resolveMs) / wo)).toFixed(1)}% over analysis without it`,
  ];
  lines.push(
    `cross-article resolution (resolveEntities over the ${bundles.length} analyzed articles): ${resolveMs.toFixed(3)} ms/article`,
    `interleaved (each analyzer's fastest of ${rounds} rounds on each article, both ways back to back): ` +
      `analysis ${interleaved.withBinding.toFixed(3)} vs ${interleaved.without.toFixed(3)} ms/article, binding +${(100 * (interleaved.withBinding / interleaved.without - 1)).toFixed(1)}%; ` +
      `with resolveEntities: **+${(100 * ((interleaved.withBinding - interleaved.without + resolveMs) / interleaved.without)).toFixed(1)}%**`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

/**
 * Whole-run alternation (above) is at the mercy of other processes on a shared machine: a run at a busier moment
 * inflates every analyzer alike. Here each article is analysed with and without binding back to back (order
 * alternating by round, wink's cache emptied first, so each run pays the wink pass as in a pipeline), and each
 * analyzer's fastest time on each article per variant is kept: a load spike costs one sample, not a variant. The sum
 * of minimums is a best case, lower than any real run, so the ratios it gives are upper bounds.
 */
async function interleavedCost(dataDir: string, count: number, rounds: number, shipped: typeof entities.analyze, recogniserOnly: typeof entities.analyze): Promise<{ withBinding: number; without: number }> {
  const docs = (await loadEcbPlus(dataDir)).slice(0, count);
  const best = [new Float64Array(docs.length * ANALYZERS.length).fill(Infinity), new Float64Array(docs.length * ANALYZERS.length).fill(Infinity)];
  const variants = [shipped, recogniserOnly] as const;
  for (let r = 0; r < rounds; r++) {
    docs.forEach(({ article }, i) => {
      for (const v of r % 2 ? [1, 0] : [0, 1]) {
        for (let k = 0; k < WINK_CACHE_EVICTIONS; k++) tokenize(`evict ${k}`);
        entities.analyze = variants[v]!;
        const annotations: Annotation[] = [];
        ANALYZERS.forEach((analyzer, j) => {
          const t0 = performance.now();
          annotations.push(...analyzer.analyze(article, annotations));
          const at = i * ANALYZERS.length + j;
          best[v]![at] = Math.min(best[v]![at]!, performance.now() - t0);
        });
      }
    });
  }
  entities.analyze = shipped;
  const perArticle = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / docs.length;
  return { withBinding: perArticle(best[0]!), without: perArticle(best[1]!) };
}
/** _lib/wink.ts keeps the last 4 texts' passes. */
const WINK_CACHE_EVICTIONS = 4;

async function analyzedBundles(dataDir: string, count: number): Promise<ArticleBundle[]> {
  const docs = (await loadEcbPlus(dataDir)).slice(0, count);
  return docs.map(({ article }): ArticleBundle => ({ article, annotations: analyzeArticle(article) }));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
