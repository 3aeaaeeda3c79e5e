import { resolve } from "node:path";
import { configFromEnv, type Config } from "../../config.js";
import type { FetchOptions } from "../../ingest/fetch/index.js";
import type { Processed, ProgressEvent } from "../../pipeline.js";
import type { Analysis } from "../../report/build-report.js";
import type { Ingested } from "../../ingest-batches.js";
import type { Store } from "../../store/types.js";
import { progressReporter, rebuildStatus } from "./progress.js";
import { EXIT_SOME_FAILED, UsageError } from "./output.js";
import type { OutletDirectory } from "../../report/outlet-info.js";

export const storeArgs = {
  "data-dir": { type: "string", description: "Embedded database folder (default: $XDG_DATA_HOME/triangulate or ~/.local/share/triangulate; DATABASE_URL selects PostgreSQL instead)", valueHint: "DIR" },
} as const;

/** The inputs, named so that each command's usage line says what it reads (args._ holds them all). */
export const inputArgs = {
  inputs: { type: "positional", required: false, description: "Files, folders (read recursively), .warc(.gz) archives, http(s) URLs, or - for standard input", valueHint: "INPUT..." },
} as const;

/**
 * The encoding of inputs that declare none and are not UTF-8 (a folder of legacy files), instead of the guess; a
 * byte-order mark, a declared charset and valid UTF-8 still win (ingest/decode.ts). Checked before anything is read.
 */
export const encodingArgs = {
  encoding: { type: "string", description: "Read inputs that declare no encoding and are not UTF-8 as NAME instead of guessing (windows-1251, iso-8859-7, shift_jis, gb18030, …)", valueHint: "NAME" },
} as const;

/** Lets the fetcher reach a local server (tests, an intranet): private addresses are refused otherwise. */
export const allowHostArgs = {
  "allow-host": {
    type: "string",
    description: "Fetch from these hosts even when they are private or local (a test server): names, IPs or CIDRs, comma-separated",
    valueHint: "HOSTS",
  },
} as const;

/** Flags for inputs that are URLs, feeds or sitemaps. */
export const fetchArgs = {
  feed: {
    type: "string",
    description: "Read the articles of these RSS/Atom/JSON feeds or sitemaps too (comma-separated URLs)",
    valueHint: "URLS",
  },
  ...allowHostArgs,
} as const;

/** The user's own outlet file: lean, country, owner (README "Outlet metadata"); nothing of the kind is shipped. */
export const outletArgs = {
  outlets: { type: "string", description: "A CSV or JSON file of outlets with their lean, country or owner (columns name or domain, lean, country, owner), shown beside each outlet", valueHint: "FILE" },
} as const;

/**
 * Reads --outlets FILE (or TRIANGULATE_OUTLETS, for `serve` and every other command): a file that cannot be read is a
 * usage error; each bad row is named with its line on stderr and left out, the exit code then 2.
 */
