/**
 * A progress bar on stderr when it is a terminal; nothing when piped or in CI, so output stays clean.
 */
import { createRequire } from "node:module";
import type cliProgressModule from "cli-progress";
import type { ProgressEvent, RebuildStep } from "../../pipeline.js";

export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): ((e: ProgressEvent) => void) & { stop(): void } {
  if (!stream.isTTY || process.env.CI) {
    const quiet = Object.assign(() => {}, { stop() {} });
    return quiet;
  }
  // Loaded only for a terminal: piped runs and `--help` do without it.
  const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {value}/{total} {source}`, hideCursor: true, clearOnComplete: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let total = 0;
  const shown = (source: string) => ({ source: source.length > 40 ? `…${source.slice(-39)}` : source });
  const report = (e: ProgressEvent) => {
    if (!started) {
      // Started at the event itself: the bar draws at most a few times a second, and the first event may be the
      // only one for a while (a batch count within a large input).
      bar.start(e.total, e.done, shown(e.source));
      [started, total] = [true, e.total];
      return;
    }
    if (e.total !== total) {
      // A batch count shown before the first input finished guessed the total from the command line; a folder
      // expands to its files.
      bar.setTotal((total = e.total));
    }
    bar.update(e.done, shown(e.source));
  };
  // Idempotent: `ingest` stops the bar when reading ends, before the rebuild's status line, and again at the end.
  const stop = () => {
    if (started) bar.stop();
    started = false;
  };
  return Object.assign(report, { stop });
}

/**
 * One status line on stderr while a store's stories are updated ("updating stories: grouping 10,000 articles…"),
 * cleared when done; nothing when piped or in CI. Grouping a large store takes minutes and has no per-item count.
 */
export function rebuildStatus(stream: NodeJS.WriteStream = process.stderr): ((step: RebuildStep, items: number | null) => void) & { stop(): void } {
  if (!stream.isTTY || process.env.CI) return Object.assign(() => {}, { stop() {} });
  let shown = false;
  const show = (step: RebuildStep, items: number | null) => {
    stream.write(`\r\x1b[Kupdating stories: ${stepWords(step, items)}…`);
    shown = true;
  };
  return Object.assign(show, { stop: () => shown && stream.write("\r\x1b[K") });
}

function stepWords(step: RebuildStep, items: number | null): string {
  const count = (one: string, many: string) => (items === null ? many : `${items.toLocaleString("en-US")} ${items === 1 ? one : many}`);
  switch (step) {
    case "load": return "reading the store";
    case "cluster": return `grouping ${count("article", "articles")}`;
    case "compare": return `comparing ${count("story", "stories")}`;
    case "store": return `saving ${count("story", "stories")}`;
  }
}
