/**
 * Runs the stages: ingest → extract → analyze → (store) → cluster → compare → report. Never names an analyzer
 * or a site; the CLI, the server and the benchmarks all come through here.
 */
import type { ArticleBundle, InputFailure, RawDocument, Skip, StoryComparison } from "./records.js";
import { safeDocument } from "./_lib/safe-text.js";
import { isSkip } from "./records.js";
import { analyzeArticle } from "./analyze/index.js";
import { clusteringFingerprint, STORY_THRESHOLD, STORYLINE_THRESHOLD } from "./cluster/cluster-stories.js";
import { extractArticle } from "./extract/extract.js";
import type { FetchOptions } from "./ingest/fetch/index.js";
import type { WarcOptions } from "./ingest/warc/read-warc.js";
import { expandInputs, type IngestResult, isUrlInput, isWarcInput, readInput } from "./ingest/read-inputs.js";
import { encodingOption } from "./ingest/decode.js";
import { type Analysis, buildReport, PLANNING_KINDS, planReport } from "./report/build-report.js";
import { completeInSlices, openSpill, SLICE_ARTICLES } from "./rebuild-slices.js";
import type { SaveOutcome, Store } from "./store/types.js";
import { rebuildPending, SAVE_MARK_META_KEY } from "./store/pending-rebuild.js";

export interface ProgressEvent {
  done: number;
  total: number;
  source: string;
}

export interface ProcessOptions {
  maxInputBytes: number;
  maxArticleChars: number;
  onProgress?: (event: ProgressEvent) => void;
  readStdin?: () => Promise<Uint8Array>;
  /** How URL inputs are fetched (allowHosts for a local test server, a cache …); maxInputBytes applies too. */
  fetch?: FetchOptions;
  /** RSS/Atom/JSON feeds and sitemaps whose articles are read too (ingest/feeds). */
  feeds?: readonly string[];
  /**
   * The encoding of inputs that declare none and are not UTF-8 (the CLI's `--encoding NAME`): files, standard input
   * and archived pages; an unknown name throws before anything is read (ingest/decode.ts encodingOption).
   */
  encoding?: string;
}

export interface Processed {
  bundles: ArticleBundle[];
  failures: InputFailure[];
  skipped: Skip[];
}

/** Inputs → analyzed articles. Bad inputs become failures or skips, each counted once; the rest go on. */
export async function processInputs(inputs: readonly string[], options: ProcessOptions): Promise<Processed> {
  const failures: InputFailure[] = [];
  const skipped: Skip[] = [];
  const bundles = new Map<string, ArticleBundle>();
  for await (const doc of readDocuments(inputs, options)) {
    if ("error" in doc) failures.push(doc);
    else processDocument(doc, options, bundles, skipped, failures);
  }
  return { bundles: [...bundles.values()], failures, skipped };
}

/**
 * Inputs → the documents they hold, read but not yet extracted: files, folders, standard input, URLs (fetched
 * together), web archives (record by record: an archive's pages arrive as it streams) and feeds. What
 * processInputs analyses, and what a queue carries to workers.
 */
export async function* readDocuments(
  inputs: readonly string[],
  options: Pick<ProcessOptions, "maxInputBytes" | "readStdin" | "fetch" | "feeds" | "onProgress" | "encoding">,
): AsyncGenerator<RawDocument | InputFailure> {
  const encoding = options.encoding === undefined ? undefined : encodingOption(options.encoding);
  const expanded = await expandInputs(inputs);
  const pages = await fetchUrlInputs(expanded, { maxInputBytes: options.maxInputBytes, ...options.fetch });
  let done = 0;
  for (const item of expanded) {
    if (typeof item !== "string") yield item;
    else {
      const docs = pages.get(item) ?? (isWarcInput(item) ? await readArchive(item, { maxInputBytes: options.maxInputBytes, encoding }) : await readInput(item, { maxInputBytes: options.maxInputBytes, readStdin: options.readStdin, encoding }));
      yield* docs;
    }
    options.onProgress?.({ done: ++done, total: expanded.length, source: typeof item === "string" ? item : item.source });
  }
  if (options.feeds?.length) {
    const { readFeeds } = await import("./ingest/feeds/index.js");
    yield* await readFeeds(options.feeds, { maxInputBytes: options.maxInputBytes, ...options.fetch });
  }
}

