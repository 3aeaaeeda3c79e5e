/**
 * Story clustering accuracy: clusterStories on ECB+ and NEUS-AllSides, scored against the gold events, across a
 * sweep of thresholds (loaders in clustering-data.ts, scorers and their definitions in clustering-score.ts).
 *
 * - ECB+ "all": all 982 documents of the 43 topics clustered together (what a user's feed looks like: many
 *   unrelated events, and look-alike events of one kind). Gold event = sub-topic.
 * - ECB+ "within topic": each topic's documents clustered on their own; the clusterer only has to split the two
 *   look-alike events. Reported as the mean of per-topic B-cubed F1.
 * - ECB+ storylines: at the story threshold, the storyline level is scored against the topic (the two events of
 *   a topic are of one kind, the closest thing to a storyline the data has).
 * - AllSides: all excerpts clustered together; gold event = AllSides story (1–3 outlets each).
 *
 * Every document is annotated once; the sweep reuses the bundles.
 */
import { analyzeArticle } from "../src/analyze/index.js";
import { clusterStories, STORY_THRESHOLD, STORYLINE_THRESHOLD } from "../src/cluster/cluster-stories.js";
import type { ArticleBundle } from "../src/records.js";
import { type LabelledArticle, loadAllSides, loadEcbPlus } from "./clustering-data.js";
import { type ClusteringScore, type ClusterScore, macroAverage, scoreClustering } from "./clustering-score.js";

export const STORY_SWEEP = [0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.28, 0.32, 0.36, 0.4];
export const STORYLINE_SWEEP = [0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.12];

export interface ClusteringEvalOptions {
  /** Keep only the first N documents of each set (file order, so whole topics/stories): for quick runs. */
  limit?: number;
  storyThresholds?: readonly number[];
  storylineThresholds?: readonly number[];
  log?: (line: string) => void;
}

export interface StorySweepRow {
  threshold: number;
  ecbAll: ClusteringScore;
  ecbWithinTopic: ClusterScore;
  allsides: ClusteringScore;
  /** Mean of the ECB+ all-together and AllSides B-cubed F1: the number the recommendation maximises. */
  meanF1: number;
}

export interface StorylineSweepRow {
  storylineThreshold: number;
  ecbTopic: ClusteringScore;
  allsidesTopic: ClusteringScore;
}

export interface ClusteringEval {
  documents: { ecbplus: number; allsides: number };
  limited: boolean;
  annotateSeconds: number;
  current: { story: number; storyline: number };
  stories: StorySweepRow[];
  recommended: { story: number; storyline: number };
  /** Storyline sweep at the recommended story threshold. */
  storylines: StorylineSweepRow[];
  seconds: number;
}

interface LabelledSet {
  bundles: ArticleBundle[];
  event: string[];
  topic: string[];
}

export async function evalClustering(dataDir: string, opts: ClusteringEvalOptions = {}): Promise<ClusteringEval> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const cap = (xs: LabelledArticle[]) => (opts.limit ? xs.slice(0, opts.limit) : xs);
  const ecbDocs = cap(await loadEcbPlus(dataDir));
  const asDocs = cap(await loadAllSides(dataDir));
  log(`clustering: annotating ${ecbDocs.length} ECB+ and ${asDocs.length} AllSides documents…`);
  const ecb = annotate(ecbDocs);
  const allsides = annotate(asDocs);
  const annotateSeconds = (performance.now() - started) / 1000;
  const topics = groupBy(ecb);

  const stories: StorySweepRow[] = [];
  for (const threshold of opts.storyThresholds ?? STORY_SWEEP) {
    const t0 = performance.now();
    const ecbAll = scoreStories(ecb, threshold);
    const ecbWithinTopic = macroAverage(topics.map((t) => scoreStories(t, threshold)));
    const allsidesScore = scoreStories(allsides, threshold);
    stories.push({ threshold, ecbAll, ecbWithinTopic, allsides: allsidesScore, meanF1: (ecbAll.bcubed.f1 + allsidesScore.bcubed.f1) / 2 });
    log(`  story ${threshold.toFixed(2)}: ECB+ F1 ${f(ecbAll.bcubed.f1)} (within topic ${f(ecbWithinTopic.f1)}), AllSides F1 ${f(allsidesScore.bcubed.f1)}  [${sec(t0)}s]`);
  }
  const story = stories.reduce((best, row) => (row.meanF1 > best.meanF1 ? row : best)).threshold;

  const storylines: StorylineSweepRow[] = [];
  for (const storylineThreshold of (opts.storylineThresholds ?? STORYLINE_SWEEP).filter((t) => t <= story)) {
    const t0 = performance.now();
    const ecbTopic = scoreStorylines(ecb, story, storylineThreshold);
    const allsidesTopic = scoreStorylines(allsides, story, storylineThreshold);
    storylines.push({ storylineThreshold, ecbTopic, allsidesTopic });
    log(`  storyline ${storylineThreshold.toFixed(2)}: ECB+ topic F1 ${f(ecbTopic.bcubed.f1)}  [${sec(t0)}s]`);
  }
  const storyline = storylines.length
    ? storylines.reduce((best, row) => (row.ecbTopic.bcubed.f1 > best.ecbTopic.bcubed.f1 ? row : best)).storylineThreshold
    : story;

  return {
    documents: { ecbplus: ecbDocs.length, allsides: asDocs.length },
    limited: opts.limit !== undefined,
    annotateSeconds,
    current: { story: STORY_THRESHOLD, storyline: STORYLINE_THRESHOLD },
    stories,
    recommended: { story, storyline },
    storylines,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The sweep row closest to a threshold (for quoting the score at the current constant). */
export function rowAt(result: ClusteringEval, threshold: number): StorySweepRow | undefined {
  return [...result.stories].sort((a, b) => Math.abs(a.threshold - threshold) - Math.abs(b.threshold - threshold))[0];
}

function annotate(docs: readonly LabelledArticle[]): LabelledSet {
  return {
    bundles: docs.map((d) => ({ article: d.article, annotations: analyzeArticle(d.article) })),
    event: docs.map((d) => d.event),
    topic: docs.map((d) => d.topic),
  };
}

function groupBy(set: LabelledSet): LabelledSet[] {
  const groups = new Map<string, LabelledSet>();
  set.bundles.forEach((b, i) => {
    const key = set.topic[i]!;
    const g = groups.get(key) ?? { bundles: [], event: [], topic: [] };
    g.bundles.push(b);
    g.event.push(set.event[i]!);
    g.topic.push(key);
    groups.set(key, g);
  });
  return [...groups.values()];
}

/** Article → predicted story (level "story") or storyline, in the order of the set's bundles. */
function predict(set: LabelledSet, storyThreshold: number, storylineThreshold: number, level: "story" | "storyline"): string[] {
  const { stories } = clusterStories(set.bundles, { storyThreshold, storylineThreshold });
  const label = new Map<string, string>();
  for (const s of stories) for (const id of s.articleIds) label.set(id, level === "story" ? s.id : s.storylineId);
  return set.bundles.map((b) => label.get(b.article.id) ?? `missing:${b.article.id}`);
}

// The storyline level is not scored in the story sweep, so it gets an unreachable threshold (cheapest: no merges).
const scoreStories = (set: LabelledSet, t: number) => scoreClustering(predict(set, t, 2, "story"), set.event);
const scoreStorylines = (set: LabelledSet, story: number, storyline: number) =>
  scoreClustering(predict(set, story, storyline, "storyline"), set.topic);

const f = (x: number) => x.toFixed(3);
const sec = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