export async function outletsFrom(args: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Promise<OutletDirectory | null> {
  const file = typeof args.outlets === "string" && args.outlets ? args.outlets : env.TRIANGULATE_OUTLETS || null;
  if (!file) return null;
  const [{ readFile }, { parseOutletFile }, { outletDirectory }] = await Promise.all([import("node:fs/promises"), import("../../report/read-outlet-info.js"), import("../../report/outlet-info.js")]);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`--outlets: cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let parsed;
  try {
    parsed = parseOutletFile(text, file);
  } catch (error) {
    throw new UsageError(`--outlets: ${(error as Error).message.replace(/^\[triangulate\] \[outlets\] /, "")}`);
  }
  for (const p of parsed.problems) process.stderr.write(`triangulate: ${file}: ${p}; row left out\n`);
  if (parsed.problems.length) process.exitCode = EXIT_SOME_FAILED;
  return outletDirectory(parsed.entries);
}

export function fetchOptionsFrom(args: Record<string, unknown>): FetchOptions {
  const hosts = typeof args["allow-host"] === "string" ? args["allow-host"].split(",").map((h) => h.trim()).filter(Boolean) : [];
  return hosts.length ? { allowHosts: hosts } : {};
}

export function configFrom(args: Record<string, unknown>): Config {
  const config = configFromEnv();
  const dir = args["data-dir"] ?? args.dataDir;
  return typeof dir === "string" && dir ? { ...config, dataDir: resolve(dir) } : config;
}

export function inputsOf(args: { _: string[] } & Record<string, unknown>): string[] {
  const inputs = args._.filter((a) => a !== "");
  if (!inputs.length && !feedsOf(args).length) throw new UsageError("give at least one input: files, folders, .warc(.gz) archives, http(s) URLs, --feed URLs, or - for standard input");
  return inputs;
}

export const feedsOf = (args: Record<string, unknown>): string[] =>
  typeof args.feed === "string" ? args.feed.split(",").map((u) => u.trim()).filter(Boolean) : [];

/** How a command reads its inputs: the limits, fetching, feeds, and a forced encoding (--encoding). */
export interface ReadOptions {
  maxInputBytes: number;
  maxArticleChars: number;
  fetch: FetchOptions;
  feeds: string[];
  /** TextDecoder's name for --encoding; absent: detected per input (ingest/decode.ts). */
  encoding?: string;
}

/** The command's reading options; an unknown --encoding is a usage error here, before any input is read. */
export async function readOptionsFrom(args: Record<string, unknown>, config: Config): Promise<ReadOptions> {
  const options: ReadOptions = { maxInputBytes: config.maxInputBytes, maxArticleChars: config.maxArticleChars, fetch: fetchOptionsFrom(args), feeds: feedsOf(args) };
  if (typeof args.encoding !== "string") return options;
  const { encodingOption } = await import("../../ingest/decode.js");
  try {
    options.encoding = encodingOption(args.encoding);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^\[triangulate\] /, ""));
  }
  return options;
}

export async function readAndAnalyze(inputs: string[], options: ReadOptions, label = "analyzing"): Promise<Processed> {
  const { processInputs } = await import("../../pipeline.js");
  const progress = progressReporter(label);
  try {
    return await processInputs(inputs, { ...options, onProgress: progress });
  } finally {
    progress.stop();
  }
}

/**
 * `ingest`: inputs read, analysed and saved a batch at a time, then the stories rebuilt (ingest-batches.ts), with the
 * progress bar while reading and the status line while the stories are updated.
 */
export async function ingestShowingSteps(store: Store, inputs: string[], options: ReadOptions, label = "ingesting"): Promise<{ ingested: Ingested; analysis: Analysis }> {
  const { ingestAndRebuild } = await import("../../ingest-batches.js");
  const progress = progressReporter(label);
  const status = rebuildStatus();
  // Inputs are counted as each one ends; within one large input (a JSONL of thousands of records) the bar shows
  // the articles stored so far, batch by batch, so a long read is seen to move.
  let last: ProgressEvent = { done: 0, total: Math.max(inputs.length, 1), source: "" };
  let reading = true;
  try {
    return await ingestAndRebuild(store, inputs, {
      ...options,
      onProgress: (e) => {
        progress((last = e));
        // Reading is done at the last input: the bar gives way to the status line of the rebuild.
        if (e.done === e.total) {
          reading = false;
          progress.stop();
        }
      },
      onBatch: ({ stored }) => {
        if (reading) progress({ ...last, source: `${stored.toLocaleString("en-US")} ${stored === 1 ? "article" : "articles"} stored` });
      },
    }, { onStepStart: status });
  } finally {
    progress.stop();
    status.stop();
  }
}

/** Stores the articles and updates the stories, with a status line on a terminal while that runs. */
export async function storeAndRebuildShowingSteps(store: Store, processed: Processed, reportOn?: ReadonlySet<string>): Promise<Analysis> {
  const { storeAndRebuild } = await import("../../pipeline.js");
  const status = rebuildStatus();
  try {
    return await storeAndRebuild(store, processed, reportOn, { onStepStart: status });
  } finally {
    status.stop();
  }
}

/**
 * Opens the store for the duration of `work`, and always closes it (also on Ctrl-C, via closeOnExit). A rebuild that
 * a writer killed after its save left undone is finished first, so what `work` reads has every article in a story.
 */
export async function withStore<T>(config: Config, work: (store: Store) => Promise<T>): Promise<T> {
  const { closeOnExit, openStore } = await import("../../store/index.js");
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  closeOnExit(store);
  try {
    const { rebuildPending } = await import("../../store/pending-rebuild.js");
    if (await rebuildPending(store)) await (await import("../../pipeline.js")).finishInterruptedRebuild(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * For commands that read inputs and then write: the data folder is locked before `work` starts, so a second writer on
 * a busy folder is refused before it reads anything, and the database opens while `work` reads and analyses;
 * `store()` waits for it. `config` null (--no-store): no store at all, `store` is null.
 */
export async function withReservedStore<T>(config: Config | null, work: (store: (() => Promise<Store>) | null) => Promise<T>): Promise<T> {
  if (!config) return work(null);
  const { closeOnExit, reserveStore } = await import("../../store/index.js");
  const reserved = await reserveStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const store = async () => {
    const opened = await reserved.open();
    closeOnExit(opened);
    return opened;
  };
  try {
    return await work(store);
  } finally {
    await reserved.release();
  }
}
