/**
 * `triangulate worker`: takes ingestion and rebuild jobs from the PostgreSQL queue (DATABASE_URL) until stopped.
 * Run as many as the machines allow, anywhere that reaches the database; `triangulate ingest --queue` feeds them.
 * Ctrl-C or SIGTERM finishes the job in hand, then exits; kill -9 loses nothing (its job is retried elsewhere).
 */
import { defineCommand } from "citty";
import { configFrom } from "./common.js";
import { plural, UsageError } from "./output.js";

export const worker = defineCommand({
  meta: { name: "worker", description: "Take ingestion jobs from the PostgreSQL queue (DATABASE_URL) and store their articles" },
  args: {
    "exit-when-idle": { type: "boolean", description: "Exit once no job is waiting or running (batch runs, tests)" },
    "expire-seconds": { type: "string", description: "Give a job to another worker when it is not done this long after it was taken (default 900)", valueHint: "SECONDS" },
    jobs: { type: "string", description: "Which jobs to take: all (default), ingest, or rebuild (one rebuild worker lets the others keep ingesting)", valueHint: "all|ingest|rebuild" },
  },
  async run({ args }) {
    const config = configFrom(args);
    if (!config.databaseUrl) throw new UsageError("worker needs DATABASE_URL: the queue and the store live in PostgreSQL");
    const expireInSeconds = args["expire-seconds"] === undefined ? undefined : Number(args["expire-seconds"]);
    if (expireInSeconds !== undefined && !(Number.isInteger(expireInSeconds) && expireInSeconds >= 1)) throw new UsageError(`--expire-seconds must be a whole number of seconds, not "${args["expire-seconds"]}"`);
    const { openStore } = await import("../../store/index.js");
    const { openQueue, pendingJobs, startWorker, WORKER_JOBS } = await import("../queue/ingest-queue.js");
    const jobs = WORKER_JOBS.find((j) => j === (args.jobs ?? "all"));
    if (!jobs) throw new UsageError(`--jobs must be one of ${WORKER_JOBS.join(", ")}, not "${args.jobs}"`);
    const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    // Short intervals when asked to finish: a batch run should not wait a minute for an expired job.
    const fast = args["exit-when-idle"] ? { maintenanceIntervalSeconds: 1, pollingIntervalSeconds: 0.5 } : {};
    const boss = await openQueue({ databaseUrl: config.databaseUrl, expireInSeconds, ...fast });
    let stopping = false;
    const stop = async (code: number) => {
      if (stopping) return;
      stopping = true;
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => {});
      await store.close();
      process.exit(code);
    };
    process.on("SIGINT", () => void stop(130));
    process.on("SIGTERM", () => void stop(143));
    await startWorker(boss, store, {
      maxArticleChars: config.maxArticleChars,
      jobs,
      ...fast,
      onJob: ({ queue, id, articles, failures }) =>
        process.stdout.write(`worker ${process.pid}: ${queue} ${id}${articles === undefined ? "" : ` ${plural(articles, "article")}`}${failures ? `, ${failures} failed` : ""}\n`),
    });
    process.stdout.write(`worker ${process.pid}: waiting for ${jobs === "all" ? "" : `${jobs} `}jobs on ${store.location}\n`);
    if (args["exit-when-idle"]) {
      // Idle twice in a row: a rebuild asked for by the last batch has had time to be queued.
      for (let idle = 0; idle < 2; ) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        idle = (await pendingJobs(boss, jobs)) === 0 ? idle + 1 : 0;
      }
      await stop(0);
    }
  },
});
