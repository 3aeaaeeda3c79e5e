/**
 * Real stories labelled blind (issue 22): eval/verdicts-real/<slug>.json name shared-data documents by id (GVC
 * incidents: ../shared/data/conflicts/gvc) and say, per proposition, which reports state it, with which value and
 * on whose word, whether the values conflict and how many independent sources stand behind it; and which sentences
 * are boilerplate or opinion (format: eval/verdicts/README.md, "Real stories"). Each story's documents go through
 * the product's record reader (parseArticleRecord) and the pipeline (processDocuments, buildReport), then:
 *
 * - support recall: pairs of statements of one proposition in different reports that one claim holds together;
 * - support precision: pairs of a claim's supports in different reports that both hold labelled statements, whose
 *   statements share a proposition (unlabelled sentences are not judged);
 * - conflict recall: conflicting propositions shown as a disputed claim holding two of its values;
 *   conflict precision: disputed claims holding labelled statements that are such a conflict;
 * - independent-count accuracy: the claim holding all of a proposition's statements has an accepted count;
 * - boilerplate/opinion share: claims whose support holds a sentence labelled as boilerplate or opinion.
 */
import { readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArticleRecord } from "../src/ingest/records-file.js";
import { processDocuments } from "../src/pipeline.js";
import { buildReport } from "../src/report/build-report.js";
import { loadAllSidesRecords } from "./clustering-data.js";
import { readReport, type ReportView } from "./verdicts-anchors.js";
import { type Counts, newCounts, type RealGold, scoreRealStory } from "./verdicts-real-score.js";

export const GVC_DOCS = join("conflicts", "gvc", "gvc_docs.jsonl");
export const REAL_DIR = () => resolve(process.env.TRIANGULATE_VERDICTS_REAL ?? join("eval", "verdicts-real"));

/** The targets (not gated yet: see docs/BENCHMARKS.md). */
export const REAL_TARGETS = { conflictPrecision: 0.9, conflictRecall: 0.8, independentAccuracy: 0.9, boilerplateShare: 0.02 };

interface GvcDoc { doc_id: string; title: string; date: string; url: string; outlet: string; text: string }

const ratio = (hit: number, of: number) => ({ hit, of, rate: of ? hit / of : 0 });
export interface RealScore {
  stories: number;
  documents: number;
  claims: number;
  supportRecall: ReturnType<typeof ratio>;
  supportPrecision: ReturnType<typeof ratio>;
  conflictRecall: ReturnType<typeof ratio>;
  conflictPrecision: ReturnType<typeof ratio>;
  independentAccuracy: ReturnType<typeof ratio>;
  boilerplateShare: ReturnType<typeof ratio>;
  /** Labelled anchors the extraction left out of the article (not scored). */
  lostAnchors: number;
  misses: string[];
}

export async function evalVerdictsReal(dataDir: string, dir = REAL_DIR()): Promise<RealScore> {
  const docs = await loadDocuments(dataDir);
  const counts = newCounts();
  const score = { stories: 0, documents: 0, claims: 0, lostAnchors: 0, misses: [] as string[] };
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".json")).sort()) {
    const gold = JSON.parse(await readFile(join(dir, file), "utf8")) as RealGold;
    let view: ReportView;
    try {
      view = runStory(gold, docs);
    } catch (error) {
      score.misses.push(`[${file}] not scored: ${(error as Error).message}`);
      continue;
    }
    score.stories++;
    score.documents += gold.docs.length;
    score.claims += view.claims.length;
    score.lostAnchors += scoreRealStory(view, gold, counts, (what) => score.misses.push(`[${file}] ${what}`));
  }
  const r = (k: keyof Counts) => ratio(counts[k][0], counts[k][1]);
  return { ...score, supportRecall: r("supportRecall"), supportPrecision: r("supportPrecision"), conflictRecall: r("conflictRecall"),
    conflictPrecision: r("conflictPrecision"), independentAccuracy: r("independentAccuracy"), boilerplateShare: r("boilerplateShare") };
}

/**
 * Document id → its record as a user would give it: GVC's title apart from the body (the corpus puts it on the
 * first line), URL, host as outlet, date; an AllSides side as the crawl has it (loadAllSidesRecords, id
 * "allsides:<story>:<side>"), read under the crawl's own field names.
 */
async function loadDocuments(dataDir: string): Promise<Map<string, Record<string, unknown>>> {
  const gvc = (await readFile(join(dataDir, GVC_DOCS), "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as GvcDoc);
  const docs = new Map<string, Record<string, unknown>>(gvc.map((d) => {
    const body = d.text.startsWith(`${d.title}\n\n`) ? d.text.slice(d.title.length + 2) : d.text;
    return [d.doc_id, { id: d.doc_id, title: d.title, text: body, url: d.url, outlet: d.outlet, publishedAt: d.date }];
  }));
  // AllSides is optional here: a story naming its documents is reported as not scored when the crawl is absent.
  const allsides = await loadAllSidesRecords(dataDir).catch(() => []);
  for (const { record } of allsides) docs.set(String(record.id), record);
  return docs;
}

/** The story's documents through the record reader and the pipeline → the report's view. */
function runStory(gold: RealGold, docs: Map<string, Record<string, unknown>>): ReportView {
  const records = gold.docs.map((id, k) => {
    const d = docs.get(id);
    if (!d) throw new Error(`[triangulate] [eval] ${gold.story}: no document ${id} in the shared data`);
    return parseArticleRecord(d, `${gold.story}#${k}`, "2026-01-01T00:00:00Z");
  });
  const processed = processDocuments(records, { maxArticleChars: 300_000 });
  return readReport(buildReport(processed.bundles, { now: () => "2026-01-01T00:00:00.000Z" }).report);
}

const f3 = (x: { hit: number; of: number; rate: number }) => `${x.rate.toFixed(3)} (${x.hit}/${x.of})`;
export function formatVerdictsReal(s: RealScore, maxMisses = 40): string {
  return [
    `Real stories labelled blind: ${s.stories} (GVC incidents, AllSides stories), ${s.documents} reports, ${s.claims} claims; ${s.lostAnchors} labelled anchors not in the extracted text`,
    "| measure | value | target |",
    "|---|---|---|",
    `| support precision (pairs) | ${f3(s.supportPrecision)} | |`,
    `| support recall (pairs) | ${f3(s.supportRecall)} | |`,
    `| conflict precision | ${f3(s.conflictPrecision)} | ≥ ${REAL_TARGETS.conflictPrecision} |`,
    `| conflict recall | ${f3(s.conflictRecall)} | ≥ ${REAL_TARGETS.conflictRecall} |`,
    `| independent count exact | ${f3(s.independentAccuracy)} | ≥ ${REAL_TARGETS.independentAccuracy} |`,
    `| claims holding boilerplate or opinion | ${f3(s.boilerplateShare)} | ≤ ${REAL_TARGETS.boilerplateShare} |`,
    ...(s.misses.length ? ["", `Misses (first ${Math.min(maxMisses, s.misses.length)} of ${s.misses.length}):`, ...s.misses.slice(0, maxMisses).map((m) => `- ${m}`)] : []),
  ].join("\n");
}
