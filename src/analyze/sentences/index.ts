import { tokenize } from "../../_lib/wink.js";
import { defineAnalyzer } from "../analyzer.js";

export default defineAnalyzer({
  name: "sentences",
  version: 1,
  kinds: ["sentence"],
  analyze(article) {
    return tokenize(article.text).sentences.map((span) => ({ kind: "sentence", span, by: "sentences@1" }));
  },
});
