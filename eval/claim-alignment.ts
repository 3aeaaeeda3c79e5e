/**
 * Claim alignment on a hand-checked sample (issue 6): do `alignClaims` groups put together the sentences of
 * different articles that state the same claim, and only those? 512 labelled pairs from 28 stories.
 *
 * Sample. Stories picked by a salted hash, not by reading: 20 NeuS-AllSides stories with ≥ 2 outlets (excerpts,
 * one article per side) and 8 ECB+ events (gold event = sub-topic; 3–6 of its documents, also by hash). Per source,
 * the last quarter of the stories in hash order is "held-out" (5 AllSides, 2 ECB+: 117 pairs), labelled after the
 * development results (21 stories, 395 pairs) had been read. Articles are built by eval/clustering-data.ts and
 * analysed with analyzeArticle, as eval/clustering.ts does.
 *
 * Candidates. Every cross-article pair of claim sentences (findClaimSentences) that shares a content stem
 * (claimTerms) of rarity ≥ CANDIDATE_RARITY. Pairs sharing no rare word are assumed not to be the same claim and are
 * not labelled, so recall is recall among candidates, an upper bound of the true one (a paraphrase with no rare
 * word in common is missed unseen). The bound costs little on AllSides (290 of its 340 cross-article pairs are
 * candidates; names are rare words) and halves ECB+ (4,809 of 10,741). Where a story has more than
 * MAX_PAIRS_PER_STORY candidates (all 8 ECB+ events, 2 AllSides stories), a hash sample stratified by similarity band
 * keeps high and low similarity pairs alike, and each labelled pair carries the weight of the candidates of its
 * band it stands for: "weighted" scores estimate the scores over all candidates.
 *
 * Labelling. One annotator (the agent that built this eval), blind: the pairs were written to a scratch file as the
 * two texts only, in hash order, each pair's sentence order flipped by hash, with no score, similarity or system
 * grouping shown; labels were then joined to references by pair number. Single pass, no second annotator.
 *
 * Gold conventions. "Same claim": both sentences assert the same checkable fact — the same event, number, decision,
 * accusation or announcement — though one may carry more detail ("was injured" / "is in a Portland hospital, in
 * critical condition"); a paraphrase counts ("rejected Trump's request to block documents" / "waived executive
 * privilege on documents"); so does one speaker's statement in other words, and one fact with conflicting values
 * ("hundreds of buildings … seven bridges" / "1,600 houses … 8 bridges": an aligned claim may be in conflict).
 * Not the same: one topic but different facts (a vote's tally / that it was the first filibuster), a plan and its
 * outcome (will announce whether / has decided), and a fact that one sentence only mentions in a subordinate or
 * background clause ("the tsunami that killed 168,000" in a sentence about memories it revived). A sentence with
 * two asserted facts is the same claim as a sentence asserting either. A sentence cut off by the data ("…") or
 * whose content rests on an unresolved pronoun ("that was his number") is judged on what it asserts as written,
 * reading an anaphor only where the story leaves one referent.
 *
 * Gold holds references only (article id, sentence offsets into Article.text, a prefix of the sentence to detect
 * drift): the texts' licences do not clearly allow copying excerpts. A pair whose text no longer starts with its
 * prefix is "stale" (data or loader changed), left out and said so; a sentence that findClaimSentences no longer
 * emits counts as not aligned and is tallied as "dropped".
 *
 * Scores: pairwise precision = labelled-same among the labelled pairs the system put in one claim; recall =
 * system-aligned among the labelled-same pairs. By source, by similarity band, and over a sweep of thresholds (the
 * same average linkage as alignClaims with the threshold as a parameter, checked against alignClaims at the
 * shipped one). Article-level recall and outlet count say what a reader sees (see ClaimAlignmentSetScore).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeArticle } from "../src/analyze/index.js";
import { shortHash } from "../src/_lib/hash.js";
import { wordRarity } from "../src/_lib/word-rarity.js";
import { alignClaims, claimGroups } from "../src/compare/claims/align-claims.js";
import { GROUP_THRESHOLD as ALIGN_THRESHOLD } from "../src/compare/claims/group-statements.js";
import { type ClaimSentence, findClaimSentences, findHeadlineClaim } from "../src/compare/claims/find-claims.js";
import { claimSimilarity, claimTerms } from "../src/compare/claims/similarity.js";
import { outletLabel } from "../src/compare/sources.js";
import type { ArticleBundle } from "../src/records.js";
import { type LabelledArticle, loadAllSides, loadEcbPlus } from "./clustering-data.js";

export const CLAIM_ALIGNMENT_GOLD = fileURLToPath(new URL("../../eval/data/claim-alignment-gold.json", import.meta.url));
const SALT = "claim-alignment-v1";
const SAMPLE = { allsides: 20, ecbplus: 8 } as const;
const HELD_OUT_SHARE = 0.25;
/** A shared stem this rare makes a candidate pair: "deal" 8.2, "president" 8.7 are; "said" 6.8, "house" 7.5 are not. */
export const CANDIDATE_RARITY = 8;
const MAX_PAIRS_PER_STORY = 30;
const withShipped = (xs: number[]) => [...new Set([...xs, ALIGN_THRESHOLD])].sort((x, y) => x - y);
/** Lower bounds of the similarity bands: the shipped threshold is one, so a band says which side of it a pair falls. */
/** Bands of lexical overlap (claimSimilarity; 0.28 was the shipped threshold on it): recall where few words are shared. */
export const BANDS = [0, 0.1, 0.2, 0.28, 0.4];
export const SWEEP = withShipped([0.15, 0.2, 0.25, 0.3, 0.32, 0.33, 0.34, 0.35, 0.4, 0.45, 0.5, 0.6]);

