/**
 * "One fact, two values" and paraphrase pairs for the pair model (issue 22, alignment): labelled story pairs from
 * data that is neither held out nor the verdict suite, so that the model can learn what the 512 hand-checked pairs
 * hold too few of: two reports of one proposition that give it different values ("killed at least nine" / "killed
 * eight"; "a 47-year-old man" / "a 46-year-old") or other words.
 *
 * Stories. GVC train incidents (conflicts/gvc, split "train") with reports from ≥ 2 outlets, leaving out the
 * incidents of eval/verdicts-real; ECB+ train topics (not Barhom et al.'s dev topics 2 5 12 18 21 23 34 35 nor test
 * 36–45), leaving out the sub-topics of the 512 hand-checked pairs. Picked by a salted hash, not by reading.
 *
 * Candidates, per story, cross-article pairs of claim sentences (findClaimSentences):
 * - "value": both give a figure whose scope (quantity.ts: the role "death"/"injury"/…, or the counted noun) is one,
 *   whatever the values — the pairs where a report and another give one count differently, or count two things;
 * - "paraphrase": both in their article's first four sentences and sharing a rare word (rarity ≥ 8) — the leads,
 *   where reports state the event, and where two facts of one event sit side by side.
 * At most VALUE_PAIRS and PARAPHRASE_PAIRS per story, by hash.
 *
 * Labelling (the eval/claim-alignment.ts conventions, stricter on values): `--dump FILE` writes the pairs as the two
 * texts only, numbered, order flipped by hash, no score shown; the annotator writes one label per line
 * ("N same" / "N different") into a file, and `--gold LABELS` joins them into eval/data/alignment-values-gold.json
 * (references only: article id, offsets, a prefix). Same = both assert one checkable proposition of the event — the
 * same happening with the same participants, or the same count of the same thing — even when the values differ
 * (one says nine were killed, the other eight: one fact told two ways) or one adds detail. Different = two facts of
 * one event (the death toll and the number hurt; the shooting and the arrest), or one mentions the other's fact only
 * in a background clause.
 *
 *   node dist-align/eval/alignment-values-data.js --dump scratch/align-values-pairs.txt
 *   node dist-align/eval/alignment-values-data.js --gold scratch/align-values-labels.txt
 */
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readdirSync } from "node:fs";
import { shortHash } from "../src/_lib/hash.js";
import { wordRarity } from "../src/_lib/word-rarity.js";
import { type ClaimSentence, findClaimSentences } from "../src/compare/claims/find-claims.js";
import { quantityScope } from "../src/compare/claims/quantity.js";
import { claimTerms } from "../src/compare/claims/similarity.js";
import type { AnnotationOf, Article, ArticleBundle } from "../src/records.js";
import { analyzeStory } from "./claim-alignment.js";
import { type LabelledArticle, loadEcbPlus } from "./clustering-data.js";

export const ALIGNMENT_VALUES_GOLD = fileURLToPath(new URL("../../eval/data/alignment-values-gold.json", import.meta.url));
const SALT = "alignment-values-v1";
const STORIES = { gvc: 22, ecbplus: 6 } as const;
const VALUE_PAIRS = 6;
const PARAPHRASE_PAIRS = 4;
const LEAD = 3;
const ECB_NOT_TRAIN = new Set([2, 5, 12, 18, 21, 23, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45]);
/** Sub-topics of the 512 hand-checked pairs (eval/data/claim-alignment-gold.json): scored there, never trained on here. */
const ECB_HAND_CHECKED = new Set(["37ecb", "30ecb", "31ecb", "8ecb", "44ecbplus", "9ecb", "29ecbplus", "11ecbplus"]);

interface GoldSentence { article: string; start: number; end: number; prefix: string }
export interface ValuesGoldPair { a: GoldSentence; b: GoldSentence; same: boolean; kind: "value" | "paraphrase" }
export interface ValuesGoldStory { source: "gvc" | "ecbplus"; story: string; articles: string[]; pairs: ValuesGoldPair[] }
interface GvcDoc { doc_id: string; incident_id: string; split: string; title: string; date: string; outlet: string; text: string }

const article = (id: string, outlet: string | null, title: string, text: string): Article => ({
  id, source: id, url: null, outlet, title, authors: [], publishedAt: null, modifiedAt: null, language: "en",
  text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
});

