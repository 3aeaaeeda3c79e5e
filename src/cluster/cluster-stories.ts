/**
 * Articles → stories (one event each) → storylines (events that continue one another). Both are average-linkage
 * clusterings of the same vectors at two thresholds; articles published further apart need more to be one event,
 * and past two weeks are never one.
 */
import type { ArticleBundle, CopyGroup, Story, Storyline } from "../records.js";
import { shortHash } from "../_lib/hash.js";
import { agglomerateByLinkage, agglomerateInSteps } from "../_lib/agglomerate.js";
import { dotLinkage, meanOfSums } from "../_lib/sum-linkage.js";
import { LOADED_WORDS } from "../_lib/lexicon.js";
import { GENERATOR } from "../version.js";
import { findNearDuplicates } from "./near-duplicates.js";
import { connectedComponents, earlierStoryGroups, linkComponents } from "./relink.js";
import { similarPairs } from "./similar-pairs.js";
import { cosine, articleVectors, sparseVector, type SparseVector } from "./vectors.js";

/**
 * Calibration (`npm run eval`, docs/BENCHMARKS.md), B-cubed F1 by story threshold on ECB+ (982 docs, all topics
 * together / within each topic) and AllSides (with the dates in its links): 0.22 → .870/.850/.731, 0.24 →
 * .879/.861/.748, 0.26 → .878/.858/.761, 0.28 → .860/.842/.770, 0.30 → .844/.830/.773. The mean of the three is
 * flat over 0.24–0.28 and highest, smoothed, at 0.26. Storylines at 0.11 score .887 against ECB+ topics. Between the
 * two thresholds, articles are one storyline but not one event.
 */
export const STORY_THRESHOLD = 0.26;
export const STORYLINE_THRESHOLD = 0.11;
/** Two reports of one event are published within this many days of each other. */
export const MAX_EVENT_SPREAD_DAYS = 14;

/**
 * How much of two dated articles' similarity counts, by how many days apart they were published: all of it the same
 * day, falling evenly to none at MAX_EVENT_SPREAD_DAYS. Articles far apart in time need stronger evidence to be one
 * event (a week apart, about twice the similarity), rather than any evidence up to two weeks and none after.
 * AllSides (link dates): 0.753 → 0.761 at the story threshold, +0.005 to +0.009 at every threshold of 0.22–0.32,
 * against the all-or-nothing gate; docs/BENCHMARKS.md, "Publication dates".
 */
export function eventDayWeight(daysApart: number, spreadDays: number = MAX_EVENT_SPREAD_DAYS): number {
  return Math.max(0, 1 - daysApart / spreadDays);
}

export interface Clustering {
  stories: Story[];
  storylines: Storyline[];
}

export interface ClusterOptions {
  storyThreshold?: number;
  storylineThreshold?: number;
  /** The stories stored before: where no new article touches their part of the graph, they are kept (relink.ts). */
  earlier?: EarlierClustering;
  /** Filled in when given (bench/cluster-scaling.ts): seconds per step and the largest connected components. */
  stats?: ClusterStats;
}

export interface EarlierClustering {
  stories: readonly Story[];
  /** `clusteringFingerprint` of the run that made them: with any other, every story is linked again. */
  fingerprint: string | null;
  /**
   * Articles re-saved since (same id, perhaps new text): their vectors may have changed, so the stories around them
   * are linked again, as around new ones.
   */
  changedIds?: ReadonlySet<string>;
}

export interface ClusterStats {
  seconds: { nearDuplicates: number; vectors: number; storyPairs: number; storyLinkage: number; storylines: number };
  /**
   * Articles in the largest connected component of the pairs at the story threshold; stories in the largest
   * component of the last storyline step's cluster pairs.
   */
  largestComponent: { stories: number; storylines: number };
  /** Articles whose part of the graph was linked again, and parts whose earlier stories were kept. */
  relinked: { articles: number; keptComponents: number };
}

/**
 * What decides the stories besides the articles themselves: with the same fingerprint, stories stored earlier can be
 * kept where nothing new touches them. The package version stands for the analyzers and the vectors.
 */
export const clusteringFingerprint = (storyThreshold: number, storylineThreshold: number): string =>
  `${GENERATOR.name} ${GENERATOR.version}; story ${storyThreshold}; storyline ${storylineThreshold}; days apart weigh 1 - d/${MAX_EVENT_SPREAD_DAYS}`;

