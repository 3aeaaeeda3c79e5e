/**
 * Framing and the brief on NeuS-AllSides (issue 6): 506 AllSides stories, each with up to three excerpts (left,
 * center, right, by AllSides' lean rating of the outlet) and AllSides' own neutral roundup. Articles are built by
 * loadAllSides (eval/clustering-data.ts) and analysed with analyzeArticle; every story with ≥ 2 sides (505) is
 * compared with compareStory, its entities from resolveEntities, as the report does. All stories, no sample (~8 s).
 *
 * 1. Loaded language by lean. Per side: the cues analyzer's "loaded" word cues per 1,000 words (words: whitespace
 *    tokens with a letter or digit), hits of the hand-made lexicon (LOADED_WORDS) per 1,000 words, and the share of
 *    sentence annotations read as "biased-sentence". Paired over the stories with all three sides: is the center
 *    excerpt less loaded than the mean of left and right (ties apart), with a normal 95% interval of the mean gap.
 *    Descriptive: a check that the detectors see what the lean labels say, not an accuracy.
 * 2. Framing side by side. In the comparison's framing (labels per entity per outlet): stories with an entity
 *    labelled by ≥ 2 outlets, those where the outlets' terms differ, and those where one outlet's label is loaded
 *    and another's is not. Examples are the first by salted hash, not chosen by reading.
 * 3. The brief. (a) Neutrality: the same measures as 1 on the brief text (analysed as an article, so its cues come
 *    from the same detector), beside the sentences the brief is written from (each cited claim's support with the
 *    claim's text, as brief.ts picks it), the articles, and the roundup; share of briefs with no loaded cue.
 *    (b) Grounding: every sentence cites ≥ 1 article, all in the story, and ≥ 1 claim, all among its claims; and
 *    the share of its content words (contentWords) found in its cited claims' support texts, primary sources or
 *    conflict values, or in the brief's own template ("According to", "Sources disagree … gives"); near 1 since the
 *    brief is extractive. (c) Content: ROUGE-1 and ROUGE-2 recall and F1 of the brief against the roundup
 *    (eval/rouge.ts: our own scorer over lowercase letter/digit tokens, no stemming, so not comparable with published
 *    ROUGE), macro-averaged over stories. Reference: the roundup without its closing paragraph when that describes
 *    the coverage ("Coverage from right-rated outlets…", COVERAGE_PARAGRAPH: 425 of 504 multi-paragraph roundups),
 *    since no article states it. Baselines in the same run: lead-3 of the center excerpt (else of the first side
 *    present), the first sentence of each side, and the sides' sentences in turn cut at the brief's length (ROUGE
 *    recall grows with length, and the brief is longer than the first two); and, as a diagnostic, the brief without
 *    the "according to X" attributions brief.ts adds to single-source claims.
 * 4. Determinism: for 25 stories by hash, the articles are cloned, analysed again and compared again; the brief must
 *    be identical (gated at 1.0). The same with the articles in reverse order is reported, not gated.
 *
 * Caveats: excerpts are an article's first ~90 words, so rates rest on few cues (most excerpts have none) and
 * almost no claim is carried by two excerpts; the roundup was written by AllSides editors from the full articles and
 * more. The "biased-sentence" figure for briefs may be lowered by the attributions brief.ts adds.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeArticle } from "../src/analyze/index.js";
import { shortHash } from "../src/_lib/hash.js";
import { compareStory } from "../src/compare/compare-story.js";
import type { ArticleBundle, Framing, Story } from "../src/records.js";
import { resolveEntities } from "../src/report/resolve-entities.js";
import { ALLSIDES_DIR, type LabelledArticle, loadAllSides } from "./clustering-data.js";
import {
  type BriefScore, EXAMPLES, type RougeRow, type RougeSet, SALT, scoreBrief, scoreRouge, type Side, sideOf, SIDES, type StoryRun,
} from "./framing-allsides-brief.js";
import { type LoadedRate, rateOf } from "./loaded-language.js";

/** Stories whose comparison is run a second time from fresh analyses (and once more with the articles reversed). */
const DETERMINISM_STORIES = 25;
/** A roundup's last paragraph that describes the coverage rather than the event ("Coverage from right-rated outlets…"). */
const COVERAGE_PARAGRAPH = /\b(coverage|covered|outlets?|[a-z]+-rated|spectrum|media)\b/i;

