/**
 * A few neutral sentences on what a story establishes, each citing its claims and articles. Claims are ranked
 * by independent sources, then outlets, then how early they appear. Loaded labels are taken out
 * ("Venezuela's Commie Dictator Nicolas Maduro" → "Nicolas Maduro"; "the strongman" → "Nicolás Maduro"), a
 * dateline is dropped, and a claim that rests on one source says whose it is.
 */
import type { AnnotationOf, ArticleBundle, BriefSentence, Claim, Entity } from "../records.js";
import { foldName, STOPWORDS } from "../_lib/text.js";

const MAX_BRIEF_SENTENCES = 5;
const MAX_CONFLICT_SENTENCES = 2;
const ATTRIBUTED = /\b(according to|said|says|reported|reports|told|report|has learned|have learned)\b/i;
const DATELINE = /^[\p{Lu}][\p{Lu} .,'-]{2,40}\s[—–-]\s/u;

export function writeBrief(storyId: string, claims: readonly Claim[], bundles: readonly ArticleBundle[], entities: readonly Entity[]): BriefSentence[] {
  const ranked = [...claims]
    .filter((c) => c.status !== "conflicting")
    .sort((a, b) => b.independentSources - a.independentSources || b.outlets.length - a.outlets.length || firstOffset(a) - firstOffset(b));
  const brief: BriefSentence[] = ranked.slice(0, MAX_BRIEF_SENTENCES).map((claim) => ({
    storyId,
    sentence: attribute(neutralText(claim, bundles, entities).replace(DATELINE, ""), claim),
    claimIds: [claim.id],
    articleIds: [...new Set(claim.support.map((s) => s.articleId))],
  }));
  const seen = new Set<string>();
  for (const claim of claims.filter((c) => c.status === "conflicting")) {
    const c = claim.conflicts[0]!;
    const pair = [c.value, c.otherValue].sort().join("|");
    if (seen.has(pair) || seen.size >= MAX_CONFLICT_SENTENCES) continue;
    seen.add(pair);
    brief.push({
      storyId,
      sentence: `Sources disagree: ${c.source ?? "one source"} gives ${c.value}; ${c.otherSource ?? "another"} gives ${c.otherValue}.`,
      claimIds: claims.filter((o) => o.conflicts.some((x) => [x.value, x.otherValue].sort().join("|") === pair)).map((o) => o.id),
      articleIds: [...new Set([c.articleId, c.otherArticleId])],
    });
  }
  return brief;
}

/** The claim's sentence with each loaded label removed (before a name) or replaced by the name (standing alone). */
function neutralText(claim: Claim, bundles: readonly ArticleBundle[], entities: readonly Entity[]): string {
  const support = claim.support.find((s) => s.text === claim.text) ?? claim.support[0]!;
  const bundle = bundles.find((b) => b.article.id === support.articleId);
  if (!bundle) return claim.text;
  const text = bundle.article.text;
  const labels = bundle.annotations
    .filter((a): a is AnnotationOf<"label"> => a.kind === "label" && !a.field && a.loaded && a.span[0] >= support.start && a.span[1] <= support.end)
    .sort((a, b) => b.span[0] - a.span[0]);
  let out = text.slice(support.start, support.end);
  for (const label of labels) {
    const [start, end] = [label.span[0] - support.start, label.span[1] - support.start];
    const after = out.slice(end);
    const name = neutralName(label.entityName, entities);
    if (/^\s+\p{Lu}/u.test(after)) {
      out = out.slice(0, start) + after.trimStart(); // a name follows: the label goes
    } else {
      const before = out.slice(0, start).replace(/\b(the|a|an)\s$/i, "");
      out = before + name + after;
    }
  }
  return out.replace(/\s{2,}/g, " ").trim();
}

function neutralName(name: string, entities: readonly Entity[]): string {
  const key = foldName(name);
  return entities.find((e) => [e.name, ...e.aliases].some((n) => foldName(n) === key))?.name ?? name;
}

function attribute(text: string, claim: Claim): string {
  if (claim.independentSources !== 1 || ATTRIBUTED.test(text)) return text;
  const first = text.split(/\s/)[0] ?? "";
  const body = STOPWORDS.has(first.toLowerCase()) || /^(With|As|After|Before|On|In|Since|While|Despite|Meanwhile|However|One|Another|Some|Several|Many|Two|Three)$/.test(first)
    ? text[0]!.toLowerCase() + text.slice(1)
    : text;
  return `According to ${claim.primarySources[0]}, ${body}`;
}

const firstOffset = (claim: Claim): number => Math.min(...claim.support.map((s) => s.start));