/**
 * The web-archive reader, loaded only when an input is an archive: with the fetcher (undici) and the feed reader
 * (feedsmith) it cost ~0.6 s CPU of every run on local files when imported at the top (bench/startup.ts).
 */
async function readArchive(path: string, options: WarcOptions) {
  const { readWarc } = await import("./ingest/warc/read-warc.js");
  return readWarc(path, options);
}

/**
 * The URL inputs among `items`, fetched together: one polite session, so robots.txt is read once per site and the
 * per-host limits hold across them. Input → its document (or failure) as a one-item list, like readInput's.
 */
export async function fetchUrlInputs(items: readonly (string | InputFailure)[], options: FetchOptions): Promise<Map<string, IngestResult[]>> {
  const urls = [...new Set(items.filter((i): i is string => typeof i === "string" && isUrlInput(i)))];
  if (!urls.length) return new Map();
  const { fetchDocuments } = await import("./ingest/fetch/index.js");
  const fetched = await fetchDocuments(urls, options);
  return new Map(urls.map((url, k) => [url, [fetched[k]!]]));
}

/**
 * Documents already read (an API request's records) → analyzed articles, with the same rules as files. `earlier`
 * (article id → its input), when given, holds the articles of earlier batches of the same run: a copy of one is a
 * duplicate here too, and this batch's articles are added to it (ingestInputs analyses a run batch by batch).
 */
export function processDocuments(docs: readonly (RawDocument | InputFailure)[], options: Pick<ProcessOptions, "maxArticleChars">, earlier?: Map<string, string>): Processed {
  const processed: Processed = { bundles: [], failures: [], skipped: [] };
  const bundles = new Map<string, ArticleBundle>();
  for (const doc of docs) {
    if ("error" in doc) processed.failures.push(doc);
    else processDocument(doc, options, bundles, processed.skipped, processed.failures, earlier);
  }
  processed.bundles = [...bundles.values()];
  return processed;
}

/**
 * A plain text this many times maxArticleChars is refused before extraction, which would only find it too long after
 * copying it several times over (a 20 MB text: 242 MB over the baseline, issue 19). Calibration: extraction drops
 * boilerplate lines, blank runs and repeated paragraphs; a text ten times the limit whose article is under it is one
 * page pasted over and over, refused all the same. HTML is not cut here (markup can be most of a page).
 */
const TEXT_OVER_ARTICLE_FACTOR = 10;
const thousands = (n: number) => `${Math.round(n / 1000).toLocaleString("en")}k`;

function processDocument(
  given: RawDocument, options: Pick<ProcessOptions, "maxArticleChars">, bundles: Map<string, ArticleBundle>, skipped: Skip[], failures: InputFailure[], earlier?: Map<string, string>,
): void {
  if (given.format === "text" && given.body.length > TEXT_OVER_ARTICLE_FACTOR * options.maxArticleChars) {
    failures.push({ source: given.source, error: `the text is ${thousands(given.body.length)} characters; articles over ${thousands(options.maxArticleChars)} are refused (a book, a log or a page dump?)` });
    return;
  }
  const doc = safeDocument(given);
  if ("error" in doc) {
    failures.push(doc);
    return;
  }
  let article;
  try {
    article = extractArticle(doc);
  } catch (error) {
    failures.push({ source: doc.source, error: `extraction failed: ${(error as Error).message}` });
    return;
  }
  if (isSkip(article)) {
    skipped.push(article);
    return;
  }
  if (article.text.length > options.maxArticleChars) {
    failures.push({ source: doc.source, error: `the article text is ${thousands(article.text.length)} characters; articles over ${thousands(options.maxArticleChars)} are refused (a book, a log or a page dump?)` });
    return;
  }
  const first = bundles.get(article.id)?.article.source ?? earlier?.get(article.id);
  if (first !== undefined) {
    skipped.push({ skip: "duplicate", source: doc.source, detail: `same article as ${first}` });
    return;
  }
  try {
    bundles.set(article.id, { article, annotations: analyzeArticle(article) });
    earlier?.set(article.id, article.source);
  } catch (error) {
    failures.push({ source: doc.source, error: `analysis failed: ${(error as Error).message}` });
  }
}

