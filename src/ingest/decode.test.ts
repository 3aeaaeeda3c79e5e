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

  test.each([
    ["NUL bytes", bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08)],
    ["control bytes", bytes(...Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))],
  ])("binary input is refused: %s", (_, input) => {
    expect(decodeBytes(input)).toEqual({ error: expect.stringContaining("binary") });
  });
});
