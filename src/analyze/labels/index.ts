import type { AnnotationOf } from "../../records.js";
import { defineAnalyzer } from "../analyzer.js";
import { findEntities } from "../entities/find.js";
import { findLabels } from "./find.js";

/** 4: reads the bound entity mentions of entities@3 (a surname's label names the full name), not role descriptions. */
export default defineAnalyzer({
  name: "labels",
  version: 4,
  kinds: ["label"],
  needs: ["entity"],
  analyze(article, prior) {
    // Names as written (a bound surname carries its full name); a role description bound to a person is not a name to label.
    const entities = prior.filter((a): a is AnnotationOf<"entity"> => a.kind === "entity" && (!a.via || a.via === "surname" || a.via === "title"));
    const inText = findLabels(article.text, entities).map((l) => ({ kind: "label" as const, ...l, by: "labels@4" }));
    // Headlines frame hardest ("Commie Dictator Nicolas Maduro") and are not part of the text: read them too.
    const titleEntities = findEntities(article.title).map((e): AnnotationOf<"entity"> => ({ kind: "entity", ...e, by: "labels@4" }));
    const inTitle = findLabels(article.title, titleEntities).map((l) => ({ kind: "label" as const, ...l, field: "title" as const, by: "labels@4" }));
    return [...inText, ...inTitle];
  },
});
