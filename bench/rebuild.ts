/**
 * A store's story rebuild after a small addition (issue 5: "adding articles updates stories without re-clustering
 * everything"): what `watch`, the server and the workers pay each time new articles arrive.
 *
 *   node dist/bench/rebuild.js [--articles 10000,30000] [--added 0.01]   (data: $TRIANGULATE_DATA, else ../shared/data)
 *
 * Per size, in its own process (its peak RSS is its own): an embedded store (PGlite in a temp directory) is filled
 * with N real-text articles (bench/workers.ts's documents: ECB+ and AllSides texts reused with 10% of words edited,
 * dated over ten years) and rebuilt once. Then, twice, `--added` × N more articles of the same stream are stored
 * and the stories rebuilt, timed step by step (rebuildStories' onStep):
 * - baseline: every story compared again (`reuseComparisons: false`, the rebuild before comparison keys);
 * - incremental: the default, where only stories whose comparison key changed are compared again.
 * Both rebuilds report on no article (as `ingest`, `watch` counts and the workers do). Each prints its seconds,
 * the stories compared and kept, and the ratio incremental ÷ baseline of the same run.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAllSides, loadEcbPlus } from "../eval/clustering-data.js";
import { processDocuments, type RebuildStep, rebuildStories } from "../src/pipeline.js";
import type { RawDocument } from "../src/records.js";
import { openStore } from "../src/store/index.js";
import { benchDocuments } from "./workers.js";

const INGEST_BATCH = 500;
const MAX_ARTICLE_CHARS = 300_000;

export interface RebuildRun {
  seconds: number;
  steps: Record<RebuildStep, number>;
  compared: number;
  kept: number;
}

export interface RebuildRow {
  articles: number;
  added: number;
  stories: number;
  ingestSeconds: number;
  first: RebuildRun;
  baseline: RebuildRun;
  incremental: RebuildRun;
  peakRssMb: number;
}

export async function benchRebuild(dataDir: string, articles: number, addedShare: number): Promise<RebuildRow> {
  const texts = [...(await loadEcbPlus(dataDir)), ...(await loadAllSides(dataDir))]
    .map(({ article: a }) => ({ id: a.id, source: a.source, title: a.title, text: a.text, outlet: a.outlet }));
  const added = Math.max(1, Math.round(articles * addedShare));
  const documents = benchDocuments(texts, articles + 2 * added);
  const take = (n: number): RawDocument[] => Array.from({ length: n }, () => documents.next().value!).filter(Boolean);
  const dir = await mkdtemp(join(tmpdir(), "triangulate-bench-rebuild-"));
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  try {
    const ingestStart = performance.now();
    for (let stored = 0; stored < articles; stored += INGEST_BATCH) {
      await store.saveBundles(processDocuments(take(Math.min(INGEST_BATCH, articles - stored)), { maxArticleChars: MAX_ARTICLE_CHARS }).bundles);
    }
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    const rebuild = async (reuseComparisons: boolean): Promise<RebuildRun> => {
      const steps: Record<RebuildStep, number> = { load: 0, cluster: 0, compare: 0, store: 0 };
      const started = performance.now();
      const analysis = await rebuildStories(store, { failures: [], skipped: [], reportOn: new Set(), reuseComparisons, onStep: (step, ms) => (steps[step] += ms / 1000) });
      return { seconds: (performance.now() - started) / 1000, steps, compared: analysis.comparisons.length, kept: analysis.kept?.unchanged.size ?? 0 };
    };
    const first = await rebuild(true);
    await store.saveBundles(processDocuments(take(added), { maxArticleChars: MAX_ARTICLE_CHARS }).bundles);
    const baseline = await rebuild(false);
    await store.saveBundles(processDocuments(take(added), { maxArticleChars: MAX_ARTICLE_CHARS }).bundles);
    const incremental = await rebuild(true);
    const stories = (await store.counts()).stories;
    return { articles, added, stories, ingestSeconds, first, baseline, incremental, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatRebuild(rows: readonly RebuildRow[]): string {
  const s = (x: number) => x.toFixed(1);
  const run = (r: RebuildRun) => `${s(r.seconds)} (${s(r.steps.load)} / ${s(r.steps.cluster)} / ${s(r.steps.compare)} / ${s(r.steps.store)})`;
  return [
    "| articles | added each time | stories | first rebuild s | baseline s (load / cluster / compare / store) | stories compared | incremental s (load / cluster / compare / store) | stories compared / kept | incremental ÷ baseline | peak RSS MB |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) =>
      `| ${r.articles} | ${r.added} | ${r.stories} | ${s(r.first.seconds)} | ${run(r.baseline)} | ${r.baseline.compared} | ${run(r.incremental)} | ${r.incremental.compared} / ${r.incremental.kept} | **${(r.incremental.seconds / r.baseline.seconds).toFixed(2)}×** | ${Math.round(r.peakRssMb)} |`),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  const argAt = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const share = Number(argAt("--added") ?? "0.01");
  if (!(share > 0 && share < 1)) throw new Error(`--added must be a share between 0 and 1 (0.01 = 1%), not "${argAt("--added")}"`);
  const one = argAt("--one");
  if (one) {
    console.log(JSON.stringify(await benchRebuild(dataDir, Number(one), share)));
  } else {
    const self = fileURLToPath(import.meta.url);
    const rows = (argAt("--articles") ?? "10000,30000").split(",").filter(Boolean).map((n) => {
      const out = execFileSync(process.execPath, [self, "--one", n, "--added", String(share)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
      process.stderr.write(out);
      return JSON.parse(out) as RebuildRow;
    });
    console.log(formatRebuild(rows));
  }
}
