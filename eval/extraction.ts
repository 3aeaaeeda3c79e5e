/**
 * Extraction accuracy on trafilatura's 990-page benchmark, scored the way its own evaluation does: for every
 * page, each "with" segment found in our text is a true positive (else a false negative), each "without"
 * segment found is a false positive (else a true negative), summed over all pages. Matching is substring
 * search after collapsing whitespace on both sides, case-sensitive. Only `Article.text` is searched: captions,
 * embeds and the title are not. A skipped page has empty text (all its "with" segments are misses).
 *
 * The baseline, Mozilla Readability on linkedom, is scored the same way on its `textContent` ("" when it finds no
 * article or throws), and all three contenders of extraction-baseline.ts are timed on the same decoded pages.
 *
 * Metadata accuracy, over the pages whose gold value is non-empty (a missing value counts as wrong):
 * - title: equal after lower-casing and dropping everything but letters and digits (punctuation, quotes,
 *   spacing differences are forgiven; a missing or extra word is not);
 * - author: the gold names (split on commas, "and"/"und", "&", ";"; "By"/"Von" stripped) compared as a set
 *   with ours under the same normalisation: `exact` needs equal sets, `overlap` one shared name;
 * - date: our publishedAt falls on the gold day (YYYY-MM-DD prefix equal).
 */
import { type Article, isSkip, type Skip } from "../src/records.js";
import { measureThroughput, type Throughput } from "./extraction-baseline.js";
import { type EvalPage, loadEvalPages } from "./extraction-data.js";

export interface FieldAccuracy {
  correct: number;
  total: number;
  accuracy: number;
}

export interface PageResult {
  file: string;
  missed: string[];
  leaked: string[];
  skip: string | null;
}

/** Segment counts summed over the pages, and the scores from them. */
export interface SegmentScore {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export interface ExtractionScore extends SegmentScore {
  pages: number;
  skipped: Record<string, number>;
  extractedBy: Record<string, number>;
  metadata: { title: FieldAccuracy; authorExact: FieldAccuracy; authorOverlap: FieldAccuracy; date: FieldAccuracy };
  /** Mozilla Readability (default options) on linkedom, its textContent scored the same way. */
  readability: SegmentScore & { noArticle: number; threw: number };
  /** Ours, Readability and htmlparser2's parse alone, timed on the decoded pages (extraction-baseline.ts). */
  throughput: Throughput;
  seconds: number;
  /** Per-page misses and leaks, only with `details`. */
  details?: PageResult[];
}

/** `rounds` of throughput timing (default 3, the best counts: one slow round on a shared machine must not fail the gate); the first round's outputs are the ones scored. */
export async function evalExtraction(dataDir: string, opts: { limit?: number; details?: boolean; rounds?: number } = {}): Promise<ExtractionScore> {
  const started = performance.now();
  const pages = await loadEvalPages(dataDir, opts.limit);
  const ours = { counts: counts(), skipped: {} as Record<string, number>, extractedBy: {} as Record<string, number>, details: [] as PageResult[] };
  const meta = { title: tally(), authorExact: tally(), authorOverlap: tally(), date: tally() };
  const theirs = { counts: counts(), noArticle: 0, threw: 0 };

  const scoreOurs = (i: number, result: Article | Skip) => {
    const page = pages[i]!;
    const article = isSkip(result) ? null : result;
    if (isSkip(result)) ours.skipped[result.skip] = (ours.skipped[result.skip] ?? 0) + 1;
    else ours.extractedBy[result.extractedBy] = (ours.extractedBy[result.extractedBy] ?? 0) + 1;
    const { missed, leaked } = scoreSegments(page, article?.text ?? "", ours.counts);
    scoreMetadata(page, article, meta);
    if (opts.details) ours.details.push({ file: page.file, missed, leaked, skip: isSkip(result) ? result.skip : null });
  };
  const scoreReadability = (i: number, text: string | null) => {
    if (text === null) theirs.threw++;
    else if (!text.trim()) theirs.noArticle++;
    scoreSegments(pages[i]!, text ?? "", theirs.counts);
  };
  const inspect = { ours: scoreOurs, readability: scoreReadability };
  const throughput = await measureThroughput(dataDir, { limit: opts.limit, rounds: opts.rounds ?? 3, inspect });
  if (throughput.pages !== pages.length) throw new Error(`[triangulate] [eval] timed ${throughput.pages} pages but scored ${pages.length}`);

  return {
    pages: pages.length,
    skipped: ours.skipped,
    extractedBy: ours.extractedBy,
    ...segmentScore(ours.counts),
    metadata: {
      title: finish(meta.title),
      authorExact: finish(meta.authorExact),
      authorOverlap: finish(meta.authorOverlap),
      date: finish(meta.date),
    },
    readability: { ...segmentScore(theirs.counts), noArticle: theirs.noArticle, threw: theirs.threw },
    throughput,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    ...(opts.details ? { details: ours.details } : {}),
  };
}

type Counts = Pick<SegmentScore, "tp" | "fn" | "fp" | "tn">;
const counts = (): Counts => ({ tp: 0, fn: 0, fp: 0, tn: 0 });

/** Adds one page's segments to `into`; whitespace is collapsed on both sides, so any extractor's text compares alike. */
function scoreSegments(page: EvalPage, text: string, into: Counts): { missed: string[]; leaked: string[] } {
  const squashed = squash(text);
  const missed = page.with.filter((s) => !squashed.includes(squash(s)));
  const leaked = page.without.filter((s) => squashed.includes(squash(s)));
  into.tp += page.with.length - missed.length;
  into.fn += missed.length;
  into.fp += leaked.length;
  into.tn += page.without.length - leaked.length;
  return { missed, leaked };
}

function segmentScore(c: Counts): SegmentScore {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    ...c,
    precision: round4(precision),
    recall: round4(recall),
    f1: round4(ratio(2 * precision * recall, precision + recall)),
    accuracy: round4(ratio(c.tp + c.tn, c.tp + c.tn + c.fp + c.fn)),
  };
}

type Tally = { correct: number; total: number };

function scoreMetadata(page: EvalPage, article: Article | null, meta: Record<"title" | "authorExact" | "authorOverlap" | "date", Tally>): void {
  const { title, authors, date } = page.gold;
  if (title) count(meta.title, !!article && textKey(article.title) === textKey(title));
  if (authors) {
    const gold = new Set(authors.flatMap(splitNames).map(textKey));
    const ours = new Set((article?.authors ?? []).flatMap(splitNames).map(textKey));
    const shared = [...gold].filter((n) => ours.has(n)).length;
    count(meta.authorExact, shared === gold.size && shared === ours.size);
    count(meta.authorOverlap, shared > 0);
  }
  if (date) count(meta.date, !!article?.publishedAt && article.publishedAt.slice(0, 10) === date.replace(/\./g, "-").slice(0, 10));
}

function splitNames(value: string): string[] {
  return value
    .split(/\s*(?:,|;|&|\band\b|\bund\b)\s*/i)
    .map((n) => n.replace(/^(by|von)\s+/i, "").trim())
    .filter(Boolean);
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const textKey = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const tally = (): Tally => ({ correct: 0, total: 0 });
const count = (t: Tally, ok: boolean) => {
  t.total++;
  if (ok) t.correct++;
};
const finish = (t: Tally): FieldAccuracy => ({ ...t, accuracy: round4(ratio(t.correct, t.total)) });
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const round4 = (n: number) => Math.round(n * 10000) / 10000;
