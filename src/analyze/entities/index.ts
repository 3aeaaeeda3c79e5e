import { defineAnalyzer } from "../analyzer.js";
import { findEntities } from "./find.js";

/** 2: own recogniser on the shared wink tokens (was compromise's tagger): "U.S." is a place, "The" is not part of a name. */
const BY = "entities@2";

export default defineAnalyzer({
  name: "entities",
  version: 2,
  kinds: ["entity"],
  analyze(article) {
    return findEntities(article.text).map(({ span, type, name }) => ({ kind: "entity", span, type, name, by: BY }));
  },
});
