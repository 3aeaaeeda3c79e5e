/**
 * The brief part of the framing eval (eval/framing-allsides.ts, whose doc comment says what is measured): the
 * brief's loaded language beside its sources, the articles and the roundup; its citations and how much of it its
 * cited claims hold; ROUGE against the roundup with naive baselines.
 */
import { shortHash } from "../src/_lib/hash.js";
import { contentWords } from "../src/_lib/text.js";
import type { Annotation, ArticleBundle, BriefSentence, Claim, StoryComparison } from "../src/records.js";
import { analyzeText, lexiconHits, type LoadedRate, rateOf, words } from "./loaded-language.js";
import { type RougeScore, rougeN, rougeTokens } from "./rouge.js";

export const SALT = "framing-allsides-v1";
export const EXAMPLES = 3;
/** Words the brief writes itself: the attribution ("…, according to X.") and the conflict sentence's template. */
const TEMPLATE_WORDS = new Set(contentWords("according to; sources disagree: one source gives; another gives"));

/**
 * What brief.ts adds to a single-source claim that does not name its source: ", according to X." after the
 * sentence, or "According to X, " before one ending on a quotation. Stripped for a diagnostic row only.
 */
const ATTRIBUTION = /^According to [^,]+, |, according to [^,.]+\.$/;

export const SIDES = ["left", "center", "right"] as const;
export type Side = (typeof SIDES)[number];
/** Loader ids end in the side: "allsides:5607:center". */
export const sideOf = (b: ArticleBundle): Side => b.article.id.slice(b.article.id.lastIndexOf(":") + 1) as Side;

/** One AllSides story: its analysed excerpts, its comparison (≥ 2 sides) and the roundup's event paragraphs. */
export interface StoryRun { event: string; bundles: ArticleBundle[]; comparison: StoryComparison | null; reference: string[] }

export interface BriefScore {
  stories: number;
  empty: number;
  sentences: number;
  neutrality: { brief: LoadedRate; cited: LoadedRate; articles: LoadedRate; roundup: LoadedRate };
  briefsWithoutLoaded: number;
  briefsWithoutLexicon: number;
  loadedExamples: string[];
  citationValid: number;
  citationFailures: string[];
  contentCoverage: { mean: number; full: number; lowest: string[] };
}
export interface RougeRow { rouge1: RougeScore; rouge2: RougeScore; words: number }
/** Against the roundup's event paragraphs; macro-averaged over stories with ≥ 2 sides and a reference. */
export interface RougeSet { stories: number; referenceWords: number; brief: RougeRow; briefUnattributed: RougeRow; lead3: RougeRow; firstSentences: RougeRow; leadsAtBriefLength: RougeRow }

export function scoreBrief(runs: readonly StoryRun[]): BriefScore {
  const withBrief = runs.filter((r) => r.comparison!.brief.length);
  const briefs = withBrief.map((r) => analyzeText(`brief:${r.event}`, r.comparison!.brief.map((s) => s.sentence).join("\n\n")));
  const roundups = runs.filter((r) => r.reference.length).map((r) => analyzeText(`roundup:${r.event}`, r.reference.join("\n\n")));
  const loadedCues = (b: ArticleBundle) => b.annotations.filter((a) => a.kind === "cue" && a.cue === "loaded");
  const loadedExamples = briefs
    .filter((b) => loadedCues(b).length)
    .sort((a, b) => shortHash(SALT, a.article.id).localeCompare(shortHash(SALT, b.article.id)))
    .slice(0, EXAMPLES)
    .map((b) => `${b.article.id}: ${loadedCues(b).map((c) => `"${(c as { term: string }).term}"`).join(", ")} in "${sentenceAround(b, loadedCues(b)[0]!)}"`);
  const sentences = withBrief.flatMap((r) => r.comparison!.brief.map((s) => ({ run: r, s })));
  const failures = sentences.flatMap(({ run, s }) => citationProblem(s, run).map((p) => `${s.storyId}: ${p} in "${s.sentence}"`));
  const coverage = sentences.map(({ run, s }) => ({ s, share: groundedShare(s, run.comparison!.claims) }));
  return {
    stories: runs.length,
    empty: runs.length - withBrief.length,
    sentences: sentences.length,
    neutrality: {
      brief: rateOf(briefs),
      cited: rateOf(withBrief.flatMap((r) => r.bundles), (b) => citedSpans(b, runs)),
      articles: rateOf(runs.flatMap((r) => r.bundles)),
      roundup: rateOf(roundups),
    },
    briefsWithoutLoaded: briefs.filter((b) => !loadedCues(b).length).length / Math.max(1, briefs.length),
    briefsWithoutLexicon: briefs.filter((b) => !lexiconHits(words(b.article.text))).length / Math.max(1, briefs.length),
    loadedExamples,
    citationValid: (sentences.length - failures.length) / Math.max(1, sentences.length), // one problem at most per sentence
    citationFailures: failures.slice(0, EXAMPLES),
    contentCoverage: {
      mean: coverage.reduce((n, c) => n + c.share, 0) / Math.max(1, coverage.length),
      full: coverage.filter((c) => c.share === 1).length / Math.max(1, coverage.length),
      lowest: coverage.filter((c) => c.share < 1).sort((a, b) => a.share - b.share || shortHash(SALT, a.s.sentence).localeCompare(shortHash(SALT, b.s.sentence)))
        .slice(0, EXAMPLES).map((c) => `${c.s.storyId} (${c.share.toFixed(2)}): "${c.s.sentence}"`),
    },
  };
}

