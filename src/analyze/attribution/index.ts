import type { AnnotationOf } from "../../records.js";
import { defineAnalyzer } from "../analyzer.js";
import { attributeSentences } from "./find.js";

export default defineAnalyzer({
  name: "attribution",
  version: 3,
  kinds: ["attribution"],
  needs: ["sentence", "entity", "quote", "citation"],
  analyze(article, prior) {
    const of = <K extends AnnotationOf<"sentence" | "citation" | "quote" | "entity">["kind"]>(kind: K) =>
      prior.filter((a): a is AnnotationOf<K> => a.kind === kind);
    return attributeSentences(article.text, of("sentence").map((s) => s.span), of("citation"), of("quote"), of("entity"))
      .map((a) => ({ kind: "attribution", ...a, by: "attribution@3" }));
  },
});
