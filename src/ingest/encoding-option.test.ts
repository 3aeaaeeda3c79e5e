import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { legacyEncoder } from "../../bench/legacy-encoder.js";
import { decodeBytes, encodingOption } from "./decode.js";
import { readInput } from "./read-inputs.js";
import { readWarcStream } from "./warc/read-warc.js";

// An English sentence with a Russian name in cp1251: too little Cyrillic for a detector, read as windows-1252
// (mojibake: "Äìèòðèé Ïåñêîâ") without the option.
const RUSSIAN_SHORT = "The Kremlin spokesman, Дмитрий Песков, said on Monday that talks would go on next week.";
const RUSSIAN = "Президент России заявил в понедельник, что переговоры продолжатся на следующей неделе.";
const dir = mkdtempSync(join(tmpdir(), "triangulate-encoding-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("encoding: the user's name for undeclared text (the CLI's --encoding)", () => {
  test("short cp1251 text the guess gets wrong is read as the encoding named", () => {
    const bytes = legacyEncoder("windows-1251")(RUSSIAN_SHORT);
    const guessed = decodeBytes(bytes);
    expect(guessed).toMatchObject({ encoding: "windows-1252" });
    expect("text" in guessed && guessed.text === RUSSIAN_SHORT).toBe(false);
    expect(decodeBytes(bytes, null, "windows-1251")).toEqual({ text: RUSSIAN_SHORT, encoding: "windows-1251" });
  });

  test("names are labels in any case and spelling TextDecoder knows (cp1251, KOI8-R)", () => {
    expect(decodeBytes(legacyEncoder("windows-1251")(RUSSIAN), null, "CP1251")).toEqual({ text: RUSSIAN, encoding: "cp1251" });
    expect(decodeBytes(legacyEncoder("koi8-r")(RUSSIAN), null, "KOI8-R")).toEqual({ text: RUSSIAN, encoding: "koi8-r" });
  });

  test("a Latin-1 name is read as windows-1252, its curly quotes included", () => {
    expect(decodeBytes(Uint8Array.of(0x93, 0x4f, 0x6b, 0x94, 0xe9), null, "latin1")).toEqual({ text: "“Ok”é", encoding: "windows-1252" });
  });

  test("a byte-order mark, a declared charset and valid UTF-8 still win over the name", () => {
    expect(decodeBytes(Buffer.from(`\uFEFF${RUSSIAN}`), null, "koi8-r")).toEqual({ text: RUSSIAN, encoding: "utf-8" });
    expect(decodeBytes(Buffer.from(RUSSIAN), null, "koi8-r")).toEqual({ text: RUSSIAN, encoding: "utf-8" });
    const page = `<meta charset="koi8-r"><p>${RUSSIAN}</p>`;
    expect(decodeBytes(legacyEncoder("koi8-r")(page), null, "windows-1251")).toEqual({ text: page, encoding: "koi8-r" });
    expect(decodeBytes(legacyEncoder("koi8-r")(RUSSIAN), "koi8-r", "windows-1251")).toEqual({ text: RUSSIAN, encoding: "koi8-r" });
  });

  test("UTF-16 without a BOM and with no ASCII (the sniff cannot tell it from binary) is read when named", () => {
    const bytes = Buffer.from("東京電力は月曜日発表した", "utf16le");
    expect(decodeBytes(bytes)).toHaveProperty("error");
    expect(decodeBytes(bytes, null, "utf-16le")).toEqual({ text: "東京電力は月曜日発表した", encoding: "utf-16le" });
    expect(decodeBytes(Uint8Array.of(0x00, 0xd8, 0x41), null, "utf-16le")).toEqual({ error: "not valid utf-16le (named by --encoding)" });
  });

  test("bytes refused as of uncertain encoding name the option", () => {
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 7919) % 128));
    const result = decodeBytes(Buffer.concat([Buffer.from("Ab "), noise]));
    if ("error" in result) expect(result.error).toMatch(/pass --encoding NAME/);
    expect(decodeBytes(Buffer.concat([Buffer.from("Ab "), noise]), null, "windows-1251")).toMatchObject({ encoding: "windows-1251" });
  });

  test("an unknown name is an error naming the option and the name", () => {
    expect(() => encodingOption("klingon-8")).toThrow(/--encoding: unknown encoding "klingon-8"/);
    expect(() => decodeBytes(Uint8Array.of(0xe9), null, "klingon-8")).toThrow(/--encoding/);
    expect(encodingOption(" UTF8 ")).toBe("utf-8");
  });

  test("readInput and web archives pass the name down to decoding", async () => {
    const file = join(dir, "short.txt");
    writeFileSync(file, legacyEncoder("windows-1251")(RUSSIAN_SHORT));
    const [doc] = await readInput(file, { maxInputBytes: 1_000_000, encoding: "windows-1251" });
    expect(doc).toMatchObject({ body: RUSSIAN_SHORT, format: "text" });

    const body = legacyEncoder("windows-1251")(`<html><body><p>${RUSSIAN_SHORT}</p></body></html>`);
    const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
    const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-03-05T10:20:30Z\r\nWARC-Target-URI: https://example.ru/a\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
    const archive = Buffer.concat([Buffer.from(head), http, Buffer.from("\r\n\r\n")]);
    const docs = [];
    for await (const d of readWarcStream((async function* () { yield archive; })(), "a.warc", { maxInputBytes: 1_000_000, encoding: "windows-1251" })) docs.push(d);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toHaveProperty("body", `<html><body><p>${RUSSIAN_SHORT}</p></body></html>`);
  });
});
