/**
 * Dated happenings of a story: each date mention with the sentence that states it, merged across articles when
 * the date is the same and the sentences say the same thing. Dates keep their granularity; entries whose year
 * is unknown ("--11-21") sort after the dated ones, by month and day.
 */
import type { ArticleBundle, Claim, TimelineEntry } from "../records.js";
import { type ClaimTerms, claimSimilarity, claimTerms } from "./claims/similarity.js";

/** Same date and this similar: one happening told twice. Lower than claim alignment: the date already agrees. */
const SAME_ENTRY_SIMILARITY = 0.15;

export function buildTimeline(storyId: string, bundles: readonly ArticleBundle[]): TimelineEntry[] {
  const entries: (TimelineEntry & { terms: ClaimTerms })[] = [];
  for (const { article, annotations } of bundles) {
    const sentences = annotations.filter((a) => a.kind === "sentence");
    for (const d of annotations) {
      if (d.kind !== "date") continue;
      const sentence = sentences.find((s) => s.span[0] <= d.span[0] && d.span[1] <= s.span[1]);
      if (!sentence) continue;
      const text = article.text.slice(sentence.span[0], sentence.span[1]).trim();
      const support = { articleId: article.id, start: sentence.span[0], end: sentence.span[1], text };
      const terms = claimTerms(text);
      const same = entries.find((e) => e.date === d.date && claimSimilarity(e.terms, terms) >= SAME_ENTRY_SIMILARITY);
      if (same) {
        if (!same.articleIds.includes(article.id)) same.articleIds.push(article.id);
        if (!same.support.some((s) => s.articleId === article.id && s.start === support.start)) same.support.push(support);
        continue;
      }
      entries.push({ date: d.date, text, storyId, articleIds: [article.id], support: [support], terms });
    }
  }
  return entries.map(({ terms: _terms, ...entry }) => entry).sort((a, b) => compareCodeUnits(sortKey(a.date), sortKey(b.date)));
}

/** "~" sorts after digits in code-unit order (localeCompare would ignore it as punctuation). */
const sortKey = (date: string): string => (date.startsWith("--") ? `~${date}` : date);
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Marks the entries of a happening whose date the articles dispute (a claim with a date conflict, conflicts.ts):
 * each entry stated by one of the claim's wordings lists the other dates given for it.
 */
export function markDisputedDates(timeline: TimelineEntry[], claims: readonly Claim[]): void {
  for (const claim of claims) {
    const dates = new Set(claim.conflicts.flatMap((c) => (c.kind === "date" && c.dates ? c.dates : [])));
    if (!dates.size) continue;
    for (const entry of timeline) {
      if (!dates.has(entry.date)) continue;
      const stated = entry.support.some((e) => claim.support.some((s) => !s.field && s.articleId === e.articleId && s.start === e.start));
      if (!stated) continue;
      const others = [...dates].filter((d) => d !== entry.date).sort();
      entry.conflictingDates = [...new Set([...(entry.conflictingDates ?? []), ...others])].sort();
    }
  }
}
