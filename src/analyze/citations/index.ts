import type { AnnotationOf } from "../../records.js";
import { defineAnalyzer } from "../analyzer.js";
import { findCitations } from "./find.js";

export default defineAnalyzer({
  name: "citations",
  version: 2,
  kinds: ["citation"],
  needs: ["entity"],
  analyze(article, prior) {
    const people = prior.filter((a): a is AnnotationOf<"entity"> => a.kind === "entity" && a.type === "person");
    return findCitations(article.text, people, domainOf(article.url)).map((c) => ({ kind: "citation", ...c, by: "citations@2" }));
  },
});

function domainOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
