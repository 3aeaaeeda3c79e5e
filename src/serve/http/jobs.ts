/**
 * Ingestion jobs for the HTTP API: POST /api/jobs answers at once with a job, the work runs in the background
 * and GET /api/jobs/:id shows its progress. Jobs run one at a time, in order, in this process: the server owns the
 * embedded database, so this is the whole queue there. Many workers over PostgreSQL are issue 8's queue; this one
 * keeps finished jobs in memory for an hour, and a restart forgets them (their articles are stored).
 */
import { randomUUID } from "node:crypto";
import type { ArticleBundle, InputFailure, RawDocument, Skip } from "../../records.js";
import { type Processed, processDocuments } from "../../pipeline.js";

export type JobState = "queued" | "running" | "done" | "failed";

export interface Job {
  id: string;
  state: JobState;
  total: number;
  /** Inputs read (extracted and analysed) so far: a progress bar is processed / total. */
  processed: number;
  stored: number;
  failures: InputFailure[];
  skipped: Skip[];
  /** The stories the job's articles are in, once done. */
  storyIds: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Stores and re-clusters what was read; returns the ids of the stories the given articles are in. */
export type StoreStep = (processed: Processed) => Promise<string[]>;
/** Fetches pages (src/ingest/fetch): one document or failure per URL, in order. */
export type FetchStep = (urls: readonly string[]) => Promise<(RawDocument | InputFailure)[]>;
/** What a job reads: a document already in hand, an input that failed before, or a page to fetch. */
export type JobInput = RawDocument | InputFailure | { url: string };

/** URLs are fetched this many at a time, so a job's progress moves while the fetcher keeps hosts busy in parallel. */
const FETCH_BATCH = 8;

const KEEP_FINISHED_MS = 60 * 60 * 1000;

export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: StoreStep, private readonly fetchPages: FetchStep, private readonly options: { maxArticleChars: number }) {}

  submit(inputs: readonly JobInput[]): Job {
    this.forgetOld();
    const job: Job = {
      id: `job-${randomUUID()}`, state: "queued", total: inputs.length, processed: 0, stored: 0, failures: [], skipped: [],
      storyIds: [], error: null, createdAt: new Date().toISOString(), finishedAt: null,
    };
    this.jobs.set(job.id, job);
    this.tail = this.tail.then(() => this.run(job, inputs));
    return job;
  }

  get(id: string): Job | null {
    return this.jobs.get(id) ?? null;
  }

  /** Resolves when every job submitted so far has finished (tests, shutdown). */
  idle(): Promise<unknown> {
    return this.tail;
  }

  private async run(job: Job, inputs: readonly JobInput[]): Promise<void> {
    job.state = "running";
    try {
      const bundles = new Map<string, ArticleBundle>();
      const urls = inputs.filter((i): i is { url: string } => "url" in i && !("source" in i)).map((i) => i.url);
      const fetched: (RawDocument | InputFailure)[] = [];
      for (let i = 0; i < urls.length; i += FETCH_BATCH) fetched.push(...(await this.fetchPages(urls.slice(i, i + FETCH_BATCH))));
      const documents = [...inputs.filter((i): i is RawDocument | InputFailure => "source" in i), ...fetched];
      for (const input of documents) {
        const one = processDocuments([input], this.options);
        job.failures.push(...one.failures);
        for (const b of one.bundles) {
          const earlier = bundles.get(b.article.id);
          if (earlier) job.skipped.push({ skip: "duplicate", source: b.article.source, detail: `same article as ${earlier.article.source}` });
          else bundles.set(b.article.id, b);
        }
        job.skipped.push(...one.skipped);
        job.processed++;
        // Let GET /api/jobs/:id answer between articles: analysis is synchronous work.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const processed: Processed = { bundles: [...bundles.values()], failures: job.failures, skipped: job.skipped };
      job.storyIds = processed.bundles.length ? await this.store(processed) : [];
      job.stored = processed.bundles.length;
      job.state = "done";
    } catch (error) {
      job.state = "failed";
      job.error = `${(error as Error).message}; the articles read before the failure were not stored: send them again`;
      console.error(`[triangulate] [serve] ${job.id}:`, error);
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }

  private forgetOld(): void {
    const cutoff = Date.now() - KEEP_FINISHED_MS;
    for (const [id, job] of this.jobs) if (job.finishedAt && Date.parse(job.finishedAt) < cutoff) this.jobs.delete(id);
  }
}
