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
 * - AllSides: all excerpts clustered together; gold event = AllSides story (1–3 outlets each). Scored twice: with
 *   the publication dates their links carry (579 of 1,479; what a user's pipeline gets), and with no dates at all
 *   (what the words alone do).
 *
 * Every document is annotated once. The sweep cuts one dendrogram per set (clustering-sweep.ts, which gives
 * clusterStories' partitions exactly, checked here at the shipped constants) because clusterStories itself
 * takes minutes per call at low thresholds on a thousand documents.
 *
 * The recommended story threshold maximises the mean of the three B-cubed F1s, smoothed over the threshold and its
 * two neighbours on the 0.01 grid (a broad top, not a spike one grid step wide: a spike is noise of these data
 * sets, not a property of news); the recommended storyline threshold, at that story threshold, maximises ECB+
 * topic-level B-cubed F1 the same way.
 */
import { isDeepStrictEqual } from "node:util";
import { analyzeArticle } from "../src/analyze/index.js";
import { type Clustering, clusterStories, eventDayWeight, MAX_EVENT_SPREAD_DAYS, STORY_THRESHOLD, STORYLINE_THRESHOLD } from "../src/cluster/cluster-stories.js";
import type { ArticleBundle } from "../src/records.js";
import { type LabelledArticle, type LabelledRecord, loadAllSides, loadAllSidesRecords, loadEcbPlus } from "./clustering-data.js";
import { parseArticleRecord } from "../src/ingest/records-file.js";
import { processDocuments } from "../src/pipeline.js";
import { configFromEnv } from "../src/config.js";
import { type ClusteringScore, type ClusterScore, macroAverage, scoreClustering } from "./clustering-score.js";
import { buildDendrogram, cutStories, cutStorylines, type Dendrogram } from "./clustering-sweep.js";
import { seededRandom } from "./near-duplicates.js";
import { VECTOR_WEIGHTS, type VectorWeights } from "../src/cluster/vectors.js";

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, k) => Math.round((from + k * step) * 1000) / 1000);
export const STORY_SWEEP = range(0.04, 0.4, 0.01);
export const STORYLINE_SWEEP = range(0.02, 0.2, 0.01);
/** The date weight's reach (MAX_EVENT_SPREAD_DAYS), in days; null: dates ignored. */
export const SPREAD_SWEEP = [1, 3, 7, 14, 30, 90, null];

export interface ClusteringEvalOptions {
  /** Keep only the first N documents of each set (file order, so whole topics/stories): for quick runs. */
  limit?: number;
  /** Check the sweep against clusterStories itself on ECB+ and AllSides at the shipped thresholds (~3 s). Default true. */
  verify?: boolean;
  /** Score each vector weight halved and doubled (~20 s). Default true. */
  weights?: boolean;
  log?: (line: string) => void;
}

export interface StorySweepRow {
  threshold: number;
  ecbAll: ClusteringScore;
  ecbWithinTopic: ClusterScore;
  allsides: ClusteringScore;
  allsidesUndated: ClusteringScore;
  /**
   * The worst B-cubed F1 of the three settings (ECB+ all, ECB+ within topic, AllSides): the number the
   * recommendation maximises, so that no setting is sacrificed (the within-topic optimum sits far lower than the
   * all-together one, because IDF over one topic's documents discounts the topic's own words).
   */
  worstF1: number;
  meanF1: number;
  /** meanF1 averaged with the neighbouring thresholds' (the recommendation maximises it). */
  smoothedMeanF1: number;
}

export interface StorylineSweepRow {
  threshold: number;
  /** ECB+ storylines against the topic. */
  ecbTopic: ClusteringScore;
  /** AllSides storylines against AllSides' topic tag ("Coronavirus", "Supreme Court"): broad, information only. */
  allsidesTopic: ClusteringScore;
}

export interface ThresholdScores {
  story: number;
  storyline: number;
  ecbAll: ClusteringScore;
  ecbWithinTopic: ClusterScore;
  ecbStorylineTopic: ClusteringScore;
  allsides: ClusteringScore;
  allsidesUndated: ClusteringScore;
}

