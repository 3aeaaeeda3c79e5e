/**
 * clusterStories at scale (issue 5: 100,000 articles in under 5 minutes and 2 GB, near-linear from 1k to 100k).
 *
 *   node dist/bench/cluster-scaling.js [--sizes 1000,10000,100000] [--no-dates-sizes 10000] [--storylines-up-to N]
 *                                      [--names reused|renamed] [--incremental]
 *                                      (data: $TRIANGULATE_DATA, else ../shared/data)
 *
 * Articles are built from real texts: the 982 ECB+ documents and the AllSides excerpts (~2,500 texts), each
 * analysed once (entities and citations are vector features), then reused round-robin with 10% of their words
 * edited by a seeded generator (eval/near-duplicates.ts's editWords: replaced by a word from the corpus, dropped,
 * or swapped), so no two articles are the same text but each reads like news; each reuse keeps its source's
 * annotations (clustering reads only their names). Each article gets a publication date drawn uniformly over ten
 * years (the held-out corpus spans ten years), so reuses of one text are mostly too far apart to be one event but
 * can be one storyline. The no-dates run is the worst case: no date gate at all. Each size runs in its own
 * process, so its peak RSS (building the corpus included) is its own; times are clusterStories' own steps.
 * Storylines are formed at every size unless --storylines-up-to says otherwise. At a storyline threshold and with
 * no date gate the pairs of single stories grow as the square of the stories (at 0.07 with corpus IDF: 372k at 10k
 * articles, 2.4M at 30k renamed), so they are searched in descending steps among the clusters formed so far
 * (agglomerateInSteps); the largest storyline component is then that of the last step's cluster pairs, in stories.
 *
 * --incremental: per size, the stories of all but the last 1% of the articles are made first (not timed); then the
 * whole corpus is clustered twice, timed: from scratch, and with those earlier stories (kept where the new articles
 * do not touch their part of the graph, relink.ts). The two results must be the same partition.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeArticle } from "../src/analyze/index.js";
import { type ClusterStats, clusterStories, clusteringFingerprint, STORY_THRESHOLD, STORYLINE_THRESHOLD } from "../src/cluster/cluster-stories.js";
import type { Annotation, ArticleBundle } from "../src/records.js";
import { loadAllSides, loadEcbPlus } from "../eval/clustering-data.js";
import { editWords, seededRandom } from "../eval/near-duplicates.js";

const WORD_EDIT_RATE = 0.1;
const DATE_SPAN_DAYS = 3650;
const FIRST_DAY = Date.parse("2015-01-01");

export interface ClusterScalingRow {
  articles: number;
  dated: boolean;
  reuse: Reuse;
  seconds: ClusterStats["seconds"] & { total: number };
  peakRssMb: number;
  stories: number;
  /** null: not formed (see --storylines-up-to). */
  storylines: number | null;
  largestComponent: ClusterStats["largestComponent"];
}

interface Source {
  id: string;
  title: string;
  text: string;
  outlet: string | null;
  annotations: Annotation[];
}

/** The analysed source texts, cached in the temp folder so each size's process skips the analysis. */
export async function loadSources(dataDir: string): Promise<Source[]> {
  const cache = join(tmpdir(), "triangulate-cluster-scaling-sources.json");
  if (existsSync(cache)) return JSON.parse(await readFile(cache, "utf8")) as Source[];
  const all = [...(await loadEcbPlus(dataDir)), ...(await loadAllSides(dataDir))];
  const sources = all.map(({ article }) => ({
    id: article.id, title: article.title, text: article.text, outlet: article.outlet,
    annotations: analyzeArticle(article).filter((a) => a.kind === "entity" || a.kind === "citation"),
  }));
  await writeFile(cache, JSON.stringify(sources));
  return sources;
}

/**
 * How reuses of one text relate. "reused": the same names every time, so the 40 reuses of a text at 100k are 40 reports
 * of one event spread over ten years (the worst case: real news does not repeat one event's people and places for a
 * decade). "renamed": from the second round on, every name the entities analyzer found in a text (people,
 * organisations, places) is replaced, consistently within the round, by another name of the same type from the
 * corpus, so each round is a different event that reads the same way: what 100,000 real articles over ten years are.
 */
export type Reuse = "reused" | "renamed";

