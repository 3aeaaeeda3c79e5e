/**
 * Near-duplicate detection at scale (issue 5: near-linear, not all pairs): findNearDuplicates on 1k, 10k and
 * 100k articles.
 *
 *   node dist/bench/near-duplicates.js [--sizes 1000,10000,100000]     (data: $TRIANGULATE_DATA, else ../shared/data)
 *
 * Articles are built from real text: the sentences of all ECB+ documents and AllSides excerpts (~2,500 texts)
 * form a pool; each article is 12–30 sentences drawn from it by a seeded generator (~500 words), with 3% of its
 * words edited (eval/near-duplicates.ts's editWords), so that no two articles are copies although sentences
 * recur, as they do across a real feed. A tenth of each size are planted copies of earlier ones
 * (makeCopy: trimmed, re-headlined, boilerplate, a paragraph dropped, word edits). Each size runs in its own
 * process, so its peak RSS (building the corpus included) is its own; time is findNearDuplicates alone.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findNearDuplicates } from "../src/cluster/near-duplicates.js";
import type { ArticleBundle } from "../src/records.js";
import { loadAllSides, loadEcbPlus } from "../eval/clustering-data.js";
import { editWords, makeCopy, seededRandom } from "../eval/near-duplicates.js";

const PLANTED_SHARE = 0.1;
const WORD_EDIT_RATE = 0.03;

export interface NearDuplicatesSpeed {
  articles: number;
  plantedCopies: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMb: number;
  /** Planted copies found in the group of their original. */
  plantedFound: number;
  groups: number;
}

/** Times findNearDuplicates on `articles` articles, a tenth of them planted copies. */
export async function benchNearDuplicates(dataDir: string, articles: number): Promise<NearDuplicatesSpeed> {
  const planted = Math.round(articles * PLANTED_SHARE);
  const { bundles, plantedFrom } = await buildCorpus(dataDir, articles - planted, planted);
  const t0 = performance.now();
  const groups = findNearDuplicates(bundles);
  const seconds = (performance.now() - t0) / 1000;
  const groupOf = new Map<string, number>();
  groups.forEach((g, k) => [g.canonicalId, ...g.copyIds].forEach((id) => groupOf.set(id, k)));
  const plantedFound = [...plantedFrom].filter(([copy, original]) => groupOf.has(copy) && groupOf.get(copy) === groupOf.get(original)).length;
  return {
    articles: bundles.length, plantedCopies: plantedFrom.size, seconds, articlesPerSecond: bundles.length / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024, plantedFound, groups: groups.length,
  };
}

async function buildCorpus(dataDir: string, originals: number, planted: number): Promise<{ bundles: ArticleBundle[]; plantedFrom: Map<string, string> }> {
  const texts = [...(await loadEcbPlus(dataDir)), ...(await loadAllSides(dataDir))].map(({ article }) => article.text);
  const sentences = texts.flatMap((t) => t.split(/(?<=[.!?]["”]?)\s+/)).filter((s) => s.split(" ").length >= 5);
  const vocabulary = texts.flatMap((t) => t.split(/\s+/).slice(0, 50)).filter((w) => /^\p{L}+$/u.test(w));
  const random = seededRandom(100);
  const bundles: ArticleBundle[] = [];
  for (let i = 0; i < originals; i++) {
    const count = 12 + Math.floor(random() * 19);
    const drawn = Array.from({ length: count }, () => sentences[Math.floor(random() * sentences.length)]!);
    bundles.push(bundle(`bench-${i}`, `Article ${i}`, editWords(drawn.join(" "), WORD_EDIT_RATE, random, vocabulary)));
  }
  const plantedFrom = new Map<string, string>();
  for (let c = 0; c < planted; c++) {
    const original = bundles[Math.floor(random() * originals)]!.article;
    const copy = makeCopy(original.title, original.text, random, vocabulary);
    bundles.push(bundle(`bench-copy-${c}`, copy.title, copy.text));
    plantedFrom.set(`bench-copy-${c}`, original.id);
  }
  return { bundles, plantedFrom };
}

const bundle = (id: string, title: string, text: string): ArticleBundle => ({
  article: {
    id, source: id, url: null, outlet: null, title, authors: [], publishedAt: null, modifiedAt: null, language: "en",
    text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  },
  annotations: [],
});

export function formatNearDuplicatesSpeed(rows: readonly NearDuplicatesSpeed[]): string {
  return [
    "| originals + planted copies | seconds | articles/s | peak RSS MB | planted copies found |",
    "|---|---|---|---|---|",
    ...rows.map((r) =>
      `| ${r.articles - r.plantedCopies} + ${r.plantedCopies} | ${r.seconds.toFixed(2)} | ${Math.round(r.articlesPerSecond)} | ${Math.round(r.peakRssMb)} | ${r.plantedFound}/${r.plantedCopies} |`),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  const argAt = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const one = argAt("--one");
  if (one) console.log(JSON.stringify(await benchNearDuplicates(dataDir, Number(one))));
  else {
    const sizes = (argAt("--sizes") ?? "1000,10000,100000").split(",").map(Number);
    const self = fileURLToPath(import.meta.url);
    const rows = sizes.map((n) => JSON.parse(execFileSync(process.execPath, [self, "--one", String(n)], { encoding: "utf8" })) as NearDuplicatesSpeed);
    console.log(formatNearDuplicatesSpeed(rows));
  }
}