export interface ClusteringEval {
  documents: { ecbplus: number; ecbTopics: number; allsides: number; allsidesStories: number };
  limited: boolean;
  annotateSeconds: number;
  /** The constants in src/cluster/cluster-stories.ts, scored: what ships (the gated numbers). */
  shipped: ThresholdScores;
  stories: StorySweepRow[];
  recommended: ThresholdScores;
  /** Storyline sweep at the recommended story threshold. */
  storylines: StorylineSweepRow[];
  /** AllSides (link dates) at the shipped story threshold, by the date gate's window in days (null: no gate). */
  spreads: SpreadRow[];
  /** Each vector weight halved and doubled, the others as shipped (empty when not run). */
  weights: WeightVariantRow[];
  /** Trivial clusterings, B-cubed F1, to read the scores against: each article alone, or the topic as one cluster. */
  baselines: Record<"ecbSingletons" | "ecbTopicAsStory" | "ecbWithinTopicOneStory" | "allsidesSingletons" | "allsidesTopicAsStory", number>;
  /**
   * AllSides read as a user's file is (each article the crawl's record: outlet, title, link, paragraphs), through
   * the record reader, extraction, analysis and clusterStories at the shipped thresholds: the product's whole path.
   */
  throughReader: ThroughReader;
  /** What bounds the scores: the similarity's own ranking, and what a threshold could do if chosen with the gold labels. */
  limits: ClusteringLimits;
  /**
   * clusterStories itself on ECB+ and AllSides at the shipped thresholds gave exactly the sweep's partitions, and the
   * same stories (ids, titles, members in order) and storylines for the input shuffled (null: not run).
   */
  verified: { identical: boolean; orderIndependent: boolean; seconds: number } | null;
  seconds: number;
}

/**
 * Where the errors come from. If an article's most similar other article is usually of its own story but no single
 * threshold separates the stories, the threshold (one for every story) is the limit; if the most similar article is
 * often of another story, the similarity itself is, and no clustering of it can do much better.
 */
export interface ClusteringLimits {
  /**
   * Of the clustered articles whose gold story has another clustered article, the share whose most similar article
   * (cosine, no date gate) is of the same story.
   */
  nearestNeighbourSameStory: { ecbAll: number; allsidesUndated: number };
  /** The best B-cubed F1 over the story-threshold grid, one threshold for the whole set. */
  bestThreshold: { ecbAll: number; ecbWithinTopic: number; allsides: number };
  /** ECB+ within topic, each topic cut at the threshold best for it (an oracle: it reads the gold events). */
  ecbWithinTopicBestPerTopic: number;
}

export interface ThroughReader {
  allsides: ClusteringScore;
  /** Articles read and clustered; those skipped or failed are scored as stories of their own. */
  clustered: number;
  skippedOrFailed: number;
  /** Articles with a publication date (the eval's own loader finds 579 in the links). */
  dated: number;
  seconds: number;
}

/**
 * AllSides (link dates) at the shipped story threshold, by how far apart two reports may be published: `graded`, as
 * shipped, counts 1 − days/reach of their similarity; `cut` counts all of it up to the reach and none beyond (the
 * gate before). null: dates ignored.
 */
export interface SpreadRow {
  days: number | null;
  graded: ClusteringScore;
  cut: ClusteringScore;
}

/** The three story settings' B-cubed F1 with one vector weight changed. */
export interface WeightVariantRow {
  weight: keyof VectorWeights;
  value: number;
  atShipped: { ecbAll: number; ecbWithinTopic: number; allsides: number; mean: number };
  /** The story threshold whose mean of the three F1s is highest (unsmoothed), and that mean. */
  best: { threshold: number; mean: number };
}

export const WEIGHT_FACTORS = [0.5, 2];

interface LabelledSet {
  bundles: ArticleBundle[];
  event: string[];
  topic: string[];
}

interface Prepared extends LabelledSet {
  dendrogram: Dendrogram;
}

