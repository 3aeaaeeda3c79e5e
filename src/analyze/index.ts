/**
 * The analyzers, in order: later ones read earlier output (`needs`), so entities come before quotes, labels
 * and citations. To add one, make a folder with index.ts/find.ts and list it here.
 */
import type { Annotation, Article } from "../records.js";
import type { Analyzer } from "./analyzer.js";
import attribution from "./attribution/index.js";
import citations from "./citations/index.js";
import cues from "./cues/index.js";
import dates from "./dates/index.js";
import entities from "./entities/index.js";
import labels from "./labels/index.js";
import numbers from "./numbers/index.js";
import quotes from "./quotes/index.js";
import sentences from "./sentences/index.js";

export const ANALYZERS: readonly Analyzer[] = [sentences, entities, numbers, dates, quotes, labels, citations, attribution, cues];

export function analyzeArticle(article: Article, analyzers: readonly Analyzer[] = ANALYZERS): Annotation[] {
  const annotations: Annotation[] = [];
  for (const analyzer of analyzers) {
    for (const kind of analyzer.needs ?? []) {
      if (!analyzers.slice(0, analyzers.indexOf(analyzer)).some((a) => a.kinds.includes(kind))) {
        throw new Error(`[triangulate] [analyze] analyzer "${analyzer.name}" needs "${kind}", which no earlier analyzer emits`);
      }
    }
    annotations.push(...analyzer.analyze(article, annotations));
  }
  return annotations;
}
