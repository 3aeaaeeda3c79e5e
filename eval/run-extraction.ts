/**
 * node dist/eval/run-extraction.js [--limit N] [--json] [--details] [--data DIR]
 *
 * DIR is the shared data root (default $TRIANGULATE_DATA, else ../shared/data); the set is read from
 * DIR/extraction/trafilatura-eval. Prints a table, or the ExtractionScore as JSON with --json. --details lists
 * the pages with missed or leaked segments (to stderr with --json).
 */
import { join, resolve } from "node:path";
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
  const limitArg = option("--limit");
  const limit = limitArg === undefined ? undefined : Number(limitArg);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`[eval] --limit wants a positive integer, got ${limitArg}`);
  const root = resolve(option("--data") ?? process.env.TRIANGULATE_DATA ?? "../shared/data");
  const score = await evalExtraction(join(root, "extraction", "trafilatura-eval"), { limit, details: flag("--details") });

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
  const lines = [
    `trafilatura-eval: ${s.pages} pages in ${s.seconds}s (${((s.seconds * 1000) / Math.max(1, s.pages)).toFixed(0)} ms/page)`,
    `segments  tp ${s.tp}  fn ${s.fn}  fp ${s.fp}  tn ${s.tn}`,
    "",
    "system                      precision  recall  accuracy  F1",
    `triangulate (this run)      ${pct(s.precision)}      ${pct(s.recall)}   ${pct(s.accuracy)}     ${pct(s.f1)}`,
    ...Object.entries(PUBLISHED_F1).map(([name, f1]) => `${name.padEnd(28)}${" ".repeat(36)}${pct(f1)} (published)`),
    "",
    "metadata        correct / total  accuracy",
    ...Object.entries(s.metadata).map(([k, v]) => `${k.padEnd(16)}${`${v.correct} / ${v.total}`.padEnd(17)}${pct(v.accuracy)}`),
    "",
    `extracted by: ${JSON.stringify(s.extractedBy)}  skipped: ${JSON.stringify(s.skipped)}`,
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
