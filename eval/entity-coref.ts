/**
 * Cross-document entity coreference on ECB+ (entities/ecbplus-mentions): the GOLD entity mentions are resolved the
 * way a report resolves entities, and scored with MUC, B³, CEAF-e and their mean, the CoNLL F1 (entities-coref-score.ts).
 *
 * Ours, per document: the entities analyzer (recogniser + in-article binding: surnames, titles, role descriptions,
 * acronyms, outlet names) runs on the text; each gold mention takes the name of the analyzer mention that overlaps it
 * most and covers its head word (a bound "the governor" carries "Rick Perry"). Then resolveEntities
 * (report/resolve-entities.ts) joins the documents, exactly as for a report. Most ECB+ entity mentions are not names
 * ("the actress", "rehab", "on Tuesday"): the analyzer emits nothing for them, so a gold mention no analyzer mention
 * covers is keyed by its head lemma, as the baseline keys everything (a single capitalised word, a name the
 * recogniser missed, as written), and a pronoun stays alone (pronouns are the speaker code's). The difference from the baseline is therefore our resolution of the names the analyzer finds.
 * Baseline, computed here: mentions with the same head lemma (the last word, lower case, possessive and plural -s
 * dropped) are one.
 *
 * Two scopes: "merged" puts all documents of the split into one report (store-wide resolution); "per sub-topic" runs
 * one report per gold sub-topic (the stories clustering would give). Singletons count, as in the CoNLL setup.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { analyzeArticle } from "../src/analyze/index.js";
import entities from "../src/analyze/entities/index.js";
import type { Annotation, Article, ArticleBundle, EntityType } from "../src/records.js";
import { resolveEntities } from "../src/report/resolve-entities.js";
import { type CorefScore, scoreCoreference } from "./entities-coref-score.js";

export const ECBPLUS_MENTIONS_DIR = join("entities", "ecbplus-mentions");
/**
 * eval/main.ts gates ours on the test split, per sub-topic, at this CoNLL F1. Calibration: 0.702 measured when the
 * gate was set (docs/BENCHMARKS.md "Entity coreference"); the floor sits under it for noise-free headroom only.
 */
export const ENTITY_COREF_GATE = "entities: ECB+ test CoNLL F1 (gold mentions, per sub-topic)";
export const ENTITY_COREF_FLOOR = 0.69;

interface Doc { doc_id: string; subtopic: string; split: string; text: string }
interface GoldMention { doc_id: string; mention_id: string; start: number; end: number; text: string; chain_id: string; kind: string; type_full: string; split: string }

export interface EntityCorefScope { ours: CorefScore; baseline: CorefScore }
export interface EntityCorefEval {
  split: string;
  documents: number;
  merged: EntityCorefScope;
  perSubtopic: EntityCorefScope;
  /** Per sub-topic, scored on the gold mentions that are names only (capitalised, not a pronoun): what the entities analyzer is for. */
  names: EntityCorefScope;
  /** Gold mentions an analyzer mention overlapped (the rest kept their words or stayed alone). */
  covered: number;
  seconds: number;
}

const PRONOUN = /^(he|she|it|they|him|her|them|his|hers|its|their|theirs|himself|herself|itself|themselves|i|me|my|we|us|our|you|your|who|whom|whose|which|that|this|these|those)$/i;

