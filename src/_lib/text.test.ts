/** foldName's and contentWords' one-pass splitters equal the regexes they replace, on every kind of character. */
import { expect, test } from "vitest";
import { contentWords, foldName, STOPWORDS } from "./text.js";

const byRegex = (name: string): string =>
  name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']s$/u, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

test("names and texts fold as before", () => {
  for (const name of ["Nicolás Maduro", "U.S.", "Maduro's", "Maduro’s", "  the  Wall Street Journal ", "İstanbul", "ǅemal", "Ａｂｃ１２", "北京 and 東京", "٣٤ يوليو", "😀 Zoë 😀", "e\u0301", "lone \ud800 end", "\udc00x", "x\ud83d", "", "---", "ß Straße"]) {
    expect(foldName(name), JSON.stringify(name)).toBe(byRegex(name));
  }
  expect(foldName("Nicolás Maduro's")).toBe("nicolas maduro");
});

test("random strings over ASCII, accents, marks, other scripts, digits, emoji and lone surrogates fold as before", () => {
  const pieces = ["a", "Z", "7", " ", "  ", "-", "'s", "’s", ".", "\n", "\t", "é", "E\u0301", "\u0301", "ñ", "İ", "ß", "Σ", "ς", "北", "ｱ", "١", "²", "½", "Ⅻ", "😀", "𝒜", "\ud800", "\udfff", "\u00a0", "\u2028", "—", "“", "ǅ", "ﬁ", "\u200d", "\ufeff"];
  let state = 11;
  const random = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  for (let k = 0; k < 20_000; k++) {
    const text = Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    expect(foldName(text), JSON.stringify(text)).toBe(byRegex(text));
  }
});

const contentWordsByRegex = (text: string): string[] =>
  (foldName(text).match(/\p{L}[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w) && w.length > 2);

test("content words are the regex's on named cases and on random strings of every kind of character", () => {
  for (const text of ["The U.S. offered Maduro amnesty in 2024", "2024abc abc2024 x1 ab abc", "Zoë’s 𝒜𝒜𝒜 ١٢٣abc ²ab ½abc", "北京 東京都", "", "   ", "the and of"]) {
    expect(contentWords(text), JSON.stringify(text)).toEqual(contentWordsByRegex(text));
  }
  expect(contentWords("The 2024abc offer")).toEqual(["abc", "offer"]);
  const pieces = ["a", "b", "Z", "7", "42", " ", "-", "'s", ".", "é", "E\u0301", "ñ", "İ", "ß", "Σ", "北", "١", "²", "½", "Ⅻ", "😀", "𝒜", "\ud800", "the", "and", "word"];
  let state = 7;
  const random = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  for (let k = 0; k < 20_000; k++) {
    const text = Array.from({ length: Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
    expect(contentWords(text), JSON.stringify(text)).toEqual(contentWordsByRegex(text));
  }
});
