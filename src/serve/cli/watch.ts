/**
 * `triangulate watch <feeds...>`: follow feeds and sitemaps as a story unfolds. Each round reads them (with
 * conditional requests, so an unchanged feed costs a 304), fetches only the articles not stored yet, and updates
 * the stories; stories no new article touches keep their ids and are not linked again (cluster/relink.ts). A feed
 * that is down or malformed is reported and tried again next round; the others go on.
 */
import { defineCommand } from "citty";
import type { FetchOptions } from "../../ingest/fetch/index.js";
import type { Store } from "../../store/types.js";
import { allowHostArgs, configFrom, fetchOptionsFrom, storeAndRebuildShowingSteps, storeArgs, withStore } from "./common.js";
import { plural, UsageError } from "./output.js";

const MIN_INTERVAL_S = 30;

export interface RoundResult {
  added: number;
  failures: { source: string; error: string }[];
  stories: number;
}

/** One round: read the feeds, store what is new, update the stories. */
export async function watchRound(store: Store, feeds: readonly string[], options: FetchOptions & { maxArticleChars: number }): Promise<RoundResult> {
  // Loaded here, not at start-up: `watch --help` and a usage error need none of it.
  const [{ readFeeds }, { processDocuments }] = await Promise.all([import("../../ingest/feeds/index.js"), import("../../pipeline.js")]);
  const docs = await readFeeds(feeds, { ...options, known: (urls) => store.knownUrls(urls) });
  const processed = processDocuments(docs, { maxArticleChars: options.maxArticleChars });
  const analysis = processed.bundles.length ? await storeAndRebuildShowingSteps(store, processed) : null;
  return { added: processed.bundles.length, failures: processed.failures, stories: analysis?.report.stories.length ?? (await store.counts()).stories };
}

export const watch = defineCommand({
  meta: { name: "watch", description: "Follow RSS/Atom/JSON feeds or sitemaps: poll them, add new articles, update the stories" },
  args: {
    feeds: { type: "positional", required: false, description: "RSS/Atom/JSON feed or sitemap URLs", valueHint: "URL..." },
    ...storeArgs,
    ...allowHostArgs,
    interval: { type: "string", default: "300", description: `Seconds between rounds (at least ${MIN_INTERVAL_S})`, valueHint: "SECONDS" },
    once: { type: "boolean", description: "One round, then exit" },
  },
  async run({ args }) {
    const feeds = args._.filter((a) => a !== "");
    if (!feeds.length) throw new UsageError("give at least one feed or sitemap URL: triangulate watch https://example.com/rss.xml");
    const bad = feeds.find((f) => !/^https?:\/\//i.test(f));
    if (bad) throw new UsageError(`"${bad}" is not an http(s) URL: watch follows feeds and sitemaps on the web`);
    const interval = Number(args.interval);
    if (!Number.isFinite(interval) || interval < MIN_INTERVAL_S) throw new UsageError(`--interval must be at least ${MIN_INTERVAL_S} seconds, not "${args.interval}"`);
    const config = configFrom(args);
    // One cache for the whole watch: feeds are asked with If-None-Match / If-Modified-Since from the second round on.
    const { createMemoryCache } = await import("../../ingest/fetch/index.js");
    const options = { ...fetchOptionsFrom(args), maxInputBytes: config.maxInputBytes, maxArticleChars: config.maxArticleChars, cache: createMemoryCache() };
    await withStore(config, async (store) => {
      for (let round = 1; ; round++) {
        const result = await watchRound(store, feeds, options).catch((error: Error) => ({ added: 0, stories: 0, failures: [{ source: "watch", error: error.message }] }));
        process.stdout.write(`watch: round ${round} (${new Date().toISOString()}): ${plural(result.added, "new article")}, ${plural(result.stories, "story", "stories")}\n`);
        for (const f of result.failures) process.stderr.write(`✗ ${f.source}: ${f.error}\n`);
        if (args.once) return;
        await new Promise((resolve) => setTimeout(resolve, interval * 1000));
      }
    });
  },
});
