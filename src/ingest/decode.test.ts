import { describe, expect, test } from "vitest";
import { decodeBytes } from "./decode.js";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeBytes", () => {
  test.each([
    ["plain UTF-8", utf8("Nicolás Maduro"), "Nicolás Maduro", "utf-8"],
    ["UTF-8 with BOM", bytes(0xef, 0xbb, 0xbf, ...utf8("Hi")), "Hi", "utf-8"],
    ["UTF-16LE with BOM", bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00), "Hi", "utf-16le"],
    ["windows-1252 (not valid UTF-8)", bytes(0x4e, 0x69, 0x63, 0x6f, 0x6c, 0xe1, 0x73), "Nicolás", "windows-1252"],
    ["empty", bytes(), "", "utf-8"],
  ])("%s", (_, input, text, encoding) => {
    expect(decodeBytes(input)).toEqual({ text, encoding });
  });

  test("a declared charset is used when the bytes are not UTF-8", () => {
    const latin = bytes(...utf8('<meta charset="iso-8859-1"><p>'), 0xe9, ...utf8("</p>"));
    expect(decodeBytes(latin)).toMatchObject({ text: '<meta charset="iso-8859-1"><p>é</p>' });
  });

  test("a wrong declaration loses to the bytes: declared iso-8859-1, written in UTF-8", () => {
    expect(decodeBytes(utf8('<meta charset="iso-8859-1"><p>Nicolás Maduro</p>'))).toEqual({
      text: '<meta charset="iso-8859-1"><p>Nicolás Maduro</p>',
      encoding: "utf-8",
    });
  });

  test("declared UTF-8 but written in windows-1252: decoded as windows-1252, not garbled", () => {
    const cp1252 = bytes(...utf8('<meta charset="utf-8"><p>'), 0x93, ...utf8("Nos vamos"), 0x94, ...utf8(", dijo Maduro</p>"));
    expect(decodeBytes(cp1252)).toEqual({ text: '<meta charset="utf-8"><p>“Nos vamos”, dijo Maduro</p>', encoding: "windows-1252" });
  });

  test("a declared legacy charset other than Latin: Shift_JIS", () => {
    const sjis = bytes(...utf8('<meta charset="shift_jis"><p>'), 0x93, 0xfa, 0x96, 0x7b, ...utf8("</p>"));
    expect(decodeBytes(sjis)).toEqual({ text: '<meta charset="shift_jis"><p>日本</p>', encoding: "shift_jis" });
  });

  test.each([
    ["a PNG renamed .html", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52)],
    ["NUL bytes", bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08)],
    ["control bytes", bytes(...Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))],
  ])("binary input is refused: %s", (_, input) => {
    expect(decodeBytes(input)).toEqual({ error: expect.stringContaining("binary") });
  });
});
