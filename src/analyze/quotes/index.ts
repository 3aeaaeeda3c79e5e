import type { AnnotationOf } from "../../records.js";
import { defineAnalyzer } from "../analyzer.js";
import { findQuotes, resolvePronoun } from "./find.js";

export default defineAnalyzer({
  name: "quotes",
  version: 1,
  kinds: ["quote"],
  needs: ["entity"],
  analyze(article, prior) {
    const people = prior.filter((a): a is AnnotationOf<"entity"> => a.kind === "entity" && a.type === "person");
    return findQuotes(article.text, people).map((q) => {
      const resolved = resolvePronoun(article.text, q, people);
      return { kind: "quote", span: resolved.span, speaker: resolved.speaker, speakerSpan: resolved.speakerSpan, by: "quotes@1" };
    });
  },
});
