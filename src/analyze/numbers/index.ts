import { by, defineAnalyzer } from "../analyzer.js";
import { findNumbers } from "./find.js";

const ID = { name: "numbers", version: 2 };

export default defineAnalyzer({
  ...ID,
  kinds: ["number"],
  analyze(article) {
    return findNumbers(article.text).map((n) => ({ kind: "number", ...n, by: by(ID) }));
  },
});
