/**
 * Loaded language in a text, as the framing eval counts it: the cues analyzer's "loaded" word cues and its
 * "biased-sentence" sentences (from analyzeArticle's annotations), and hits of the hand-made lexicon
 * (LOADED_WORDS), over words = whitespace tokens holding a letter or digit.
 */
import { analyzeArticle } from "../src/analyze/index.js";
import { LOADED_WORDS } from "../src/_lib/lexicon.js";
import type { Annotation, Article, ArticleBundle } from "../src/records.js";

/** Loaded language in some texts: detector cues and lexicon hits per 1,000 words, and the share of biased sentences. */
export interface LoadedRate {
  texts: number;
  words: number;
  loaded: number;
  loadedPer1000: number;
  lexiconPer1000: number;
  sentences: number;
  biasedSentences: number;
  biasedShare: number;
}

export const words = (text: string): string[] => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** Text the eval wrote (a brief, a roundup) analysed as an article, so its cues come from the same detector. */
export function analyzeText(id: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: id, url: null, outlet: null, title: "", authors: [], publishedAt: null, modifiedAt: null, language: "en",
    text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}

/** Cues and sentences of each bundle within its spans (the whole text when none are given). */
export function rateOf(bundles: readonly ArticleBundle[], spansOf: (b: ArticleBundle) => (readonly [number, number])[] = (b) => [[0, b.article.text.length]]): LoadedRate {
  let [wordCount, loaded, lexicon, sentences, biased] = [0, 0, 0, 0, 0];
  for (const b of bundles) {
    for (const [start, end] of spansOf(b)) {
      const inside = (a: Annotation) => "span" in a && a.span[0] >= start && a.span[1] <= end;
      const ws = words(b.article.text.slice(start, end));
      wordCount += ws.length;
      lexicon += lexiconHits(ws);
      for (const a of b.annotations) {
        if (!inside(a)) continue;
        if (a.kind === "sentence") sentences++;
        if (a.kind === "cue" && a.cue === "loaded") loaded++;
        if (a.kind === "cue" && a.cue === "biased-sentence") biased++;
      }
    }
  }
  return {
    texts: bundles.length, words: wordCount, loaded,
    loadedPer1000: (1000 * loaded) / Math.max(1, wordCount), lexiconPer1000: (1000 * lexicon) / Math.max(1, wordCount),
    sentences, biasedSentences: biased, biasedShare: biased / Math.max(1, sentences),
  };
}

export const lexiconHits = (ws: readonly string[]): number =>
  ws.filter((w) => LOADED_WORDS.has(w.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "").replace(/['’]s$/, ""))).length;