/** Store meta key: the fingerprint of the clustering that built the stored stories. */
export const CLUSTERING_META_KEY = "clustering";
export { rebuildPending, SAVE_MARK_META_KEY };

/**
 * Stores the new articles, then rebuilds stories over everything stored, keeping the ids of stories that
 * continue, and keeping without re-linking the stories no new article touches. Returns the analysis of the whole
 * store, its quotes, numbers and other annotation sections for the stories of `reportOn` only (the new articles).
 * An article the store refuses moves from `processed.bundles` to `processed.failures` (named by its input), so the
 * caller's counts and report say what was stored; the others are stored all the same.
 */
export async function storeAndRebuild(
  store: Store,
  processed: Processed,
  reportOn: ReadonlySet<string> = new Set(processed.bundles.map((b) => b.article.id)),
  progress: Pick<RebuildInputs, "onStep" | "onStepStart" | "comparisons"> = {},
): Promise<Analysis> {
  keepStored(processed, await store.saveBundles(processed.bundles));
  return rebuildStories(store, { ...processed, reportOn, ...progress });
}

/** `processed` as far as the store took it: the articles it refused become failures. */
export function keepStored(processed: Processed, outcome: SaveOutcome): void {
  if (!outcome.failures.length) return;
  const saved = new Set(outcome.saved);
  processed.bundles = processed.bundles.filter((b) => saved.has(b.article.id));
  processed.failures.push(...outcome.failures);
}

/** A rebuild's steps, as `RebuildInputs.onStep` reports them. */
export type RebuildStep = "load" | "cluster" | "compare" | "store";

/**
 * `reportOn`: the articles whose stories the returned report details (buildReport's ReportInputs.reportOn).
 * `reuseComparisons` (default true): false compares every story again, whatever the stored keys say.
 * `onStep`: told each step's wall-clock milliseconds (bench/rebuild.ts). `onStepStart`: told as each step starts, with
 * what it works on: the articles to group, the stories to compare or to store (null: not known yet); the CLI's status
 * line, since grouping 100,000 articles takes minutes.
 */
export type RebuildInputs = Pick<Processed, "failures" | "skipped"> & {
  reportOn?: ReadonlySet<string>;
  reuseComparisons?: boolean;
  /**
   * "all" (default): the returned Analysis has every comparison made. "reported": only those of stories holding a
   * `reportOn` article; the others go from comparing to the store through a spill file, never all in memory
   * (ingestion, workers, the server's jobs: they report on no story, or on few).
   */
  comparisons?: "all" | "reported";
  /** Articles compared at a time (rebuild-slices.ts SLICE_ARTICLES); a test sets it small. */
  sliceArticles?: number;
  onStep?: (step: RebuildStep, ms: number) => void;
  onStepStart?: (step: RebuildStep, items: number | null) => void;
};

/** The lock rebuilds take: one at a time over a database, whichever process (server, CLI, worker) runs it. */
export const REBUILD_LOCK = "triangulate:rebuild-stories";

/**
 * Stories over everything stored, replacing the previous ones; only the stories whose inputs changed, and those
 * holding `reportOn` articles, are compared again (the returned comparisons and report sections cover those).
 * Rebuilds are serialised across processes: each reads every article committed when it starts, so the last one
 * always covers them all (two at once could each miss the other's articles).
 */
