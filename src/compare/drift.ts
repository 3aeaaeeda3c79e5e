/**
 * Drift: what changes as a statement travels between articles (DOMAIN.md). Three kinds, each read from what the
 * analyzers already marked, so each is as good as its analyzer:
 * - a hedge dropped: one wording of an aligned claim carries a hedge cue ("alleged", "reportedly") or a hedged
 *   number ("at least 80") that another article's wording of it lacks;
 * - a number changed: one counted thing given as another value by two articles that rest on the same primary
 *   source (between different sources that is a conflict, marked in conflicts.ts, not drift);
 * - a quote trimmed: one article's direct quotation is a shorter run of another's words;
 * - a tentative claim made firm, a precise figure rounded (drift-wording.ts).
 * Direction: `from` is the version published first; with no dates, the one that names the primary source, then
 * the fuller one. A hedge that only the later version has was added, not dropped, and is not reported.
 */
import type { AnnotationOf, Article, ArticleBundle, Drift, Span, TextSupport } from "../records.js";
import { foldName } from "../_lib/text.js";
import { ALIGN_THRESHOLD, type AlignedClaim } from "./claims/align-claims.js";
import { sayTheSame } from "./claims/similarity.js";
import type { ClaimSentence } from "./claims/find-claims.js";
import { hardenedHedge, roundedFigures } from "./drift-wording.js";

/** A quotation this short is a phrase ("everything on the table"); its being in a longer quote is no trim. */
const MIN_TRIMMED_QUOTE_WORDS = 4;
/** The fuller quote must have this many more words for the cut to matter to a reader. */
const MIN_WORDS_CUT = 4;
/** Two values this close are the same figure written twice ("7.3 million" and "7.3m"). */
const SAME_VALUE = 1e-9;
/**
 * A figure changed in relaying is rounded or mistyped, not replaced: beyond half its size it is another figure
 * ("five injured" and "twelve killed"; a year's revenue and a quarter's), which the census showed every time.
 */
const MAX_DRIFT = 0.5;

const isDriftedFigure = (from: number, to: number): boolean => {
  const change = Math.abs(to - from) / Math.max(Math.abs(from), Math.abs(to), 1e-9);
  return change > SAME_VALUE && change <= MAX_DRIFT;
};

export function findDrift(storyId: string, aligned: readonly AlignedClaim[], bundles: readonly ArticleBundle[]): Drift[] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const drift: Drift[] = [];
  for (const { claim, sentences } of aligned) {
    const versions = sentences.filter((s) => !s.field).map((s) => ({ s, bundle: byId.get(s.articleId)!, source: sourceOf(claim.sources, sentences.indexOf(s)) }));
    for (const a of versions) {
      for (const b of versions) {
        if (a.s.articleId === b.s.articleId) continue;
        // Undated, a hedge one wording has and another lacks is reported from the hedged one: the reader needs
        // to know the claim is held at a distance somewhere, whichever came first.
        if (!publishedAfter(a, b)) for (const hedge of droppedHedges(a, b)) {
          drift.push({ storyId, kind: "hedge-dropped", claimId: claim.id, from: supportOf(a.bundle, a.s.span), to: supportOf(b.bundle, b.s.span), detail: `“${hedge}” dropped` });
        }
        if (!publishedAfter(a, b) && isEarlier(a, b)) {
          const hardened = hardenedHedge(a.s.text, b.s.text);
          if (hardened) drift.push({ storyId, kind: "hedge-dropped", claimId: claim.id, from: supportOf(a.bundle, a.s.span), to: supportOf(b.bundle, b.s.span), detail: `“${hardened}” dropped` });
          for (const change of roundedFigures(a.bundle, a.s.span, b.bundle, b.s.span)) {
            drift.push({ storyId, kind: "number-changed", claimId: claim.id, from: supportOf(a.bundle, a.s.span), to: supportOf(b.bundle, b.s.span), detail: `${change} (rounded)` });
          }
        }
        if (a.source === null || a.source !== b.source || !isEarlier(a, b)) continue;
        for (const n of countsOf(a.bundle, a.s)) {
          const other = countsOf(b.bundle, b.s).find((m) => m.key === n.key);
          if (!other || !isDriftedFigure(n.value, other.value) || !sayTheSame(a.s.text, b.s.text, ALIGN_THRESHOLD)) continue;
          drift.push({ storyId, kind: "number-changed", claimId: claim.id, from: supportOf(a.bundle, a.s.span), to: supportOf(b.bundle, b.s.span), detail: `${n.text} → ${other.text}` });
        }
      }
    }
  }
  drift.push(...trimmedQuotes(storyId, aligned, bundles));
  return dedupe(drift);
}

interface Version {
  s: ClaimSentence;
  bundle: ArticleBundle;
  /** The key of the primary source this wording rests on. */
  source: string | null;
}

function sourceOf(sources: readonly { name: string; support: number[] }[] | undefined, index: number): string | null {
  return sources?.find((x) => x.support.includes(index))?.name ?? null;
}

function publishedAfter(a: Version, b: Version): boolean {
  const [da, db] = [dayOf(a.bundle.article), dayOf(b.bundle.article)];
  return !!da && !!db && da > db;
}

/** Is `a` the version `b` drifted from: published before it, or, undated, the one that names its source? */
function isEarlier(a: Version, b: Version): boolean {
  const [da, db] = [dayOf(a.bundle.article), dayOf(b.bundle.article)];
  if (da && db && da !== db) return da < db;
  const named = (v: Version) => v.bundle.annotations.some((x) => x.kind === "attribution" && x.cueSpan && x.span[0] < v.s.span[1] && x.span[1] > v.s.span[0]);
  if (named(a) !== named(b)) return named(a);
  const [la, lb] = [a.s.span[1] - a.s.span[0], b.s.span[1] - b.s.span[0]];
  return la !== lb ? la > lb : a.s.articleId < b.s.articleId;
}

