/**
 * Gzipped files served as files (sitemap.xml.gz, news-sitemap.xml.gz: Content-Type application/gzip or
 * application/x-gzip, sometimes text/xml by mistake, and no Content-Encoding), inflated before they are read; the
 * sitemap protocol allows them and many large sites list theirs so. A gzip body left after the HTTP layer has undone
 * any Content-Encoding is such a file. Inflating is capped by the size limit too, so a small bomb cannot grow to
 * gigabytes.
 */
import { gunzipSync } from "node:zlib";

const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** MIME types that, on a gzipped body, say "a gzip file" and nothing of what is inside: the inflated bytes decide the format. */
export const GZIP_TYPES: ReadonlySet<string> = new Set(["application/gzip", "application/x-gzip", "application/x-gunzip", "application/gzip-compressed", "application/octet-stream"]);

/** Whether the bytes open as gzip does: 1f 8b cannot start a text or HTML page. */
export const isGzipped = (body: Uint8Array): boolean => body[0] === GZIP_MAGIC[0] && body[1] === GZIP_MAGIC[1];

/** The inflated bytes, or why they could not be had (corrupt, or larger than `maxBytes` once inflated). */
export function inflateGzipFile(body: Uint8Array, maxBytes: number): Uint8Array | { error: string } {
  try {
    return gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
      return { error: `too large: a gzip file over ${formatMb(maxBytes)} once inflated, not read` };
    }
    return { error: `a gzip file that does not inflate (${(error as Error).message}): the file is corrupt or cut short` };
  }
}

const formatMb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;
