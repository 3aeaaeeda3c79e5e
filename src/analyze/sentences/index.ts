import { tokenize } from "../../_lib/wink.js";
import { defineAnalyzer } from "../analyzer.js";
import { joinFalseBreaks } from "./join.js";

export default defineAnalyzer({
  name: "sentences",
  version: 2,
  kinds: ["sentence"],
  analyze(article) {
    return joinFalseBreaks(article.text, tokenize(article.text).sentences).map((span) => ({ kind: "sentence", span, by: "sentences@2" }));
  },
});
