import { defineAnalyzer } from "../analyzer.js";
import { bindMentions } from "./bind.js";
import { findEntities } from "./find.js";

/**
 * 2: own recogniser on the shared wink tokens (was compromise's tagger): "U.S." is a place, "The" is not part of a name.
 * 3: mentions bound within the article (bind.ts): a surname, title + surname, role description, acronym or head word
 * carries the full name it refers to, with `via`, `confidence` and the `evidence` span that bound it.
 * 4: names run together split (a team before a player, "of" after a person, two title words after a name); a name of
 * several words after "in" or before ", <country>" is a place.
 */
const BY = "entities@4";

export default defineAnalyzer({
  name: "entities",
  version: 4,
  kinds: ["entity"],
  analyze(article) {
    const found = findEntities(article.text);
    return bindMentions(article.text, found, { outlet: article.outlet, url: article.url }).map(({ span, type, name, via, confidence, evidence }) =>
      via ? { kind: "entity", span, type, name, via, confidence, evidence: evidence ?? null, by: BY } : { kind: "entity", span, type, name, by: BY },
    );
  },
});
