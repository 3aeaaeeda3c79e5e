/** Content-Type → what we read: the article formats we take, and the declared charset. */
import { normaliseCharset } from "../decode.js";

export interface ContentType {
  mime: string;
  /** Lower-cased, only when Node's TextDecoder knows it; null otherwise (then the bytes decide). */
  charset: string | null;
}

export function parseContentType(header: string | undefined): ContentType | null {
  if (!header) return null;
  const [type, ...params] = header.split(";");
  const mime = type!.trim().toLowerCase();
  let charset: string | null = null;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (m) charset = normaliseCharset(m[1]!);
  }
  return { mime, charset };
}


const FORMATS: Record<string, "html" | "text"> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
};

/** "html" | "text" for an article we can read, null for anything else (PDF, JSON, images…); `extra` adds types. */
export const formatOf = (mime: string, extra: Readonly<Record<string, "html" | "text">> = {}): "html" | "text" | null => FORMATS[mime] ?? extra[mime] ?? null;
