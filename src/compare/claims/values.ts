/**
 * The values one wording of a claim gives, read from the analyzers' annotations inside it: numbers with what they
 * count, dates (resolved, with their granularity), places and names. The proposition aligns the wordings; these
 * are what is then compared (conflicts.ts).
 */
import type { AnnotationOf, ArticleBundle, ClaimValue, Span } from "../../records.js";
import { foldName } from "../../_lib/text.js";

const inside = (span: Span, [start, end]: Span) => span[0] >= start && span[1] <= end;

export function claimValues(bundle: ArticleBundle, sentence: { span: Span; field?: "title" }): ClaimValue[] {
  if (sentence.field === "title") return []; // headlines carry no annotations: their body states the values in full
  const text = bundle.article.text;
  const out: ClaimValue[] = [];
  const seen = new Set<string>();
  const annotations = [...bundle.annotations].filter((a) => inside(a.span, sentence.span)).sort((a, b) => a.span[0] - b.span[0]);
  for (const a of annotations) {
    const said = text.slice(a.span[0], a.span[1]);
    let value: ClaimValue | null = null;
    if (a.kind === "number") value = { kind: "number", text: said, value: `${a.value}${a.unit ? ` ${a.unit}` : ""}`, counts: a.counts };
    else if (a.kind === "date") value = { kind: "date", text: said, value: a.date };
    else if (a.kind === "entity" && a.type !== "other") value = { kind: a.type === "place" ? "place" : "name", text: said, value: foldName(a.name) };
    if (!value) continue;
    const key = `${value.kind}|${value.value}|${value.counts ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/** The predicate and participants of a wording: its people, bodies and places named, and its content words between them. */
export function propositionOf(bundle: ArticleBundle, sentence: { span: Span; field?: "title" }, text: string): { predicate: string; participants: string[] } {
  const entities = sentence.field
    ? []
    : bundle.annotations.filter((a): a is AnnotationOf<"entity"> => a.kind === "entity" && a.type !== "other" && inside(a.span, sentence.span));
  const participants = [...new Set(entities.map((e) => e.name))];
  const verb = PREDICATE.exec(text.replace(/[“”"][^“”"]*[“”"]/g, " "));
  return { predicate: verb ? verb[0].toLowerCase() : "", participants };
}

/**
 * The first finite verb phrase: an auxiliary or a past/present verb form with what follows it, up to four words
 * ("has offered", "will cut", "declared him the winner"). A rough reading, for display and for joining a report's
 * claims by what they assert; the comparison itself does not depend on it.
 */
const PREDICATE = /\b(?:(?:has|have|had|is|are|was|were|will|would|could|may|might|did|does)\s+(?:not\s+)?\p{L}+|\p{L}{3,}(?:ed|es))\b(?:\s+\p{L}+){0,3}/u;
