import type { Annotation, Article, ArticleBundle, InputFailure, Story, StoryComparison, Storyline } from "../records.js";

/**
 * What the pipeline and the server need from storage. One implementation over a SQL client that is either
 * PGlite (embedded, default) or node-postgres (DATABASE_URL): same schema, same migrations, same queries.
 */
export interface Store {
  /** "pglite:/path" or "postgres://host:port/db" (password removed): for messages. */
  readonly location: string;
  /**
   * Upsert by article id; an article's annotations are replaced, never duplicated. One transaction, in which each
   * article the database refuses (an id it cannot hold, a value over a limit) is rolled back alone and named in
   * `failures`; the others are stored. Only faults of the database itself (connection, lock) fail the whole save.
   */
  saveBundles(bundles: readonly ArticleBundle[]): Promise<SaveOutcome>;
  /**
   * All stored bundles, or those with the given ids, ordered by id; with `kinds`, each with only its annotations of
   * those kinds (in their stored order): a rebuild reads the few kinds clustering needs for every article.
   */
  loadBundles(ids?: readonly string[] | undefined, options?: { kinds?: readonly Annotation["kind"][] }): Promise<ArticleBundle[]>;
  /** The stored annotations of these articles (of `kinds` only, when given), in their stored order; articles without any are left out. */
  loadAnnotations(ids: readonly string[], options?: { kinds?: readonly Annotation["kind"][] }): Promise<Map<string, Annotation[]>>;
  /**
   * Stories as last rebuilt: replaces stories, storylines and comparisons in one transaction, and sets the given
   * meta keys (how they were built) in the same transaction, so the two never disagree. With `kept`, the stored
   * comparisons of `kept.unchanged` stories (still among `stories`) stay as they are, and each comparison
   * written is stored with its key from `kept.keys`; every other stored comparison is replaced or removed.
   */
  replaceStories(
    stories: readonly Story[],
    storylines: readonly Storyline[],
    /** Read once, as they are written: a rebuild streams them from a spill file (rebuild-slices.ts). */
    comparisons: Iterable<StoryComparison>,
    meta?: Readonly<Record<string, string>>,
    kept?: KeptComparisons,
  ): Promise<void>;
  /** Story id → the key of the comparison stored for it (report/comparison-key.ts); stories stored without one are left out. */
  comparisonKeys(): Promise<Map<string, string>>;
  /**
   * A mark to take before reading the articles: `savedSince(mark)` later names every article saved after it, or
   * saved before it by a transaction the read could not yet see (a transaction id, as text).
   */
  saveMark(): Promise<string>;
  /** Ids of the articles saved since `saveMark()` returned `mark` (and perhaps a few saved just before), by id. */
  savedSince(mark: string): Promise<string[]>;
  /** A meta value set by replaceStories, or null. */
  getMeta(key: string): Promise<string | null>;
  listStories(): Promise<Story[]>;
  listStorylines(): Promise<Storyline[]>;
  getStory(id: string): Promise<StoredStory | null>;
  /** Per story, how many claims its comparison has, and how many are corroborated or conflicting. */
  claimCounts(): Promise<Map<string, ClaimCounts>>;
  /** The outlet (null where unknown) and source of each of the given stored articles; articles not stored are left out. */
  outletsOf(articleIds: readonly string[]): Promise<Map<string, { outlet: string | null; source: string }>>;
  /** Which of these URLs a stored article already has, as its url or as the address it was fetched from: `watch` fetches only the others. */
  knownUrls(urls: readonly string[]): Promise<Set<string>>;
  /** The story an article is in, or null. */
  storyIdOf(articleId: string): Promise<string | null>;
  counts(): Promise<{ articles: number; stories: number; storylines: number }>;
  /** Runs `fn` holding a lock named `key` across every process on this database (workers rebuilding stories). */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface SaveOutcome {
  /** Ids of the articles stored, in the order given (the last bundle of an id counts). */
  saved: string[];
  /** The articles refused, each named by its input (`source`) and id. */
  failures: InputFailure[];
}

export interface KeptComparisons {
  keys: ReadonlyMap<string, string>;
  unchanged: ReadonlySet<string>;
}

export interface ClaimCounts {
  total: number;
  corroborated: number;
  conflicting: number;
}

export interface StoredStory {
  story: Story;
  comparison: StoryComparison | null;
  articles: Article[];
}

export interface StoreOptions {
  /** PGlite directory; ignored when databaseUrl is set. ":memory:" for a throwaway in-memory database. */
  dataDir: string;
  databaseUrl: string | null;
}
