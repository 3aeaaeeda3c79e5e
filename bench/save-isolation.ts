/**
 * What isolating a bad article costs a save (src/store/save-bundles.ts): a batch of N articles (~40 annotations each,
 * like analysed news) saved into an in-memory PGlite clean, and with one article the database refuses (an offset past
 * PostgreSQL's int) in the middle, which the save finds by splitting the batch under savepoints. Same process, same
 * sizes, alternating, best of --rounds: the ratio is what one bad article costs, the clean time what every save pays.
 *
 *   node dist-NAME/bench/save-isolation.js [--articles N] [--rounds N]
 */
import { openStore } from "../src/store/index.js";
import type { Annotation, ArticleBundle } from "../src/records.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTICLES = arg("articles", 2000);
const ROUNDS = arg("rounds", 3);
const TEXT = "Officials said the bridge would close on Monday after engineers found cracks. ".repeat(40);

function bundleOf(id: string, bad = false): ArticleBundle {
  const annotations: Annotation[] = Array.from({ length: 40 }, (_, k) => ({ kind: "sentence", span: [k * 80, k * 80 + 79], by: "sentences@1" }));
  if (bad) annotations[0] = { kind: "sentence", span: [0, 2 ** 40], by: "sentences@1" };
  return {
    article: {
      id, source: `bench/${id}.txt`, url: `https://news.example/${id}`, outlet: "Example News", title: `Story ${id}`, authors: [], publishedAt: "2024-05-01",
      modifiedAt: null, language: "en", text: TEXT, captions: [], embeds: [], provenance: {}, extractedBy: "text:lines",
    } as unknown as ArticleBundle["article"],
    annotations,
  };
}

const store = await openStore({ dataDir: ":memory:", databaseUrl: null });
const best = { clean: Infinity, oneBad: Infinity };
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of ["clean", "oneBad"] as const) {
      const batch = Array.from({ length: ARTICLES }, (_, i) => bundleOf(`${kind}-${round}-${i}`, kind === "oneBad" && i === ARTICLES >> 1));
      const started = performance.now();
      const outcome = await store.saveBundles(batch);
      const ms = performance.now() - started;
      if (outcome.saved.length !== ARTICLES - (kind === "oneBad" ? 1 : 0)) throw new Error(`[bench] ${kind}: saved ${outcome.saved.length}`);
      best[kind] = Math.min(best[kind], ms);
    }
  }
} finally {
  await store.close();
}
console.log(`save of ${ARTICLES} articles (~40 annotations each), in-memory PGlite, best of ${ROUNDS}:`);
console.log(`  clean batch:                  ${best.clean.toFixed(0)} ms`);
console.log(`  one refused article (split):  ${best.oneBad.toFixed(0)} ms  (${(best.oneBad / best.clean).toFixed(2)}x the clean batch)`);
