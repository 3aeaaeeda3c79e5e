import type { AnnotationOf } from "../../records.js";
import { by, defineAnalyzer } from "../analyzer.js";
import { biasScorer, shippedLoadedWords } from "./bias-model.js";
import { findBiasedSentences, findWordCues } from "./find.js";

const ID = { name: "cues", version: 1 };
let learnedLoadedWords: ReadonlySet<string> | null = null;

/**
 * Framing cues. Reads direct quotes so that word cues stay in the outlet's narration (find.ts). A "biased-sentence"
 * cue spans the sentence; its `score` is the classifier's probability and its `term` the sentence's most loaded word
 * by the classifier's word model (a one-word "why"), empty when it knows none of the sentence's words.
 */
export default defineAnalyzer({
  ...ID,
  kinds: ["cue"],
  needs: ["sentence", "quote"],
  analyze(article, prior) {
    const sentences = prior.filter((a): a is AnnotationOf<"sentence"> => a.kind === "sentence").map((s) => s.span);
    const quotes = prior.filter((a): a is AnnotationOf<"quote"> => a.kind === "quote" && a.form !== "indirect").map((q) => q.span);
    learnedLoadedWords ??= new Set(shippedLoadedWords());
    const found = [...findWordCues(article.text, quotes, learnedLoadedWords), ...findBiasedSentences(article.text, sentences, biasScorer())];
    return found.sort((a, b) => a.span[0] - b.span[0]).map((c) => ({ kind: "cue", ...c, by: by(ID) }));
  },
});
