/**
 * A queued batch with a bad record fails only that record (issue 19, item 1): the worker stores the good documents,
 * completes the job (no five retries) and names the bad ones in its output. Over a throwaway PostgreSQL.
 */
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type PostgresServer, startPostgres } from "../../../bench/throwaway-postgres.js";
import type { RawDocument } from "../../records.js";
import { openStore } from "../../store/index.js";
import type { Store } from "../../store/types.js";
import { enqueueDocuments, INGEST_QUEUE, jobDocuments, openQueue, pendingJobs, startWorker } from "./ingest-queue.js";

const TEXT = "The city council voted on Tuesday to close the old bridge after engineers found cracks in two of its supports. " +
  "The mayor said repairs would take a year and cost about four million dollars, paid from the state's road fund. " +
  "Commuters will be sent over the northern crossing, which the transport office expects to add twenty minutes to a trip. " +
  "Shop owners near the bridge said they feared losing customers during the works.";

const doc = (source: string, id: string, body = TEXT): RawDocument => ({ source, format: "text", body, hints: { id }, fetchedAt: "2024-05-01T00:00:00Z" });

let server: PostgresServer | undefined;
let store: Store | undefined;
let boss: PgBoss | undefined;

beforeAll(async () => {
  server = await startPostgres();
  store = await openStore({ dataDir: "/nonexistent", databaseUrl: server.url });
  boss = await openQueue({ databaseUrl: server.url, maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5 });
}, 180_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, close: true }).catch(() => {});
  await store?.close();
  await server?.stop();
});

test("malformed job entries become failures naming them; good ones pass through", () => {
  expect(jobDocuments(null, "j1")).toEqual([{ source: "job j1", error: expect.stringContaining("no \"documents\" list") }]);
  const read = jobDocuments({ documents: [doc("a.txt", "a"), { source: "b.txt", error: "binary" }, 7, { source: "c.txt", format: "pdf", body: "x", hints: {} }, { source: "d.txt", format: "text", body: "x", hints: { id: 5 } }] }, "j2");
  expect(read[0]).toEqual(doc("a.txt", "a"));
  expect(read[1]).toEqual({ source: "b.txt", error: "binary" });
  expect(read.slice(2).map((r) => ("error" in r ? r.source : null))).toEqual(["job j2 document 3", "c.txt", "d.txt"]);
});

test("a job with a record whose id holds NUL stores the others, completes at once, and names the record", { timeout: 120_000 }, async () => {
  const documents = [doc("batch.jsonl:1", "q-1"), doc("batch.jsonl:2", "q\u00002", `${TEXT} A second version.`), doc("batch.jsonl:3", "q-3", `${TEXT} Traffic was diverted.`)];
  const [jobId] = await enqueueDocuments(boss!, documents, 10);
  await startWorker(boss!, store!, { maxArticleChars: 200_000, pollingIntervalSeconds: 0.5, jobs: "ingest" });
  for (let waited = 0; (await pendingJobs(boss!, "ingest")) > 0 && waited < 60_000; waited += 250) await new Promise((r) => setTimeout(r, 250));
  const job = await boss!.getJobById<unknown>(INGEST_QUEUE, jobId!, { includeArchive: true });
  expect(job?.state).toBe("completed");
  expect(job?.retryCount).toBe(0);
  expect(job?.output).toMatchObject({ stored: 2, failures: [{ source: "batch.jsonl:2", error: expect.stringContaining("holds U+0000 (NUL) at character 2") }] });
  expect((await store!.loadBundles(["q-1", "q-3"])).map((b) => b.article.id)).toEqual(["q-1", "q-3"]);
});