export async function evalEntityCoref(dataDir: string, split = "test"): Promise<EntityCorefEval> {
  const started = performance.now();
  const dir = join(dataDir, ECBPLUS_MENTIONS_DIR);
  const docs = (await readJsonl<Doc>(join(dir, "ecbplus_docs.jsonl"))).filter((d) => split === "all" || d.split === split);
  const wanted = new Set(docs.map((d) => d.doc_id));
  const gold = (await readJsonl<GoldMention>(join(dir, "ecbplus_mentions.jsonl"))).filter((m) => m.kind === "entity" && wanted.has(m.doc_id));
  const byDoc = new Map<string, GoldMention[]>();
  for (const m of gold) byDoc.set(m.doc_id, [...(byDoc.get(m.doc_id) ?? []), m]);

  let covered = 0;
  const named = new Map<GoldMention, { name: string; type: EntityType } | null>();
  const bundles = new Map<string, ArticleBundle>();
  for (const doc of docs) {
    const article = { id: doc.doc_id, source: doc.doc_id, url: null, outlet: null, title: "", authors: [], publishedAt: null, modifiedAt: null, language: "en", text: doc.text, captions: [], embeds: [], provenance: {}, extractedBy: "eval" } as Article;
    const found = analyzeArticle(article, [entities]).filter((a): a is Extract<Annotation, { kind: "entity" }> => a.kind === "entity");
    const annotations: Annotation[] = [];
    for (const m of byDoc.get(doc.doc_id) ?? []) {
      const over = bestOverlap(found, m);
      if (over) covered++;
      const resolved = over ? { name: over.name, type: over.type } : PRONOUN.test(m.text.trim()) ? null : { name: uncoveredName(m), type: "other" as EntityType };
      named.set(m, resolved);
      if (resolved) annotations.push({ kind: "entity", span: [m.start, m.end], type: resolved.type, name: resolved.name, by: "eval" });
    }
    bundles.set(doc.doc_id, { article, annotations });
  }

  const score = (groups: string[][], only: (m: GoldMention) => boolean = () => true): EntityCorefScope => {
    const key: string[] = [], ours: string[] = [], baseline: string[] = [];
    for (const docIds of groups) {
      const entitiesOf = resolveEntities(docIds.map((id) => bundles.get(id)!));
      const entityAt = new Map<string, string>();
      for (const e of entitiesOf) for (const m of e.mentions) entityAt.set(`${m.articleId}:${m.start}:${m.end}`, e.id);
      const scope = docIds.join(",").length > 200 ? docIds[0]! : docIds.join(",");
      for (const id of docIds) {
        for (const m of byDoc.get(id) ?? []) {
          if (!only(m)) continue;
          key.push(m.chain_id);
          const entity = named.get(m) ? entityAt.get(`${m.doc_id}:${m.start}:${m.end}`) : undefined;
          ours.push(entity ? `${scope}|${entity}` : `alone|${m.mention_id}`);
          baseline.push(`${scope}|${headLemma(m.text)}`);
        }
      }
    }
    return { ours: scoreCoreference(key, ours), baseline: scoreCoreference(key, baseline) };
  };
  const bySubtopic = new Map<string, string[]>();
  for (const d of docs) bySubtopic.set(d.subtopic, [...(bySubtopic.get(d.subtopic) ?? []), d.doc_id]);
  return {
    split,
    documents: docs.length,
    merged: score([docs.map((d) => d.doc_id)]),
    perSubtopic: score([...bySubtopic.values()]),
    names: score([...bySubtopic.values()], isName),
    covered,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The analyzer mention sharing the most characters with the gold mention and covering its head (last word): "in
 * Canada" is Canada, but "Texas jury" is a jury, not Texas.
 */
function bestOverlap(found: readonly Extract<Annotation, { kind: "entity" }>[], m: GoldMention) {
  const lastWord = /[\p{L}\p{N}][^\s]*$/u.exec(m.text.replace(/[’']s?\s*$|[\s.,;:)]+$/u, ""));
  const headStart = m.start + (lastWord?.index ?? 0);
  let best: (typeof found)[number] | undefined, most = 0;
  for (const a of found) {
    if (a.span[1] <= headStart || a.span[0] >= m.end) continue;
    const shared = Math.min(a.span[1], m.end) - Math.max(a.span[0], m.start);
    if (shared > most) (most = shared), (best = a);
  }
  return best;
}

/** A proper name by its spelling: a capital after any leading preposition or article, and not a pronoun ("He"). */
const isName = (m: GoldMention): boolean => /^\p{Lu}/u.test(m.text.replace(/^(in|on|at|to|from|for|of|the|a|an)\s+/i, "")) && !PRONOUN.test(m.text.trim());

/**
 * A gold mention the analyzer found nothing in is keyed by its head lemma, as the baseline keys it; but a single
 * capitalised word is a name the recogniser missed ("Cheeks", "of Queens") and is kept as written, so it can still
 * join "Maurice Cheeks" or "Queens" (a surname is not a plural).
 */
function uncoveredName(m: GoldMention): string {
  const bare = m.text.replace(/^(?:(?:in|on|at|to|from|for|of|by|with)\s+)?(?:(?:the|a|an)\s+)?/i, "").replace(/[’']s?\s*$|[\s.,;:]+$/u, "");
  return /^\p{Lu}[\p{L}\p{N}.&-]*$/u.test(bare) ? bare : headLemma(m.text);
}

/** The baseline's key: the last word, lower case, possessive and a plural -s dropped ("Lohan's" → "lohan", "stars" → "star"). */
export function headLemma(text: string): string {
  const words = text.toLowerCase().replace(/[’']s\b/g, "").match(/[\p{L}\p{N}][\p{L}\p{N}.-]*/gu) ?? [text.toLowerCase()];
  const head = words.at(-1)!;
  if (/ies$/.test(head) && head.length > 4) return `${head.slice(0, -3)}y`;
  if (/[^s]s$/.test(head) && head.length > 3) return head.slice(0, -1);
  return head;
}

async function readJsonl<T>(path: string): Promise<T[]> {
  const text = await readFile(path, "utf8").catch((cause) => {
    throw new Error(`[triangulate] [eval] cannot read ${path}`, { cause });
  });
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

export function formatEntityCoref(results: readonly EntityCorefEval[]): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const row = (label: string, s: CorefScore) =>
    `| ${label} | ${pct(s.muc.f1)} | ${pct(s.b3.precision)} / ${pct(s.b3.recall)} / ${pct(s.b3.f1)} | ${pct(s.ceafe.f1)} | **${pct(s.conllF1)}** |`;
  const lines = ["Entity coreference on ECB+ gold entity mentions (MUC F1, B³ P/R/F1, CEAF-e F1, CoNLL F1):", "", "| split, scope, system | MUC | B³ P / R / F1 | CEAF-e | CoNLL |", "|---|---|---|---|---|"];
  for (const r of results) {
    for (const [scope, s] of [["merged", r.merged], ["per sub-topic", r.perSubtopic], ["names only, per sub-topic", r.names]] as const) {
      lines.push(row(`${r.split} (${r.documents} docs), ${scope}, ours`, s.ours), row(`${r.split}, ${scope}, same head lemma`, s.baseline));
    }
    lines.push(`\n${r.split}: ${r.merged.ours.mentions} gold entity mentions, ${r.covered} overlapped by an analyzer mention; ${r.seconds.toFixed(1)} s`);
  }
  return lines.join("\n");
}