export function buildCorpus(sources: readonly Source[], articles: number, dated: boolean, reuse: Reuse = "reused"): ArticleBundle[] {
  const random = seededRandom(500);
  const vocabulary = sources.flatMap((s) => s.text.split(/\s+/).slice(0, 50)).filter((w) => /^\p{L}+$/u.test(w));
  const names = namesByType(sources);
  return Array.from({ length: articles }, (_, i) => {
    const round = Math.floor(i / sources.length);
    const s = reuse === "renamed" && round > 0 ? renamed(sources[i % sources.length]!, round, names) : sources[i % sources.length]!;
    const id = `${sources[i % sources.length]!.id}~${round}`;
    const day = FIRST_DAY + Math.floor(random() * DATE_SPAN_DAYS) * 86_400_000;
    return {
      article: {
        id, source: id, url: null, outlet: s.outlet, title: editWords(s.title, WORD_EDIT_RATE, random, vocabulary), authors: [],
        publishedAt: dated ? new Date(day).toISOString().slice(0, 10) : null, modifiedAt: null, language: "en",
        text: editWords(s.text, WORD_EDIT_RATE, random, vocabulary), captions: [], embeds: [], provenance: {}, extractedBy: "input",
      },
      annotations: s.annotations,
    };
  });
}

function namesByType(sources: readonly Source[]): Map<string, string[]> {
  const byType = new Map<string, Set<string>>();
  for (const s of sources) for (const a of s.annotations) if (a.kind === "entity") byType.set(a.type, (byType.get(a.type) ?? new Set()).add(a.name));
  return new Map([...byType].map(([type, set]) => [type, [...set].sort()]));
}