export async function rebuildStories(store: Store, inputs: RebuildInputs = { failures: [], skipped: [] }): Promise<Analysis> {
  return store.exclusive(REBUILD_LOCK, async () => {
    let started = performance.now();
    // A step seen twice (loading) adds up.
    const lap = (step: RebuildStep) => {
      const now = performance.now();
      inputs.onStep?.(step, now - started);
      started = now;
    };
    // Every article, with only the annotations entities and clustering read (let go once planned); whole bundles
    // only for the stories compared or reported on. Stories whose articles and resolved names did not change keep
    // their stored comparison (comparison-key.ts).
    // Articles re-saved since the last rebuild may have new text: their stories are linked again (relink.ts). The
    // mark is taken before reading, so the next rebuild sees every save this one could not; a store without one
    // (stories from before migration 005) is linked again in full, once.
    const [saveMark, previousMark] = [await store.saveMark(), await store.getMeta(SAVE_MARK_META_KEY)];
    const previous = {
      stories: await store.listStories(),
      storylines: await store.listStorylines(),
      fingerprint: previousMark === null ? null : await store.getMeta(CLUSTERING_META_KEY),
      changedIds: new Set<string>(),
    };
    const storedComparisons = inputs.reuseComparisons === false ? new Map<string, string>() : await store.comparisonKeys();
    const reportInputs = { failures: inputs.failures, skipped: inputs.skipped, previous, reportOn: inputs.reportOn, storedComparisons };
    // Held by planReport only, so they are let go once planned.
    const planningBundles = async () => {
      inputs.onStepStart?.("load", null);
      const bundles = await store.loadBundles(undefined, { kinds: PLANNING_KINDS });
      // Listed after the read, so every re-save it read is among them (and perhaps a few it did not: linked again).
      if (previousMark !== null) for (const id of await store.savedSince(previousMark)) previous.changedIds.add(id);
      lap("load");
      inputs.onStepStart?.("cluster", bundles.length);
      return bundles;
    };
    const plan = planReport(await planningBundles(), reportInputs);
    lap("cluster");
    inputs.onStepStart?.("compare", plan.clustering.stories.length - (plan.kept?.unchanged.size ?? 0));
    // Story slice by story slice, each slice's annotations loaded as it is compared (rebuild-slices.ts).
    const spill = inputs.comparisons === "reported" ? openSpill<StoryComparison>() : null;
    try {
      const analysis = await completeInSlices(plan, (ids) => store.loadAnnotations(ids), reportInputs, {
        keep: inputs.comparisons ?? "all", sliceArticles: inputs.sliceArticles ?? SLICE_ARTICLES, spill, onLap: lap,
      });
      inputs.onStepStart?.("store", analysis.report.stories.length);
      await store.replaceStories(analysis.report.stories, analysis.report.storylines, spill ? chain(analysis.comparisons, spill.read()) : analysis.comparisons, {
        [CLUSTERING_META_KEY]: clusteringFingerprint(STORY_THRESHOLD, STORYLINE_THRESHOLD),
        [SAVE_MARK_META_KEY]: saveMark,
      }, analysis.kept);
      lap("store");
      return analysis;
    } finally {
      spill?.close();
    }
  });
}

function* chain<T>(...lists: Iterable<T>[]): Generator<T> {
  for (const list of lists) yield* list;
}

/** On opening a store: finishes the rebuild an interrupted writer left undone (rebuildPending). True when it ran one. */
export async function finishInterruptedRebuild(store: Store): Promise<boolean> {
  if (!(await rebuildPending(store))) return false;
  await rebuildStories(store, { failures: [], skipped: [], reportOn: new Set(), comparisons: "reported" });
  return true;
}

/** The report for just these inputs, with story ids as stored when a store rebuilt them. */
export function reportFor(processed: Processed, whole: Analysis | null): Analysis {
  if (!whole) return buildReport(processed.bundles, { failures: processed.failures, skipped: processed.skipped });
  const ids = new Set(processed.bundles.map((b) => b.article.id));
  const stories = whole.report.stories.filter((s) => s.articleIds.some((id) => ids.has(id)));
  const storyIds = new Set(stories.map((s) => s.id));
  const keep = <T extends { storyId: string }>(items: T[]) => items.filter((x) => storyIds.has(x.storyId));
  const articleIds = new Set(stories.flatMap((s) => s.articleIds));
  const articles = whole.report.articles.filter((a) => articleIds.has(a.id));
  const inArticles = <T extends { articleId: string }>(items: T[]) => items.filter((x) => articleIds.has(x.articleId));
  const r = whole.report;
  return {
    report: {
      ...r,
      articles,
      entities: r.entities
        .map((e) => ({ ...e, mentions: inArticles(e.mentions) }))
        .filter((e) => e.mentions.length > 0),
      quotes: inArticles(r.quotes),
      numbers: inArticles(r.numbers),
      citations: inArticles(r.citations),
      stories,
      storylines: r.storylines.filter((l) => l.storyIds.some((id) => storyIds.has(id))),
      claims: keep(r.claims),
      timeline: keep(r.timeline),
      framing: keep(r.framing),
      omissions: keep(r.omissions),
      brief: keep(r.brief),
    },
    comparisons: whole.comparisons.filter((c) => storyIds.has(c.storyId)),
  };
}