type Source = "allsides" | "ecbplus";
export interface SampledStory { set: "development" | "held-out"; source: Source; story: string; articles: LabelledArticle[] }
interface GoldSentence { article: string; start: number; end: number; prefix: string }
/** weight: the candidates this pair stands for in its story's similarity band, where they were sampled (default 1). */
interface GoldPair { a: GoldSentence; b: GoldSentence; same: boolean; weight?: number }
interface GoldStory { set: "development" | "held-out"; source: Source; story: string; articles: string[]; pairs: GoldPair[] }

export interface PairCounts {
  pairs: number; same: number; aligned: number; alignedSame: number; precision: number; recall: number; f1: number;
  /** The same scores with each pair weighted by the candidates it stands for: estimates over all candidates. */
  weighted: { precision: number; recall: number; f1: number };
}
export interface ClaimAlignmentSetScore extends PairCounts {
  stories: number;
  bands: ({ from: number; to: number } & PairCounts)[];
  sweep: ({ threshold: number } & PairCounts)[];
  bySource: Record<Source, PairCounts>;
  /**
   * Labelled-same pairs where one sentence's claim holds some sentence of the other's article: recall as a reader
   * sees it, since a claim keeps one sentence per article and a second wording in that article is never joined.
   */
  articleRecall: number;
  /**
   * Labelled-same pairs of fully labelled stories (`pairs`), and the shares of them whose better-supported system
   * claim (of the two sentences' claims, the one with more outlets) counts as many outlets as the gold, fewer, more.
   */
  outletCount: { pairs: number; right: number; under: number; over: number };
  dropped: number;
}
export interface ClaimAlignmentScore { development: ClaimAlignmentSetScore; heldOut: ClaimAlignmentSetScore; all: ClaimAlignmentSetScore; stale: number; seconds: number }

