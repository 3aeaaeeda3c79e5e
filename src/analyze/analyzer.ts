import type { Annotation, AnnotationKind, Article } from "../records.js";

/** An analyzer is a plain object; `defineAnalyzer` only helps type inference. */
export interface Analyzer<K extends AnnotationKind = AnnotationKind> {
  name: string;
  /** Bump when the output changes. */
  version: number;
  kinds: readonly K[];
  /** Kinds read from earlier analyzers' output: the list order in index.ts must satisfy them. */
  needs?: readonly AnnotationKind[];
  analyze(article: Article, prior: readonly Annotation[]): (Annotation & { kind: NoInfer<K> })[];
}

export const defineAnalyzer = <K extends AnnotationKind>(analyzer: Analyzer<K>): Analyzer<K> => analyzer;

export const by = (analyzer: { name: string; version: number }): string => `${analyzer.name}@${analyzer.version}`;
