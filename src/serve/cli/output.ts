import { writeFile } from "node:fs/promises";
import type { Report } from "../../records.js";
import type { OutletDirectory } from "../../report/outlet-info.js";
import { terminalSafe } from "../../report/render/summary.js";

export type ReportFormat = "summary" | "json" | "md" | "html" | "csv";

export function formatFromFlags(args: { json?: boolean; md?: boolean; html?: boolean; csv?: boolean }): ReportFormat {
  const chosen = (["json", "md", "html", "csv"] as const).filter((f) => args[f]);
  if (chosen.length > 1) throw new UsageError(`choose one of --json, --md, --html, --csv (got ${chosen.map((c) => `--${c}`).join(" ")})`);
  return chosen[0] ?? "summary";
}

/** Only the renderer asked for loads (csv-stringify, the HTML page's parts): the others are not every run's cost. */
export async function renderReport(report: Report, format: ReportFormat, color: boolean, outlets: OutletDirectory | null = null): Promise<string> {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "md") return (await import("../../report/render/markdown.js")).renderMarkdown(report, outlets);
  if (format === "html") return (await import("../../report/render/html.js")).renderHtml(report, outlets);
  if (format === "csv") return (await import("../../report/render/csv.js")).renderCsv(report);
  return (await import("../../report/render/summary.js")).renderSummary(report, { color, outlets });
}

/**
 * The summary's last words: where the results are and how to browse them, or that they were not kept. `dataDir`
 * is given when it is not the default, so the command to browse them names it.
 */
export function whereStored(location: string | null, dataDir: string | null): string {
  if (!location) return "Not stored (--no-store): run without it to keep the results and browse them with `triangulate serve`.\n";
  const where = location.startsWith("pglite:") ? `the embedded database in ${location.slice("pglite:".length)}` : `PostgreSQL at ${location}`;
  return `Stored in ${where}. Browse the stories: \`triangulate serve${dataDir ? ` --data-dir ${quoteArg(dataDir)}` : ""}\`, then open http://127.0.0.1:8787/\n`;
}

const quoteArg = (s: string): string => (/^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/** Writes to --out FILE, or to stdout. */
export async function emit(text: string, out: string | undefined): Promise<void> {
  if (out) {
    await writeFile(out, text);
    return;
  }
  await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
}

/**
 * Colour on a terminal only. NO_COLOR (set, not empty: no-color.org) turns it off; FORCE_COLOR (not "0" or
 * "false") turns it on even when piped, and wins over NO_COLOR, as in Node's own tty colour rules.
 */
export function colorFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "0" && force !== "false") return true;
  if (env.NO_COLOR) return false;
  return stream.isTTY === true;
}

/** A mistake in how the command was called: printed with usage, exit 1. */
export class UsageError extends Error {}

/** What was asked for is not there (`show nope`): printed once, without a usage hint, exit 1. */
export class NotFoundError extends Error {}

/**
 * Failed inputs go to stderr, one line each, naming the input, each said once; the exit code tells a script that
 * some failed. The closing line says only what happened: how many failed and how many articles the rest gave.
 */
export function reportFailures(failures: readonly { source: string; error: string }[], read: number | null = null): void {
  // An input's name and error are text from outside: no escape sequence in them acts on the terminal.
  for (const f of failures) process.stderr.write(terminalSafe(`triangulate: ${f.source}: ${f.error}\n`));
  if (!failures.length) return;
  if (read !== null && read > 0) process.stderr.write(`triangulate: ${plural(failures.length, "input")} could not be read; ${plural(read, "article")} read from the others\n`);
  process.exitCode = EXIT_SOME_FAILED;
}

/**
 * What reading gave, told once on stderr: each failed input, each skipped one with its reason, and a warning with
 * exit 2 when no article came of it (nothing found, or everything skipped). A failure is not said again.
 */
export function reportInputs(processed: { bundles: readonly unknown[]; failures: readonly { source: string; error: string }[]; skipped: readonly { source: string; skip: string; detail?: string }[] }, inputs: readonly string[]): void {
  reportFailures(processed.failures, processed.bundles.length);
  for (const s of processed.skipped) process.stderr.write(terminalSafe(`triangulate: skipped ${s.source}: ${s.skip}${s.detail ? ` (${s.detail})` : ""}\n`));
  if (processed.bundles.length) return;
  if (!processed.failures.length && !processed.skipped.length) warnIfNothingRead(0, inputs);
  else if (!processed.failures.length) {
    process.stderr.write(`triangulate: warning: no article to compare: ${processed.skipped.length === 1 ? "the one input was" : `all ${processed.skipped.length} inputs were`} skipped\n`);
    process.exitCode = EXIT_SOME_FAILED;
  }
}

export const EXIT_SOME_FAILED = 2;

/** "1 article", "2 articles": counts in messages read as English. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Nothing read at all (an empty folder, no file of a kind we read): a warning, and exit 2 so a script notices. */
export function warnIfNothingRead(read: number, inputs: readonly string[]): void {
  if (read > 0) return;
  process.stderr.write(`triangulate: warning: nothing was read from ${inputs.length ? inputs.join(", ") : "the feeds given"}: no article, page or record in it\n`);
  process.exitCode = EXIT_SOME_FAILED;
}
