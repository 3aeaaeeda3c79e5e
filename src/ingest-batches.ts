/**
 * Ingestion that streams: inputs are analysed a batch of documents at a time and each batch is saved as soon as it
 * is done, so only the articles' ids stay in memory, never every analysed article (issue 19: a 20 MB JSONL of
 * 16,000 articles held ~1 GB of bundles until the end). The stories are then rebuilt from the store, a slice of
 * stories at a time (rebuild-slices.ts). The same articles are stored, skipped and failed as processInputs + storeAndRebuild
 * give (test/store/stream.test.ts), the same stories come out.
 */
import type { InputFailure, RawDocument, Skip } from "./records.js";
import type { Analysis } from "./report/build-report.js";
import type { Store } from "./store/types.js";
import { type ProcessOptions, processDocuments, readDocuments, type RebuildInputs, rebuildStories } from "./pipeline.js";
import { collectGarbage } from "./rebuild-slices.js";

/**
 * Documents analysed, then saved, at a time. Calibration: an article and its ~55 annotations weigh ~25–50 KB of heap;
 * 200 is a few MB, and one save per 200 articles costs a handful of statements (saveBundles), as `ingest` did in one.
 */
export const INGEST_BATCH_DOCUMENTS = 200;
/**
 * A batch is also cut once its documents hold this many characters, so that a run of large pages (each up to
 * maxInputBytes) is not 200 of them at once. Calibration: 200 news records of ~1.4 KB (bench/memory-corpus.ts) are
 * ~0.3 M characters, under it; 200 HTML pages of ~100 KB would be 20 M, cut at 4 M.
 */
export const INGEST_BATCH_CHARS = 4_000_000;

/** What an ingestion did: the ids of the articles stored (in input order), and each input that failed or was skipped. */
export interface Ingested {
  stored: string[];
  failures: InputFailure[];
  skipped: Skip[];
}

export interface IngestOptions extends ProcessOptions {
  /** Documents per batch (INGEST_BATCH_DOCUMENTS); a test sets it small. */
  batchDocuments?: number;
  /** Characters of document bodies per batch (INGEST_BATCH_CHARS). */
  batchChars?: number;
  /** Told after each batch is saved, with the running counts (the CLI's status line within one large input). */
  onBatch?: (done: { stored: number; failures: number; skipped: number }) => void;
}

/** Inputs → analysed articles saved in `store` batch by batch. An article the store refuses is a failure, named by its input. */
export async function ingestInputs(store: Store, inputs: readonly string[], options: IngestOptions): Promise<Ingested> {
  const ingested: Ingested = { stored: [], failures: [], skipped: [] };
  const size = options.batchDocuments ?? INGEST_BATCH_DOCUMENTS;
  const maxChars = options.batchChars ?? INGEST_BATCH_CHARS;
  let chars = 0;
  // Article id → its input, across batches: a copy of an earlier batch's article is a duplicate, as in one run.
  const earlier = new Map<string, string>();
  let batch: RawDocument[] = [];
  const flush = async () => {
    const processed = processDocuments(batch, options, earlier);
    [batch, chars] = [[], 0];
    ingested.failures.push(...processed.failures);
    ingested.skipped.push(...processed.skipped);
    if (processed.bundles.length) {
      const outcome = await store.saveBundles(processed.bundles);
      ingested.stored.push(...outcome.saved);
      ingested.failures.push(...outcome.failures);
    }
    options.onBatch?.({ stored: ingested.stored.length, failures: ingested.failures.length, skipped: ingested.skipped.length });
    // The batch's bundles are garbage now: freed here, not left to pile up until V8's next full collection.
    collectGarbage();
  };
  for await (const doc of readDocuments(inputs, options)) {
    if ("error" in doc) ingested.failures.push(doc);
    else if (batch.push(doc) >= size || (chars += doc.body.length) >= maxChars) await flush();
  }
  if (batch.length) await flush();
  return ingested;
}

/**
 * `triangulate ingest` streaming: ingestInputs, then the stories rebuilt over the whole store, reporting on none
 * (the report has the stories and articles, for counts; no comparison is held: they stream to the store).
 * For the CLI: `store` is the one its --data-dir (or DATABASE_URL) opened, under its lock; `options` carries
 * maxInputBytes/maxArticleChars, `encoding` (--encoding NAME: ProcessOptions), `fetch`/`feeds`, `onProgress` (per
 * input) and `onBatch` (per saved batch, within one large input); `progress` the rebuild's steps (onStepStart).
 */
export async function ingestAndRebuild(
  store: Store, inputs: readonly string[], options: IngestOptions, progress: Pick<RebuildInputs, "onStep" | "onStepStart" | "sliceArticles"> = {},
): Promise<{ ingested: Ingested; analysis: Analysis }> {
  const ingested = await ingestInputs(store, inputs, options);
  const analysis = await rebuildStories(store, { failures: ingested.failures, skipped: ingested.skipped, reportOn: new Set(), comparisons: "reported", ...progress });
  return { ingested, analysis };
}
