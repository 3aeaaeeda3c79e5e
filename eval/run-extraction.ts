/**
 * node dist/eval/run-extraction.js [--limit N] [--rounds N] [--json] [--details] [--data DIR]
 *
 * DIR is the shared data root (default $TRIANGULATE_DATA, else ../shared/data); the set is read from
 * DIR/extraction/trafilatura-eval. Prints a table, or the ExtractionScore as JSON with --json. --details lists
 * the pages with missed or leaked segments (to stderr with --json). --rounds: throughput rounds, best counts
 * (default 3).
 */
import { join, resolve } from "node:path";
import { formatThroughput } from "./extraction-baseline.js";
import { evalExtraction, type ExtractionScore } from "./extraction.js";

/** Published F1 on the same 990 pages (trafilatura docs/evaluation.rst, 2026-08-04), for the table. */
const PUBLISHED_F1: Record<string, number> = {
  "trafilatura 2.2.0": 0.924,
  "magic-html 0.1.8": 0.889,
  "readability-lxml 0.8.4.1": 0.826,
  "newspaper4k 0.9.6": 0.801,
};

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => argv.includes(name);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positive = (name: string) => {
    const arg = option(name);
    const n = arg === undefined ? undefined : Number(arg);
    if (n !== undefined && !(Number.isInteger(n) && n > 0)) throw new Error(`[eval] ${name} wants a positive integer, got ${arg}`);
    return n;
  };
  const root = resolve(option("--data") ?? process.env.TRIANGULATE_DATA ?? "../shared/data");
  const dataDir = join(root, "extraction", "trafilatura-eval");
  const score = await evalExtraction(dataDir, { limit: positive("--limit"), rounds: positive("--rounds"), details: flag("--details") });

  if (flag("--json")) {
    const { details, ...summary } = score;
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    if (details) printDetails(score, process.stderr);
  } else {
    printTable(score);
    if (score.details) printDetails(score, process.stdout);
  }
}

function printTable(s: ExtractionScore): void {
  const pct = (n: number) => n.toFixed(3);
  const r = s.readability;
  const lines = [
    `trafilatura-eval: ${s.pages} pages in ${s.seconds}s (${s.throughput.loadSeconds}s of it decoding them, untimed)`,
    `segments  tp ${s.tp}  fn ${s.fn}  fp ${s.fp}  tn ${s.tn}`,
    "",
    "system                      precision  recall  accuracy  F1",
    `triangulate (this run)      ${pct(s.precision)}      ${pct(s.recall)}   ${pct(s.accuracy)}     ${pct(s.f1)}`,
    `Readability on linkedom     ${pct(r.precision)}      ${pct(r.recall)}   ${pct(r.accuracy)}     ${pct(r.f1)} (this run)`,
    ...Object.entries(PUBLISHED_F1).map(([name, f1]) => `${name.padEnd(28)}${" ".repeat(36)}${pct(f1)} (published)`),
    "",
    "metadata        correct / total  accuracy",
    ...Object.entries(s.metadata).map(([k, v]) => `${k.padEnd(16)}${`${v.correct} / ${v.total}`.padEnd(17)}${pct(v.accuracy)}`),
    "",
    `extracted by: ${JSON.stringify(s.extractedBy)}  skipped: ${JSON.stringify(s.skipped)}`,
    `Readability: no article on ${r.noArticle} pages, threw on ${r.threw}`,
    "",
    ...formatThroughput(s.throughput),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

function printDetails(s: ExtractionScore, out: NodeJS.WritableStream): void {
  for (const d of s.details ?? []) {
    if (!d.missed.length && !d.leaked.length) continue;
    out.write(`${d.file}${d.skip ? ` [skip: ${d.skip}]` : ""}\n`);
    for (const m of d.missed) out.write(`  - missed: ${m}\n`);
    for (const l of d.leaked) out.write(`  + leaked: ${l}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