export interface FramingExample { storyId: string; entity: string; labels: string[] }
export interface PairedGap { stories: number; centerLess: number; ties: number; centerMore: number; meanGap: number; gapLow: number; gapHigh: number }
export interface FramingAllSidesScore {
  stories: number;
  articles: number;
  byLean: Record<Side, LoadedRate>;
  /** Stories with all three sides: is the center article less loaded than the mean of left and right? */
  paired: { loadedPer1000: PairedGap; biasedShare: PairedGap };
  framing: {
    compared: number;
    /** Labels in the comparisons' framing, and how many of them are loaded. */
    labels: number;
    loadedLabels: number;
    /** Stories with an entity labelled by ≥ 2 outlets; of them, those where two outlets' terms for it differ. */
    sharedEntity: number;
    differentTerms: number;
    /** Stories with an entity labelled loaded by one outlet and labelled, but not loaded, by another. */
    loadedContrast: number;
    examples: FramingExample[];
    /** Shared-entity framings by hash, whatever their labels: what the comparison shows a reader. */
    sharedExamples: FramingExample[];
  };
  brief: BriefScore;
  rouge: RougeSet;
  determinism: { stories: number; identical: number; orderInvariant: number };
  seconds: number;
}

export async function evalFramingAllSides(dataDir: string, opts: { limit?: number } = {}): Promise<FramingAllSidesScore> {
  const started = Date.now();
  const roundups = await loadRoundups(dataDir);
  const events = [...groupBy(await loadAllSides(dataDir), (d) => d.event)].slice(0, opts.limit);
  const runs = events.map(([event, docs]): StoryRun => {
    const bundles = analyzeDocs(docs);
    const comparison = bundles.length >= 2 ? compareStory(storyOf(event, bundles), bundles, resolveEntities(bundles)) : null;
    return { event, bundles, comparison, reference: referenceParagraphs(roundups.get(event) ?? []) };
  });
  const compared = runs.filter((r) => r.comparison);
  return {
    stories: runs.length,
    articles: runs.reduce((n, r) => n + r.bundles.length, 0),
    byLean: Object.fromEntries(SIDES.map((side) => [side, rateOf(runs.flatMap((r) => r.bundles.filter((b) => sideOf(b) === side)))])) as Record<Side, LoadedRate>,
    paired: { loadedPer1000: pairedByLean(runs, (r) => r.loadedPer1000), biasedShare: pairedByLean(runs, (r) => r.biasedShare) },
    framing: scoreFraming(compared),
    brief: scoreBrief(compared),
    rouge: scoreRouge(compared.filter((r) => r.reference.length)),
    determinism: checkDeterminism(compared),
    seconds: (Date.now() - started) / 1000,
  };
}

/** event id → roundup paragraphs, read from the same file as loadAllSides (which does not keep them). */
async function loadRoundups(dataDir: string): Promise<Map<string, string[]>> {
  const dir = join(dataDir, ALLSIDES_DIR);
  const file = (await readdir(dir)).find((f) => f.startsWith("headline_") && f.endsWith(".jsonl"));
  if (!file) throw new Error(`[triangulate] [eval] no headline_*.jsonl in ${dir}`);
  const lines = (await readFile(join(dir, file), "utf8")).split("\n").filter((l) => l.trim());
  return new Map(lines.map((l) => JSON.parse(l) as { id: number; roundup?: string[] }).map((r) => [String(r.id), (r.roundup ?? []).map((p) => p.trim()).filter(Boolean)]));
}

/** The roundup without its closing paragraph on how outlets covered the story, which no article states. */
const referenceParagraphs = (roundup: string[]): string[] =>
  roundup.length >= 2 && COVERAGE_PARAGRAPH.test(roundup.at(-1)!) ? roundup.slice(0, -1) : roundup;

const analyzeDocs = (docs: readonly LabelledArticle[]): ArticleBundle[] =>
  docs.map((d) => ({ article: d.article, annotations: analyzeArticle(d.article) }));

const storyOf = (event: string, bundles: readonly ArticleBundle[]): Story => ({
  id: `allsides:${event}`, title: "", articleIds: bundles.map((b) => b.article.id), storylineId: `allsides:${event}`,
  firstPublished: null, lastPublished: null,
});
/** Per story with all three sides: (left + right) / 2 − center of a per-article figure, and a normal 95% interval of its mean. */
function pairedByLean(runs: readonly StoryRun[], figure: (r: LoadedRate) => number): PairedGap {
  const gaps: number[] = [];
  for (const r of runs) {
    const [left, center, right] = SIDES.map((side) => r.bundles.filter((b) => sideOf(b) === side).map((b) => figure(rateOf([b])))[0]);
    if (left !== undefined && center !== undefined && right !== undefined) gaps.push((left + right) / 2 - center);
  }
  const mean = gaps.reduce((s, g) => s + g, 0) / Math.max(1, gaps.length);
  const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / Math.max(1, gaps.length - 1));
  const half = (1.96 * sd) / Math.sqrt(Math.max(1, gaps.length));
  return {
    stories: gaps.length, centerLess: gaps.filter((g) => g > 0).length, ties: gaps.filter((g) => g === 0).length,
    centerMore: gaps.filter((g) => g < 0).length, meanGap: mean, gapLow: mean - half, gapHigh: mean + half,
  };
}

