/**
 * A census of the death and injury counts the comparison disputes on GVC incidents (issue 22), read against the Gun
 * Violence Archive's record of each incident: do the rules that find conflicts generalise beyond the stories they
 * were read on? Each incident's reports (train split by default; ../shared/data/conflicts/gvc) are compared as one
 * story (clustering bypassed: the corpus says which reports are of one incident). Counted, not scored (nothing
 * here is labelled by hand):
 *
 * - readings: each report's figures of the dead and the hurt (quantity.ts's roles), and how many equal the record;
 * - disputes over a count of the dead or the hurt: how many have a side that the record bears out (the reports
 *   really differ, and one of them is right), and how many have no side on the record (a look-alike figure,
 *   another victim group, or an early count: the ones to read);
 * - possible misses: incidents whose reports give incompatible counts of one role, where no dispute was found;
 *   many are legitimate (a count of one victim group, "two of the wounded"), and they are listed for reading.
 *
 *   node dist-NAME/eval/conflicts-gvc.js [--split train|dev|test|all] [--examples N]
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArticleRecord } from "../src/ingest/records-file.js";
import { processDocuments } from "../src/pipeline.js";
import { compareStory } from "../src/compare/compare-story.js";
import { isAddress, quantityScope } from "../src/compare/claims/quantity.js";
import type { AnnotationOf, ArticleBundle, StoryComparison } from "../src/records.js";
import { resolveEntities } from "../src/report/resolve-entities.js";
import { GVC_DOCS } from "./verdicts-real.js";

interface GvcDoc { doc_id: string; incident_id: string; split: string; title: string; date: string; url: string; outlet: string; text: string }
interface GvcIncident { incident_id: string; split: string; num_killed: number; num_injured: number }
type Role = "death" | "injury";
interface Reading { articleId: string; role: Role; value: number; text: string; sentence: string }

export interface GvcCensus {
  split: string;
  incidents: number;
  reports: number;
  readings: Record<Role, { all: number; onRecord: number }>;
  disputes: { all: number; sideOnRecord: number; noSideOnRecord: number };
  possibleMisses: number;
  examples: string[];
  seconds: number;
}

const ROLES: readonly Role[] = ["death", "injury"];
const recordOf = (i: GvcIncident, role: Role) => (role === "death" ? i.num_killed : i.num_injured);

export async function gvcCensus(dataDir: string, split = "train", maxExamples = 12): Promise<GvcCensus> {
  const started = performance.now();
  const docs = (await readFile(join(dataDir, GVC_DOCS), "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as GvcDoc);
  const incidents = (await readFile(join(dataDir, "conflicts", "gvc", "gvc_incidents.jsonl"), "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as GvcIncident);
  const census: GvcCensus = {
    split, incidents: 0, reports: 0, readings: { death: { all: 0, onRecord: 0 }, injury: { all: 0, onRecord: 0 } },
    disputes: { all: 0, sideOnRecord: 0, noSideOnRecord: 0 }, possibleMisses: 0, examples: [], seconds: 0,
  };
  for (const incident of incidents.filter((i) => split === "all" || i.split === split)) {
    const own = docs.filter((d) => d.incident_id === incident.incident_id);
    if (own.length < 2) continue;
    const records = own.map((d, k) => {
      const body = d.text.startsWith(`${d.title}\n\n`) ? d.text.slice(d.title.length + 2) : d.text;
      return parseArticleRecord({ id: d.doc_id, title: d.title, text: body, url: d.url, outlet: d.outlet, publishedAt: d.date }, `gvc-${incident.incident_id}#${k}`, "2026-01-01T00:00:00Z");
    });
    const bundles = processDocuments(records, { maxArticleChars: 300_000 }).bundles;
    if (bundles.length < 2) continue;
    census.incidents++;
    census.reports += bundles.length;
    const story = { id: incident.incident_id, title: "", articleIds: bundles.map((b) => b.article.id), storylineId: incident.incident_id, firstPublished: null, lastPublished: null };
    const comparison = compareStory(story, bundles, resolveEntities(bundles));
    const readings = bundles.flatMap(readingsOf);
    for (const r of readings) {
      census.readings[r.role].all++;
      if (r.value === recordOf(incident, r.role)) census.readings[r.role].onRecord++;
    }
    const disputed = countDisputes(comparison, bundles);
    for (const d of disputed) {
      census.disputes.all++;
      const onRecord = d.values.some((v) => v === recordOf(incident, d.role));
      if (onRecord) census.disputes.sideOnRecord++;
      else census.disputes.noSideOnRecord++;
      if (!onRecord && census.examples.length < maxExamples) census.examples.push(`[dispute, no side on record: ${d.role} ${recordOf(incident, d.role)}] ${incident.incident_id}: ${d.text}`);
    }
    for (const role of ROLES) {
      const values = new Set(readings.filter((r) => r.role === role).map((r) => `${r.articleId}|${r.value}`));
      const byArticle = new Map<string, Set<number>>();
      for (const v of values) {
        const [id, n] = v.split("|") as [string, string];
        byArticle.set(id, (byArticle.get(id) ?? new Set()).add(Number(n)));
      }
      // Each report gives one figure of this role, and two reports' differ: the clear case a dispute should show.
      const single = [...byArticle.values()].filter((s) => s.size === 1).map((s) => [...s][0]!);
      if (new Set(single).size < 2 || disputed.some((d) => d.role === role)) continue;
      census.possibleMisses++;
      if (census.examples.length < maxExamples) {
        const said = readings.filter((r) => r.role === role).map((r) => `"${r.text}" in "${r.sentence.slice(0, 110)}"`).join(" / ");
        census.examples.push(`[possible miss: ${role}, record ${recordOf(incident, role)}] ${incident.incident_id}: ${said}`);
      }
    }
  }
  census.seconds = (performance.now() - started) / 1000;
  return census;
}

/** A report's figures of the dead and the hurt, as the comparison reads them (digits or counts spelled out). */
function readingsOf(b: ArticleBundle): Reading[] {
  const sentences = b.annotations.filter((a): a is AnnotationOf<"sentence"> => a.kind === "sentence");
  return b.annotations.flatMap((n): Reading[] => {
    if (n.kind !== "number" || n.unit === "%" || n.unit === "USD" || !Number.isInteger(n.value)) return [];
    const said = b.article.text.slice(n.span[0], n.span[1]);
    // As conflicts.ts reads figures: "a 9-year-old", "333 Rio Vista Dr." and "thousands" count nobody.
    if (/^\S+-\p{L}+$/u.test(said) || isAddress(b.article.text.slice(n.span[1], n.span[1] + 24)) || /^(?:dozens|hundreds|thousands)/i.test(said)) return [];
    const s = sentences.find((x) => x.span[0] <= n.span[0] && n.span[1] <= x.span[1]);
    if (!s) return [];
    const role = quantityScope(b.article.text, s.span, n).role;
    if (role !== "death" && role !== "injury") return [];
    return [{ articleId: b.article.id, role, value: n.value, text: b.article.text.slice(n.span[0], n.span[1]), sentence: b.article.text.slice(s.span[0], s.span[1]) }];
  });
}

