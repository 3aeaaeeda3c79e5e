/**
 * Cross-source comparison of one story (issue 6: "a story of 50 articles is compared in under 2 seconds").
 *
 *   node dist/bench/compare-story.js [--sizes 10,25,50,100,200] [--series ecbplus,covid] [--rounds N]
 *
 * Stories of 10, 25, 50, 100 and 200 articles from real texts, two series, each story a prefix of the next (so the
 * curve compares like with like):
 * - "ecbplus": ECB+ documents (title + text, ~250 words), topics largest first (ties by topic number), documents in
 *   file order, empty ones left out. A topic is two look-alike events (two rehab check-ins, two earthquakes): what a
 *   big story looks like. The largest topic has 39 documents, so 10 and 25 are one topic and 50+ join topics.
 * - "covid": NeuS-AllSides excerpts of the topic "Coronavirus" (243 of them, ~90 words, left/center/right outlets),
 *   ordered by a hash of their id: one subject throughout, so claims really align (the expensive case), but short.
 * A real 700-word article has ~2–3× the claim sentences of an ECB+ document, so read the target against the claim
 * sentences column: 50 such articles have about as many as the 100–200-document ECB+ rows.
 *
 * analyzeArticle and resolveEntities run before timing. compareStory alone is timed (wall clock, median of --rounds,
 * default 3) after the step runs below have warmed its code up; resolveEntities separately, median of the same
 * rounds after one warm-up. Each story runs in its own process, so its peak RSS (process.resourceUsage().maxRSS,
 * loading the data and the analysis included) is its own; "before" is the peak once analysis and entities are
 * done, so the difference is what comparing added. The step breakdown is compareStory's own, timed where the steps
 * run (its onStep hook; median of --rounds). The "of which" columns are parts of
 * alignClaims timed once on their own: findClaimSentences, and claimGroups (claimTerms, the pairs at or above the
 * threshold found through a word index, and average linkage on them); "sentence pairs ≥ threshold" counts them.
 * The whole run takes ~2 min on 2 shared cores, most of it the 200-article ~700-word story (~5 s a run, 7 runs).
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { shortHash } from "../src/_lib/hash.js";
import { analyzeArticle } from "../src/analyze/index.js";
import { ALIGN_THRESHOLD, claimGroups } from "../src/compare/claims/align-claims.js";
import { type ClaimSentence, findClaimSentences } from "../src/compare/claims/find-claims.js";
import { claimTerms, similarPairs } from "../src/compare/claims/similarity.js";
import { COMPARE_STEPS, type CompareStep, compareStory } from "../src/compare/compare-story.js";
import type { Article, ArticleBundle, Entity, Story, StoryComparison } from "../src/records.js";
import { resolveEntities } from "../src/report/resolve-entities.js";
import { loadAllSides, loadEcbPlus } from "../eval/clustering-data.js";

export const SIZES = [10, 25, 50, 100, 200];
/** Issue 6: a story of TARGET_ARTICLES articles compared in under TARGET_MS. */
export const TARGET_ARTICLES = 50;
export const TARGET_MS = 2000;
const SERIES = ["ecbplus", "ecbplus-700", "covid"] as const;
/** "ecbplus-700": documents of one topic joined into articles of about this many words (issue 4's article). */
const ARTICLE_WORDS = 700;
type Series = (typeof SERIES)[number];
const STEPS = COMPARE_STEPS;
type Step = CompareStep;

export interface CompareStoryRow {
  series: Series;
  articles: number;
  meanWords: number;
  claimSentences: number;
  claims: number;
  rounds: number;
  compareMs: number;
  resolveEntitiesMs: number;
  stepMs: Record<Step, number>;
  /** Parts of alignClaims, timed on their own. */
  findClaimSentencesMs: number;
  claimGroupsMs: number;
  /** Claim-sentence pairs at or above the alignment threshold: the graph average linkage runs on. */
  similarPairs: number;
  dateMentions: number;
  countedNumbers: number;
  peakRssMbBefore: number;
  peakRssMb: number;
}

