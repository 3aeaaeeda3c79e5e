/**
 * One HTTP GET through undici, bounded: a deadline for the headers and one for the whole response, and a byte cap
 * enforced while the body streams in, so an endless or huge response costs at most `maxBytes` of memory. Bodies
 * come compressed when the server will (a polite crawler saves the site's bandwidth; news pages shrink 4–8×);
 * undici's `request` does not decode them, so this does, counting the decoded bytes against the cap: a small
 * compressed body cannot inflate past it.
 */
import type { Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { request, type Dispatcher } from "undici";
import { FORBIDDEN_ADDRESS } from "./address-policy.js";

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Empty unless the status was one `readBody` asked for. */
  body: Uint8Array;
}

/** A request that got no usable answer. `retryable`: the network or the server may do better on another try. */
export interface HttpFailure {
  error: string;
  retryable: boolean;
  /** The server was reached but too slow: for robots.txt that means "rules unknown", not "host unreachable". */
  timedOut?: boolean;
}

export interface GetOptions {
  dispatcher: Dispatcher;
  headers: Record<string, string>;
  headersTimeoutMs: number;
  /** The whole exchange, headers and body. */
  totalTimeoutMs: number;
  maxBytes: number;
  /** Statuses whose body we keep; others are drained and dropped. */
  readBody: (status: number) => boolean;
}

export const isHttpFailure = <T extends object>(x: T | HttpFailure): x is HttpFailure => "error" in x;

/** What we ask for: the encodings Node decodes itself. */
export const ACCEPT_ENCODING = "gzip, deflate, br";
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress,
};

const seconds = (ms: number) => `${+(ms / 1000).toFixed(2)} s`;
export const megabytes = (n: number) => `${+(n / 1024 / 1024).toFixed(1)} MB`;

export async function httpGet(url: string, options: GetOptions): Promise<HttpResponse | HttpFailure> {
  const controller = new AbortController();
  let timedOut: string | null = null;
  const abortAfter = (ms: number, why: string) =>
    setTimeout(() => {
      timedOut = why;
      controller.abort();
    }, ms);
  const headersTimer = abortAfter(options.headersTimeoutMs, `no response within ${seconds(options.headersTimeoutMs)}`);
  const totalTimer = abortAfter(options.totalTimeoutMs, `the response did not finish within ${seconds(options.totalTimeoutMs)}`);
  try {
    const res = await request(url, { dispatcher: options.dispatcher, method: "GET", headers: options.headers, signal: controller.signal });
    clearTimeout(headersTimer);
    const headers = flattenHeaders(res.headers);
    if (!options.readBody(res.statusCode)) {
      await res.body.dump().catch(() => undefined);
      return { status: res.statusCode, headers, body: new Uint8Array(0) };
    }
    const declared = Number(headers["content-length"]);
    if (declared > options.maxBytes) {
      res.body.on("error", () => undefined).destroy(); // destroying emits an abort error nobody else listens for
      return { error: `too large: ${megabytes(declared)} declared, the limit is ${megabytes(options.maxBytes)}`, retryable: false };
    }
    const encoding = (headers["content-encoding"] ?? "identity").trim().toLowerCase();
    const decoder = encoding === "identity" ? null : DECODERS[encoding];
    if (decoder === undefined) {
      res.body.on("error", () => undefined).destroy();
      return { error: `the server sent the body encoded as "${encoding}", which we cannot decode`, retryable: false };
    }
    const decoded = decoder ? decode(res.body, decoder()) : res.body;
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of decoded as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > options.maxBytes) {
          // leaving the loop destroys the stream, closing the connection: the rest is never read
          return { error: `too large: over ${megabytes(options.maxBytes)}${decoder ? " once decoded" : ""}, stopped reading`, retryable: false };
        }
        chunks.push(chunk);
      }
    } finally {
      res.body.destroy();
    }
    // The decoded body is what we hold: its length and encoding no longer describe it.
    if (decoder) {
      delete headers["content-encoding"];
      delete headers["content-length"];
    }
    return { status: res.statusCode, headers, body: Buffer.concat(chunks) };
  } catch (error) {
    if (timedOut) return { error: timedOut, retryable: true, timedOut: true };
    if (error instanceof BodyDecodeError) return { error: error.message, retryable: true };
    return describeNetworkError(error as NodeJS.ErrnoException, url);
  } finally {
    clearTimeout(headersTimer);
    clearTimeout(totalTimer);
  }
}

class BodyDecodeError extends Error {}

/**
 * The body through its decoder. A failure of the connection reaches the reader as itself (pipe alone would leave
 * the decoder waiting); a failure of the decoder becomes a BodyDecodeError saying the compression is broken.
 */
async function* decode(body: Readable, decoder: Transform): AsyncGenerator<Buffer> {
  body.on("error", (error) => decoder.destroy(error));
  body.pipe(decoder);
  try {
    for await (const chunk of decoder) yield chunk as Buffer;
  } catch (error) {
    if (error === body.errored) throw error;
    throw new BodyDecodeError(`the body's compression is corrupt or cut short (${(error as Error).message})`);
  } finally {
    decoder.destroy();
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function describeNetworkError(error: NodeJS.ErrnoException, url: string): HttpFailure {
  const cause = (error.cause as NodeJS.ErrnoException | undefined) ?? error;
  const code = error.code ?? cause.code;
  const host = new URL(url).host;
  switch (code) {
    case FORBIDDEN_ADDRESS:
      return { error: error.message, retryable: false };
    case "ENOTFOUND":
      return { error: `cannot resolve host ${host}: no such domain (check the URL)`, retryable: false };
    case "EAI_AGAIN":
      return { error: `cannot resolve host ${host} right now (DNS failure)`, retryable: true };
    case "ECONNREFUSED":
      return { error: `connection refused by ${host}`, retryable: true };
    case "UND_ERR_CONNECT_TIMEOUT":
      return { error: `could not connect to ${host} in time`, retryable: true };
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return { error: `${host} stopped answering (${code === "UND_ERR_HEADERS_TIMEOUT" ? "headers" : "body"} timeout)`, retryable: true, timedOut: true };
    default:
      return { error: `network error from ${host}: ${error.message}${code ? ` (${code})` : ""}`, retryable: true };
  }
}
