import { tokenize } from "../../_lib/wink.js";
import type { Span } from "../../records.js";
import { defineAnalyzer } from "../analyzer.js";
import { bindMentions } from "./bind.js";
import { findEntities } from "./find.js";

/**
 * 2: own recogniser on the shared wink tokens (was compromise's tagger): "U.S." is a place, "The" is not part of a name.
 * 3: mentions bound within the article (bind.ts): a surname, title + surname, role description, acronym or head word
 * carries the full name it refers to, with `via`, `confidence` and the `evidence` span that bound it.
 * 4: names run together split (a team before a player, "of" after a person, two title words after a name); a name of
 * several words after "in" or before ", <country>" is a place. A bound mention's `evidenceSentence` is the sentence its
 * evidence is in (the report shows it).
 */
const BY = "entities@4";

export default defineAnalyzer({
  name: "entities",
  version: 4,
  kinds: ["entity"],
  analyze(article) {
    const found = findEntities(article.text);
    const sentenceOf = sentenceFinder(article.text);
    return bindMentions(article.text, found, { outlet: article.outlet, url: article.url }).map(({ span, type, name, via, confidence, evidence }) =>
      via
        ? { kind: "entity", span, type, name, via, confidence, evidence: evidence ?? null, evidenceSentence: evidence ? sentenceOf(evidence) : null, by: BY }
        : { kind: "entity", span, type, name, by: BY },
    );
  },
});

/** The sentence (or run of sentences) an evidence span is in, from the shared wink pass (cached: no second split). */
function sentenceFinder(text: string): (span: Span) => Span {
  let sentences: readonly Span[] | null = null;
  const at = (offset: number): number => {
    let lo = 0, hi = sentences!.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences![mid]![0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return (span) => {
    sentences ??= tokenize(text).sentences;
    if (!sentences.length) return span;
    return [Math.min(sentences[at(span[0])]![0], span[0]), Math.max(sentences[at(Math.max(span[0], span[1] - 1))]![1], span[1])];
  };
}
