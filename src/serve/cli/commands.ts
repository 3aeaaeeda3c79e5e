/**
 * The commands. Each reads its arguments, runs the pipeline through pipeline.ts, and prints. The stages load
 * inside `run` (import()), so that `--help` and a usage error answer without loading the NLP models.
 */
import { defineCommand } from "citty";
import { isSkip } from "../../records.js";
import { configFrom, encodingArgs, inputArgs, feedsOf, fetchArgs, fetchOptionsFrom, ingestShowingSteps, inputsOf, outletArgs, outletsFrom, readAndAnalyze, readOptionsFrom, storeAndRebuildShowingSteps, storeArgs, withReservedStore, withStore } from "./common.js";
import { colorFor, emit, formatFromFlags, renderReport, plural, reportFailures, NotFoundError, reportInputs, UsageError, warnIfNothingRead, whereStored } from "./output.js";
import { clusterOutput, renderClusterOutput } from "./clustering-output.js";

const formatArgs = {
  json: { type: "boolean", description: "Write the report as JSON (schema/report.schema.json)" },
  md: { type: "boolean", description: "Write the report as Markdown" },
  html: { type: "boolean", description: "Write the report as a self-contained HTML page" },
  csv: { type: "boolean", description: "Write the claims × outlets matrix as CSV (verdicts, sources, what each outlet does); with --out FILE, the quotes go to FILE's .quotes.csv" },
  out: { type: "string", description: "Write to FILE instead of standard output", valueHint: "FILE" },
} as const;

export const analyze = defineCommand({
  meta: { name: "analyze", description: "Extract, analyze, group and compare articles; print what is established" },
  args: {
    ...inputArgs,
    ...encodingArgs,
    ...formatArgs,
    ...storeArgs,
    ...fetchArgs,
    ...outletArgs,
    store: { type: "boolean", default: true, description: "Store results in the database", negativeDescription: "Do not open or write the database" },
  },
  async run({ args }) {
    const format = formatFromFlags(args);
    const config = configFrom(args);
    const inputs = inputsOf(args);
    const reading = await readOptionsFrom(args, config);
    const outlets = await outletsFrom(args);
    // The data folder is locked before anything is read: a busy one is refused at once, not after the analysis.
    const { processed, analysis, location } = await withReservedStore(args.store ? config : null, async (store) => {
      const processed = await readAndAnalyze(inputs, reading, "analyzing");
      if (!store) return { processed, analysis: null, location: null };
      const opened = await store();
      return { processed, analysis: await storeAndRebuildShowingSteps(opened, processed), location: opened.location };
    });
    const { reportFor } = await import("../../pipeline.js");
    const { report } = reportFor(processed, analysis);
    // Nothing read: the reasons go to stderr (reportInputs), with no empty "0 articles" summary before them.
    if (format !== "summary" || processed.bundles.length) {
      const text = await renderReport(report, format, !args.out && colorFor(process.stdout), outlets);
      await emit(format === "summary" ? `${text}\n${whereStored(location, typeof args["data-dir"] === "string" ? config.dataDir : null)}` : text, args.out);
      // A CSV holds one table: the quotes go beside the claims' file.
      if (format === "csv" && args.out) {
        const { renderQuotesCsv } = await import("../../report/render/csv.js");
        await emit(renderQuotesCsv(report), quotesCsvPath(args.out));
      }
    }
    reportInputs(processed, inputs);
  },
});