/** The comparison's number disputes over a count of the dead or the hurt: each side's figure, read back. */
function countDisputes(c: StoryComparison, bundles: readonly ArticleBundle[]): { role: Role; values: number[]; text: string }[] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const out: { role: Role; values: number[]; text: string }[] = [];
  for (const claim of c.claims) {
    if (claim.status !== "disputed") continue;
    for (const conflict of claim.conflicts) {
      if ((conflict.kind ?? "number") !== "number") continue;
      const sides = [[conflict.articleId, conflict.value], [conflict.otherArticleId, conflict.otherValue]] as const;
      const read = sides.map(([id, value]) => {
        const b = byId.get(id);
        const inClaim = claim.support.filter((s) => s.articleId === id && !s.field);
        const r = b ? readingsOf(b).find((x) => inClaim.some((s) => s.text === x.sentence || s.text.includes(x.text)) && value.endsWith(x.text)) : undefined;
        return r ?? null;
      });
      if (!read[0] || !read[1] || read[0].role !== read[1].role) continue;
      out.push({ role: read[0].role, values: [read[0].value, read[1].value], text: `"${conflict.value}" (${conflict.source ?? "?"}) against "${conflict.otherValue}" (${conflict.otherSource ?? "?"}) in: ${claim.text.slice(0, 140)}` });
    }
  }
  return out;
}

export function formatGvcCensus(c: GvcCensus): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "-");
  return [
    `GVC census (${c.split}): ${c.incidents} incidents with ≥ 2 reports, ${c.reports} reports, ${c.seconds.toFixed(1)} s — counted against the GVA records, not scored`,
    `Readings on the record: dead ${c.readings.death.onRecord}/${c.readings.death.all} (${pct(c.readings.death.onRecord, c.readings.death.all)}), hurt ${c.readings.injury.onRecord}/${c.readings.injury.all} (${pct(c.readings.injury.onRecord, c.readings.injury.all)})`,
    `Disputes over a count of the dead or the hurt: ${c.disputes.all} (a side on the record ${c.disputes.sideOnRecord}, none on it ${c.disputes.noSideOnRecord}); possible misses ${c.possibleMisses}`,
    ...c.examples.map((e) => `- ${e}`),
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const census = await gvcCensus(resolve(process.env.TRIANGULATE_DATA ?? "../shared/data"), arg("--split") ?? "train", Number(arg("--examples") ?? 12));
  process.stdout.write(`${formatGvcCensus(census)}\n`);
}