/** GVC train incidents (≥ 2 outlets, not a verdicts-real story) and ECB+ train sub-topics (3–5 documents), by hash. */
export async function valuesStories(dataDir: string): Promise<{ source: "gvc" | "ecbplus"; story: string; articles: LabelledArticle[] }[]> {
  const real = new Set(readdirSync(fileURLToPath(new URL("../../eval/verdicts-real", import.meta.url))).filter((f) => f.startsWith("gvc-")).map((f) => f.slice(4, -5)));
  const gvc = (await readFile(join(dataDir, "conflicts", "gvc", "gvc_docs.jsonl"), "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as GvcDoc);
  const incidents = new Map<string, GvcDoc[]>();
  for (const d of gvc) if (d.split === "train" && !real.has(d.incident_id)) incidents.get(d.incident_id)?.push(d) ?? incidents.set(d.incident_id, [d]);
  const rank = <T>(items: T[], key: (t: T) => string) => items.map((t) => [shortHash(SALT, key(t)), t] as const).sort((x, y) => x[0].localeCompare(y[0])).map(([, t]) => t);
  const gvcStories = rank([...incidents].filter(([, ds]) => new Set(ds.map((d) => d.outlet)).size >= 2), ([id]) => `gvc:${id}`).slice(0, STORIES.gvc).map(([id, ds]) => ({
    source: "gvc" as const, story: id,
    articles: ds.map((d) => {
      const body = d.text.startsWith(`${d.title}\n\n`) ? d.text.slice(d.title.length + 2) : d.text;
      return { article: article(`gvc:${d.doc_id}`, d.outlet, d.title, body), event: id, topic: "gvc" };
    }),
  }));
  const ecb = new Map<string, LabelledArticle[]>();
  for (const d of await loadEcbPlus(dataDir)) if (!ECB_NOT_TRAIN.has(Number(d.topic)) && !ECB_HAND_CHECKED.has(d.event)) ecb.get(d.event)?.push(d) ?? ecb.set(d.event, [d]);
  const ecbStories = rank([...ecb].filter(([, ds]) => ds.length >= 3), ([e]) => `ecb:${e}`).slice(0, STORIES.ecbplus).map(([event, ds]) => ({
    source: "ecbplus" as const, story: event,
    articles: rank(ds, (d) => d.article.id).slice(0, 3 + (parseInt(shortHash(SALT, event).slice(0, 4), 16) % 3)),
  }));
  return [...gvcStories, ...ecbStories];
}

/** Scope keys of a sentence's figures that say what they count (a role or a noun), values left out. */
function scopesOf(bundle: ArticleBundle, s: ClaimSentence): Set<string> {
  const out = new Set<string>();
  for (const a of bundle.annotations) {
    if (a.kind !== "number" || a.span[0] < s.span[0] || a.span[1] > s.span[1]) continue;
    const scope = quantityScope(bundle.article.text, s.span, a as AnnotationOf<"number">);
    if (scope.role || scope.noun) out.add(`${a.unit ?? ""}|${scope.role || scope.noun}`);
  }
  return out;
}

export interface ValuesCandidate { kind: "value" | "paraphrase"; a: ClaimSentence; b: ClaimSentence }

export function valuesCandidates(bundles: readonly ArticleBundle[]): ValuesCandidate[] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const sentences = bundles.flatMap(findClaimSentences);
  const scopes = sentences.map((s) => scopesOf(byId.get(s.articleId)!, s));
  const terms = sentences.map((s) => claimTerms(s.text));
  const value: ValuesCandidate[] = [];
  const lead: ValuesCandidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      const [a, b] = [sentences[i]!, sentences[j]!];
      if (a.articleId === b.articleId) continue;
      if ([...scopes[i]!].some((k) => scopes[j]!.has(k))) value.push({ kind: "value", a, b });
      else if (a.position <= LEAD && b.position <= LEAD && [...terms[i]!.words].some((w) => terms[j]!.words.has(w) && wordRarity(w) >= 8)) lead.push({ kind: "paraphrase", a, b });
    }
  }
  const key = (c: ValuesCandidate) => shortHash(SALT, c.a.articleId, String(c.a.span[0]), c.b.articleId, String(c.b.span[0]));
  const take = (cs: ValuesCandidate[], n: number) => [...cs].sort((x, y) => key(x).localeCompare(key(y))).slice(0, n);
  return [...take(value, VALUE_PAIRS), ...take(lead, PARAPHRASE_PAIRS)];
}