const dayOf = (article: Article): string | null => article.publishedAt?.slice(0, 10) ?? null;

/**
 * The hedges of one wording that another wording of the claim states without: a hedge word whose stem the other
 * lacks ("alleged" against "allegations of" is no drop) while the other states what it hedged (the word after
 * it: "alleged drug boats" → "drug boats"), unless the other holds it at a distance in its own way (another hedge,
 * or an attribution: "the pirates were from Somalia, Sinha said"); a hedged figure ("at least 80") that the other gives bare, with the
 * same value ("at least 1,800" against "more than 1,000" is a different figure, not a dropped hedge).
 */
function droppedHedges(a: Version, b: Version): string[] {
  // Held at a distance in its own way ("allegedly" for "reportedly", "Sinha said"): nothing was dropped.
  const distanced = b.bundle.annotations.some((y) => inside(y.span, b.s.span) && y.kind === "cue" && y.cue === "hedge")
    || b.bundle.annotations.some((y) => y.kind === "attribution" && y.cueSpan && y.span[0] < b.s.span[1] && y.span[1] > b.s.span[0]);
  if (distanced) return [];
  const textA = a.bundle.article.text;
  const textB = b.s.text.toLowerCase();
  const out: string[] = [];
  for (const x of a.bundle.annotations) {
    if (!inside(x.span, a.s.span)) continue;
    if (x.kind === "cue" && x.cue === "hedge") {
      const stem = x.term.toLowerCase().slice(0, 5);
      const hedged = /^\s*([\p{L}-]+)/u.exec(textA.slice(x.span[1]))?.[1]?.toLowerCase();
      if (!textB.includes(stem) && hedged && new RegExp(`\\b${escapeRegExp(hedged)}\\b`, "u").test(textB)) out.push(x.term);
    }
    if (x.kind === "number" && x.hedge && x.counts) {
      const bare = b.bundle.annotations.some(
        (y) => y.kind === "number" && inside(y.span, b.s.span) && !y.hedge && y.value === x.value && y.counts?.toLowerCase() === x.counts!.toLowerCase(),
      );
      if (bare) out.push(`${x.hedge} ${textA.slice(x.span[0], x.span[1])}`);
    }
  }
  return out;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function countsOf(bundle: ArticleBundle, s: ClaimSentence): { key: string; value: number; text: string }[] {
  return bundle.annotations
    .filter((a): a is AnnotationOf<"number"> => a.kind === "number" && !!a.counts && inside(a.span, s.span))
    .map((a) => ({ key: `${a.unit ?? ""}|${a.counts!.toLowerCase().replace(/s$/, "")}`, value: a.value, text: bundle.article.text.slice(a.span[0], a.span[1]) }));
}

/** Direct quotations of the story that are a shorter run of another article's quotation, cut at either end. */
function trimmedQuotes(storyId: string, aligned: readonly AlignedClaim[], bundles: readonly ArticleBundle[]): Drift[] {
  const quotes = bundles.flatMap((bundle) =>
    bundle.annotations
      .filter((a): a is AnnotationOf<"quote"> => a.kind === "quote" && a.form !== "indirect")
      .map((q) => {
        const words = foldName(bundle.article.text.slice(q.span[0], q.span[1])).split(" ").filter(Boolean);
        return { bundle, span: q.span, words, padded: ` ${words.join(" ")} ` };
      }),
  );
  const claimOf = (articleId: string, span: Span) =>
    aligned.find(({ sentences }) => sentences.some((s) => s.articleId === articleId && !s.field && s.span[0] <= span[0] && span[1] <= s.span[1]))?.claim.id ?? null;
  const drift: Drift[] = [];
  for (const cut of quotes) {
    if (cut.words.length < MIN_TRIMMED_QUOTE_WORDS) continue;
    // One entry per trimmed quote, from the fullest version of it: five outlets quoting a speech are not five drifts.
    const full = quotes
      .filter((f) => f.bundle !== cut.bundle && f.words.length - cut.words.length >= MIN_WORDS_CUT && f.padded.includes(cut.padded))
      .sort((x, y) => y.words.length - x.words.length || (x.bundle.article.id < y.bundle.article.id ? -1 : 1))[0];
    if (full) {
      drift.push({
        storyId,
        kind: "quote-trimmed",
        claimId: claimOf(cut.bundle.article.id, cut.span),
        from: supportOf(full.bundle, full.span),
        to: supportOf(cut.bundle, cut.span),
        detail: `quote cut from ${full.words.length} to ${cut.words.length} words`,
      });
    }
  }
  return drift;
}

const inside = (span: Span, outer: Span): boolean => span[0] >= outer[0] && span[1] <= outer[1];

const supportOf = (bundle: ArticleBundle, span: Span): TextSupport => ({
  articleId: bundle.article.id,
  start: span[0],
  end: span[1],
  text: bundle.article.text.slice(span[0], span[1]),
});

/** One entry per kind, pair of spans and change; sorted so the same input gives the same list. */
function dedupe(drift: Drift[]): Drift[] {
  const key = (d: Drift) => [d.kind, d.from.articleId, d.from.start, d.to.articleId, d.to.start, d.detail].join("|");
  return [...new Map(drift.map((d) => [key(d), d])).values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