function scoreFraming(runs: readonly StoryRun[]): FramingAllSidesScore["framing"] {
  const side = (articleId: string) => articleId.slice(articleId.lastIndexOf(":") + 1);
  const describe = (run: StoryRun, f: Framing): FramingExample => ({
    storyId: run.comparison!.storyId, entity: f.name,
    labels: f.labels.map((l) => `${l.outlet} (${side(l.articleId)}): "${l.term}"${l.loaded ? " LOADED" : ""}`),
  });
  const byHash = (a: { run: StoryRun }, b: { run: StoryRun }) => shortHash(SALT, a.run.event).localeCompare(shortHash(SALT, b.run.event));
  const shared: { run: StoryRun; example: FramingExample }[] = [];
  const contrasts: { run: StoryRun; example: FramingExample }[] = [];
  let differentTerms = 0;
  for (const run of runs) {
    const entities = run.comparison!.framing.filter((f) => new Set(f.labels.map((l) => l.outlet)).size >= 2);
    if (!entities.length) continue;
    shared.push({ run, example: describe(run, entities[0]!) });
    const termsOf = (f: Framing, outlet: string) => f.labels.filter((l) => l.outlet === outlet).map((l) => l.term.toLowerCase()).sort().join("|");
    if (entities.some((f) => new Set(f.labels.map((l) => termsOf(f, l.outlet))).size > 1)) differentTerms++;
    const contrast = entities.find((f) => {
      const loaded = new Set(f.labels.filter((l) => l.loaded).map((l) => l.outlet));
      return loaded.size > 0 && f.labels.some((l) => !loaded.has(l.outlet));
    });
    if (contrast) contrasts.push({ run, example: describe(run, contrast) });
  }
  const labels = runs.flatMap((r) => r.comparison!.framing.flatMap((f) => f.labels));
  return {
    compared: runs.length, labels: labels.length, loadedLabels: labels.filter((l) => l.loaded).length,
    sharedEntity: shared.length, differentTerms, loadedContrast: contrasts.length,
    examples: contrasts.sort(byHash).slice(0, EXAMPLES).map((c) => c.example),
    sharedExamples: shared.sort(byHash).slice(0, EXAMPLES).map((c) => c.example),
  };
}
/** The brief again from fresh analyses of cloned articles, and once more with the articles in reverse order. */
function checkDeterminism(runs: readonly StoryRun[]): FramingAllSidesScore["determinism"] {
  const picked = [...runs].sort((a, b) => shortHash(SALT, "determinism", a.event).localeCompare(shortHash(SALT, "determinism", b.event))).slice(0, DETERMINISM_STORIES);
  let identical = 0;
  let orderInvariant = 0;
  for (const run of picked) {
    const fresh = run.bundles.map((b) => structuredClone(b.article)).map((article) => ({ article, annotations: analyzeArticle(article) }));
    const again = compareStory(storyOf(run.event, fresh), fresh, resolveEntities(fresh));
    const reversed = [...fresh].reverse();
    const flipped = compareStory(storyOf(run.event, reversed), reversed, resolveEntities(reversed));
    const brief = JSON.stringify(run.comparison!.brief);
    if (JSON.stringify(again.brief) === brief) identical++;
    if (JSON.stringify(flipped.brief) === brief) orderInvariant++;
  }
  return { stories: picked.length, identical: identical / Math.max(1, picked.length), orderInvariant: orderInvariant / Math.max(1, picked.length) };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) out.get(key(t))?.push(t) ?? out.set(key(t), [t]);
  return out;
}

