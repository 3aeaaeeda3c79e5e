import { expect, test } from "vitest";
import { addText, COMMAS, type TextStats } from "./text-stats.js";

/** The definition addText computes by hand: whitespace runs collapsed by the regex, whitespace alone counting 0. */
function byDefinition(data: string, link: number): TextStats {
  const collapsed = data.replace(/\s+/g, " ");
  const chars = collapsed === " " ? 0 : collapsed.length;
  return { chars, linkChars: chars * link, commas: collapsed.match(COMMAS)?.length ?? 0 };
}

const measured = (data: string, link: number): TextStats => {
  const acc = { chars: 0, linkChars: 0, commas: 0 };
  addText(acc, data, link);
  return acc;
};

test("addText counts what the collapsed text holds, on edge cases", () => {
  for (const data of ["", " ", "\n\t ", "a", " a ", "a,  b，c、d،e", "\u00a0\u2003x\u3000y\ufeff", "\u200b zero-width is no space", "😀 , 😀", "x\u2028\u2029y"]) {
    for (const link of [0, 0.3, 1]) expect(measured(data, link), JSON.stringify(data)).toEqual(byDefinition(data, link));
  }
});

test("addText agrees with the definition on random text of every kind of character", () => {
  // Whitespace of every \s kind, the commas, ASCII, Latin, CJK, surrogate halves and pairs: the units text nodes hold.
  const pool = [..." \t\n\r\v\f\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b", ...",，、،﹐︐︑⹀⸴⸲", ..."abcXYZ019.;'\"éßЖא中文", "\ud83d", "\ude00", "😀"];
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let n = 0; n < 3000; n++) {
    let data = "";
    const length = Math.floor(next() * 30);
    for (let i = 0; i < length; i++) data += pool[Math.floor(next() * pool.length)];
    expect(measured(data, 1), JSON.stringify(data)).toEqual(byDefinition(data, 1));
  }
});
