/**
 * Naming the encoding of bytes that declare none: UTF-16 without a byte-order mark (by its shape, which no
 * detector library checks for), and legacy single- and multi-byte encodings (cp1251, KOI8-R, Shift_JIS, GB18030,
 * EUC-KR …) by chardet, the ICU detector's port. Checked on generated Russian, Japanese, Chinese, Korean, Greek
 * and Western European text (detect-encoding.test.ts); jschardet was tried too and took 1252 German for 8859-2.
 */
import chardet from "chardet";

export type EncodingGuess =
  | { encoding: string }
  /** Some non-Latin encoding, but not surely enough to decode with it. */
  | { unsure: string };

/** How much of the input UTF-16 sniffing and chardet read: enough to be sure, cheap on a 20 MB file. */
const SAMPLE_BYTES = 65_536;
/**
 * Calibration (detect-encoding.test.ts): chardet gives generated cp1251 and KOI8-R news 55–57, ISO-8859-7 62–68,
 * Shift_JIS/GB18030/EUC-KR/Big5 100; random high bytes 19, a 7-byte Latin word 10.
 */
const LEGACY_MIN_CONFIDENCE = 50;
const LEGACY_UNSURE_CONFIDENCE = 20;
/** The encodings whose text windows-1252 (the web's default for undeclared bytes) already reads well enough. */
const LATIN = /^(iso-8859-(1|2|3|4|9|10|13|14|15|16)|windows-(1250|1252|1254|1257)|ascii|utf-8)$/i;

/**
 * UTF-16 without a BOM: news text always has some ASCII (spaces, digits, markup), which UTF-16 writes as the
 * byte and a NUL beside it, on the same side all through. Calibration: 5% of code units covers CJK text with
 * only punctuation and digits in ASCII; text in any 8-bit encoding has no NULs at all.
 */
const UTF16_MIN_ASCII_UNITS = 0.05;
const UTF16_SIDE_RATIO = 4;

export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let le = 0;
  let be = 0;
  let nulUnits = 0;
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i]!;
    const b = bytes[i + 1]!;
    if (a === 0 && b === 0) nulUnits++;
    else if (b === 0 && isAsciiText(a)) le++;
    else if (a === 0 && isAsciiText(b)) be++;
  }
  const units = n / 2;
  if (nulUnits > 0) return null;
  const order = le > be ? "utf-16le" : "utf-16be";
  const ascii = Math.max(le, be);
  // Mostly on one side: text, not a binary format that happens to hold NULs (the other side sees a few CJK
  // characters like U+4E00, whose low byte is NUL).
  if (ascii < UTF16_MIN_ASCII_UNITS * units || Math.min(le, be) * UTF16_SIDE_RATIO > ascii) return null;
  try {
    new TextDecoder(order, { fatal: true }).decode(bytes.subarray(0, bytes.length & ~1));
    return order;
  } catch {
    return null;
  }
}

function isAsciiText(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f);
}

/** The encoding of bytes that are neither UTF-8 nor declared, or windows-1252 when nothing else is likely. */
export function guessLegacyEncoding(bytes: Uint8Array): EncodingGuess {
  const sample = withoutMarkup(bytes.subarray(0, SAMPLE_BYTES));
  for (const match of chardet.analyse(sample)) {
    const encoding = decoderLabel(match.name);
    if (!encoding) continue;
    if (LATIN.test(match.name)) return { encoding: "windows-1252" };
    if (match.confidence >= LEGACY_MIN_CONFIDENCE) return { encoding };
    return match.confidence >= LEGACY_UNSURE_CONFIDENCE ? { unsure: match.name } : { encoding: "windows-1252" };
  }
  return { encoding: "windows-1252" };
}

/** chardet's name as a label TextDecoder knows, or null (UTF-32, ISO-2022-CN: not decodable here). */
function decoderLabel(name: string): string | null {
  const label = name.toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}

/**
 * The bytes with `<…>` tags left out: markup is ASCII, and on a page of little text it drowns the letters chardet
 * reads (a cp1251 page with a line of Russian came out as ISO-8859-1).
 */
function withoutMarkup(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  let inTag = false;
  for (const byte of bytes) {
    if (byte === 0x3c) inTag = true;
    else if (byte === 0x3e && inTag) inTag = false;
    else if (!inTag) out[length++] = byte;
  }
  // Plain text with a stray "<" and no ">" would lose everything after it.
  return length < bytes.length / 10 ? bytes : out.subarray(0, length);
}
