/**
 * Analysis speed (issue 4: ≥ 200 articles/s per core on 700-word articles, with the NLP library alone as the
 * baseline in the same run). Articles are built from real text: ECB+ documents (~300 words each, one paragraph
 * apiece), in file order, joined as paragraphs while that brings an article closer to ARTICLE_WORDS words (the
 * few longer documents cut at a sentence end), so sentence lengths, names and typography are news as written. Each article goes through every analyzer of analyzeArticle in order,
 * timed one analyzer at a time, on one core (this process, no workers). The baseline is wink-nlp's readDoc with
 * the pipe the analyzers share (src/_lib/wink.ts) plus reading its tokens out, on the same texts.
 * The "sentences" row includes the one shared wink pass: later analyzers reuse it (src/_lib/wink.ts caches it).
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { WINK_PIPE } from "../src/_lib/wink.js";
import { ANALYZERS } from "../src/analyze/index.js";
import type { Annotation, Article } from "../src/records.js";
import { loadEcbPlus } from "../eval/clustering-data.js";

const ARTICLE_WORDS = 700;
/** The target, in 700-word articles per second on one core. */
export const TARGET_ARTICLES_PER_SECOND = 200;

export interface AnalysisSpeed {
  articles: number;
  wordsPerArticle: number;
  rounds: number;
  /** Medians over rounds, per article. */
  msPerAnalyzer: Record<string, number>;
  msPerArticle: number;
  articlesPerSecond: number;
  baselineMsPerArticle: number;
  /** wink with sbd and pos (tags read out), for scale: the analyzers do not run pos. */
  taggingMsPerArticle: number;
  /** Analysis time ÷ the NLP library's own time on the same texts. */
  ratioToBaseline: number;
}

export async function benchAnalysisSpeed(dataDir: string, articles: number, rounds: number): Promise<AnalysisSpeed> {
  const texts = await articleTexts(dataDir, articles);
  if (!texts.length) throw new Error(`[triangulate] [bench] no ECB+ text under ${dataDir} to build articles from`);
  const asArticle = (text: string, i: number): Article => ({
    id: `bench-${i}`, source: `bench-${i}`, url: null, outlet: null, title: "", authors: [], publishedAt: null, modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  });
  const docs = texts.map(asArticle);
  analyzeTimed(docs.slice(0, 20)); // warm up: models, lexicons, JIT
  const wink = winkNLP(model, [...WINK_PIPE]);
  const readOnly = (text: string) => wink.readDoc(text).tokens().out(wink.its.value);
  // For scale: wink's full tagging pipe (the tokenizer, sentences and part-of-speech tags), which we do not run.
  const tagging = winkNLP(model, ["sbd", "pos"]);
  const readTagged = (text: string) => tagging.readDoc(text).tokens().out(tagging.its.pos);
  texts.slice(0, 20).forEach(readOnly);
  texts.slice(0, 20).forEach(readTagged);
  const timed = (fn: (text: string) => unknown) => {
    const t0 = performance.now();
    texts.forEach(fn);
    return performance.now() - t0;
  };
  const perRound = Array.from({ length: rounds }, () => ({ analyzers: analyzeTimed(docs), baseline: timed(readOnly), tagging: timed(readTagged) }));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const msPerAnalyzer = Object.fromEntries(ANALYZERS.map((a) => [a.name, median(perRound.map((r) => r.analyzers[a.name]!)) / docs.length]));
  const msPerArticle = median(perRound.map((r) => Object.values(r.analyzers).reduce((s, x) => s + x, 0))) / docs.length;
  const baselineMsPerArticle = median(perRound.map((r) => r.baseline)) / docs.length;
  const taggingMsPerArticle = median(perRound.map((r) => r.tagging)) / docs.length;
  return {
    articles: docs.length,
    wordsPerArticle: Math.round(texts.reduce((s, t) => s + wordCount(t), 0) / texts.length),
    rounds, msPerAnalyzer, msPerArticle, articlesPerSecond: 1000 / msPerArticle, baselineMsPerArticle, taggingMsPerArticle,
    ratioToBaseline: msPerArticle / baselineMsPerArticle,
  };
}

/** Milliseconds per analyzer over all articles, each analyzer reading the earlier ones' output as in analyzeArticle. */
function analyzeTimed(docs: readonly Article[]): Record<string, number> {
  const ms: Record<string, number> = Object.fromEntries(ANALYZERS.map((a) => [a.name, 0]));
  for (const article of docs) {
    const annotations: Annotation[] = [];
    for (const analyzer of ANALYZERS) {
      const t0 = performance.now();
      annotations.push(...analyzer.analyze(article, annotations));
      ms[analyzer.name]! += performance.now() - t0;
    }
  }
  return ms;
}

/** Documents as paragraphs, added while that brings the article closer to ARTICLE_WORDS words. */
export async function articleTexts(dataDir: string, count: number): Promise<string[]> {
  const paragraphs = (await loadEcbPlus(dataDir)).map(({ article }) => leadingSentences(article.text.trim(), ARTICLE_WORDS));
  const out: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const p of paragraphs) {
    const n = wordCount(p);
    if (words > 0 && words + n - ARTICLE_WORDS > ARTICLE_WORDS - words) {
      out.push(current.join("\n\n"));
      if (out.length === count) break;
      current = [];
      words = 0;
    }
    current.push(p);
    words += n;
  }
  return out;
}

/** A document longer than an article is cut after the last sentence that fits. */
function leadingSentences(text: string, maxWords: number): string {
  if (wordCount(text) <= maxWords) return text;
  let kept = "";
  for (const sentence of text.split(/(?<=[.!?]['"”]?)\s+/)) {
    const next = kept ? `${kept} ${sentence}` : sentence;
    if (kept && wordCount(next) > maxWords) break;
    kept = next;
  }
  return kept;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function formatAnalysisSpeed(s: AnalysisSpeed): string[] {
  const f = (x: number, d = 2) => x.toFixed(d);
  return [
    `${s.articles} articles of ~${s.wordsPerArticle} words (ECB+ documents joined), one core, median of ${s.rounds} rounds`, "",
    "| analyzer | ms per article |", "|---|---|",
    ...Object.entries(s.msPerAnalyzer).map(([name, ms]) => `| ${name}${name === "sentences" ? " (incl. the shared wink pass)" : ""} | ${f(ms)} |`),
    `| **all analyzers** | **${f(s.msPerArticle)}** |`, "",
    `Analysis: ${f(s.articlesPerSecond, 0)} articles/s (target ≥ ${TARGET_ARTICLES_PER_SECOND}). ` +
      `NLP library alone (wink readDoc, pipe ${JSON.stringify(WINK_PIPE)}, tokens read out): ${f(s.baselineMsPerArticle)} ms per article, ` +
      `${f(1000 / s.baselineMsPerArticle, 0)} articles/s; analysis ÷ library = ${f(s.ratioToBaseline, 1)}×. ` +
      `wink with "pos" too (not run by the analyzers): ${f(s.taggingMsPerArticle)} ms per article.`,
  ];
}
