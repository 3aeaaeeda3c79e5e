import { writeFile } from "node:fs/promises";
import type { Report } from "../../records.js";
import { renderCsv } from "../../report/render/csv.js";
import { renderHtml } from "../../report/render/html.js";
import { renderMarkdown } from "../../report/render/markdown.js";
import { renderSummary } from "../../report/render/summary.js";

export type ReportFormat = "summary" | "json" | "md" | "html" | "csv";

export function formatFromFlags(args: { json?: boolean; md?: boolean; html?: boolean; csv?: boolean }): ReportFormat {
  const chosen = (["json", "md", "html", "csv"] as const).filter((f) => args[f]);
  if (chosen.length > 1) throw new UsageError(`choose one of --json, --md, --html, --csv (got ${chosen.map((c) => `--${c}`).join(" ")})`);
  return chosen[0] ?? "summary";
}

export function renderReport(report: Report, format: ReportFormat, color: boolean): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "md") return renderMarkdown(report);
  if (format === "html") return renderHtml(report);
  if (format === "csv") return renderCsv(report);
  return renderSummary(report, color);
}

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

/** Failed inputs go to stderr, one line each, naming the input; the exit code tells a script that some failed. */
export function reportFailures(failures: readonly { source: string; error: string }[]): void {
  for (const f of failures) process.stderr.write(`triangulate: ${f.source}: ${f.error}\n`);
  if (failures.length) {
    process.stderr.write(`triangulate: ${plural(failures.length, "input")} could not be read; the others were processed.\n`);
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