function sentenceAround(b: ArticleBundle, cue: Annotation): string {
  const [start] = (cue as { span: readonly [number, number] }).span;
  const s = b.annotations.find((a) => a.kind === "sentence" && a.span[0] <= start && a.span[1] > start) as { span: readonly [number, number] } | undefined;
  return s ? b.article.text.slice(s.span[0], s.span[1]).trim() : b.article.text;
}

/** The support spans the brief's claims were written from (brief.ts: the support whose text is the claim's, else the first). */
function citedSpans(b: ArticleBundle, runs: readonly StoryRun[]): [number, number][] {
  const run = runs.find((r) => r.bundles.includes(b))!;
  const cited = new Set(run.comparison!.brief.flatMap((s) => s.claimIds));
  return run.comparison!.claims
    .filter((c) => cited.has(c.id) && c.status !== "disputed")
    .map((c) => c.support.find((s) => s.text === c.text) ?? c.support[0]!)
    .filter((s) => s.articleId === b.article.id)
    .map((s) => [s.start, s.end]);
}

function citationProblem(s: BriefSentence, run: StoryRun): string[] {
  const articles = new Set(run.bundles.map((b) => b.article.id));
  const claims = new Set(run.comparison!.claims.map((c) => c.id));
  return [
    ...(s.articleIds.length ? [] : ["cites no article"]),
    ...s.articleIds.filter((a) => !articles.has(a)).map((a) => `cites article ${a}, not in the story`),
    ...(s.claimIds.length ? [] : ["cites no claim"]),
    ...s.claimIds.filter((c) => !claims.has(c)).map((c) => `cites claim ${c}, not among its claims`),
  ].slice(0, 1);
}

/** Share of the sentence's content words found in its cited claims' support, their sources and values, or the brief's own template. */
function groundedShare(s: BriefSentence, claims: readonly Claim[]): number {
  const cited = claims.filter((c) => s.claimIds.includes(c.id));
  const allowed = new Set([
    ...TEMPLATE_WORDS,
    ...cited.flatMap((c) => [...c.support.map((x) => x.text), ...c.primarySources, ...c.conflicts.flatMap((k) => [k.source ?? "", k.otherSource ?? "", k.value, k.otherValue])].flatMap(contentWords)),
  ]);
  const own = contentWords(s.sentence);
  return own.length ? own.filter((w) => allowed.has(w)).length / own.length : 1;
}

export function scoreRouge(runs: readonly StoryRun[]): RougeSet {
  const references = runs.map((r) => rougeTokens(r.reference.join(" ")));
  const briefText = (r: StoryRun) => r.comparison!.brief.map((s) => s.sentence).join(" ");
  const row = (candidate: (r: StoryRun) => string, maxTokens: (r: StoryRun) => number = () => Infinity): RougeRow => {
    const scores = runs.map((r, i) => {
      const tokens = rougeTokens(candidate(r)).slice(0, maxTokens(r));
      return { r1: rougeN(tokens, references[i]!, 1), r2: rougeN(tokens, references[i]!, 2), words: tokens.length };
    });
    const mean = (pick: (x: (typeof scores)[number]) => number) => scores.reduce((n, x) => n + pick(x), 0) / Math.max(1, scores.length);
    const avg = (k: "r1" | "r2"): RougeScore => ({ recall: mean((x) => x[k].recall), precision: mean((x) => x[k].precision), f1: mean((x) => x[k].f1) });
    return { rouge1: avg("r1"), rouge2: avg("r2"), words: mean((x) => x.words) };
  };
  const sentencesOf = (b: ArticleBundle) => b.annotations.flatMap((a) => (a.kind === "sentence" ? [b.article.text.slice(a.span[0], a.span[1]).trim()] : []));
  const bySide = (r: StoryRun) => SIDES.flatMap((side) => r.bundles.filter((b) => sideOf(b) === side));
  const lead = (r: StoryRun) => r.bundles.find((b) => sideOf(b) === "center") ?? bySide(r)[0]!;
  return {
    stories: runs.length,
    referenceWords: references.reduce((n, t) => n + t.length, 0) / Math.max(1, references.length),
    brief: row(briefText),
    briefUnattributed: row((r) => r.comparison!.brief.map((s) => s.sentence.replace(ATTRIBUTION, ".").replace(/^\./, "")).join(" ")),
    lead3: row((r) => sentencesOf(lead(r)).slice(0, 3).join(" ")),
    firstSentences: row((r) => bySide(r).map((b) => sentencesOf(b)[0] ?? "").join(" ")),
    leadsAtBriefLength: row((r) => interleave(bySide(r).map(sentencesOf)), (r) => rougeTokens(briefText(r)).length),
  };
}

/** Sentences taken in turn from each article's lead (left, center, right): the first of each, then the second… */
function interleave(leads: readonly string[][]): string {
  const out: string[] = [];
  for (let k = 0; leads.some((l) => l[k]); k++) for (const lead of leads) if (lead[k]) out.push(lead[k]!);
  return out.join(" ");
}
