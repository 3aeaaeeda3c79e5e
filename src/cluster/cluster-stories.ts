/**
 * Articles → stories (one event each) → storylines (events that continue one another). Both are average-linkage
 * clusterings of the same vectors at two thresholds; articles published too far apart are never one event.
 */
import type { ArticleBundle, CopyGroup, Story, Storyline } from "../records.js";
import { shortHash } from "../_lib/hash.js";
import { agglomerate } from "../_lib/agglomerate.js";
import { LOADED_WORDS } from "../_lib/lexicon.js";
import { findNearDuplicates } from "./near-duplicates.js";
import { similarPairs } from "./similar-pairs.js";
import { cosine, tfidfVectors, type SparseVector } from "./vectors.js";

/**
 * Calibration (`npm run eval`, docs/BENCHMARKS.md), B-cubed F1 by story threshold on ECB+ (982 docs, all topics
 * together / within each topic) and AllSides: 0.10 → .813/.864/.594, 0.14 → .837/.797/.700, 0.16 → .869/.729/.727,
 * 0.18 → .886/.665/.746. The mean of the three is flat over 0.13–0.16; 0.14 sits in it. Storylines at 0.07 score
 * .906 against ECB+ topics. Between the two thresholds, articles are one storyline but not one event.
 */
export const STORY_THRESHOLD = 0.14;
export const STORYLINE_THRESHOLD = 0.07;
/** Two reports of one event are published within this many days of each other. */
export const MAX_EVENT_SPREAD_DAYS = 14;

export interface Clustering {
  stories: Story[];
  storylines: Storyline[];
}

export interface ClusterOptions {
  storyThreshold?: number;
  storylineThreshold?: number;
  /** Filled in when given (bench/cluster-scaling.ts): seconds per step and the largest connected components. */
  stats?: ClusterStats;
}

export interface ClusterStats {
  seconds: { nearDuplicates: number; vectors: number; storyPairs: number; storyLinkage: number; storylines: number };
  /** Articles (stories) in the largest connected component of the pairs at the story (storyline) threshold. */
  largestComponent: { stories: number; storylines: number };
}

export function clusterStories(allBundles: readonly ArticleBundle[], options: ClusterOptions = {}): Clustering {
  if (allBundles.length === 0) return { stories: [], storylines: [] };
  const clock = stopwatch();
  // Copies of one text are one article with echoes: only the canonical is clustered, its copies follow it.
  const copyGroups = withinEventSpread(findNearDuplicates(allBundles), allBundles);
  const copyIds = new Set(copyGroups.flatMap((g) => g.copyIds));
  const bundles = allBundles.filter((b) => !copyIds.has(b.article.id));
  const nearDuplicateSeconds = clock();
  const vectors = tfidfVectors(bundles);
  const days = bundles.map((b) => (b.article.publishedAt ? Date.parse(b.article.publishedAt.slice(0, 10)) / 86_400_000 : null));
  const similarity = (i: number, j: number) => {
    const [a, b] = [days[i], days[j]];
    if (a != null && b != null && Math.abs(a - b) > MAX_EVENT_SPREAD_DAYS) return 0;
    return cosine(vectors[i]!, vectors[j]!);
  };
  const vectorSeconds = clock();
  // Only pairs at or above the threshold shape the components: found by an exact all-pairs search, not n² tests.
  const storyThreshold = options.storyThreshold ?? STORY_THRESHOLD;
  const articlePairs = similarPairs(vectors, storyThreshold, similarity, { keys: days, maxGap: MAX_EVENT_SPREAD_DAYS });
  const pairSeconds = clock();
  const storyGroups = agglomerate(bundles.length, similarity, storyThreshold, articlePairs);
  const linkageSeconds = clock();
  // Story pairs likewise, over the stories' mean vectors: the mean article-pair cosine is their dot product.
  const storylineThreshold = options.storylineThreshold ?? STORYLINE_THRESHOLD;
  const storySimilarity = (a: number, b: number) => groupSimilarity(storyGroups[a]!, storyGroups[b]!, vectors);
  const storyPairs = similarPairs(storyGroups.map((g) => meanVector(g, vectors)), storylineThreshold, storySimilarity);
  const storylineGroups = agglomerate(storyGroups.length, storySimilarity, storylineThreshold, storyPairs);
  if (options.stats) {
    options.stats.seconds = { nearDuplicates: nearDuplicateSeconds, vectors: vectorSeconds, storyPairs: pairSeconds, storyLinkage: linkageSeconds, storylines: clock() };
    options.stats.largestComponent = { stories: largestComponent(articlePairs), storylines: largestComponent(storyPairs) };
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

function makeStory(members: number[], bundles: readonly ArticleBundle[], vectors: SparseVector[]): Story {
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
function withinEventSpread(groups: readonly CopyGroup[], bundles: readonly ArticleBundle[]): CopyGroup[] {
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
 * article's, so the title says what most of the story's articles are about.
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

function groupSimilarity(a: number[], b: number[], vectors: SparseVector[]): number {
  let total = 0;
  for (const i of a) for (const j of b) total += cosine(vectors[i]!, vectors[j]!);
  return total / (a.length * b.length);
}

/** The mean of the members' vectors: its dot product with another story's is their mean article-pair cosine. */
function meanVector(members: number[], vectors: SparseVector[]): SparseVector {
  if (members.length === 1) return vectors[members[0]!]!;
  const mean: SparseVector = new Map();
  for (const i of members) for (const [term, x] of vectors[i]!) mean.set(term, (mean.get(term) ?? 0) + x / members.length);
  return mean;
}

function largestComponent(pairs: readonly number[][]): number {
  const parent = Int32Array.from(pairs, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  pairs.forEach((js, i) => js.forEach((j) => (parent[find(j)] = find(i))));
  const size = new Map<number, number>();
  let largest = 0;
  for (let i = 0; i < pairs.length; i++) largest = Math.max(largest, size.set(find(i), (size.get(find(i)) ?? 0) + 1).get(find(i))!);
  return largest;
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

function byFirstPublished(a: Story, b: Story): number {
  return (a.firstPublished ?? "9999").localeCompare(b.firstPublished ?? "9999") || a.id.localeCompare(b.id);
}
