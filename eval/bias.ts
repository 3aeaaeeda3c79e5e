/**
 * Loaded language on BABE (3,674 sentences from US outlets, each labelled Biased / Non-biased by experts): a
 * sentence counts as loaded when it contains a word of our loaded-word lexicon (`_lib/lexicon.ts`), the signal
 * the framing analysis flags today. Macro F1 over the two classes, against the published 0.804 of a fine-tuned
 * transformer: a baseline for the framing issue, which should learn the lexicon from MBIC's biased words.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LOADED_WORDS } from "../src/_lib/lexicon.js";

export const BABE_FILE = join("bias", "babe-mbic", "data", "final_labels_SG2.csv");

export interface BiasScore {
  sentences: number;
  precisionBiased: number;
  recallBiased: number;
  macroF1: number;
  seconds: number;
}

export async function evalBias(dataDir: string, opts: { limit?: number } = {}): Promise<BiasScore> {
  const started = Date.now();
  const rows = parseSemicolonCsv((await readFile(join(dataDir, BABE_FILE), "utf8")).replace(/^\uFEFF/, ""));
  const header = rows[0]!;
  const textAt = header.indexOf("text");
  const labelAt = header.indexOf("label_bias");
  const labelled = rows.slice(1).filter((r) => r[labelAt] === "Biased" || r[labelAt] === "Non-biased");
  const sample = opts.limit ? labelled.slice(0, opts.limit) : labelled;
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const row of sample) {
    const loaded = (row[textAt] ?? "").toLowerCase().split(/[^\p{L}-]+/u).some((w) => LOADED_WORDS.has(w));
    const biased = row[labelAt] === "Biased";
    if (loaded && biased) counts.tp++;
    else if (loaded) counts.fp++;
    else if (biased) counts.fn++;
    else counts.tn++;
  }
  const f1 = (tp: number, fp: number, fn: number) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);
  return {
    sentences: sample.length,
    precisionBiased: counts.tp / Math.max(1, counts.tp + counts.fp),
    recallBiased: counts.tp / Math.max(1, counts.tp + counts.fn),
    macroF1: (f1(counts.tp, counts.fp, counts.fn) + f1(counts.tn, counts.fn, counts.fp)) / 2,
    seconds: (Date.now() - started) / 1000,
  };
}

/** RFC 4180 quoting with ";" as the separator (quotes doubled inside quoted fields). */
function parseSemicolonCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") row.push(field), (field = "");
    else if (ch === "\n") row.push(field.replace(/\r$/, "")), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
