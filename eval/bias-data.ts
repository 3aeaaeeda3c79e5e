/**
 * BABE and MBIC sentences, read once for both the bias trainer (train-bias.ts) and its evaluation (bias.ts), so the
 * two can never disagree on which sentences are held out.
 *
 * BABE (final_labels_SG2.csv, expert labels) is the benchmark. SG1 (experts) and MBIC (crowd) label 1,700 sentences
 * that are, all but a handful, also in BABE: they add second opinions and annotated biased words, not new sentences.
 * Sentences meet under a normalised key (lower case, letters and digits only), and the held-out test split is
 * chosen by a hash of that key, so a sentence is held out from every file at once, whoever labelled it.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const BABE_FILE = join("bias", "babe-mbic", "data", "final_labels_SG2.csv");
const SG1_FILE = join("bias", "babe-mbic", "data", "final_labels_SG1.csv");
const MBIC_FILE = join("bias", "babe-mbic", "data", "final_labels_MBIC.from_xlsx.csv");

/** One BABE sentence in five is held out: the trainer never sees it, and the shipped model is scored on it. */
const HELD_OUT_ONE_IN = 5;

export interface BiasSentence {
  text: string;
  /** Normalised text: where the same sentence in two files meets. */
  key: string;
  biased: boolean;
  /** Words the annotators marked as biased (may be empty even for a biased sentence). */
  biasedWords: string[];
  from: "SG2" | "SG1" | "MBIC";
}

export interface BiasData {
  /** BABE minus the held-out split, one row per key. */
  train: BiasSentence[];
  /** The held-out BABE split, one row per key. */
  test: BiasSentence[];
  /** SG1 and MBIC labels for keys outside the held-out split: second opinions on training sentences. */
  extra: BiasSentence[];
}

export const sentenceKey = (text: string): string =>
  text.normalize("NFKD").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export function isHeldOut(key: string): boolean {
  const digest = createHash("sha256").update(key).digest();
  return digest.readUInt32BE(0) % HELD_OUT_ONE_IN === 0;
}

export async function loadBiasData(dataDir: string): Promise<BiasData> {
  const babe = dedupe(await readSentences(join(dataDir, BABE_FILE), ";", "SG2"));
  const others = [
    ...(await readSentences(join(dataDir, SG1_FILE), ";", "SG1")),
    ...(await readSentences(join(dataDir, MBIC_FILE), ",", "MBIC")),
  ];
  return {
    train: babe.filter((s) => !isHeldOut(s.key)),
    test: babe.filter((s) => isHeldOut(s.key)),
    extra: others.filter((s) => !isHeldOut(s.key)),
  };
}

async function readSentences(path: string, separator: string, from: BiasSentence["from"]): Promise<BiasSentence[]> {
  const rows = parseCsv((await readFile(path, "utf8")).replace(/^\uFEFF/, ""), separator);
  const header = rows[0]!;
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`[triangulate] [eval] ${path} has no "${name}" column`);
    return at;
  };
  const [textAt, labelAt, wordsAt] = [column("text"), column("label_bias"), column("biased_words")];
  return rows.slice(1).flatMap((row) => {
    const label = row[labelAt];
    const text = (row[textAt] ?? "").trim();
    if ((label !== "Biased" && label !== "Non-biased") || !text) return []; // "No agreement" says nothing
    return [{ text, key: sentenceKey(text), biased: label === "Biased", biasedWords: parseWordList(row[wordsAt] ?? ""), from }];
  });
}

/** BABE repeats five sentences; the first row of each wins, so every key is counted once. */
function dedupe(sentences: BiasSentence[]): BiasSentence[] {
  const seen = new Set<string>();
  return sentences.filter((s) => !seen.has(s.key) && (seen.add(s.key), true));
}

/** The `biased_words` column is a Python list literal: "['bizarre', 'characteristically']". */
function parseWordList(cell: string): string[] {
  return [...cell.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? m[2] ?? "").trim()).filter(Boolean);
}

/** RFC 4180 quoting (quotes doubled inside quoted fields), with the file's separator. */
export function parseCsv(text: string, separator: string): string[][] {
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
    else if (ch === separator) row.push(field), (field = "");
    else if (ch === "\n") row.push(field.replace(/\r$/, "")), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