export function clusterStories(input: readonly ArticleBundle[], options: ClusterOptions = {}): Clustering {
  if (input.length === 0) return { stories: [], storylines: [] };
  const clock = stopwatch();
  // One order whatever the caller's: ties (two-article stories' titles) and float sums then fall the same way for
  // any input order (35–47 story titles on AllSides changed with a shuffle before).
  const allBundles = [...input].sort((a, b) => compareIds(a.article.id, b.article.id));
  // Copies of one text are one article with echoes: only the canonical is clustered, its copies follow it.
  const copyGroups = withinEventSpread(findNearDuplicates(allBundles), allBundles);
  const copyIds = new Set(copyGroups.flatMap((g) => g.copyIds));
  const bundles = allBundles.filter((b) => !copyIds.has(b.article.id));
  const nearDuplicateSeconds = clock();
  const vectors = articleVectors(bundles);
  const days = bundles.map((b) => (b.article.publishedAt ? Date.parse(b.article.publishedAt.slice(0, 10)) / 86_400_000 : null));
  const similarity = (i: number, j: number) => {
    const [a, b] = [days[i], days[j]];
    if (a == null || b == null) return cosine(vectors[i]!, vectors[j]!);
    const weight = eventDayWeight(Math.abs(a - b));
    return weight > 0 ? weight * cosine(vectors[i]!, vectors[j]!) : 0;
  };
  const vectorSeconds = clock();
  // Only pairs at or above the threshold shape the components: found by an exact all-pairs search, not n² tests.
  const storyThreshold = options.storyThreshold ?? STORY_THRESHOLD;
  const dayWindow = { keys: days, maxGap: MAX_EVENT_SPREAD_DAYS, weight: eventDayWeight };
  const articlePairs = similarPairs(vectors, storyThreshold, similarity, dayWindow);
  const pairSeconds = clock();
  // Average linkage over the pairs' graph from per-day sum vectors (each day pair weighed by eventDayWeight): exact,
  // and no c×c matrix for a large component (100k articles: one of 39k articles, 12 GB as a dense matrix).
  // Parts of the graph holding exactly stories stored earlier keep them; the rest is linked, all of it in one go.
  const storylineThreshold = options.storylineThreshold ?? STORYLINE_THRESHOLD;
  const sameClustering = options.earlier?.fingerprint === clusteringFingerprint(storyThreshold, storylineThreshold);
  const earlier = sameClustering ? earlierStoryGroups(options.earlier!.stories, bundles.map((b) => b.article.id), options.earlier!.changedIds) : null;
  const components = connectedComponents(bundles.length, articlePairs);
  const linked = linkComponents(components, earlier, (items) => linkArticles(items, articlePairs, vectors, days, storyThreshold));
  const storyGroups = linked.groups.map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
  const linkageSeconds = clock();
  // Stories each weigh one, as items of a second average linkage: their similarity is the mean article-pair cosine,
  // the dot product of their mean vectors, so storyline linkage is dot(Σ means, Σ means) / |X||Y|. No date gate.
  // At low thresholds story pairs grow as the square of the stories, so pairs are searched for in steps, among
  // clusters. Storylines are always linked in full: their graph is one component at any size worth saving time on.
  const storyLinkage = dotLinkage(storyGroups.map((g) => meanVector(g, vectors)));
  let lastStep: { pairs: number[][]; sizes: number[] } = { pairs: [], sizes: [] };
  const storylineGroups = agglomerateInSteps(storyGroups.length, pairSearchSteps(storylineThreshold), storyLinkage, (states, t) => {
    const pairs = similarPairs(states.map(meanOfSums), t, (a, b) => storyLinkage.mean(states[a]!, states[b]!));
    lastStep = { pairs, sizes: states.map((s) => s.size) };
    return pairs;
  });
  if (options.stats) {
    options.stats.seconds = { nearDuplicates: nearDuplicateSeconds, vectors: vectorSeconds, storyPairs: pairSeconds, storyLinkage: linkageSeconds, storylines: clock() };
    options.stats.largestComponent = { stories: components.reduce((most, c) => Math.max(most, c.length), 0), storylines: largestWeightedComponent(lastStep.pairs, lastStep.sizes) };
    options.stats.relinked = { articles: linked.relinkedItems, keptComponents: linked.reusedComponents };
  }

  const copies = copiesIndex(copyGroups, allBundles);
  const stories: Story[] = storyGroups.map((members) => withCopies(makeStory(members, bundles, vectors), copies));
  const storylines: Storyline[] = storylineGroups.map((group) => {
    const members = group.map((k) => stories[k]!).sort(byFirstPublished);
    const id = `storyline-${shortHash(...members.flatMap((s) => s.articleIds).sort())}`;
    for (const s of members) s.storylineId = id;
    return { id, title: members[0]!.title, storyIds: members.map((s) => s.id) };
  });
  return { stories: stories.sort(byFirstPublished), storylines };
}