/** Markdown lines: loaded language by lean, framing side by side, the brief's neutrality, grounding and ROUGE, determinism. */
export function formatFramingAllSides(s: FramingAllSidesScore): string {
  const f3 = (x: number) => x.toFixed(3);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const rate = (name: string, r: LoadedRate) =>
    `| ${name} | ${r.texts} | ${r.words} | ${r.loaded} | ${f3(r.loadedPer1000)} | ${f3(r.lexiconPer1000)} | ${r.biasedSentences} / ${r.sentences} (${pct(r.biasedShare)}) |`;
  const head = ["| texts | n | words | loaded cues | loaded / 1,000 words | lexicon / 1,000 words | biased sentences |", "|---|---|---|---|---|---|---|"];
  const paired = (name: string, p: PairedGap, unit: (x: number) => string) =>
    `| ${name} | ${p.centerLess} | ${p.ties} | ${p.centerMore} | ${unit(p.meanGap)} (${unit(p.gapLow)} to ${unit(p.gapHigh)}) |`;
  const { framing: fr, brief: b, rouge: r } = s;
  const rouge = (name: string, x: RougeRow) =>
    `| ${name} | ${x.words.toFixed(1)} | ${f3(x.rouge1.recall)} | ${f3(x.rouge1.f1)} | ${f3(x.rouge2.recall)} | ${f3(x.rouge2.f1)} |`;
  const list = (items: readonly string[]) => items.map((e) => `- ${e}`);
  const framings = (items: readonly FramingExample[]) => list(items.map((e) => `${e.storyId}, ${e.entity}: ${e.labels.join("; ")}`));
  return [
    `Framing on NeuS-AllSides: ${s.stories} stories, ${s.articles} excerpts, ${fr.compared} compared (≥ 2 sides); ${s.seconds.toFixed(1)} s`,
    "",
    "### Loaded language by AllSides lean", "", ...head,
    ...SIDES.map((side) => rate(side, s.byLean[side])),
    "",
    `Paired, ${s.paired.loadedPer1000.stories} stories with all three sides: is the center article less loaded than the mean of left and right?`,
    "| per article | center less | tied | center more | mean (left+right)/2 − center (95% CI) |", "|---|---|---|---|---|",
    paired("loaded cues / 1,000 words", s.paired.loadedPer1000, f3),
    paired("share of biased sentences", s.paired.biasedShare, pct),
    "",
    "### Framing side by side",
    `${fr.labels} labels in the comparisons' framing, ${fr.loadedLabels} loaded. ${fr.sharedEntity} of ${fr.compared} stories have an entity labelled by ≥ 2 outlets ` +
      `(outlets' terms for it differ in ${fr.differentTerms}); ${fr.loadedContrast} have one labelled loaded by one outlet and not by another.`,
    ...(fr.examples.length ? ["Loaded against not loaded (by hash):", ...framings(fr.examples)] : []),
    "Entities labelled by ≥ 2 outlets (by hash):", ...framings(fr.sharedExamples),
    "",
    `### Brief: ${b.stories - b.empty} briefs (${b.empty} stories with none), ${b.sentences} sentences`, "", ...head,
    rate("briefs", b.neutrality.brief),
    rate("sentences the briefs are written from", b.neutrality.cited),
    rate("articles of compared stories", b.neutrality.articles),
    rate("AllSides roundups (event paragraphs)", b.neutrality.roundup),
    "",
    `Briefs with no loaded cue: ${pct(b.briefsWithoutLoaded)} (no hand-made lexicon word: ${pct(b.briefsWithoutLexicon)}). Briefs with a loaded cue (by hash):`,
    ...list(b.loadedExamples),
    `Citations valid (≥ 1 article, all in the story; ≥ 1 claim, all among its claims): ${pct(b.citationValid)} of sentences.`,
    ...list(b.citationFailures),
    `Content words found in the cited claims' support: mean ${f3(b.contentCoverage.mean)}, all of them in ${pct(b.contentCoverage.full)} of sentences.`,
    ...(b.contentCoverage.lowest.length ? ["Lowest:", ...list(b.contentCoverage.lowest)] : []),
    "",
    `### Brief against the AllSides roundup: ${r.stories} stories, reference ${r.referenceWords.toFixed(1)} words on average (macro-averaged)`,
    "| candidate | words | ROUGE-1 R | ROUGE-1 F1 | ROUGE-2 R | ROUGE-2 F1 |", "|---|---|---|---|---|---|",
    rouge("brief", r.brief), rouge("brief without its \"according to X\" attributions (diagnostic)", r.briefUnattributed), rouge("lead-3 of the center article", r.lead3), rouge("first sentence of each side", r.firstSentences),
    rouge("leads in turn, cut at the brief's length", r.leadsAtBriefLength),
    "",
    `Determinism: ${s.determinism.stories} stories compared again from fresh analyses: brief identical in ${pct(s.determinism.identical)}; ` +
      `with the articles in reverse order, ${pct(s.determinism.orderInvariant)} (not gated).`,
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = process.env.TRIANGULATE_DATA ?? "../shared/data";
  console.log(formatFramingAllSides(await evalFramingAllSides(dataDir)));
}