export async function evalClustering(dataDir: string, opts: ClusteringEvalOptions = {}): Promise<ClusteringEval> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const cap = (xs: LabelledArticle[]) => (opts.limit ? xs.slice(0, opts.limit) : xs);
  const [ecbDocs, asDocs] = [cap(await loadEcbPlus(dataDir)), cap(await loadAllSides(dataDir))];
  const asRecords = await loadAllSidesRecords(dataDir);
  log(`clustering: annotating ${ecbDocs.length} ECB+ and ${asDocs.length} AllSides documents…`);
  const ecbSet = annotate(ecbDocs);
  const asSet = annotate(asDocs);
  const annotateSeconds = (performance.now() - started) / 1000;
  const ecb = prepare(ecbSet);
  const allsides = prepare(asSet);
  const allsidesUndated = prepare({ ...asSet, bundles: asSet.bundles.map((b) => ({ ...b, article: { ...b.article, publishedAt: null } })) });
  const topics = groupByTopic(ecbSet).map(prepare);

  const scoreAt = (story: number, storyline: number): ThresholdScores => ({
    story,
    storyline,
    ecbAll: scoreStories(ecb, story),
    ecbWithinTopic: macroAverage(topics.map((t) => scoreStories(t, story))),
    ecbStorylineTopic: scoreClustering(cutStorylines(ecb.dendrogram, story, storyline).map(String), ecb.topic),
    allsides: scoreStories(allsides, story),
    allsidesUndated: scoreStories(allsidesUndated, story),
  });
  const unsmoothed = STORY_SWEEP.map((threshold) => {
    const s = scoreAt(threshold, threshold);
    const f1s = [s.ecbAll.bcubed.f1, s.ecbWithinTopic.f1, s.allsides.bcubed.f1];
    return { threshold, ecbAll: s.ecbAll, ecbWithinTopic: s.ecbWithinTopic, allsides: s.allsides, allsidesUndated: s.allsidesUndated, worstF1: Math.min(...f1s), meanF1: (f1s[0]! + f1s[1]! + f1s[2]!) / 3 };
  });
  const smoothedMeans = smoothed(unsmoothed.map((r) => r.meanF1));
  const stories: StorySweepRow[] = unsmoothed.map((r, k) => ({ ...r, smoothedMeanF1: smoothedMeans[k]! }));
  const story = stories.reduce((best, row) => (row.smoothedMeanF1 > best.smoothedMeanF1 ? row : best)).threshold;
  const storylines: StorylineSweepRow[] = STORYLINE_SWEEP.filter((t) => t <= story).map((threshold) => ({
    threshold,
    ecbTopic: scoreClustering(cutStorylines(ecb.dendrogram, story, threshold).map(String), ecb.topic),
    allsidesTopic: scoreClustering(cutStorylines(allsides.dendrogram, story, threshold).map(String), allsides.topic),
  }));
  const smoothedLines = smoothed(storylines.map((r) => r.ecbTopic.bcubed.f1));
  const storyline = storylines[smoothedLines.indexOf(Math.max(...smoothedLines))]!.threshold;

  const withDayWeight = (weight: (daysApart: number) => number): Prepared => ({ ...asSet, dendrogram: buildDendrogram(asSet.bundles, weight) });
  const spreads: SpreadRow[] = SPREAD_SWEEP.map((days) => {
    const reach = days ?? Number.POSITIVE_INFINITY;
    return {
      days,
      graded: scoreStories(days === MAX_EVENT_SPREAD_DAYS ? allsides : withDayWeight((d) => eventDayWeight(d, reach)), STORY_THRESHOLD),
      cut: scoreStories(withDayWeight((d) => (d > reach ? 0 : 1)), STORY_THRESHOLD),
    };
  });

  const weights = opts.weights === false ? [] : weightVariants(ecbSet, asSet);
  const throughReader = readAndCluster(opts.limit ? asRecords.slice(0, opts.limit) : asRecords);

  return {
    documents: { ecbplus: ecbDocs.length, ecbTopics: topics.length, allsides: asDocs.length, allsidesStories: new Set(asSet.event).size },
    limited: opts.limit !== undefined,
    annotateSeconds,
    shipped: scoreAt(STORY_THRESHOLD, STORYLINE_THRESHOLD),
    stories,
    recommended: scoreAt(story, storyline),
    storylines,
    spreads,
    weights,
    baselines: {
      ecbSingletons: scoreClustering(ecb.event.map((_, i) => String(i)), ecb.event).bcubed.f1,
      ecbTopicAsStory: scoreClustering(ecb.topic, ecb.event).bcubed.f1,
      ecbWithinTopicOneStory: macroAverage(topics.map((t) => scoreClustering(t.topic, t.event))).f1,
      allsidesSingletons: scoreClustering(allsides.event.map((_, i) => String(i)), allsides.event).bcubed.f1,
      allsidesTopicAsStory: scoreClustering(allsides.topic, allsides.event).bcubed.f1,
    },
    throughReader,
    limits: {
      nearestNeighbourSameStory: { ecbAll: nearestNeighbourSameStory(ecb), allsidesUndated: nearestNeighbourSameStory(allsidesUndated) },
      bestThreshold: {
        ecbAll: Math.max(...stories.map((r) => r.ecbAll.bcubed.f1)),
        ecbWithinTopic: Math.max(...stories.map((r) => r.ecbWithinTopic.f1)),
        allsides: Math.max(...stories.map((r) => r.allsides.bcubed.f1)),
      },
      ecbWithinTopicBestPerTopic: macroAverage(topics.map((t) => STORY_SWEEP.map((threshold) => scoreStories(t, threshold)).reduce((a, b) => (b.bcubed.f1 > a.bcubed.f1 ? b : a)))).f1,
    },
    verified: opts.verify === false ? null : verify([ecb, allsides]),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The vector weights were calibrated on ECB+; this shows whether any is knife-edge and whether AllSides agrees: each
 * halved and doubled (the lead's length rounded), the others as shipped, scored at the shipped story threshold and at
 * the threshold that suits the changed vectors best.
 */
function weightVariants(ecbSet: LabelledSet, asSet: LabelledSet): WeightVariantRow[] {
  const names = Object.keys(VECTOR_WEIGHTS) as (keyof VectorWeights)[];
  return names.flatMap((weight) =>
    WEIGHT_FACTORS.map((factor) => {
      const value = weight === "leadWords" ? Math.round(VECTOR_WEIGHTS[weight] * factor) : VECTOR_WEIGHTS[weight] * factor;
      const changed = { ...VECTOR_WEIGHTS, [weight]: value };
      const withWeights = (set: LabelledSet): Prepared => ({ ...set, dendrogram: buildDendrogram(set.bundles, eventDayWeight, changed) });
      const [ecb, allsides, topics] = [withWeights(ecbSet), withWeights(asSet), groupByTopic(ecbSet).map(withWeights)];
      const at = (t: number) => {
        const f1s = { ecbAll: scoreStories(ecb, t).bcubed.f1, ecbWithinTopic: macroAverage(topics.map((set) => scoreStories(set, t))).f1, allsides: scoreStories(allsides, t).bcubed.f1 };
        return { ...f1s, mean: (f1s.ecbAll + f1s.ecbWithinTopic + f1s.allsides) / 3 };
      };
      const best = STORY_SWEEP.map((threshold) => ({ threshold, mean: at(threshold).mean })).reduce((a, b) => (b.mean > a.mean ? b : a));
      return { weight, value, atShipped: at(STORY_THRESHOLD), best };
    }),
  );
}

/** Each value averaged with its neighbours (two at the ends of the grid). */
function smoothed(values: readonly number[]): number[] {
  return values.map((_, k) => {
    const window = values.slice(Math.max(0, k - 1), k + 2);
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
}

function annotate(docs: readonly LabelledArticle[]): LabelledSet {
  return {
    bundles: docs.map((d) => ({ article: d.article, annotations: analyzeArticle(d.article) })),
    event: docs.map((d) => d.event),
    topic: docs.map((d) => d.topic),
  };
}

const prepare = (set: LabelledSet): Prepared => ({ ...set, dendrogram: buildDendrogram(set.bundles) });

function groupByTopic(set: LabelledSet): LabelledSet[] {
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

/** `ClusteringEval.throughReader`. */
function readAndCluster(records: readonly LabelledRecord[]): ThroughReader {
  const t0 = performance.now();
  const fetchedAt = new Date().toISOString();
  const processed = processDocuments(records.map((r, i) => parseArticleRecord(r.record, `allsides#${i}`, fetchedAt)), { maxArticleChars: configFromEnv({}).maxArticleChars });
  const storyOf = new Map<string, string>();
  for (const story of clusterStories(processed.bundles).stories) for (const id of story.articleIds) storyOf.set(id, story.id);
  const predicted = records.map((r) => storyOf.get(String(r.record.id)) ?? `alone:${String(r.record.id)}`);
  return {
    allsides: scoreClustering(predicted, records.map((r) => r.event)),
    clustered: storyOf.size,
    skippedOrFailed: records.length - storyOf.size,
    dated: processed.bundles.filter((b) => b.article.publishedAt).length,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** `ClusteringLimits.nearestNeighbourSameStory` for one set (ties go to the first in input order). */
export function nearestNeighbourSameStory({ dendrogram: d, event }: { dendrogram: Dendrogram; event: readonly string[] }): number {
  const story = d.clustered.map((i) => event[i]!);
  const sizes = new Map<string, number>();
  for (const s of story) sizes.set(s, (sizes.get(s) ?? 0) + 1);
  let [asked, same] = [0, 0];
  for (let i = 0; i < d.n; i++) {
    if (sizes.get(story[i]!)! < 2) continue;
    let nearest = -1;
    for (let j = 0; j < d.n; j++) if (j !== i && (nearest < 0 || d.sims[i * d.n + j]! > d.sims[i * d.n + nearest]!)) nearest = j;
    asked++;
    if (story[nearest] === story[i]) same++;
  }
  return asked ? same / asked : 1;
}

const scoreStories = (set: Prepared, t: number) => scoreClustering(cutStories(set.dendrogram, t).map(String), set.event);

/**
 * Runs the real clusterStories at the shipped constants and compares partitions (stories and storylines), on ECB+
 * and on AllSides, whose link dates exercise the date gate the sweep models.
 */
function verify(sets: readonly Prepared[]): { identical: boolean; orderIndependent: boolean; seconds: number } {
  const t0 = performance.now();
  const shipped = (bundles: readonly ArticleBundle[]) => clusterStories(bundles, { storyThreshold: STORY_THRESHOLD, storylineThreshold: STORYLINE_THRESHOLD });
  const clusterings = sets.map((set) => shipped(set.bundles));
  const identical = sets.every((set, k) => samePartitions(set, clusterings[k]!));
  const orderIndependent = sets.every((set, k) => isDeepStrictEqual(shipped(shuffled(set.bundles, SHUFFLE_SEED + k)), clusterings[k]));
  return { identical, orderIndependent, seconds: (performance.now() - t0) / 1000 };
}

const SHUFFLE_SEED = 7;

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function samePartitions(set: Prepared, { stories, storylines }: Clustering): boolean {
  const index = new Map(set.bundles.map((b, i) => [b.article.id, i]));
  const members = new Map(stories.map((s) => [s.id, s.articleIds.map((id) => index.get(id)!)]));
  const real = {
    stories: [...members.values()],
    storylines: storylines.map((l) => l.storyIds.flatMap((id) => members.get(id)!)),
  };
  return (
    samePartition(real.stories, cutStories(set.dendrogram, STORY_THRESHOLD)) &&
    samePartition(real.storylines, cutStorylines(set.dendrogram, STORY_THRESHOLD, STORYLINE_THRESHOLD))
  );
}

function samePartition(groups: number[][], labels: number[]): boolean {
  const key = (gs: number[][]) => gs.map((g) => [...g].sort((a, b) => a - b).join(",")).sort().join("|");
  const byLabel = new Map<number, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  return key(groups) === key([...byLabel.values()]);
}
