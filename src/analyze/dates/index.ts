import { defineAnalyzer } from "../analyzer.js";
import { findDates } from "./find.js";

export default defineAnalyzer({
  name: "dates",
  version: 1,
  kinds: ["date"],
  analyze(article) {
    return findDates(article.text, article.publishedAt).map((d) => ({ kind: "date", ...d, by: "dates@1" }));
  },
});
