/** Small text helpers shared by stages. */

/**
 * "Nicolás" → "nicolas": the key under which spellings of one name meet. Accents (combining marks after NFD) go,
 * case and a final possessive go, and every run of characters that are not letters or digits becomes one space,
 * trimmed: `name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']s$/u, "")
 * .replace(/[^\p{L}\p{N}]+/gu, " ").trim()`, which it equals (text.test.ts checks it on random Unicode). It also folds
 * whole article texts for clustering's words and shingles, where that one regex was the largest cost of a rebuild's
 * clustering (a fifth at 30,000 articles): the last step is one pass with a table of character classes instead.
 */
export const foldName = (name: string): string => {
  const plain = NON_ASCII.test(name) ? name.normalize("NFD").replace(/\p{M}/gu, "") : name;
  return wordsSpaced(plain.toLowerCase().replace(/[’']s$/u, ""));
};

const NON_ASCII = /[^\x00-\x7f]/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside surrogates: 0 not looked up yet, 1 letter or digit, 2 neither. */
const unitClass = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) unitClass[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 2;

/** The runs of letters and digits (Unicode \p{L} and \p{N}, code point by code point) joined by single spaces. */
function wordsSpaced(text: string): string {
  let out = "";
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      word = LETTER_OR_DIGIT.test(text.slice(i, i + 2));
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      word = false; // a lone surrogate is no letter
    } else {
      let cls = unitClass[unit]!;
      if (cls === 0) unitClass[unit] = cls = LETTER_OR_DIGIT.test(String.fromCharCode(unit)) ? 1 : 2;
      word = cls === 1;
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out += out ? ` ${text.slice(start, i)}` : text.slice(start, i);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) out += out ? ` ${text.slice(start)}` : text.slice(start);
  return out;
}

export const STOPWORDS = new Set(
  ("a an the and or but if of to in on at by for with from as is was were be been being are it its this that these those " +
    "he she they we you i his her their our your him them us not no so than then there here who whom which what when where " +
    "why how all any both each few more most other some such only own same too very can will just should now would could " +
    "has have had do does did said says say also after before over under about into out up down off again further once " +
    "while during until against between through because").split(" "),
);

/**
 * The folded text's words of three or more characters from their first letter ("2024abc" → "abc"), stopwords
 * left out: what `foldName(text).match(/\p{L}[\p{L}\p{N}]+/gu)` then that filter gives, which it equals
 * (text.test.ts). One pass over foldName's single-spaced runs: the regex was two thirds of clustering's word
 * splitting.
 */
export function contentWords(text: string): string[] {
  const folded = foldName(text);
  const words: string[] = [];
  for (let start = 0; start < folded.length; ) {
    let end = folded.indexOf(" ", start);
    if (end < 0) end = folded.length;
    let first = start;
    while (first < end && !isLetterAt(folded, first)) first += isPairAt(folded, first) ? 2 : 1;
    if (end - first > 2) {
      const word = folded.slice(first, end);
      if (!STOPWORDS.has(word)) words.push(word);
    }
    start = end + 1;
  }
  return words;
}

const LETTER = /^\p{L}$/u;
/** Per UTF-16 code unit outside surrogates: 0 not looked up yet, 1 letter, 2 not. */
const letterClass = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) letterClass[c] = /[A-Za-z]/.test(String.fromCharCode(c)) ? 1 : 2;

const isPairAt = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
};

function isLetterAt(text: string, i: number): boolean {
  if (isPairAt(text, i)) return LETTER.test(text.slice(i, i + 2));
  const unit = text.charCodeAt(i);
  let cls = letterClass[unit]!;
  if (cls === 0) letterClass[unit] = cls = LETTER.test(String.fromCharCode(unit)) ? 1 : 2;
  return cls === 1;
}

export function sliceSpan(text: string, span: readonly [number, number]): string {
  return text.slice(span[0], span[1]);
}
