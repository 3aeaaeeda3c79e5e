/**
 * A WARC file's bytes → its uncompressed bytes, one chunk at a time. Gzip is told by its magic bytes, not the
 * name. Why node:zlib and not warcio's own pako inflation: zlib is native (faster on CC-NEWS's 1 GB files), reads
 * Common Crawl's one-member-per-record files as one stream, and fails loudly on a cut or corrupt member, where
 * warcio falls back to "assume not compressed" and hands the parser compressed bytes as if they were headers.
 */
import { createGunzip } from "node:zlib";

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export interface OpenedArchive {
  chunks: AsyncIterable<Uint8Array>;
  gzip: boolean;
  close(): void;
}

export async function openArchive(source: AsyncIterable<Uint8Array>): Promise<OpenedArchive> {
  const it = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < GZIP_MAGIC.length) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = Buffer.concat(head);
  const gzip = first[0] === GZIP_MAGIC[0] && first[1] === GZIP_MAGIC[1];

  async function* replay(): AsyncGenerator<Uint8Array> {
    if (first.length) yield first;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const closeSource = () => void it.return?.().catch(() => undefined);
  return { chunks: gzip ? gunzip(replay()) : replay(), gzip, close: closeSource };
}

/** Compressed bytes fed in at a time: bounds what one step may inflate to (a gzip bomb) at about 16 MB. */
const INFLATE_SLICE = 16 * 1024;

/**
 * Inflates gzip members one after another, pulling input only as output is taken. By hand rather than
 * `source.pipe(createGunzip())` because a stream that errors drops the output it had buffered, and the pages
 * inflated before a cut or corrupt member must still be read.
 */
async function* gunzip(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflater = createGunzip();
  const out: Buffer[] = [];
  let failure: Error | null = null;
  inflater.on("data", (chunk: Buffer) => out.push(chunk));
  inflater.on("error", (error) => (failure ??= error));
  const settled = (start: (done: () => void) => void) =>
    new Promise<void>((resolve) => {
      if (failure) return resolve();
      inflater.once("error", () => resolve());
      start(resolve);
    });
  try {
    for await (const chunk of source) {
      for (let i = 0; i < chunk.length && !failure; i += INFLATE_SLICE) {
        await settled((done) => inflater.write(chunk.subarray(i, i + INFLATE_SLICE), () => done()));
        yield* out.splice(0);
      }
      if (failure) break;
    }
    if (!failure) await settled((done) => inflater.once("end", done).end());
    yield* out.splice(0);
    if (failure) throw failure;
  } finally {
    inflater.removeAllListeners("error");
    inflater.on("error", () => undefined);
    inflater.destroy();
  }
}

/**
 * Bounds what the parser may read while it looks for one record's headers. warcio reads headers up to a blank
 * line without a limit, so a corrupt archive (or a 2 GB file that is not a WARC) would otherwise be read whole.
 * Record bodies are bounded by their Content-Length, and read by us with a cap.
 */
export function meterHeaders(chunks: AsyncIterable<Uint8Array>, limit: number) {
  let delivered = 0;
  let mark = -1;
  async function* metered(): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) {
      delivered += chunk.length;
      if (mark >= 0 && delivered - mark > limit) throw new Error(`no record header within ${limit} bytes`);
      yield chunk;
    }
  }
  return {
    chunks: metered(),
    startHeaders: () => void (mark = delivered),
    endHeaders: () => void (mark = -1),
  };
}
