/**
 * Text in a legacy encoding (cp1251, KOI8-R, Shift-JIS, GB18030 …) for the hostile corpus and the encoding tests.
 * Node decodes these encodings but has no encoders, so one is made by inverting TextDecoder over every one- and
 * (for `multibyte`) two-byte sequence; a character it cannot encode becomes "?".
 */
export function legacyEncoder(label: string, multibyte = false): (text: string) => Buffer {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number[]>();
  for (let b = 0; b < 256; b++) {
    const s = decoder.decode(Uint8Array.of(b));
    if (s.length === 1 && s !== "\ufffd" && !table.has(s)) table.set(s, [b]);
  }
  if (multibyte) {
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const s = decoder.decode(Uint8Array.of(lead, trail));
        if (s.length === 1 && s !== "\ufffd" && !table.has(s)) table.set(s, [lead, trail]);
      }
    }
  }
  return (text) => Buffer.from([...text].flatMap((c) => table.get(c) ?? [0x3f]));
}
