/**
 * Bytes → text, or a reason why these bytes are not text. The charset question for news pages is narrow (BOM,
 * <meta charset>, valid UTF-8), and Node's TextDecoder (full ICU) knows every encoding; for bytes that are not
 * UTF-8 and declare nothing, detect-encoding.ts names the encoding (UTF-16 by its shape, legacy ones by chardet),
 * or the input is refused rather than stored as mojibake.
 */
import { guessLegacyEncoding, sniffUtf16 } from "./detect-encoding.js";

/** Share of control bytes above which a stretch of the input is binary; real text has almost none (tabs/newlines excluded). */
const BINARY_CONTROL_RATIO = 0.02;
/** The binary test reads the whole input in windows this long: a printable head cannot hide a binary tail. */
const BINARY_WINDOW_BYTES = 4096;

export type Decoded = { text: string; encoding: string } | { error: string };

/** The option that names the encoding of undeclared text (`--encoding` in the CLI), for its error messages. */
export const ENCODING_OPTION = "--encoding";

/**
 * The encoding a user named for undeclared text, as the label TextDecoder takes; an unknown name throws an error
 * naming the option (a usage error, before any input is read).
 */
export function encodingOption(name: string): string {
  const label = normaliseCharset(name.trim());
  if (!label) throw new Error(`[triangulate] ${ENCODING_OPTION}: unknown encoding "${name}": give a label such as windows-1251, koi8-r, iso-8859-7, shift_jis, gb18030, euc-kr, big5 or utf-16le`);
  return label;
}

/**
 * `encoding` (the user's `--encoding NAME`, checked by encodingOption) is how text that declares nothing is read:
 * a byte-order mark, a charset the transport or a <meta> declares, and valid UTF-8 still win (ASCII reads the same
 * in every encoding it could name); it replaces the guess for the rest. A UTF-16 name is taken before the UTF-16
 * sniff and the binary test, which UTF-16's NULs would fail.
 */
export function decodeBytes(bytes: Uint8Array, declaredCharset?: string | null, encoding?: string | null): Decoded {
  if (bytes.length === 0) return { text: "", encoding: "utf-8" };
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  const given = encoding ? encodingOption(encoding) : null;
  if (given?.startsWith("utf-16")) {
    const text = tryDecode(bytes, given, true);
    return text === null ? { error: `not valid ${given} (named by ${ENCODING_OPTION})` } : { text, encoding: given };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  if (looksBinary(bytes)) return { error: "looks like a binary file, not text or HTML" };

  const declared = declaredCharset ?? sniffMetaCharset(bytes);
  const utf8 = tryDecode(bytes, "utf-8", true);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  if (declared && declared !== "utf-8" && !LATIN1_LABELS.has(declared)) {
    const text = tryDecode(bytes, declared, false);
    if (text !== null) return { text, encoding: declared };
  }
  // Labelled Latin-1 (or a label browsers read as windows-1252): the label is trusted, as browsers do.
  if (declared && LATIN1_LABELS.has(declared)) return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  // Not valid UTF-8 and nothing (or a wrong UTF-8) declared: the encoding the user named, else windows-1252 (what
  // browsers assume) unless the bytes are plainly another encoding.
  if (given) return { text: LATIN1_LABELS.has(given) ? decodeWindows1252(bytes) : new TextDecoder(given).decode(bytes), encoding: LATIN1_LABELS.has(given) ? "windows-1252" : given };
  const guess = guessLegacyEncoding(bytes);
  if ("unsure" in guess) return { error: `undeclared encoding, looks like ${guess.unsure}: pass ${ENCODING_OPTION} NAME, convert it to UTF-8 or declare its charset` };
  if (guess.encoding === "windows-1252") return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  const text = tryDecode(bytes, guess.encoding, false);
  return text === null ? { text: decodeWindows1252(bytes), encoding: "windows-1252" } : { text, encoding: guess.encoding };
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Whether any stretch of the input is binary: a NUL in the first window (as browsers sniff), or too many control
 * bytes in any window. One pass over the bytes, cheap next to decoding them.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const head = Math.min(bytes.length, BINARY_WINDOW_BYTES);
  for (let i = 0; i < head; i++) if (bytes[i] === 0) return true;
  for (let start = 0; start < bytes.length; start += BINARY_WINDOW_BYTES) {
    // The last window is read as a full one ending at the end, so a short binary tail is not diluted away.
    const from = Math.max(0, Math.min(start, bytes.length - BINARY_WINDOW_BYTES));
    const to = Math.min(bytes.length, from + BINARY_WINDOW_BYTES);
    let control = 0;
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    }
    if (control / (to - from) > BINARY_CONTROL_RATIO) return true;
  }
  return false;
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, BINARY_WINDOW_BYTES));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? normaliseCharset(m[1]!) : null;
}

/** A charset label TextDecoder knows, lower-cased ("UTF8" → "utf-8"), or null for one it does not. */
export function normaliseCharset(name: string): string | null {
  const lower = name.toLowerCase();
  try {
    new TextDecoder(lower);
    return lower === "utf8" ? "utf-8" : lower;
  } catch {
    return null;
  }
}

/** Labels the WHATWG Encoding standard maps to windows-1252. */
const LATIN1_LABELS = new Set(["iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "cp819", "ibm819"]);

/**
 * windows-1252 by hand: Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1, so bytes 0x80–0x9F came out
 * as invisible C1 controls instead of the curly quotes, dashes and € that news text is full of (measured here:
 * 0x93 → U+0093). Latin-1 for the rest, this table for the 27 bytes where the two differ.
 */
const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder("latin1").decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0)] ?? c.charCodeAt(0)));
}

function tryDecode(bytes: Uint8Array, encoding: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}
