import type { AnnotationOf } from "../../records.js";
import { defineAnalyzer } from "../analyzer.js";
import { findLabels } from "./find.js";

export default defineAnalyzer({
  name: "labels",
  version: 1,
  kinds: ["label"],
  needs: ["entity"],
  analyze(article, prior) {
    const entities = prior.filter((a): a is AnnotationOf<"entity"> => a.kind === "entity");
    return findLabels(article.text, entities).map((l) => ({ kind: "label", ...l, by: "labels@1" }));
  },
});
