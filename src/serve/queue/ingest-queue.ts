/**
 * Ingestion over PostgreSQL with many workers: pg-boss (a maintained Postgres-backed queue: SKIP LOCKED, retries,
 * expiry of jobs whose worker died) carries batches of read documents; any number of `triangulate worker`
 * processes, on any machines sharing DATABASE_URL, extract, analyse and store them, then ask for a story rebuild.
 *
 * - Idempotent: an article's id is its URL's or its text's hash and the store upserts by id, so a batch done
 *   twice (its worker killed after storing, before completing the job) stores the same rows again, no duplicate.
 * - A worker killed mid-job (kill -9) loses nothing: its job stays active until `expireInSeconds`, then pg-boss
 *   hands it to another worker (retryLimit times).
 * - Rebuilds go to a queue of policy "stately" (at most one waiting, one running): many finished batches ask for
 *   one rebuild, and rebuildStories' lock keeps even two at once from interleaving.
 */
import PgBoss from "pg-boss";
import type { InputFailure, RawDocument } from "../../records.js";
import { keepStored, processDocuments, rebuildPending, rebuildStories } from "../../pipeline.js";
import { safeDocument, safeText } from "../../_lib/safe-text.js";
import type { Store } from "../../store/types.js";

export const INGEST_QUEUE = "triangulate-ingest";
export const REBUILD_QUEUE = "triangulate-rebuild";
/** pg-boss keeps its tables in a schema of their own, beside the store's. */
const SCHEMA = "triangulate_queue";

export interface QueueOptions {
  databaseUrl: string;
  /** A job not completed this long after a worker took it is given to another (the worker is presumed dead). */
  expireInSeconds?: number;
  /** How often expired jobs are looked for. */
  maintenanceIntervalSeconds?: number;
  /** How often an idle worker asks for work. */
  pollingIntervalSeconds?: number;
}

export interface IngestJob {
  documents: (RawDocument | InputFailure)[];
}

const DEFAULTS = { expireInSeconds: 15 * 60, maintenanceIntervalSeconds: 60, pollingIntervalSeconds: 2 };
/** A rebuild asked for while batches are pending is tried again this much later. */
const REBUILD_DEFER_SECONDS = 3;
const RETRY_LIMIT = 5;

export async function openQueue(options: QueueOptions): Promise<PgBoss> {
  // An option given as undefined keeps its default (a spread would overwrite it, and pg-boss then refuses to start).
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as QueueOptions;
  const o = { ...DEFAULTS, ...given };
  const boss = new PgBoss({ connectionString: o.databaseUrl, schema: SCHEMA, maintenanceIntervalSeconds: o.maintenanceIntervalSeconds });
  boss.on("error", (error) => console.error(`[triangulate] [queue] ${error.message}`));
  try {
    await boss.start();
    await ensureQueue(boss, { name: INGEST_QUEUE, policy: "standard", retryLimit: RETRY_LIMIT, expireInSeconds: o.expireInSeconds });
    await ensureQueue(boss, { name: REBUILD_QUEUE, policy: "stately", retryLimit: RETRY_LIMIT, expireInSeconds: o.expireInSeconds });
  } catch (error) {
    // A started pg-boss keeps the process alive: stop it, so a bad start exits with its error instead of hanging.
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    throw new Error(`[triangulate] [queue] cannot start the queue on ${o.databaseUrl.replace(/\/\/[^@]*@/, "//")}: ${(error as Error).message}`, { cause: error });
  }
  return boss;
}

async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, queue);
  else await boss.createQueue(queue.name, queue);
}

/** Sends documents in batches of `batchSize`; returns the job ids. */
export async function enqueueDocuments(boss: PgBoss, documents: AsyncIterable<RawDocument | InputFailure> | Iterable<RawDocument | InputFailure>, batchSize = 25): Promise<string[]> {
  const ids: string[] = [];
  let batch: (RawDocument | InputFailure)[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const id = await boss.send(INGEST_QUEUE, { documents: batch } satisfies IngestJob);
    if (id) ids.push(id);
    batch = [];
  };
  for await (const doc of documents) {
    // pg-boss keeps a job's data as jsonb, which refuses NUL and unpaired surrogates anywhere in it: one such record
    // would fail the batch's send. Made safe here as the pipeline would (a bad id becomes that record's failure).
    batch.push("error" in doc ? { source: safeText(doc.source), error: safeText(doc.error) } : safeDocument(doc));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return ids;
}

export interface WorkerEvents {
  onJob?: (event: { queue: string; id: string; articles?: number; failures?: number }) => void;
}

/**
 * Which jobs a worker takes. "all" by default; "ingest" and "rebuild" split the work, so a store-wide rebuild (minutes
 * at 10⁵ articles) runs on its own worker while the others keep ingesting.
 */
export type WorkerJobs = "all" | "ingest" | "rebuild";
export const WORKER_JOBS: readonly WorkerJobs[] = ["all", "ingest", "rebuild"];

/** Takes ingest and/or rebuild jobs until stopped. Resolves once its handlers are registered. */
export async function startWorker(boss: PgBoss, store: Store, options: { maxArticleChars: number; pollingIntervalSeconds?: number; jobs?: WorkerJobs } & WorkerEvents): Promise<void> {
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? DEFAULTS.pollingIntervalSeconds };
  const jobs = options.jobs ?? "all";
  // Saves whose rebuild never ran (a worker killed between the two): ask for one, as their batch would have.
  if (await rebuildPending(store)) await boss.send(REBUILD_QUEUE, {});
  if (jobs !== "rebuild") await takeIngestJobs(boss, store, options, polling);
  if (jobs !== "ingest") await takeRebuildJobs(boss, store, options, polling);
}

