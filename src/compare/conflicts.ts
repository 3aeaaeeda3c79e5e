/**
 * Conflicting numbers: two claims of one story that count the same thing ("52% of the votes", "67% of the
 * vote") with values too far apart to be rounding. Each side keeps who says it (DOMAIN.md: a conflict is between
 * sources, and one outlet may carry both).
 */
import type { AnnotationOf, ArticleBundle, Claim } from "../records.js";
import type { AlignedClaim } from "./claims/align-claims.js";

/** Relative difference under which two values are the same number, rounded ("7.3 million" vs "7 million"). */
const SAME_VALUE_TOLERANCE = 0.05;
const VAGUE = /^(dozens|hundreds|thousands|millions|tens|several|many)\b/i;
const BOUNDED = /\b(over|under|at least|at most|nearly|almost|about|around|roughly|more than|less than|fewer than|up to|some)\s*$/i;

interface CountedValue {
  claim: Claim;
  articleId: string;
  value: number;
  text: string;
  key: string;
  source: string | null;
}

export function markConflicts(aligned: readonly AlignedClaim[], bundles: readonly ArticleBundle[]): void {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const values: CountedValue[] = [];
  for (const { claim, sentences } of aligned) {
    for (const s of sentences) {
      const bundle = byId.get(s.articleId)!;
      for (const n of bundle.annotations) {
        if (n.kind !== "number" || !n.counts || n.span[0] < s.span[0] || n.span[1] > s.span[1]) continue;
        const said = bundle.article.text.slice(n.span[0], n.span[1]);
        const before = bundle.article.text.slice(Math.max(0, n.span[0] - 14), n.span[0]);
        if (VAGUE.test(said) || BOUNDED.test(before)) continue; // "thousands", "over 2,400": bounds agree with many values
        const key = `${n.unit ?? ""}|${n.counts.toLowerCase().replace(/s$/, "")}`;
        values.push({ claim, articleId: s.articleId, value: n.value, text: bundle.article.text.slice(n.span[0], n.span[1]), key, source: sayer(bundle, s.span) });
      }
    }
  }
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const [a, b] = [values[i]!, values[j]!];
      if (a.key !== b.key || a.claim === b.claim && a.value === b.value) continue;
      if (Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value), 1e-9) <= SAME_VALUE_TOLERANCE) continue;
      a.claim.conflicts.push({ value: a.text, otherValue: b.text, articleId: a.articleId, otherArticleId: b.articleId, source: a.source, otherSource: b.source });
      if (b.claim !== a.claim) {
        b.claim.conflicts.push({ value: b.text, otherValue: a.text, articleId: b.articleId, otherArticleId: a.articleId, source: b.source, otherSource: a.source });
      }
    }
  }
  for (const { claim } of aligned) if (claim.conflicts.length) claim.status = "conflicting";
}

/** Who states the sentence: its citation, else its first named body or person, else its subject words. */
function sayer(bundle: ArticleBundle, span: readonly [number, number]): string | null {
  const inside = <K extends "citation" | "entity">(kind: K) =>
    bundle.annotations.filter((a): a is AnnotationOf<K> => a.kind === kind && a.span[0] >= span[0] && a.span[1] <= span[1]) as AnnotationOf<K>[];
  const citation = inside("citation")[0];
  if (citation) return citation.source;
  const sentence = bundle.article.text
    .slice(span[0], span[1])
    .replace(/^[^,]{0,25},\s*/, "") // "In contrast, …"
    .replace(/,\s(?:which|who|whose)\b[^,]*,/, ""); // ", which supports Maduro,"
  const subject = /^((?:the\s)?[\p{L}'’ -]{2,40}?)\s(?:insists?|declared|said|says|claims?|announced|reported|won|showed|shows|stated|argues?)\b/iu.exec(sentence);
  if (subject) return subject[1]!.trim();
  const entity = inside("entity").find((e) => e.type === "org" || e.type === "person");
  return entity?.name ?? null;
}
