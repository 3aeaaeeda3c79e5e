/**
 * What the comparison finds on every multi-article story of NeuS-AllSides and ECB+ (issue 6): how many claims are
 * carried by several outlets and corroborated, how many conflicts and drift entries of each kind, with examples
 * picked by hash for a reader to judge. Nothing here is labelled, so nothing is scored or gated: this is the census
 * that the conflict rules were read against (109 number "conflicts" when every pair of counted numbers was
 * compared, nearly all false; see docs/decisions.md), and the place to see whether a change floods the report.
 *
 *   node dist/eval/comparison-census.js        (also printed by `npm run eval -- --only alignment`)
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { shortHash } from "../src/_lib/hash.js";
import { analyzeArticle } from "../src/analyze/index.js";
import { compareStory } from "../src/compare/compare-story.js";
import type { ArticleBundle, Story } from "../src/records.js";
import { resolveEntities } from "../src/report/resolve-entities.js";
import { type LabelledArticle, loadAllSides, loadEcbPlus } from "./clustering-data.js";

const EXAMPLES_PER_KIND = 3;
const SALT = "comparison-census-v1";

interface Example { story: string; kind: string; text: string }

export interface ComparisonCensus {
  stories: number;
  articles: number;
  claims: number;
  multiOutlet: number;
  corroborated: number;
  headlineClaims: number;
  conflicts: Record<string, number>;
  drift: Record<string, number>;
  examples: Example[];
  seconds: number;
}

export async function comparisonCensus(dataDir: string): Promise<ComparisonCensus> {
  const started = performance.now();
  const docs = [...(await loadAllSides(dataDir)), ...(await loadEcbPlus(dataDir))];
  const byEvent = new Map<string, LabelledArticle[]>();
  for (const d of docs) byEvent.set(d.event, [...(byEvent.get(d.event) ?? []), d]);
  const census: ComparisonCensus = { stories: 0, articles: 0, claims: 0, multiOutlet: 0, corroborated: 0, headlineClaims: 0, conflicts: {}, drift: {}, examples: [], seconds: 0 };
  const candidates: Example[] = [];
  for (const [event, members] of byEvent) {
    if (members.length < 2) continue;
    const bundles: ArticleBundle[] = members.map((d) => ({ article: d.article, annotations: analyzeArticle(d.article) }));
    const story: Story = { id: event, title: event, articleIds: bundles.map((b) => b.article.id), storylineId: event, firstPublished: null, lastPublished: null };
    const comparison = compareStory(story, bundles, resolveEntities(bundles));
    census.stories++;
    census.articles += bundles.length;
    census.claims += comparison.claims.length;
    census.multiOutlet += comparison.claims.filter((c) => c.outlets.length > 1).length;
    census.corroborated += comparison.claims.filter((c) => c.status === "corroborated").length; // 2.0: ≥ 2 independent sources and no dispute
    census.headlineClaims += comparison.claims.filter((c) => c.support.some((s) => s.field === "title")).length;
    for (const claim of comparison.claims) {
      for (const c of claim.conflicts) {
        const kind = `conflict: ${c.kind ?? "number"}`;
        census.conflicts[c.kind ?? "number"] = (census.conflicts[c.kind ?? "number"] ?? 0) + 1;
        candidates.push({ story: event, kind, text: `${c.source ?? "one source"} “${c.value}” against ${c.otherSource ?? "another"} “${c.otherValue}” in: ${claim.text}` });
      }
    }
    for (const d of comparison.drift ?? []) {
      census.drift[d.kind] = (census.drift[d.kind] ?? 0) + 1;
      candidates.push({ story: event, kind: `drift: ${d.kind}`, text: `${d.detail}: “${d.from.text}” → “${d.to.text}”` });
    }
  }
  const kinds = [...new Set(candidates.map((c) => c.kind))].sort();
  const key = (e: Example) => shortHash(SALT, e.story, e.text);
  for (const kind of kinds) {
    census.examples.push(...candidates.filter((c) => c.kind === kind).sort((a, b) => (key(a) < key(b) ? -1 : 1)).slice(0, EXAMPLES_PER_KIND));
  }
  census.seconds = (performance.now() - started) / 1000;
  return census;
}

export function formatComparisonCensus(c: ComparisonCensus): string {
  const counts = (r: Record<string, number>) => Object.entries(r).sort().map(([k, n]) => `${k} ${n}`).join(", ") || "none";
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 299)}…` : s);
  return [
    `Comparison census: ${c.stories} stories of NeuS-AllSides and ECB+ with ≥ 2 articles (${c.articles} articles), ${c.seconds.toFixed(1)} s — counted, not scored`,
    `Claims ${c.claims}: carried by ≥ 2 outlets ${c.multiOutlet}, corroborated (≥ 2 independent sources) ${c.corroborated}, with a headline ${c.headlineClaims}.`,
    `Conflicts (entries, each side of a dispute counted on its claim): ${counts(c.conflicts)}. Drift: ${counts(c.drift)}.`,
    "Examples (by hash):",
    ...c.examples.map((e) => `- [${e.kind}] ${e.story}: ${cut(e.text.replace(/\s+/g, " "))}`),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const census = await comparisonCensus(resolve(process.env.TRIANGULATE_DATA ?? "../shared/data"));
  process.stdout.write(`${formatComparisonCensus(census)}\n`);
}
