import type { AnnotationOf } from "../../records.js";
import { defineAnalyzer } from "../analyzer.js";
import { findQuotes } from "./find.js";
import { findIndirectQuotes } from "./indirect.js";
import { resolveSpeakers } from "./refer.js";
import { carryReportedSpeakers } from "./carry.js";

export default defineAnalyzer({
  name: "quotes",
  version: 4,
  kinds: ["quote"],
  needs: ["sentence", "entity"],
  analyze(article, prior) {
    const entities = prior.filter((a): a is AnnotationOf<"entity"> => a.kind === "entity");
    const sentences = prior.filter((a): a is AnnotationOf<"sentence"> => a.kind === "sentence").map((s) => s.span);
    const direct = findQuotes(article.text, entities, sentences.map((s) => s[0]));
    const indirect = findIndirectQuotes(article.text, sentences, direct, entities);
    const ordered = carryReportedSpeakers(article.text, [...direct, ...indirect].sort((a, b) => a.span[0] - b.span[0]), sentences);
    return resolveSpeakers(article.text, ordered, entities, sentences.map((s) => s[0]))
      .map((q) => ({
        kind: "quote" as const, span: q.span, speaker: q.speaker, speakerSpan: q.speakerSpan, form: q.form, speakerKind: q.speakerKind,
        by: "quotes@4",
      }));
  },
});

