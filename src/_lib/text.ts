/** Small text helpers shared by stages. */

/** "Nicolás" → "nicolas": the key under which spellings of one name meet. */
export const foldName = (name: string): string =>
  name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']s$/u, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export const STOPWORDS = new Set(
  ("a an the and or but if of to in on at by for with from as is was were be been being are it its this that these those " +
    "he she they we you i his her their our your him them us not no so than then there here who whom which what when where " +
    "why how all any both each few more most other some such only own same too very can will just should now would could " +
    "has have had do does did said says say also after before over under about into out up down off again further once " +
    "while during until against between through because").split(" "),
);

export function contentWords(text: string): string[] {
  return (foldName(text).match(/\p{L}[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w) && w.length > 2);
}

export function sliceSpan(text: string, span: readonly [number, number]): string {
  return text.slice(span[0], span[1]);
}
