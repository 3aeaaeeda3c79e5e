/**
 * Word vectors for soft word matching: GloVe 6B 100d (PDDL 1.0), cut by eval/cut-word-vectors.ts to the 40k most
 * frequent lower-case words and stored as signed bytes in word-vectors.json (5.7 MB; notice in
 * word-vectors.NOTICE.md). "resign" and "step down", "hand-off" and "transition" are near in this space where no
 * WordNet synset joins them. Loaded once, on first use.
 */
import vectorFile from "./word-vectors.json" with { type: "json" };

/** Dimensions of the vectors (GloVe 100d). */
export const VECTOR_SIZE = 100;

interface VectorFile { dimensions: number; words: string; vectors: string }

let words: Map<string, number> | null = null;
let vectors: Float32Array[] = [];

function load(): Map<string, number> {
  if (words) return words;
  const file = vectorFile as VectorFile;
  const bytes = new Int8Array(Buffer.from(file.vectors, "base64"));
  const d = file.dimensions;
  if (d !== VECTOR_SIZE) throw new Error(`[triangulate] word-vectors.json has ${d} dimensions, expected ${VECTOR_SIZE}: recut it (eval/cut-word-vectors.ts)`);
  const list = file.words.split(" ");
  vectors = list.map((_, k) => {
    // Unit length once here, so a cosine is a dot product in the pair loop.
    const v = Float32Array.from(bytes.subarray(k * d, (k + 1) * d));
    let sum = 0;
    for (let i = 0; i < d; i++) sum += v[i]! * v[i]!;
    const norm = Math.sqrt(sum) || 1;
    for (let i = 0; i < d; i++) v[i]! /= norm;
    return v;
  });
  words = new Map(list.map((w, k) => [w, k]));
  return words;
}

/** The id of a lower-case word in the cut vocabulary, or -1 when it is not there. */
export function wordId(word: string): number {
  return load().get(word) ?? -1;
}

/** Cosine of two words by id (their unit vectors' dot product). */
export function wordCosine(a: number, b: number): number {
  load();
  const [u, v] = [vectors[a]!, vectors[b]!];
  let dot = 0;
  for (let i = 0; i < VECTOR_SIZE; i++) dot += u[i]! * v[i]!;
  return dot;
}