/** Average linkage of these articles (whole components of the pairs' graph), by per-day sums of their vectors. */
function linkArticles(items: readonly number[], pairs: readonly number[][], vectors: SparseVector[], days: readonly (number | null)[], threshold: number): number[][] {
  const local = new Map(items.map((i, k) => [i, k]));
  const localPairs = items.map((i) => pairs[i]!.map((j) => local.get(j)!));
  const window = { keys: items.map((i) => days[i] ?? null), maxGap: MAX_EVENT_SPREAD_DAYS, weight: eventDayWeight };
  const groups = agglomerateByLinkage(items.length, localPairs, threshold, dotLinkage(items.map((i) => vectors[i]!), window));
  return groups.map((g) => g.map((k) => items[k]!));
}

function makeStory(group: readonly number[], bundles: readonly ArticleBundle[], vectors: SparseVector[]): Story {
  // Listed as they were published (undated last), so a report's [1] is the first report; then by id.
  const members = [...group].sort((i, j) => byPublication(bundles[i]!.article, bundles[j]!.article));
  const dates = members.map((i) => bundles[i]!.article.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort();
  const articleIds = members.map((i) => bundles[i]!.article.id);
  const outlets = [...new Set(members.map((i) => bundles[i]!.article.outlet).filter((o): o is string => !!o))].sort();
  return {
    id: `story-${shortHash(...[...articleIds].sort())}`,
    title: neutralTitle(members, bundles, vectors),
    articleIds,
    storylineId: "",
    firstPublished: dates[0] ?? null,
    lastPublished: dates.at(-1) ?? null,
    outlets,
  };
}

/** A text published again months later (a re-run, an anniversary piece) is a new article, not a copy of one event's report. */
export function withinEventSpread(groups: readonly CopyGroup[], bundles: readonly ArticleBundle[]): CopyGroup[] {
  const dayOf = new Map(bundles.map((b) => [b.article.id, b.article.publishedAt ? Date.parse(b.article.publishedAt.slice(0, 10)) / 86_400_000 : null]));
  return groups
    .map((g) => {
      const canonicalDay = dayOf.get(g.canonicalId);
      const near = (id: string) => canonicalDay == null || dayOf.get(id) == null || Math.abs(dayOf.get(id)! - canonicalDay) <= MAX_EVENT_SPREAD_DAYS;
      return { canonicalId: g.canonicalId, copyIds: g.copyIds.filter(near) };
    })
    .filter((g) => g.copyIds.length > 0);
}

interface CopiesIndex {
  groups: readonly CopyGroup[];
  /** Positions in `groups` by canonical id. */
  byCanonical: Map<string, number[]>;
  articleById: Map<string, ArticleBundle["article"]>;
}

/** Built once: per story, looking through every copy group and every article made stories × articles work. */
function copiesIndex(groups: readonly CopyGroup[], allBundles: readonly ArticleBundle[]): CopiesIndex {
  const byCanonical = new Map<string, number[]>();
  groups.forEach((g, k) => byCanonical.set(g.canonicalId, [...(byCanonical.get(g.canonicalId) ?? []), k]));
  return { groups, byCanonical, articleById: new Map(allBundles.map((b) => [b.article.id, b.article])) };
}

/** Adds the copies of the story's canonical articles, and lists them; ids and dates cover the copies too. */
function withCopies(story: Story, index: CopiesIndex): Story {
  const positions = story.articleIds.flatMap((id) => index.byCanonical.get(id) ?? []).sort((a, b) => a - b);
  const copies = positions.map((k) => index.groups[k]!);
  if (!copies.length) return { ...story, copies: [] };
  const articleIds = [...story.articleIds, ...copies.flatMap((g) => g.copyIds)];
  const articles = articleIds.map((id) => index.articleById.get(id)!);
  const dates = articles.map((a) => a.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort();
  return {
    ...story,
    id: `story-${shortHash(...[...articleIds].sort())}`,
    articleIds,
    firstPublished: dates[0] ?? null,
    lastPublished: dates.at(-1) ?? null,
    outlets: [...new Set(articles.map((a) => a.outlet).filter((o): o is string => !!o))].sort(),
    copies,
  };
}

/**
 * The story's headline: of its members' titles, those with the fewest loaded words ("Biden regime offers Commie
 * dictator amnesty" loses to "US offers pardon to Maduro in secret talks"), and of those the most central
 * article's, so the title says what most of the story's articles are about; on a tie (two articles are equally
 * central to each other), the first published.
 */
function neutralTitle(members: number[], bundles: readonly ArticleBundle[], vectors: SparseVector[]): string {
  const titled = members.filter((i) => bundles[i]!.article.title.trim());
  if (!titled.length) return bundles[members[0]!]!.article.title;
  const loadedWords = (i: number) => contentWordsOf(bundles[i]!.article.title).filter((w) => LOADED_WORDS.has(w)).length;
  const fewest = Math.min(...titled.map(loadedWords));
  const candidates = titled.filter((i) => loadedWords(i) === fewest);
  const best = candidates.reduce((a, b) => (centrality(b, members, vectors) > centrality(a, members, vectors) ? b : a), candidates[0]!);
  return bundles[best]!.article.title;
}

const contentWordsOf = (title: string): string[] => title.toLowerCase().split(/[^\p{L}-]+/u).filter(Boolean);

function centrality(i: number, members: number[], vectors: SparseVector[]): number {
  return members.reduce((sum, j) => sum + (i === j ? 0 : cosine(vectors[i]!, vectors[j]!)), 0);
}

/** The mean of the members' vectors: its dot product with another story's is their mean article-pair cosine. */
function meanVector(members: number[], vectors: SparseVector[]): SparseVector {
  if (members.length === 1) return vectors[members[0]!]!;
  const mean = new Map<number, number>();
  for (const i of members) {
    const { terms, weights } = vectors[i]!;
    for (let k = 0; k < terms.length; k++) mean.set(terms[k]!, (mean.get(terms[k]!) ?? 0) + weights[k]! / members.length);
  }
  return sparseVector(mean);
}

/**
 * Storyline pairs are searched for at thresholds descending by this factor, from under the maximum down to the
 * storyline threshold. The first searches, over single stories, are cheap (few pairs reach them) and merge the
 * obvious ones; the low ones search far fewer clusters. Calibration (30k articles, names reused): steps from 0.40
 * took 18.3 s, from 0.79 11.0 s, the same storylines.
 */
const PAIR_SEARCH_STEP = Math.SQRT2;
const MAX_PAIR_SEARCH_STEP = 0.8;

function pairSearchSteps(threshold: number): number[] {
  const steps = [threshold];
  if (!(threshold > 0 && Number.isFinite(threshold))) return steps;
  while (steps[0]! * PAIR_SEARCH_STEP < MAX_PAIR_SEARCH_STEP) steps.unshift(steps[0]! * PAIR_SEARCH_STEP);
  return steps;
}

/** Stories in the largest connected component of the last step's cluster pairs (each cluster weighs its stories). */
function largestWeightedComponent(pairs: readonly number[][], sizes: readonly number[]): number {
  return connectedComponents(sizes.length, pairs).reduce((most, c) => Math.max(most, c.reduce((sum, k) => sum + sizes[k]!, 0)), 0);
}

function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byPublication(a: ArticleBundle["article"], b: ArticleBundle["article"]): number {
  const [x, y] = [a.publishedAt?.slice(0, 10) ?? "9999", b.publishedAt?.slice(0, 10) ?? "9999"];
  return compareIds(x, y) || compareIds(a.id, b.id);
}

function byFirstPublished(a: Story, b: Story): number {
  return (a.firstPublished ?? "9999").localeCompare(b.firstPublished ?? "9999") || a.id.localeCompare(b.id);
}
