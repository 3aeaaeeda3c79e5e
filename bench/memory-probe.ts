/**
 * Where a streamed ingestion's RSS goes (issue 19), batch by batch, in one process:
 *
 *   node --expose-gc dist/bench/memory-probe.js [--mb 2] [--gc] [--pglite-memory-mb N]
 *
 * Writes an N MB JSONL input (bench/memory-corpus.ts), runs ingestAndRebuild into a new PGlite folder and, after every
 * saved batch and every rebuild step, prints RSS split by what holds it, read from /proc/self/smaps:
 * - wasm: mappings of 8 GB and more (V8 reserves each WebAssembly.Memory with its guard region; PGlite's is the
 *   only one), their resident pages: PostgreSQL's shared buffers, its backend memory, its emulated files;
 * - other anon: V8's heaps, Node's and the allocator's native memory; file: code and mapped files;
 * and process.memoryUsage()'s heap used, external and arrayBuffers. `--gc` forces a GC before each sample.
 */
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBenchTexts, writeMemoryInput } from "./memory-corpus.js";

const MB = 1024 * 1024;
const WASM_RESERVATION_BYTES = 8 * 1024 * MB;

export interface RssParts {
  rss: number;
  wasm: number;
  otherAnon: number;
  file: number;
  /** The largest anonymous mappings (MB resident / MB mapped), largest first. */
  largest: string[];
}

/** RSS by mapping kind, in MB, from /proc/self/smaps (Linux only; zeros elsewhere). */
export function rssParts(): RssParts {
  let text = "";
  try {
    text = readFileSync("/proc/self/smaps", "utf8");
  } catch {
    return { rss: 0, wasm: 0, otherAnon: 0, file: 0, largest: [] };
  }
  const parts = { rss: 0, wasm: 0, otherAnon: 0, file: 0 };
  const anon: { rss: number; size: number }[] = [];
  let size = 0;
  let fileBacked = false;
  for (const line of text.split("\n")) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (header) {
      size = Number(BigInt(`0x${header[2]}`) - BigInt(`0x${header[1]}`));
      fileBacked = header[3] !== "0" && (header[4] ?? "").startsWith("/");
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const mb = Number(rss[1]) / 1024;
    parts.rss += mb;
    if (size >= WASM_RESERVATION_BYTES) parts.wasm += mb;
    else if (fileBacked) parts.file += mb;
    else {
      parts.otherAnon += mb;
      anon.push({ rss: mb, size: size / MB });
    }
  }
  const largest = anon.sort((a, b) => b.rss - a.rss).slice(0, 3).map((m) => `${Math.round(m.rss)}/${Math.round(m.size)}`);
  return { ...parts, largest };
}

export function sample(label: string, forceGc: boolean): string {
  if (forceGc) (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const p = rssParts();
  const f = (n: number) => String(Math.round(n)).padStart(5);
  return `${label.padEnd(22)} rss ${f(p.rss)} | wasm ${f(p.wasm)} | other anon ${f(p.otherAnon)} | file ${f(p.file)} | heap used ${f(m.heapUsed / MB)} total ${f(m.heapTotal / MB)} | external ${f(m.external / MB)} arrayBuffers ${f(m.arrayBuffers / MB)} | largest anon ${p.largest.join(" ")}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const mb = Number(option("--mb") ?? 2);
  const forceGc = argv.includes("--gc");
  const work = mkdtempSync(join(tmpdir(), "triangulate-bench-probe-"));
  try {
    const texts = await loadBenchTexts(resolve(process.env.TRIANGULATE_DATA ?? "../shared/data"));
    const file = join(work, "input.jsonl");
    const written = await writeMemoryInput(file, "jsonl", mb * 1_000_000, texts);
    texts.length = 0;
    const [{ configFromEnv }, { openStore }, { ingestAndRebuild }] = await Promise.all([
      import("../src/config.js"), import("../src/store/index.js"), import("../src/ingest-batches.js"),
    ]);
    console.log(`input ${(written.bytes / MB).toFixed(1)} MB, ${written.articles} articles`);
    console.log(sample("start", forceGc));
    const store = await openStore({ dataDir: join(work, "store"), databaseUrl: null });
    console.log(sample("store open", forceGc));
    const config = configFromEnv();
    let batches = 0;
    try {
      const { analysis } = await ingestAndRebuild(store, [file], {
        maxInputBytes: config.maxInputBytes, maxArticleChars: config.maxArticleChars,
        onBatch: (done) => console.log(sample(`batch ${++batches} (${done.stored})`, forceGc)),
      }, {
        onStepStart: (step) => console.log(sample(`start ${step}`, forceGc)),
        onStep: (step) => console.log(sample(`rebuild ${step}`, forceGc)),
      });
      // What one slice compares: the largest stories (a slice holds one story at least, however large).
      const sizes = analysis.report.stories.map((s) => s.articleIds.length).sort((a, b) => b - a);
      console.log(`${sizes.length} stories; largest ${sizes.slice(0, 5).join(", ")} articles`);
    } finally {
      await store.close();
    }
    console.log(sample("store closed", forceGc));
    console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exitCode = 1;
  });
}
