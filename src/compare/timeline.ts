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
  inferYears(entries, bundles);
  return entries.map(({ terms: _terms, ...entry }) => entry).sort((a, b) => compareCodeUnits(sortKey(a.date), sortKey(b.date)));
}

const DAY_MS = 86_400_000;

/**
 * A date given without a year ("--01", "--08-11") takes the year of its occurrence nearest the story's first
 * publication date, when that is also the occurrence nearest its last one: the story's dated articles bound it
 * (a story published 11 Aug 2024 that says "January" means January 2025, ~5 months on, not ~7 months back). Then
 * it merges with an entry giving the same date with its year and saying the same thing. Stories with no dated
 * article, or spanning so long that the nearest year differs between first and last, keep "year unknown".
 */
export function inferYears(entries: (TimelineEntry & { terms: ClaimTerms })[], bundles: readonly ArticleBundle[]): void {
  const published = bundles.map((b) => Date.parse(b.article.publishedAt?.slice(0, 10) ?? "")).filter((t) => !Number.isNaN(t));
  if (!published.length) return;
  const [first, last] = [Math.min(...published), Math.max(...published)];
  for (const entry of [...entries]) {
    const m = /^--(\d{2})(?:-(\d{2}))?$/.exec(entry.date);
    if (!m) continue;
    const year = nearestYear(first, Number(m[1]), m[2] ? Number(m[2]) : null);
    if (year === null || year !== nearestYear(last, Number(m[1]), m[2] ? Number(m[2]) : null)) continue;
    const date = `${year}${entry.date.slice(1)}`;
    const same = entries.find((e) => e !== entry && e.date === date && claimSimilarity(e.terms, entry.terms) >= SAME_ENTRY_SIMILARITY);
    if (!same) {
      Object.assign(entry, { date, yearInferred: true });
      continue;
    }
    for (const id of entry.articleIds) if (!same.articleIds.includes(id)) same.articleIds.push(id);
    for (const s of entry.support) if (!same.support.some((x) => x.articleId === s.articleId && x.start === s.start)) same.support.push(s);
    entries.splice(entries.indexOf(entry), 1);
  }
}

/** The year whose (month, day) is nearest `at`; a month alone is taken at its middle. */
function nearestYear(at: number, month: number, day: number | null): number | null {
  const y = new Date(at).getUTCFullYear();
  const candidates = [y - 1, y, y + 1].map((year) => ({ year, t: Date.UTC(year, month - 1, day ?? 15) }));
  candidates.sort((a, b) => Math.abs(a.t - at) - Math.abs(b.t - at));
  return Math.abs(candidates[0]!.t - at) < 200 * DAY_MS ? candidates[0]!.year : null;
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