const ref = (bundle: ArticleBundle, s: ClaimSentence): GoldSentence => ({ article: s.articleId, start: s.span[0], end: s.span[1], prefix: bundle.article.text.slice(s.span[0], s.span[0] + 24) });

/** The labelled pairs with the stories' bundles, sentences found again by offsets (a stale prefix drops the pair). */
export async function valuesLabelledPairs(dataDir: string, goldFile = ALIGNMENT_VALUES_GOLD) {
  const gold: ValuesGoldStory[] = JSON.parse(await readFile(goldFile, "utf8"));
  const stories = new Map((await valuesStories(dataDir)).map((s) => [`${s.source}:${s.story}`, s]));
  const out: { story: string; kind: string; a: ClaimSentence; b: ClaimSentence; same: boolean; bundles: ArticleBundle[] }[] = [];
  for (const g of gold) {
    const story = stories.get(`${g.source}:${g.story}`);
    if (!story) continue;
    const bundles = analyzeStory(story.articles.filter((a) => g.articles.includes(a.article.id)));
    const sentences = bundles.flatMap(findClaimSentences);
    const find = (r: GoldSentence) => sentences.find((s) => s.articleId === r.article && s.span[0] === r.start && s.text.startsWith(r.prefix.trim().slice(0, 12)));
    for (const p of g.pairs) {
      const [a, b] = [find(p.a), find(p.b)];
      if (a && b) out.push({ story: `${g.source}:${g.story}`, kind: p.kind, a, b, same: p.same, bundles });
    }
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = process.env.TRIANGULATE_DATA ?? "../shared/data";
  const [mode, file] = [process.argv[2], process.argv[3]];
  if ((mode !== "--dump" && mode !== "--gold") || !file) throw new Error("[triangulate] [eval] usage: alignment-values-data.js --dump FILE | --gold LABELS");
  const stories = await valuesStories(dataDir);
  const numbered: { story: (typeof stories)[number]; bundles: ArticleBundle[]; c: ValuesCandidate }[] = [];
  for (const story of stories) {
    const bundles = analyzeStory(story.articles);
    for (const c of valuesCandidates(bundles)) numbered.push({ story, bundles, c });
  }
  if (mode === "--dump") {
    const lines = numbered.map(({ c }, n) => {
      const flip = parseInt(shortHash(SALT, "flip", String(n)).slice(0, 2), 16) % 2 === 1;
      const [x, y] = flip ? [c.b, c.a] : [c.a, c.b];
      return `${n}\n  A: ${x.text.replace(/\s+/g, " ")}\n  B: ${y.text.replace(/\s+/g, " ")}\n`;
    });
    await writeFile(file, lines.join("\n"));
    console.log(`${numbered.length} pairs from ${stories.length} stories → ${file}`);
  } else {
    const labels = new Map((await readFile(file, "utf8")).split("\n").map((l) => l.trim().split(/\s+/)).filter((w) => w.length >= 2 && /^\d+$/.test(w[0]!)).map((w) => [Number(w[0]), w[1] === "same"] as const));
    const gold = new Map<string, ValuesGoldStory>();
    numbered.forEach(({ story, bundles, c }, n) => {
      if (!labels.has(n)) return;
      const key = `${story.source}:${story.story}`;
      const entry = gold.get(key) ?? { source: story.source, story: story.story, articles: story.articles.map((a) => a.article.id), pairs: [] };
      const byId = new Map(bundles.map((b) => [b.article.id, b]));
      entry.pairs.push({ a: ref(byId.get(c.a.articleId)!, c.a), b: ref(byId.get(c.b.articleId)!, c.b), same: labels.get(n)!, kind: c.kind });
      gold.set(key, entry);
    });
    await writeFile(ALIGNMENT_VALUES_GOLD, `${JSON.stringify([...gold.values()], null, 1)}\n`);
    console.log(`${labels.size} labels → ${ALIGNMENT_VALUES_GOLD}`);
  }
}