async function takeIngestJobs(boss: PgBoss, store: Store, options: { maxArticleChars: number } & WorkerEvents, polling: PgBoss.WorkOptions): Promise<void> {
  await boss.work<IngestJob>(INGEST_QUEUE, { batchSize: 1, ...polling }, async ([job]) => {
    if (!job) return;
    const documents = jobDocuments(job.data, job.id);
    options.onJob?.({ queue: INGEST_QUEUE, id: job.id, articles: documents.length });
    const processed = processDocuments(documents, { maxArticleChars: options.maxArticleChars });
    // A record the store refuses fails alone, named in the job's output; the job is done, not retried.
    keepStored(processed, await store.saveBundles(processed.bundles));
    await boss.send(REBUILD_QUEUE, {});
    options.onJob?.({ queue: `${INGEST_QUEUE}:done`, id: job.id, articles: processed.bundles.length, failures: processed.failures.length });
    return { stored: processed.bundles.length, failures: processed.failures, skipped: processed.skipped };
  });
}

/**
 * A job's documents, each checked: the queue's rows can be written by anything that reaches the database, and a job
 * retried over a malformed entry would fail the same way five times. A malformed entry becomes a failure naming it.
 */
export function jobDocuments(data: unknown, jobId: string): (RawDocument | InputFailure)[] {
  const documents = (data as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(documents)) return [{ source: `job ${jobId}`, error: "the job holds no \"documents\" list: nothing to ingest" }];
  return documents.map((doc: unknown, i): RawDocument | InputFailure => {
    const d = (doc ?? {}) as Partial<RawDocument & InputFailure>;
    const source = typeof d.source === "string" ? d.source : `job ${jobId} document ${i + 1}`;
    if (typeof d.source === "string" && typeof d.error === "string") return { source, error: d.error };
    const hintsOk = typeof d.hints === "object" && d.hints !== null && !Array.isArray(d.hints)
      && Object.values(d.hints).every((v) => typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string")));
    if (typeof d.source !== "string" || (d.format !== "html" && d.format !== "text") || typeof d.body !== "string" || !hintsOk) {
      return { source, error: "not a document (source, format html|text, body, hints of strings): the job entry is malformed" };
    }
    return { source, format: d.format, body: d.body, hints: d.hints!, fetchedAt: typeof d.fetchedAt === "string" ? d.fetchedAt : new Date().toISOString() };
  });
}

async function takeRebuildJobs(boss: PgBoss, store: Store, options: WorkerEvents, polling: PgBoss.WorkOptions): Promise<void> {
  await boss.work(REBUILD_QUEUE, { batchSize: 1, ...polling }, async ([job]) => {
    if (!job) return;
    // While batches are still waiting, a rebuild now would be redone after them: put it off (the stately queue
    // keeps one), so a worker ingests instead of rebuilding after every batch, and the last rebuild follows the
    // last batch.
    if ((await boss.getQueueSize(INGEST_QUEUE, { before: "completed" })) > 0) {
      await boss.send(REBUILD_QUEUE, {}, { startAfter: REBUILD_DEFER_SECONDS });
      return { deferred: true };
    }
    options.onJob?.({ queue: REBUILD_QUEUE, id: job.id });
    // Only the stories are kept: no report sections for any article, and the comparisons go to the store as made.
    const analysis = await rebuildStories(store, { failures: [], skipped: [], reportOn: new Set(), comparisons: "reported" });
    options.onJob?.({ queue: `${REBUILD_QUEUE}:done`, id: job.id });
    return { stories: analysis.report.stories.length };
  });
}

/**
 * Jobs waiting or running that a worker taking `jobs` must outlast: a worker that waits for idle stops when this
 * reaches 0. An ingest-only worker waits for ingest jobs only; one that rebuilds also waits for ingest jobs, since
 * each asks for a rebuild.
 */
export async function pendingJobs(boss: PgBoss, jobs: WorkerJobs = "all"): Promise<number> {
  let n = 0;
  for (const queue of jobs === "ingest" ? [INGEST_QUEUE] : [INGEST_QUEUE, REBUILD_QUEUE]) n += await boss.getQueueSize(queue, { before: "completed" });
  return n;
}