/** Stories by hash: AllSides stories with ≥ 2 outlets, ECB+ sub-topics with 3–6 of their documents. */
export async function sampleStories(dataDir: string): Promise<SampledStory[]> {
  const pick = <T>(items: T[], key: (t: T) => string, n: number) =>
    items.map((t) => [shortHash(SALT, key(t)), t] as const).sort((x, y) => x[0].localeCompare(y[0])).slice(0, n).map(([, t]) => t);
  const byEvent = (docs: LabelledArticle[]) => [...groupBy(docs, (d) => d.event).entries()];
  const allsides = pick(byEvent(await loadAllSides(dataDir)).filter(([, d]) => d.length >= 2), ([e]) => `allsides:${e}`, SAMPLE.allsides);
  const ecbplus = pick(byEvent(await loadEcbPlus(dataDir)), ([e]) => `ecbplus:${e}`, SAMPLE.ecbplus).map(([event, docs]) => {
    const k = 3 + (parseInt(shortHash(SALT, "size", event).slice(0, 4), 16) % 4);
    return [event, pick(docs, (d) => d.article.id, k)] as const;
  });
  const stories = [...allsides.map((s) => ["allsides", s] as const), ...ecbplus.map((s) => ["ecbplus", s] as const)];
  return stories.map(([source, [story, articles]]) => {
    const sameSource = source === "allsides" ? allsides : ecbplus;
    const rank = sameSource.findIndex(([e]) => e === story);
    const set = rank >= Math.round(sameSource.length * (1 - HELD_OUT_SHARE)) ? "held-out" : "development";
    return { set, source, story, articles };
  });
}

export const analyzeStory = (articles: readonly LabelledArticle[]): ArticleBundle[] =>
  articles.map((d) => ({ article: d.article, annotations: analyzeArticle(d.article) }));

/** weight: the candidates of its story and similarity band that this labelled pair stands for (1 where all were labelled). */
export interface Candidate { a: ClaimSentence; b: ClaimSentence; similarity: number; weight: number }

/** Cross-article claim-sentence pairs sharing a rare stem; a band-stratified hash sample where there are too many. */
export function candidatePairs(bundles: readonly ArticleBundle[]): Candidate[] {
  const sentences = bundles.flatMap(findClaimSentences);
  const terms = sentences.map((s) => claimTerms(s.text));
  const all: Candidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      if (sentences[i]!.articleId === sentences[j]!.articleId) continue;
      if (![...terms[i]!.words].some((w) => terms[j]!.words.has(w) && wordRarity(w) >= CANDIDATE_RARITY)) continue;
      all.push({ a: sentences[i]!, b: sentences[j]!, similarity: claimSimilarity(terms[i]!, terms[j]!), weight: 1 });
    }
  }
  if (all.length <= MAX_PAIRS_PER_STORY) return all;
  const key = (c: Candidate) => shortHash(SALT, c.a.articleId, String(c.a.span[0]), c.b.articleId, String(c.b.span[0]));
  const bands = [...groupBy(all, (c) => bandOf(c.similarity)).values()].map((b) => b.sort((x, y) => key(x).localeCompare(key(y))));
  const out: Candidate[] = [];
  for (let k = 0; out.length < MAX_PAIRS_PER_STORY; k++) for (const b of bands) if (b[k] && out.length < MAX_PAIRS_PER_STORY) out.push(b[k]!);
  const taken = groupBy(out, (c) => bandOf(c.similarity));
  return out.map((c) => ({ ...c, weight: bands.find((b) => b.includes(c))!.length / taken.get(bandOf(c.similarity))!.length }));
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) out.get(key(t))?.push(t) ?? out.set(key(t), [t]);
  return out;
}

const bandOf = (similarity: number): number => BANDS.filter((from) => similarity >= from).length - 1;

/** alignClaims' grouping with the threshold as a parameter: sentence key "articleId:start" → group index. */
function groupsAt(sentences: readonly ClaimSentence[], bundles: readonly ArticleBundle[], threshold: number): Map<string, number> {
  const groupOf = new Map<string, number>();
  claimGroups(sentences, bundles, threshold).forEach((g, k) => g.forEach((i) => groupOf.set(keyOf(sentences[i]!), k)));
  return groupOf;
}
const keyOf = (s: ClaimSentence) => `${s.articleId}:${s.field ?? ""}${s.span[0]}`;

