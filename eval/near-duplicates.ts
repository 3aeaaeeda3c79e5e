/**
 * Near-duplicate detection accuracy (issue 5): findNearDuplicates on a syndication set built from real texts.
 *
 *   node dist/eval/near-duplicates.js [--ecb N] [--allsides N]      (data: $TRIANGULATE_DATA, else ../shared/data)
 *
 * How the set is built: the first --ecb (default 500) ECB+ documents (whole topics in file order, so every
 * sub-topic keeps its several outlets' reports of one event) and the first --allsides (default 500) AllSides
 * excerpts are the originals. A seeded generator picks a third of them (of those with at least 2 × MIN_WORDS words,
 * so that a copy trimmed to half is still long enough to be one) and makes 1–3 copies of each, every copy
 * through a random mix of what syndication does: trimmed to 50–90% of its words (at a sentence end when one is
 * near), re-headlined (a new headline line on top), boilerplate lines added (a dateline, "Related posts", a
 * newsletter or copyright line), a paragraph (or, in one-paragraph ECB+ texts, a run of sentences) dropped, and
 * 1–3% of the words edited (replaced by a word of another document, deleted, or swapped with the next). Copies
 * are dated after their original; a quarter of the groups have no dates at all, where the canonical must be
 * found by fullness.
 * Gold: each original with its copies is one group. Hard negatives: ECB+ documents of one sub-topic are
 * different outlets' reports of one event, which must not be grouped (reported as same-event false pairs).
 * Scores: pairwise precision / recall / F1 over copy pairs (two articles in one predicted group vs one gold
 * group), canonical accuracy (gold groups whose original is the canonical of the predicted group that holds it),
 * and F1 by threshold. Pairs of two originals found as copies are listed: some may be real syndication in the data.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTAINMENT_THRESHOLD, findNearDuplicates, MIN_WORDS } from "../src/cluster/near-duplicates.js";
import type { Article, ArticleBundle, CopyGroup } from "../src/records.js";
import { type LabelledArticle, loadAllSides, loadEcbPlus } from "./clustering-data.js";

export const THRESHOLD_SWEEP = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const COPIED_SHARE = 1 / 3;
const UNDATED_SHARE = 0.25;

export interface SyndicationSet {
  bundles: ArticleBundle[];
  /** Article id → gold group (the original's id). */
  goldGroup: Map<string, string>;
  /** Article id → ECB+ sub-topic, for originals only (the hard negatives). */
  event: Map<string, string>;
}

export interface PairScore { precision: number; recall: number; f1: number; truePairs: number; predictedPairs: number; goldPairs: number }

export interface NearDuplicatesEval {
  articles: number;
  originals: number;
  copies: number;
  threshold: number;
  score: PairScore;
  canonicalAccuracy: { all: number; dated: number; undated: number };
  sameEventFalsePairs: number;
  originalPairs: string[];
  sweep: { threshold: number; score: PairScore; sameEventFalsePairs: number }[];
  seconds: number;
}

/** A small seeded generator (mulberry32): the same set in every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

const HEADLINES = ["UPDATE 2:", "BREAKING:", "WATCH:", "Exclusive |", "World News |", "Latest:"];
const BOILERPLATE = [
  "Related posts: More from our world desk | Markets wrap | Opinion: what comes next",
  "Sign up for our daily newsletter to get the top stories delivered to your inbox.",
  "© 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
  "Follow us on Twitter and Facebook for the latest updates.",
  "Copyright Reuters. Click here for reprint permission.",
];
const DATELINES = ["NEW YORK (AP) —", "LONDON (Reuters) -", "(MENAFN) —", "WASHINGTON —", "Updated 14:05 GMT"];

/** One syndicated copy of `text`: each transformation applied with its own chance, at least one always. */
export function makeCopy(title: string, text: string, random: () => number, vocabulary: readonly string[]): { title: string; text: string } {
  let body = text;
  let headline = title;
  let changed = false;
  const chance = (p: number) => random() < p && (changed = true);
  if (chance(0.3)) body = dropParagraph(body, random);
  if (chance(0.6)) body = trimTo(body, 0.5 + 0.4 * random());
  if (chance(0.7)) body = editWords(body, 0.01 + 0.02 * random(), random, vocabulary);
  if (chance(0.4)) body = `${pick(DATELINES, random)} ${body}`;
  if (chance(0.5)) body = `${body}\n\n${pick(BOILERPLATE, random)}`;
  if (chance(0.4) || !changed) {
    headline = `${pick(HEADLINES, random)} ${title}`;
    body = `${headline}\n\n${body}`;
  }
  return { title: headline, text: body };
}

