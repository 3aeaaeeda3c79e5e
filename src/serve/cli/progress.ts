/**
 * A progress bar on stderr when it is a terminal; nothing when piped or in CI, so output stays clean.
 */
import cliProgress from "cli-progress";
import type { ProgressEvent } from "../../pipeline.js";

export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): ((e: ProgressEvent) => void) & { stop(): void } {
  if (!stream.isTTY || process.env.CI) {
    const quiet = Object.assign(() => {}, { stop() {} });
    return quiet;
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {value}/{total} {source}`, hideCursor: true, clearOnComplete: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const report = (e: ProgressEvent) => {
    if (!started) {
      bar.start(e.total, 0, { source: "" });
      started = true;
    }
    bar.update(e.done, { source: e.source.length > 40 ? `…${e.source.slice(-39)}` : e.source });
  };
  return Object.assign(report, { stop: () => started && bar.stop() });
}