/** The source with its names swapped for round `round`'s names: same text otherwise, annotations renamed to match. */
function renamed(source: Source, round: number, names: Map<string, string[]>): Source {
  const swap = new Map<string, string>();
  for (const a of source.annotations) {
    if (a.kind !== "entity" || swap.has(a.name)) continue;
    const pool = names.get(a.type)!;
    swap.set(a.name, pool[(stringHash(a.name) + round * 7919) % pool.length]!);
  }
  // A person's surname alone ("Maduro" after "Nicolás Maduro") follows the full name.
  for (const [name, other] of [...swap]) {
    const [last, otherLast] = [name.split(" ").at(-1)!, other.split(" ").at(-1)!];
    if (name.includes(" ") && !swap.has(last)) swap.set(last, otherLast);
  }
  if (!swap.size) return source;
  const pattern = new RegExp(`(?<![\\p{L}])(${[...swap.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})(?![\\p{L}])`, "gu");
  const rename = (text: string) => text.replace(pattern, (m) => swap.get(m) ?? m);
  return {
    ...source,
    title: rename(source.title),
    text: rename(source.text),
    annotations: source.annotations.map((a) => (a.kind === "entity" ? { ...a, name: swap.get(a.name) ?? a.name } : a)),
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function stringHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `storylines` false: storylines are not formed (threshold ∞), for sizes whose storyline component is too big. */
export async function benchClusterScaling(dataDir: string, articles: number, dated: boolean, storylines: boolean, reuse: Reuse = "reused"): Promise<ClusterScalingRow> {
  const bundles = buildCorpus(await loadSources(dataDir), articles, dated, reuse);
  const stats = {} as ClusterStats;
  const t0 = performance.now();
  const clustering = clusterStories(bundles, { stats, ...(storylines ? {} : { storylineThreshold: Number.POSITIVE_INFINITY }) });
  const total = (performance.now() - t0) / 1000;
  return {
    articles, dated, reuse, seconds: { ...stats.seconds, total }, peakRssMb: process.resourceUsage().maxRSS / 1024,
    stories: clustering.stories.length, storylines: storylines ? clustering.storylines.length : null, largestComponent: stats.largestComponent,
  };
}

export interface IncrementalRow {
  articles: number;
  added: number;
  reuse: Reuse;
  batchSeconds: ClusterScalingRow["seconds"];
  incrementalSeconds: ClusterScalingRow["seconds"];
  relinked: ClusterStats["relinked"];
  samePartition: boolean;
}

const ADDED_SHARE = 0.01;

export async function benchIncremental(dataDir: string, articles: number, reuse: Reuse): Promise<IncrementalRow> {
  const bundles = buildCorpus(await loadSources(dataDir), articles, true, reuse);
  const added = Math.max(1, Math.round(articles * ADDED_SHARE));
  const earlier = clusterStories(bundles.slice(0, articles - added));
  const timed = (options: Parameters<typeof clusterStories>[1]) => {
    const stats = {} as ClusterStats;
    const t0 = performance.now();
    const clustering = clusterStories(bundles, { ...options, stats });
    return { clustering, stats, seconds: { ...stats.seconds, total: (performance.now() - t0) / 1000 } };
  };
  const batch = timed({});
  const incremental = timed({ earlier: { stories: earlier.stories, fingerprint: clusteringFingerprint(STORY_THRESHOLD, STORYLINE_THRESHOLD) } });
  const partition = (c: typeof batch.clustering) => c.stories.map((s) => [...s.articleIds].sort().join(",")).sort().join("|") + c.storylines.map((l) => l.id).sort().join("|");
  return {
    articles, added, reuse, batchSeconds: batch.seconds, incrementalSeconds: incremental.seconds, relinked: incremental.stats.relinked,
    samePartition: partition(batch.clustering) === partition(incremental.clustering),
  };
}

export function formatIncremental(rows: readonly IncrementalRow[]): string {
  const s = (x: number) => x.toFixed(1);
  return [
    "| articles | names | added | story linkage s: from scratch / with earlier stories | total s: from scratch / with earlier | articles linked again | parts kept | same result |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map((r) =>
      `| ${r.articles} | ${r.reuse} | ${r.added} | ${s(r.batchSeconds.storyLinkage)} / ${s(r.incrementalSeconds.storyLinkage)} | ${s(r.batchSeconds.total)} / ${s(r.incrementalSeconds.total)} | ${r.relinked.articles} | ${r.relinked.keptComponents} | ${r.samePartition ? "yes" : "NO"} |`),
  ].join("\n");
}

export function formatClusterScaling(rows: readonly ClusterScalingRow[]): string {
  const s = (x: number) => x.toFixed(1);
  return [
    "| articles | names | dates | near-dups s | vectors s | pair search s | story linkage s | storylines s | total s | peak RSS MB | stories | storylines | largest component (articles / stories) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) =>
      `| ${r.articles} | ${r.reuse} | ${r.dated ? "10 years" : "none"} | ${s(r.seconds.nearDuplicates)} | ${s(r.seconds.vectors)} | ${s(r.seconds.storyPairs)} | ${s(r.seconds.storyLinkage)} | ${r.storylines === null ? "not run" : s(r.seconds.storylines)} | ${s(r.seconds.total)} | ${Math.round(r.peakRssMb)} | ${r.stories} | ${r.storylines ?? "–"} | ${r.largestComponent.stories} / ${r.storylines === null ? "–" : r.largestComponent.storylines} |`),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  const argAt = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const one = argAt("--one");
  const reuse: Reuse = argAt("--names") === "renamed" ? "renamed" : "reused";
  const incremental = process.argv.includes("--incremental");
  if (one && incremental) console.log(JSON.stringify(await benchIncremental(dataDir, Number(one), reuse)));
  else if (one) console.log(JSON.stringify(await benchClusterScaling(dataDir, Number(one), !process.argv.includes("--no-dates"), !process.argv.includes("--no-storylines"), reuse)));
  else {
    await loadSources(dataDir);
    const self = fileURLToPath(import.meta.url);
    const list = (name: string, fallback: string) => (argAt(name) ?? fallback).split(",").filter(Boolean).map(Number);
    const storylinesUpTo = Number(argAt("--storylines-up-to") ?? "Infinity");
    const runs = [...list("--sizes", "1000,10000,100000").map((n) => [n, true] as const), ...list("--no-dates-sizes", "10000").map((n) => [n, false] as const)];
    if (incremental) {
      const rows = list("--sizes", "1000,10000,100000").map((n) => {
        const out = execFileSync(process.execPath, [self, "--one", String(n), "--incremental", "--names", reuse], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
        process.stderr.write(out);
        return JSON.parse(out) as IncrementalRow;
      });
      console.log(formatIncremental(rows));
      process.exit(rows.every((r) => r.samePartition) ? 0 : 1);
    }
    const rows = runs.map(([n, dated]) => {
      const flags = [...(dated ? [] : ["--no-dates"]), ...(n > storylinesUpTo ? ["--no-storylines"] : []), "--names", reuse];
      const out = execFileSync(process.execPath, [self, "--one", String(n), ...flags], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
      const row = JSON.parse(out) as ClusterScalingRow;
      process.stderr.write(`${JSON.stringify(row)}\n`);
      return row;
    });
    console.log(formatClusterScaling(rows));
  }
}
