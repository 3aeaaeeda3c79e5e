/**
 * Language by stopword share. Enough to tell English news from Spanish, French, German, Portuguese or Italian,
 * which is what the analyzers need to know (they are English-only for now). Returns null when unsure.
 */
const STOPWORDS: Record<string, string[]> = {
  en: ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "said", "by", "his", "he"],
  es: ["el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una", "con", "para"],
  fr: ["le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "en", "que", "pour", "dans", "qui"],
  de: ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "von", "sich", "auf", "dem"],
  pt: ["o", "a", "os", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "dos"],
  it: ["il", "di", "che", "e", "la", "per", "un", "una", "non", "del", "della", "sono", "con", "gli", "le"],
};
/** Below this share of the winner's stopwords, or this margin over the runner-up, we do not guess. */
const MIN_SHARE = 0.08;
const MIN_MARGIN = 1.5;
const MIN_WORDS = 20;

/** Stopword shares settle within a few thousand words: a 20 MB text is read no further than this. */
const SAMPLE_CHARS = 50_000;

export function detectLanguage(text: string): string | null {
  const words = text.slice(0, SAMPLE_CHARS).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  const scores = Object.entries(STOPWORDS).map(([lang, list]) => {
    const set = new Set(list);
    return [lang, words.filter((w) => set.has(w)).length / words.length] as const;
  });
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < MIN_SHARE || (second && best[1] < second[1] * MIN_MARGIN)) return null;
  return best[0];
}
