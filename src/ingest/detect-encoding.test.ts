import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { decodeBytes } from "./decode.js";
import { legacyEncoder } from "../../bench/legacy-encoder.js";

const RUSSIAN =
  "Президент России заявил в понедельник, что переговоры продолжатся на следующей неделе. По словам представителя Кремля, стороны обсудят обмен пленными и гуманитарные коридоры.";
const JAPANESE = "東京電力は月曜日、福島第一原子力発電所の処理水の放出を来週から再開すると発表した。政府関係者によると、周辺の漁業者との協議は続いている。";
const CHINESE = "国家统计局周一公布的数据显示，今年第一季度国内生产总值同比增长百分之五点三，高于市场预期。分析人士认为，消费和出口的回升是主要原因。";
const GERMAN = "Die Bundesregierung hat am Montag beschlossen, die Förderung für Wärmepumpen zu kürzen. Ökonomen äußerten Kritik an der Maßnahme.";

describe("undeclared legacy encodings are named, not read as windows-1252", () => {
  test.each([
    ["cp1251", RUSSIAN, legacyEncoder("windows-1251"), "windows-1251"],
    ["KOI8-R", RUSSIAN, legacyEncoder("koi8-r"), "koi8-r"],
    ["Shift_JIS", JAPANESE, legacyEncoder("shift_jis", true), "shift_jis"],
    ["GB18030", CHINESE, legacyEncoder("gb18030", true), "gb18030"],
    ["windows-1252", GERMAN, legacyEncoder("windows-1252"), "windows-1252"],
  ])("%s text", (_, text, encode, encoding) => {
    expect(decodeBytes(encode(text))).toEqual({ text, encoding });
  });

  test("cp1251 in a page that is mostly markup", () => {
    const page = `<html><head><title>Новости</title><link rel="stylesheet" href="/a.css"></head><body>${'<div class="c"><p>'.repeat(20)}${RUSSIAN}</p></div></body></html>`;
    expect(decodeBytes(legacyEncoder("windows-1251")(page))).toEqual({ text: page, encoding: "windows-1251" });
  });

  test("a declared charset still wins over the guess", () => {
    const page = `<meta charset="koi8-r"><p>${RUSSIAN}</p>`;
    expect(decodeBytes(legacyEncoder("koi8-r")(page))).toEqual({ text: page, encoding: "koi8-r" });
  });

  test("bytes that look like an encoding only faintly are refused, naming the guess", () => {
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 7919) % 128));
    const result = decodeBytes(Buffer.concat([Buffer.from("Ab "), noise]));
    if ("error" in result) expect(result.error).toMatch(/^undeclared encoding, looks like \S+/);
    else expect(result.encoding).toBe("windows-1252");
  });
});

describe("UTF-16 without a byte-order mark", () => {
  test.each([
    ["little-endian Russian", RUSSIAN, "utf-16le"],
    ["little-endian German", GERMAN, "utf-16le"],
    ["little-endian Chinese, with its dateline's digits", `2024年4月16日 ${CHINESE}`, "utf-16le"],
    ["big-endian Russian", RUSSIAN, "utf-16be"],
    ["big-endian HTML", `<html><body><p>${JAPANESE}</p></body></html>`, "utf-16be"],
  ])("%s", (_, text, encoding) => {
    const le = Buffer.from(text, "utf16le");
    expect(decodeBytes(encoding === "utf-16le" ? le : Buffer.from(le).swap16())).toEqual({ text, encoding });
  });
});

describe("the binary test reads the whole input", () => {
  test("a printable head and a binary tail", () => {
    const tail = Uint8Array.from({ length: 8192 }, (_, i) => (i * 37) % 256);
    expect(decodeBytes(Buffer.concat([Buffer.from("A story. ".repeat(2000)), tail]))).toEqual({ error: expect.stringContaining("binary") });
  });

  test("a short binary tail after a long head", () => {
    const tail = Uint8Array.from({ length: 600 }, (_, i) => i % 32);
    expect(decodeBytes(Buffer.concat([Buffer.from("A story. ".repeat(50_000)), tail]))).toEqual({ error: expect.stringContaining("binary") });
  });

  test("one stray control byte in a long text is still text", () => {
    const text = `${"A story. ".repeat(5000)}\u0007${"More story. ".repeat(5000)}`;
    expect(decodeBytes(Buffer.from(text))).toEqual({ text, encoding: "utf-8" });
  });
});

describe("the project's own inputs decode as before", () => {
  const roots = ["test/fixtures", "examples"];
  const files = roots.flatMap((root) => walk(root)).filter((f) => /\.(html?|txt|jsonl?)$/.test(f));
  test.each(files)("%s", (file) => {
    const bytes = readFileSync(file);
    const result = decodeBytes(bytes);
    // garbage.html is a JPEG saved as a page: the one fixture that must be refused.
    if (file.endsWith("garbage.html")) return expect(result).toEqual({ error: expect.stringContaining("binary") });
    expect(result).not.toHaveProperty("error");
    const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    if (!utf8.includes("\ufffd")) expect(result).toMatchObject({ encoding: "utf-8" });
  });
});

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
