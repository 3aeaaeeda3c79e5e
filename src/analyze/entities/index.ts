import { defineAnalyzer } from "../analyzer.js";
import { findEntities } from "./find.js";

export default defineAnalyzer({
  name: "entities",
  version: 1,
  kinds: ["entity"],
  analyze(article) {
    return findEntities(article.text).map(({ span, type, name }) => ({ kind: "entity", span, type, name, by: "entities@1" }));
  },
});