async function storyArticles(dataDir: string, series: Series, n: number): Promise<Article[]> {
  if (series === "covid") {
    const covid = (await loadAllSides(dataDir)).filter((d) => d.topic === "Coronavirus").map((d) => d.article);
    return covid.sort((a, b) => (shortHash(a.id) < shortHash(b.id) ? -1 : 1)).slice(0, n);
  }
  const docs = (await loadEcbPlus(dataDir)).filter((d) => d.article.text.trim());
  const size = new Map<string, number>();
  for (const d of docs) size.set(d.topic, (size.get(d.topic) ?? 0) + 1);
  const rank = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || Number(a) - Number(b));
  const byTopic = rank.map((topic) => docs.filter((d) => d.topic === topic).map((d) => d.article));
  return (series === "ecbplus" ? byTopic.flat() : byTopic.flatMap(joinedArticles)).slice(0, n);
}

/**
 * One topic's documents joined as paragraphs, in file order, while that brings an article closer to ARTICLE_WORDS
 * (as bench/analysis-speed.ts does, but never across topics); a topic's last article under half that is left out.
 */
function joinedArticles(docs: readonly Article[]): Article[] {
  const out: Article[] = [];
  let current: Article[] = [];
  const words = () => current.reduce((s, d) => s + wordCount(d.text), 0);
  const flush = () => {
    if (current.length && words() >= ARTICLE_WORDS / 2) {
      out.push({ ...current[0]!, id: current.map((d) => d.id).join("+"), text: current.map((d) => d.text.trim()).join("\n\n") });
    }
    current = [];
  };
  for (const d of docs) {
    const total = words();
    if (total > 0 && total + wordCount(d.text) - ARTICLE_WORDS > ARTICLE_WORDS - total) flush();
    current.push(d);
  }
  flush();
  return out;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** compareStory's steps, in its order, each timed (src/compare/compare-story.ts). */
function compareInSteps(story: Story, bundles: readonly ArticleBundle[], entities: readonly Entity[]): Record<Step, number> {
  const ms = {} as Record<Step, number>;
  compareStory(story, bundles, entities, (step, elapsed) => (ms[step] = elapsed));
  return ms;
}

export async function benchCompareStory(dataDir: string, series: Series, n: number, rounds: number): Promise<CompareStoryRow> {
  const articles = await storyArticles(dataDir, series, n);
  if (articles.length < n) throw new Error(`[triangulate] [bench] ${series}: only ${articles.length} articles for a story of ${n}`);
  const bundles: ArticleBundle[] = articles.map((article) => ({ article, annotations: analyzeArticle(article) }));
  const story: Story = {
    id: `bench-${series}-${n}`, title: "", articleIds: articles.map((a) => a.id), storylineId: `bench-${series}`,
    firstPublished: null, lastPublished: null,
  };
  const timeIt = (f: () => unknown): number => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const entities = resolveEntities(bundles); // also the warm-up
  const resolveEntitiesMs = median(Array.from({ length: rounds }, () => timeIt(() => resolveEntities(bundles))));
  const peakRssMbBefore = process.resourceUsage().maxRSS / 1024;
  // The step runs come first and warm up the same code for the compareStory runs.
  const steps = Array.from({ length: rounds }, () => compareInSteps(story, bundles, entities));
  const stepMs = Object.fromEntries(STEPS.map((s) => [s, median(steps.map((r) => r[s]))])) as Record<Step, number>;
  let comparison: StoryComparison | undefined;
  const compareMs = median(Array.from({ length: rounds }, () => timeIt(() => (comparison = compareStory(story, bundles, entities)))));
  let sentences: ClaimSentence[] = [];
  const findClaimSentencesMs = timeIt(() => (sentences = bundles.flatMap(findClaimSentences)));
  const claimGroupsMs = timeIt(() => claimGroups(sentences, bundles));
  const similar = similarPairs(sentences.map((s) => claimTerms(s.text)), ALIGN_THRESHOLD).reduce((n, js) => n + js.length, 0);
  const all = bundles.flatMap((b) => b.annotations);
  return {
    series, articles: n, meanWords: articles.reduce((s, a) => s + wordCount(a.text), 0) / n,
    claimSentences: sentences.length, claims: comparison!.claims.length, rounds, compareMs, resolveEntitiesMs, stepMs,
    findClaimSentencesMs, claimGroupsMs, similarPairs: similar,
    dateMentions: all.filter((a) => a.kind === "date").length,
    countedNumbers: all.filter((a) => a.kind === "number" && a.counts).length,
    peakRssMbBefore, peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const SERIES_TITLE: Record<Series, string> = {
  ecbplus: "ECB+ documents, largest topics first",
  "ecbplus-700": `ECB+ documents of one topic joined into ~${ARTICLE_WORDS}-word articles, largest topics first`,
  covid: "AllSides \"Coronavirus\" excerpts, one subject",
};

export function formatCompareStory(rows: readonly CompareStoryRow[]): string[] {
  const f = (x: number, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  const out: string[] = [];
  for (const series of SERIES) {
    const mine = rows.filter((r) => r.series === series);
    const base = mine.find((r) => r.articles === 10) ?? mine[0];
    if (!base) continue;
    out.push(
      "", `### ${SERIES_TITLE[series]} (median of ${base.rounds} runs)`, "",
      "| articles | mean words | claim sentences | claims | compareStory ms | ms per article | × the 10-article time | resolveEntities ms | sentence pairs ≥ threshold | peak RSS MB (before → after) |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ...mine.map((r) =>
        `| ${r.articles} | ${f(r.meanWords)} | ${f(r.claimSentences)} | ${f(r.claims)} | ${f(r.compareMs, 1)} | ${f(r.compareMs / r.articles, 2)} | ${f(r.compareMs / base.compareMs, 1)} | ` +
        `${f(r.resolveEntitiesMs, 1)} | ${f(r.similarPairs)} | ${f(r.peakRssMbBefore)} → ${f(r.peakRssMb)} |`),
      "", "Steps (ms, median; the \"of which\" columns are parts of alignClaims, one run each):", "",
      `| articles | ${STEPS.join(" | ")} | of which findClaimSentences | of which claimGroups | step sum | dates | counted numbers |`,
      `|---|${STEPS.map(() => "---|").join("")}---|---|---|---|---|`,
      ...mine.map((r) =>
        `| ${r.articles} | ${STEPS.map((s) => f(r.stepMs[s], 1)).join(" | ")} | ${f(r.findClaimSentencesMs, 1)} | ${f(r.claimGroupsMs, 1)} | ` +
        `${f(STEPS.reduce((s, x) => s + r.stepMs[x], 0), 1)} | ${f(r.dateMentions)} | ${f(r.countedNumbers)} |`),
    );
    const target = mine.find((r) => r.articles === TARGET_ARTICLES);
    if (target) {
      out.push("", `Target: a story of ${TARGET_ARTICLES} articles compared in under ${TARGET_MS} ms: ` +
        `${f(target.compareMs, 1)} ms, ${target.compareMs < TARGET_MS ? "PASS" : "FAIL"} (${series}, ${f(target.claimSentences)} claim sentences).`);
    }
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  const argAt = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const rounds = Number(argAt("--rounds") ?? "3");
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("[triangulate] [bench] --rounds wants a positive integer");
  const one = argAt("--one");
  if (one) {
    const [series, n] = one.split(":");
    console.log(JSON.stringify(await benchCompareStory(dataDir, series as Series, Number(n), rounds)));
  } else {
    const sizes = (argAt("--sizes") ?? SIZES.join(",")).split(",").map(Number);
    const series = (argAt("--series") ?? SERIES.join(",")).split(",").filter((s): s is Series => (SERIES as readonly string[]).includes(s));
    const self = fileURLToPath(import.meta.url);
    const rows = series.flatMap((s) => sizes.map((n) => {
      process.stderr.write(`bench: compareStory, ${s}, ${n} articles…\n`);
      const out = execFileSync(process.execPath, [self, "--one", `${s}:${n}`, "--rounds", String(rounds)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: process.env });
      return JSON.parse(out) as CompareStoryRow;
    }));
    console.log(`node ${process.version}; each story in its own process\n${formatCompareStory(rows).join("\n")}`);
    process.exitCode = rows.every((r) => r.articles !== TARGET_ARTICLES || r.compareMs < TARGET_MS) ? 0 : 1;
  }
}