export const extract = defineCommand({
  meta: { name: "extract", description: "Extraction only: clean text and metadata, one JSON object per input per line" },
  args: { ...inputArgs, ...encodingArgs, jsonl: { type: "boolean", description: "One JSON object per line (the default when piped)" }, out: formatArgs.out, ...fetchArgs },
  async run({ args }) {
    const config = configFrom(args);
    const { encoding } = await readOptionsFrom(args, config);
    const [{ extractArticle }, { expandInputs, isUrlInput, isWarcInput, readInput }] = await Promise.all([import("../../extract/extract.js"), import("../../ingest/read-inputs.js")]);
    const lines: string[] = [];
    const failures: { source: string; error: string }[] = [];
    const fetchOptions = { maxInputBytes: config.maxInputBytes, ...fetchOptionsFrom(args) };
    const items = await expandInputs(inputsOf(args));
    // The archive reader (and its gunzip) loads only when an input is a web archive.
    const readWarc = items.some((i) => typeof i === "string" && isWarcInput(i)) ? (await import("../../ingest/warc/read-warc.js")).readWarc : null;
    // The fetcher (and pipeline.ts, with the analyzers) loads only when an input is a URL: extraction alone stays light.
    const pages = items.some((i) => typeof i === "string" && isUrlInput(i)) ? await (await import("../../pipeline.js")).fetchUrlInputs(items, fetchOptions) : new Map();
    const feeds = feedsOf(args).length ? await (await import("../../ingest/feeds/index.js")).readFeeds(feedsOf(args), fetchOptions) : [];
    for (const item of [...items, ...feeds.map((doc) => [doc])]) {
      const docs = Array.isArray(item) ? item : typeof item !== "string" ? [item]
        : (pages.get(item) ?? (readWarc && isWarcInput(item) ? readWarc(item, { maxInputBytes: config.maxInputBytes, encoding }) : await readInput(item, { maxInputBytes: config.maxInputBytes, encoding })));
      for await (const doc of docs) {
        if ("error" in doc) {
          failures.push(doc);
          lines.push(JSON.stringify({ source: doc.source, error: doc.error }));
          continue;
        }
        const article = extractArticle(doc);
        lines.push(JSON.stringify(isSkip(article) ? { source: article.source, skip: article.skip, detail: article.detail ?? null } : article));
      }
    }
    const text = args.jsonl || args.out || !process.stdout.isTTY ? lines.join("\n") : lines.map(humanLine).join("\n");
    await emit(`${text}\n`, args.out);
    reportFailures(failures);
    warnIfNothingRead(lines.length, inputsOf(args));
  },
});

export const cluster = defineCommand({
  meta: { name: "cluster", description: "Grouping only: which articles report the same event" },
  args: {
    ...inputArgs,
    ...encodingArgs,
    json: { type: "boolean", description: "Write JSON (schema/cluster.schema.json): stories, storylines and the articles they name" },
    out: formatArgs.out,
    ...fetchArgs,
  },
  async run({ args }) {
    const config = configFrom(args);
    const processed = await readAndAnalyze(inputsOf(args), await readOptionsFrom(args, config), "grouping");
    const { clusterStories } = await import("../../cluster/cluster-stories.js");
    const result = clusterOutput(clusterStories(processed.bundles), processed.bundles);
    const text = args.json || args.out || !process.stdout.isTTY ? JSON.stringify(result, null, 2) : renderClusterOutput(result);
    await emit(`${text}\n`, args.out);
    reportInputs(processed, inputsOf(args));
  },
});