interface ScoredPair { set: GoldStory["set"]; source: Source; same: boolean; weight: number; articleLinked: boolean; similarity: number; alignedAt: boolean[]; outlets: "right" | "under" | "over" | null; dropped: boolean }

export async function evalClaimAlignment(dataDir: string, opts: { goldFile?: string } = {}): Promise<ClaimAlignmentScore> {
  const started = Date.now();
  const gold: GoldStory[] = JSON.parse(await readFile(opts.goldFile ?? CLAIM_ALIGNMENT_GOLD, "utf8"));
  const wanted = new Set(gold.flatMap((g) => g.articles));
  const docs = new Map([...(await loadAllSides(dataDir)), ...(await loadEcbPlus(dataDir))].filter((d) => wanted.has(d.article.id)).map((d) => [d.article.id, d]));
  const scored: ScoredPair[] = [];
  let stale = 0;
  for (const story of gold) {
    const articles = story.articles.map((id) => docs.get(id));
    if (articles.some((a) => !a)) {
      stale += story.pairs.length;
      continue;
    }
    const result = scoreStory(story, analyzeStory(articles as LabelledArticle[]));
    stale += result.stale;
    if (result.mismatch) throw new Error(`[triangulate] [eval] claim-alignment's copy of alignClaims' linkage disagrees on ${result.mismatch} pairs of story ${story.story}: update groupsAt`);
    scored.push(...result.pairs);
  }
  const stories = (set?: GoldStory["set"]) => gold.filter((g) => !set || g.set === set).length;
  return {
    development: scoreSet(scored.filter((p) => p.set === "development"), stories("development")),
    heldOut: scoreSet(scored.filter((p) => p.set === "held-out"), stories("held-out")),
    all: scoreSet(scored, stories()),
    stale,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The labelled pairs as claim sentences of their analysed stories (for fitting and checking the pair model). */
export interface LabelledSentencePair { set: GoldStory["set"]; source: Source; story: string; a: ClaimSentence; b: ClaimSentence; same: boolean; bundles: ArticleBundle[] }

export async function labelledSentencePairs(dataDir: string, goldFile = CLAIM_ALIGNMENT_GOLD): Promise<LabelledSentencePair[]> {
  const gold: GoldStory[] = JSON.parse(await readFile(goldFile, "utf8"));
  const wanted = new Set(gold.flatMap((g) => g.articles));
  const docs = new Map([...(await loadAllSides(dataDir)), ...(await loadEcbPlus(dataDir))].filter((d) => wanted.has(d.article.id)).map((d) => [d.article.id, d]));
  const out: LabelledSentencePair[] = [];
  for (const story of gold) {
    const articles = story.articles.map((id) => docs.get(id));
    if (articles.some((a) => !a)) continue;
    const bundles = analyzeStory(articles as LabelledArticle[]);
    const sentences = bundles.flatMap(findClaimSentences);
    const find = (g: GoldSentence) =>
      sentences.find((s) => s.articleId === g.article && Math.min(s.span[1], g.end) - Math.max(s.span[0], g.start) >= (g.end - g.start) / 2);
    for (const p of story.pairs) {
      const [a, b] = [find(p.a), find(p.b)];
      if (a && b) out.push({ set: story.set, source: story.source, story: story.story, a, b, same: p.same, bundles });
    }
  }
  return out;
}

function scoreStory(story: GoldStory, bundles: ArticleBundle[]): { pairs: ScoredPair[]; stale: number; mismatch: number } {
  const texts = new Map(bundles.map((b) => [b.article.id, b.article.text]));
  const fresh = story.pairs.filter((p) => [p.a, p.b].every((s) => texts.get(s.article)?.slice(s.start, s.end).trim().startsWith(s.prefix)));
  const sentences = bundles.flatMap(findClaimSentences); // headlines join claims after the sentences' linkage
  const find = (g: GoldSentence) =>
    sentences.find((s) => s.articleId === g.article && Math.min(s.span[1], g.end) - Math.max(s.span[0], g.start) >= (g.end - g.start) / 2);
  const shipped = alignClaims(story.story, bundles);
  const claimOf = new Map(shipped.flatMap((c) => c.sentences.map((s) => [keyOf(s), c.claim] as const)));
  // Grouped as alignClaims groups them: bodies, then headlines (storyClaimGroups).
  const withHeadlines = [...sentences, ...bundles.flatMap(findHeadlineClaim)];
  const sweeps = SWEEP.map((t) => groupsAt(withHeadlines, bundles, t));
  const outletOf = new Map(bundles.map((b) => [b.article.id, outletLabel(b.article)]));
  const goldOutlets = sameClaimOutlets(fresh, outletOf);
  let mismatch = 0;
  // Gold outlet counts need every candidate labelled: in a sampled story, unlabelled pairs may join two gold claims.
  const complete = story.pairs.every((p) => (p.weight ?? 1) === 1);
  const pairs = fresh.map((p): ScoredPair => {
    const [a, b] = [find(p.a), find(p.b)];
    const textOf = (g: GoldSentence) => texts.get(g.article)!.slice(g.start, g.end);
    const similarity = claimSimilarity(claimTerms(textOf(p.a).trim()), claimTerms(textOf(p.b).trim()));
    const alignedAt = sweeps.map((g) => !!a && !!b && g.get(keyOf(a)) === g.get(keyOf(b)));
    let outlets: ScoredPair["outlets"] = null;
    if (p.same && complete) {
      const want = goldOutlets.get(`${p.a.article}:${p.a.start}`)!;
      const got = Math.max(...[a, b].map((s) => (s && claimOf.get(keyOf(s))?.outlets.length) || 1));
      outlets = got === want ? "right" : got < want ? "under" : "over";
    }
    const atShipped = !!a && !!b && claimOf.get(keyOf(a)) === claimOf.get(keyOf(b));
    if (atShipped !== alignedAt[SWEEP.indexOf(ALIGN_THRESHOLD)]) mismatch++;
    alignedAt[SWEEP.indexOf(ALIGN_THRESHOLD)] = atShipped;
    const holds = (s: ClaimSentence | undefined, article: string) => !!s && !!claimOf.get(keyOf(s))?.support.some((x) => x.articleId === article);
    const articleLinked = holds(a, p.b.article) || holds(b, p.a.article);
    return { set: story.set, source: story.source, same: p.same, weight: p.weight ?? 1, articleLinked, similarity, alignedAt, outlets, dropped: !a || !b };
  });
  return { pairs, stale: story.pairs.length - fresh.length, mismatch };
}

/** Per gold sentence, the number of outlets among the sentences linked to it by labelled-same pairs (its own included). */
function sameClaimOutlets(pairs: readonly GoldPair[], outletOf: Map<string, string>): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (k: string): string => (parent.get(k) ?? k) === k ? k : find(parent.get(k)!);
  const key = (s: GoldSentence) => `${s.article}:${s.start}`;
  for (const p of pairs) for (const s of [p.a, p.b]) if (!parent.has(key(s))) parent.set(key(s), key(s));
  for (const p of pairs) if (p.same) parent.set(find(key(p.b)), find(key(p.a)));
  const outlets = new Map<string, Set<string>>();
  for (const k of parent.keys()) {
    const root = find(k);
    outlets.set(root, (outlets.get(root) ?? new Set()).add(outletOf.get(k.slice(0, k.lastIndexOf(":")))!));
  }
  return new Map([...parent.keys()].map((k) => [k, outlets.get(find(k))!.size]));
}

function counts(pairs: readonly ScoredPair[], at: number): PairCounts {
  const sum = (keep: (p: ScoredPair) => boolean, w: (p: ScoredPair) => number) => pairs.reduce((n, p) => n + (keep(p) ? w(p) : 0), 0);
  const score = (w: (p: ScoredPair) => number) => {
    const [same, aligned, both] = [sum((p) => p.same, w), sum((p) => p.alignedAt[at]!, w), sum((p) => p.same && p.alignedAt[at]!, w)];
    const precision = aligned ? both / aligned : 0;
    const recall = same ? both / same : 0;
    return { same, aligned, both, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  const { same, aligned, both, precision, recall, f1 } = score(() => 1);
  const weighted = score((p) => p.weight);
  return { pairs: pairs.length, same, aligned, alignedSame: both, precision, recall, f1, weighted: { precision: weighted.precision, recall: weighted.recall, f1: weighted.f1 } };
}

function scoreSet(pairs: readonly ScoredPair[], stories: number): ClaimAlignmentSetScore {
  const shipped = SWEEP.indexOf(ALIGN_THRESHOLD);
  const outlets = pairs.filter((p) => p.outlets);
  const share = (o: ScoredPair["outlets"]) => (outlets.length ? outlets.filter((p) => p.outlets === o).length / outlets.length : 0);
  return {
    stories,
    ...counts(pairs, shipped),
    bands: BANDS.map((from, k) => ({ from, to: BANDS[k + 1] ?? 1, ...counts(pairs.filter((p) => bandOf(p.similarity) === k), shipped) })),
    sweep: SWEEP.map((threshold, k) => ({ threshold, ...counts(pairs, k) })),
    articleRecall: pairs.filter((p) => p.same && p.articleLinked).length / Math.max(1, pairs.filter((p) => p.same).length),
    bySource: { allsides: counts(pairs.filter((p) => p.source === "allsides"), shipped), ecbplus: counts(pairs.filter((p) => p.source === "ecbplus"), shipped) },
    outletCount: {
      pairs: outlets.length, right: share("right"), under: share("under"), over: share("over"),
    },
    dropped: pairs.filter((p) => p.dropped).length,
  };
}

const pct = (x: number) => (100 * x).toFixed(1);
const row = (label: string, c: PairCounts) =>
  `| ${label} | ${c.pairs} | ${c.same} | ${c.aligned} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${pct(c.weighted.precision)} | ${pct(c.weighted.recall)} | ${pct(c.weighted.f1)} |`;

/** Markdown lines: each set's scores at the shipped threshold, by similarity band, the sweep, and outlet counts. */
export function formatClaimAlignment(score: ClaimAlignmentScore): string {
  const lines = [`Claim alignment (hand-checked pairs; ALIGN_THRESHOLD ${ALIGN_THRESHOLD}; ${score.seconds.toFixed(1)} s)`, ""];
  if (score.stale) lines.push(`**${score.stale} gold pairs no longer match the data (text changed at their offsets): left out.**`, "");
  for (const [name, set] of [["development", score.development], ["held-out", score.heldOut], ["all", score.all]] as const) {
    lines.push(`### ${name}: ${set.stories} stories${set.dropped ? `, ${set.dropped} pairs with a sentence no longer found as a claim` : ""}`, "");
    lines.push("| pairs | labelled | same | system-aligned | P % | R % | F1 % | weighted P % | R % | F1 % |", "|---|---|---|---|---|---|---|---|---|---|");
    lines.push(row(`at ${ALIGN_THRESHOLD}`, set), row("AllSides", set.bySource.allsides), row("ECB+", set.bySource.ecbplus));
    for (const b of set.bands) lines.push(row(`similarity ${b.from.toFixed(2)}–${b.to.toFixed(2)}`, b));
    for (const t of set.sweep) if (t.threshold !== ALIGN_THRESHOLD) lines.push(row(`threshold ${t.threshold.toFixed(2)}`, t));
    const o = set.outletCount;
    lines.push("", `Article-level recall (the claim of one sentence holds the other's article): ${pct(set.articleRecall)}%.`);
    lines.push(`Outlet count (${o.pairs} labelled-same pairs of fully labelled stories): right ${pct(o.right)}%, too few ${pct(o.under)}%, too many ${pct(o.over)}%.`, "");
  }
  return lines.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = process.env.TRIANGULATE_DATA ?? "../shared/data";
  console.log(formatClaimAlignment(await evalClaimAlignment(dataDir)));
}
