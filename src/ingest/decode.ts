/**
 * Bytes → text, or a reason why these bytes are not text. Why by hand: the charset question for news pages is
 * narrow (BOM, <meta charset>, valid UTF-8, else the web's default windows-1252), and Node's TextDecoder
 * (full ICU) already knows every encoding; a detector library would add guesses we cannot check.
 */

/** Share of control bytes above which a file is binary; real text has almost none (tabs/newlines excluded). */
const BINARY_CONTROL_RATIO = 0.02;
const SNIFF_BYTES = 4096;

export type Decoded = { text: string; encoding: string } | { error: string };

export function decodeBytes(bytes: Uint8Array, declaredCharset?: string | null): Decoded {
  if (bytes.length === 0) return { text: "", encoding: "utf-8" };
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  if (looksBinary(bytes)) return { error: "looks like a binary file, not text or HTML" };

  const declared = declaredCharset ?? sniffMetaCharset(bytes);
  const utf8 = tryDecode(bytes, "utf-8", true);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  if (declared && declared !== "utf-8") {
    const text = tryDecode(bytes, declared, false);
    if (text !== null) return { text, encoding: declared };
  }
  // Not valid UTF-8 and nothing better declared: windows-1252 is what browsers assume.
  return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / n > BINARY_CONTROL_RATIO;
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_BYTES));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? normaliseCharset(m[1]!) : null;
}

function normaliseCharset(name: string): string | null {
  const lower = name.toLowerCase();
  try {
    new TextDecoder(lower);
    return lower === "utf8" ? "utf-8" : lower;
  } catch {
    return null;
  }
}

function tryDecode(bytes: Uint8Array, encoding: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}
