import { by, defineAnalyzer } from "../analyzer.js";
import { findDates } from "./find.js";

const ID = { name: "dates", version: 2 };

export default defineAnalyzer({
  ...ID,
  kinds: ["date"],
  analyze(article) {
    return findDates(article.text, article.publishedAt).map((d) => ({ kind: "date", ...d, by: by(ID) }));
  },
});
