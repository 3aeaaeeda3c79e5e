/**
 * POST /api/files' body, read file by file as it streams (busboy: the multipart parser Node servers use), so that
 * one file over the limit is refused by name and the others are kept, instead of one 413 for the whole request
 * losing the good files sent with it (issue 19). The whole body is still capped: past `maxBodyBytes` reading
 * stops, the files already whole are kept, and the one cut off (and any after it, unread) are reported.
 */
import busboy from "busboy";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file the server did not take, and why (the `refused` list of POST /api/files' answer). */
export interface RefusedFile {
  file: string;
  /** "too-large": over the per-file limit; "cut-off": the request passed the body cap; "other": see `error`. */
  reason: "too-large" | "cut-off" | "other";
  error: string;
}

export interface Upload {
  files: UploadedFile[];
  refused: RefusedFile[];
}

export interface UploadLimits {
  maxFileBytes: number;
  maxBodyBytes: number;
  maxFiles: number;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Thrown for a body that is not multipart at all: the caller answers 400 with its message. */
export class UploadError extends Error {}

export async function readUpload(request: Request, limits: UploadLimits): Promise<Upload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) throw new UploadError("send the files as multipart/form-data fields named \"file\"");
  const upload: Upload = { files: [], refused: [] };
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 100, parts: limits.maxFiles + 100 } });
  } catch (error) {
    throw new UploadError(`the multipart body cannot be read: ${(error as Error).message}`);
  }
  const reading = new Set<string>();
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("file", (field, stream, info) => {
      const name = info.filename || `upload#${upload.files.length + upload.refused.length + 1}`;
      if (field !== "file") {
        upload.refused.push({ file: name, reason: "other", error: `sent as the field "${field.slice(0, 100)}": files go in fields named "file"` });
        stream.on("error", () => undefined);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      reading.add(name);
      // A body that breaks off fails the file's stream too: the parser's "error" reports it (below), once.
      stream.on("error", () => undefined);
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => {
        chunks.length = 0;
        upload.refused.push({ file: name, reason: "too-large", error: `the file is over ${mb(limits.maxFileBytes)}; files over that are refused (split it, or ingest it from the command line)` });
      });
      stream.on("end", () => {
        reading.delete(name);
        if (!(stream as { truncated?: boolean }).truncated) upload.files.push({ name, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on("filesLimit", () => upload.refused.push({ file: `(files after the first ${limits.maxFiles})`, reason: "other", error: `at most ${limits.maxFiles} files per request: the rest were not read` }));
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  // Awaited below on the normal path; after a cut-off the parser is destroyed and its end is of no interest.
  parsed.catch(() => undefined);
  const reader = request.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBodyBytes) {
        await reader.cancel().catch(() => undefined);
        parser.destroy();
        for (const name of reading) upload.refused.push({ file: name, reason: "cut-off", error: `not read whole: the request passed ${mb(limits.maxBodyBytes)}` });
        upload.refused.push({ file: "(the rest of the request)", reason: "cut-off", error: `not read: a request may carry ${mb(limits.maxBodyBytes)} (send the files in several requests)` });
        return upload;
      }
      if (!parser.write(value)) await Promise.race([new Promise((resolve) => parser.once("drain", resolve)), parsed]);
    }
    parser.end();
    await parsed;
  } catch (error) {
    // A malformed or cut-short body: the files read whole before it are kept; nothing read, it is the request's fault.
    const message = `the multipart body breaks off: ${(error as Error).message}`;
    if (!upload.files.length && !upload.refused.length) throw new UploadError(message);
    for (const name of reading) upload.refused.push({ file: name, reason: "other", error: message });
  }
  return upload;
}