export const ingest = defineCommand({
  meta: { name: "ingest", description: "Store articles and update the stories in the database" },
  args: {
    ...inputArgs,
    ...encodingArgs,
    ...storeArgs,
    ...fetchArgs,
    queue: { type: "boolean", description: "Only read the inputs and queue them for `triangulate worker` processes (needs DATABASE_URL)" },
    "batch-size": { type: "string", default: "25", description: "With --queue: documents per job", valueHint: "N" },
    "expire-seconds": { type: "string", description: "With --queue: a job not done this long after a worker took it goes to another (default 900)", valueHint: "SECONDS" },
  },
  async run({ args }) {
    const config = configFrom(args);
    const inputs = inputsOf(args);
    const reading = await readOptionsFrom(args, config);
    if (args.queue) {
      if (!config.databaseUrl) throw new UsageError("--queue needs DATABASE_URL: workers share a PostgreSQL database");
      // Loaded here: pg-boss (and pg) are for the queue only, not every command.
      const { enqueueDocuments, openQueue } = await import("../queue/ingest-queue.js");
      const batchSize = Number(args["batch-size"]);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch-size must be a positive whole number, not "${args["batch-size"]}"`);
      const expireInSeconds = args["expire-seconds"] === undefined ? undefined : Number(args["expire-seconds"]);
      if (expireInSeconds !== undefined && !(Number.isInteger(expireInSeconds) && expireInSeconds >= 1)) throw new UsageError(`--expire-seconds must be a whole number of seconds, not "${args["expire-seconds"]}"`);
      const boss = await openQueue({ databaseUrl: config.databaseUrl, expireInSeconds });
      try {
        const failures: { source: string; error: string }[] = [];
        let documents = 0;
        const { readDocuments } = await import("../../pipeline.js");
        const counted = (async function* () {
          for await (const doc of readDocuments(inputs, reading)) {
            if ("error" in doc) failures.push(doc);
            else documents++;
            yield doc;
          }
        })();
        const jobs = await enqueueDocuments(boss, counted, batchSize);
        process.stdout.write(`queued ${plural(documents, "document")} in ${plural(jobs.length, "job")} for \`triangulate worker\`\n`);
        reportFailures(failures);
      } finally {
        await boss.stop({ graceful: false, close: true });
      }
      return;
    }
    // Locked before anything is read (withReservedStore). Streaming (ingest-batches.ts): each batch of documents is
    // analysed and saved as it is read, so a large input never sits in memory whole; only counts are printed.
    const { ingested, report, location } = await withReservedStore(config, async (store) => {
      const opened = await store!();
      const { ingested, analysis } = await ingestShowingSteps(opened, inputs, reading);
      return { ingested, report: analysis.report, location: opened.location };
    });
    process.stdout.write(`stored ${plural(ingested.stored.length, "article")}; the database now holds ${plural(report.articles.length, "article")} in ${plural(report.stories.length, "story", "stories")}\n`);
    process.stdout.write(whereStored(location, typeof args["data-dir"] === "string" ? config.dataDir : null));
    reportInputs({ bundles: ingested.stored, failures: ingested.failures, skipped: ingested.skipped }, inputs);
  },
});

export const stories = defineCommand({
  meta: { name: "stories", description: "List the stored stories" },
  args: { ...storeArgs, json: formatArgs.json },
  async run({ args }) {
    const config = configFrom(args);
    const list = await withStore(config, (store) => store.listStories());
    if (args.json || !process.stdout.isTTY) {
      await emit(`${JSON.stringify({ stories: list }, null, 2)}\n`, undefined);
      return;
    }
    if (!list.length) process.stdout.write("No stories stored yet: run `triangulate ingest <files>` or `triangulate analyze <files>`.\n");
    for (const s of list) process.stdout.write(`${s.id}  ${s.firstPublished ?? "????-??-??"}  ${String(s.articleIds.length).padStart(3)} articles  ${s.title}\n`);
  },
});

export const show = defineCommand({
  meta: { name: "show", description: "Show one stored story: brief, claims, framing, timeline" },
  args: { id: { type: "positional", description: "Story id (see `triangulate stories`)", required: true }, ...storeArgs, json: formatArgs.json, md: formatArgs.md, ...outletArgs },
  async run({ args }) {
    const config = configFrom(args);
    const outlets = await outletsFrom(args);
    const found = await withStore(config, async (store) => {
      const stored = await store.getStory(args.id);
      return stored && { stored, bundles: await store.loadBundles(stored.articles.map((a) => a.id)) };
    });
    // Not a usage mistake: said once, with where to look, and no usage hint (exit 1).
    if (!found) throw new NotFoundError(`no story "${args.id}" in ${config.databaseUrl ? "the database" : config.dataDir}: list them with \`triangulate stories\``);
    await emit(await (await import("./show.js")).renderStoredStory(found.stored, found.bundles, args.json ? "json" : args.md ? "md" : "summary", colorFor(process.stdout), outlets), undefined);
  },
});

/** "report.csv" → "report.quotes.csv". */
export const quotesCsvPath = (out: string): string => out.replace(/(\.csv)?$/i, ".quotes.csv");

function humanLine(json: string): string {
  const a = JSON.parse(json) as { source: string; title?: string; outlet?: string | null; publishedAt?: string | null; error?: string; skip?: string };
  if (a.error) return `✗ ${a.source}: ${a.error}`;
  if (a.skip) return `– ${a.source}: skipped (${a.skip})`;
  return `${a.source}\n  ${a.title}\n  ${a.outlet ?? "unknown outlet"} · ${a.publishedAt ?? "date unknown"}`;
}

