/**
 * Extraction accuracy on trafilatura's 990-page benchmark, scored the way its own evaluation does: for every
 * page, each "with" segment found in our text is a true positive (else a false negative), each "without"
 * segment found is a false positive (else a true negative), summed over all pages. Matching is substring
 * search after collapsing whitespace on both sides, case-sensitive. Only `Article.text` is searched: captions,
 * embeds and the title are not. A skipped page has empty text (all its "with" segments are misses).
 *
 * Metadata accuracy, over the pages whose gold value is non-empty (a missing value counts as wrong):
 * - title: equal after lower-casing and dropping everything but letters and digits (punctuation, quotes,
 *   spacing differences are forgiven; a missing or extra word is not);
 * - author: the gold names (split on commas, "and"/"und", "&", ";"; "By"/"Von" stripped) compared as a set
 *   with ours under the same normalisation: `exact` needs equal sets, `overlap` one shared name;
 * - date: our publishedAt falls on the gold day (YYYY-MM-DD prefix equal).
 */
import { extractHtmlArticle } from "../src/extract/html/extract-html.js";
import { type Article, isSkip } from "../src/records.js";
import { type EvalPage, loadEvalPages, readEvalDocument } from "./extraction-data.js";

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

export interface ExtractionScore {
  pages: number;
  skipped: Record<string, number>;
  extractedBy: Record<string, number>;
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  metadata: { title: FieldAccuracy; authorExact: FieldAccuracy; authorOverlap: FieldAccuracy; date: FieldAccuracy };
  seconds: number;
  /** Per-page misses and leaks, only with `details`. */
  details?: PageResult[];
}

export async function evalExtraction(dataDir: string, opts: { limit?: number; details?: boolean } = {}): Promise<ExtractionScore> {
  const started = performance.now();
  const pages = await loadEvalPages(dataDir, opts.limit);
  const counts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  const skipped: Record<string, number> = {};
  const extractedBy: Record<string, number> = {};
  const meta = { title: tally(), authorExact: tally(), authorOverlap: tally(), date: tally() };
  const details: PageResult[] = [];

  for (const page of pages) {
    const result = extractHtmlArticle(await readEvalDocument(dataDir, page));
    const article = isSkip(result) ? null : result;
    if (isSkip(result)) skipped[result.skip] = (skipped[result.skip] ?? 0) + 1;
    else extractedBy[result.extractedBy] = (extractedBy[result.extractedBy] ?? 0) + 1;

    const text = squash(article?.text ?? "");
    const missed = page.with.filter((s) => !text.includes(squash(s)));
    const leaked = page.without.filter((s) => text.includes(squash(s)));
    counts.tp += page.with.length - missed.length;
    counts.fn += missed.length;
    counts.fp += leaked.length;
    counts.tn += page.without.length - leaked.length;
    scoreMetadata(page, article, meta);
    if (opts.details) details.push({ file: page.file, missed, leaked, skip: isSkip(result) ? result.skip : null });
  }

  const precision = ratio(counts.tp, counts.tp + counts.fp);
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  return {
    pages: pages.length,
    skipped,
    extractedBy,
    ...counts,
    precision: round4(precision),
    recall: round4(recall),
    f1: round4(ratio(2 * precision * recall, precision + recall)),
    accuracy: round4(ratio(counts.tp + counts.tn, counts.tp + counts.tn + counts.fp + counts.fn)),
    metadata: {
      title: finish(meta.title),
      authorExact: finish(meta.authorExact),
      authorOverlap: finish(meta.authorOverlap),
      date: finish(meta.date),
    },
    seconds: Math.round((performance.now() - started) / 100) / 10,
    ...(opts.details ? { details } : {}),
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