/** The first `share` of the words, ending at a sentence end if one lies in the last fifth of that. */
export function trimTo(text: string, share: number): string {
  const cut = nthSpace(text, Math.round(text.split(/\s+/).length * share));
  const sentenceEnd = text.slice(0, cut).search(/[.!?]["”’]?\s[^.!?]*$/);
  return sentenceEnd > cut * 0.8 ? text.slice(0, sentenceEnd + 1) : text.slice(0, cut);
}

function nthSpace(text: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) if (/\s/.test(text[i]!) && (i === 0 || !/\s/.test(text[i - 1]!)) && ++seen === n) return i;
  return text.length;
}

/** Drops one paragraph, or a run of up to three sentences when the text is one paragraph; never the first. */
export function dropParagraph(text: string, random: () => number): string {
  const paragraphs = text.split(/\n\s*\n/);
  if (paragraphs.length > 2) return paragraphs.filter((_, i) => i !== 1 + Math.floor(random() * (paragraphs.length - 1))).join("\n\n");
  const sentences = text.split(/(?<=[.!?]["”]?)\s+/);
  if (sentences.length < 5) return text;
  const start = 1 + Math.floor(random() * (sentences.length - 4));
  return [...sentences.slice(0, start), ...sentences.slice(start + 1 + Math.floor(random() * 3))].join(" ");
}

/** Replaces, deletes or swaps `rate` of the words: typo fixes, house style, a changed word. */
export function editWords(text: string, rate: number, random: () => number, vocabulary: readonly string[]): string {
  const words = text.split(" ");
  for (let i = 0; i < words.length; i++) {
    if (random() >= rate) continue;
    const action = random();
    if (action < 0.5) words[i] = pick(vocabulary, random);
    else if (action < 0.75) words[i] = "";
    else if (i + 1 < words.length) [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
  }
  return words.filter(Boolean).join(" ");
}

export function buildSyndicationSet(originals: readonly LabelledArticle[], seed = 5): SyndicationSet {
  const random = seededRandom(seed);
  const vocabulary = originals.flatMap(({ article }) => article.text.split(/\s+/).slice(0, 50)).filter((w) => /^\p{L}+$/u.test(w));
  const bundles: ArticleBundle[] = [];
  const goldGroup = new Map<string, string>();
  const event = new Map<string, string>();
  const hour = (h: number) => new Date(Date.UTC(2024, 0, 1) + h * 3_600_000).toISOString();
  originals.forEach(({ article, event: ev }, k) => {
    const dated = random() >= UNDATED_SHARE;
    const base = 24 * k;
    bundles.push({ article: { ...article, publishedAt: dated ? hour(base) : null }, annotations: [] });
    goldGroup.set(article.id, article.id);
    if (article.id.startsWith("ecbplus:")) event.set(article.id, ev);
    if (random() >= COPIED_SHARE || article.text.split(/\s+/).length < 2 * MIN_WORDS) return;
    const copies = 1 + Math.floor(random() * 3);
    for (let c = 1; c <= copies; c++) {
      const copy = makeCopy(article.title, article.text, random, vocabulary);
      const id = `${article.id}~copy${c}`;
      bundles.push({ article: withText(article, id, copy.title, copy.text, dated ? hour(base + c + Math.floor(random() * 12)) : null), annotations: [] });
      goldGroup.set(id, article.id);
    }
  });
  return { bundles, goldGroup, event };
}

const withText = (a: Article, id: string, title: string, text: string, publishedAt: string | null): Article => ({ ...a, id, source: id, title, text, publishedAt });

function* pairsOf(ids: readonly string[]): Generator<string> {
  const sorted = [...ids].sort();
  for (let a = 0; a < sorted.length; a++) for (let b = a + 1; b < sorted.length; b++) yield `${sorted[a]}|${sorted[b]}`;
}

export function scorePairs(groups: readonly CopyGroup[], set: SyndicationSet): { score: PairScore; sameEventFalsePairs: number; originalPairs: string[] } {
  const goldMembers = new Map<string, string[]>();
  for (const [id, group] of set.goldGroup) goldMembers.set(group, [...(goldMembers.get(group) ?? []), id]);
  const gold = new Set([...goldMembers.values()].flatMap((ids) => [...pairsOf(ids)]));
  const predicted = groups.flatMap((g) => [...pairsOf([g.canonicalId, ...g.copyIds])]);
  const truePairs = predicted.filter((p) => gold.has(p)).length;
  const falsePairs = predicted.filter((p) => !gold.has(p)).map((p) => p.split("|") as [string, string]);
  const groupOf = (id: string) => set.goldGroup.get(id)!;
  const sameEventFalsePairs = falsePairs.filter(([a, b]) => set.event.get(groupOf(a)) !== undefined && set.event.get(groupOf(a)) === set.event.get(groupOf(b))).length;
  const originalPairs = falsePairs.filter(([a, b]) => groupOf(a) === a && groupOf(b) === b).map((p) => p.join(" ~ "));
  const precision = predicted.length ? truePairs / predicted.length : 1;
  const recall = gold.size ? truePairs / gold.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { score: { precision, recall, f1, truePairs, predictedPairs: predicted.length, goldPairs: gold.size }, sameEventFalsePairs, originalPairs };
}

/** Gold groups with copies whose original is the canonical of the predicted group holding it, by dated / undated. */
export function canonicalAccuracy(groups: readonly CopyGroup[], set: SyndicationSet): NearDuplicatesEval["canonicalAccuracy"] {
  const canonicalOf = new Map<string, string>();
  for (const g of groups) for (const id of [g.canonicalId, ...g.copyIds]) canonicalOf.set(id, g.canonicalId);
  const copied = new Set([...set.goldGroup].filter(([id, group]) => id !== group).map(([, group]) => group));
  const dated = new Map(set.bundles.map((b) => [b.article.id, b.article.publishedAt !== null]));
  const tally = { dated: [0, 0], undated: [0, 0] };
  for (const original of copied) {
    const row = tally[dated.get(original) ? "dated" : "undated"];
    row[1]!++;
    if (canonicalOf.get(original) === original) row[0]!++;
  }
  const share = ([hit, total]: number[]) => (total ? hit! / total! : 1);
  return { all: share([tally.dated[0]! + tally.undated[0]!, tally.dated[1]! + tally.undated[1]!]), dated: share(tally.dated), undated: share(tally.undated) };
}

export async function evalNearDuplicates(dataDir: string, ecb = 500, allSides = 500): Promise<NearDuplicatesEval> {
  const originals = [...(await loadEcbPlus(dataDir)).slice(0, ecb), ...(await loadAllSides(dataDir)).slice(0, allSides)];
  const set = buildSyndicationSet(originals);
  const t0 = performance.now();
  const groups = findNearDuplicates(set.bundles);
  const seconds = (performance.now() - t0) / 1000;
  const sweep = THRESHOLD_SWEEP.map((threshold) => {
    const { score, sameEventFalsePairs } = scorePairs(findNearDuplicates(set.bundles, { threshold }), set);
    return { threshold, score, sameEventFalsePairs };
  });
  const copies = set.bundles.length - originals.length;
  return {
    articles: set.bundles.length, originals: originals.length, copies, threshold: CONTAINMENT_THRESHOLD,
    ...scorePairs(groups, set), canonicalAccuracy: canonicalAccuracy(groups, set), sweep, seconds,
  };
}

export function formatNearDuplicatesEval(r: NearDuplicatesEval): string {
  const f = (x: number) => x.toFixed(3);
  return [
    `near-duplicates: ${r.articles} articles (${r.originals} originals, ${r.copies} planted copies), threshold ${r.threshold}, ${r.seconds.toFixed(2)} s`,
    `copy pairs: P ${f(r.score.precision)} R ${f(r.score.recall)} F1 ${f(r.score.f1)} (${r.score.truePairs}/${r.score.predictedPairs} predicted, ${r.score.goldPairs} gold)`,
    `canonical accuracy: ${f(r.canonicalAccuracy.all)} (dated ${f(r.canonicalAccuracy.dated)}, undated ${f(r.canonicalAccuracy.undated)})`,
    `same-event (ECB+ sub-topic) pairs grouped: ${r.sameEventFalsePairs}; original~original pairs grouped: ${r.originalPairs.length}`,
    ...r.originalPairs.slice(0, 10).map((p) => `  ${p}`),
    "| threshold | P | R | F1 | same-event false pairs |",
    "|---|---|---|---|---|",
    ...r.sweep.map((s) => `| ${s.threshold} | ${f(s.score.precision)} | ${f(s.score.recall)} | ${f(s.score.f1)} | ${s.sameEventFalsePairs} |`),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  console.log(formatNearDuplicatesEval(await evalNearDuplicates(dataDir, arg("--ecb", 500), arg("--allsides", 500))));
}
