import { defineAnalyzer } from "../analyzer.js";
import { findNumbers } from "./find.js";

export default defineAnalyzer({
  name: "numbers",
  version: 1,
  kinds: ["number"],
  analyze(article) {
    return findNumbers(article.text).map((n) => ({ kind: "number", ...n, by: "numbers@1" }));
  },
});
