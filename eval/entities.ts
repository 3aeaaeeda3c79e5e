/**
 * `node dist/eval/entities.js [--docs N]`: the entity recogniser against the one it replaced (compromise's tagger,
 * eval/entities-compromise.ts), on real news text from the shared data. No gold entity set is at hand, so:
 *
 * 1. Agreement: per type, the mentions both find with the same span and type, as precision/recall/F1 of the
 *    current recogniser taking the old one as reference (so "recall" = share of the old mentions kept), on
 *    PolNeAR test texts + the first N ECB+ documents + the first N AllSides excerpts (default N = 150).
 * 2. The real check, PolNeAR speaker names: PolNeAR's gold attribution sources (test + dev) that are names (every
 *    word capitalised once titles like "Sen." are set aside: "Trump", "Mr. Rove", "Hillary Clinton"; not "he", not
 *    "the campaign"): the share that a person entity overlaps.
 * 3. PolNeAR speaker accuracy, scored as eval/quotes.ts scores it, with each recogniser feeding the same quotes
 *    analyzer in the same run, so changes elsewhere in the working tree do not blur the comparison.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ROLE_WORDS } from "../src/_lib/lexicon.js";
import type { Analyzer } from "../src/analyze/analyzer.js";
import { findEntities } from "../src/analyze/entities/find.js";
import { ANALYZERS, analyzeArticle } from "../src/analyze/index.js";
import type { Article, EntityType } from "../src/records.js";
import { loadAllSides, loadEcbPlus } from "./clustering-data.js";
import { findEntities as findEntitiesCompromise } from "./entities-compromise.js";
import { parseAttributions } from "./quotes.js";

type Span = [number, number];
type Recogniser = (text: string) => { span: readonly [number, number]; type: EntityType; name: string }[];
const TYPES: EntityType[] = ["person", "org", "place"];
const POLNEAR = join("quotes", "polnear", "data");

interface Doc { id: string; text: string }

async function polnearDocs(dataDir: string, split: string): Promise<(Doc & { sources: Span[]; quotes: { content: Span; source: Span | null }[] })[]> {
  const root = join(dataDir, POLNEAR, split);
  const seen = new Set<string>();
  const out = [];
  for (const ann of (await readdir(join(root, "attributions"))).filter((f) => f.endsWith(".ann")).sort()) {
    const base = ann.replace(/_[^_]+\.ann$/, "");
    if (seen.has(base)) continue;
    seen.add(base);
    const text = await readFile(join(root, "text", `${base}.txt`), "utf8");
    const quotes = parseAttributions(await readFile(join(root, "attributions", ann), "utf8"));
    out.push({ id: base, text, quotes, sources: quotes.flatMap((q) => (q.source ? [q.source] : [])) });
  }
  return out;
}

function agreement(docs: readonly Doc[], current: Recogniser, reference: Recogniser) {
  const rows = new Map<string, { both: number; ours: number; theirs: number }>();
  const row = (k: string) => rows.get(k) ?? rows.set(k, { both: 0, ours: 0, theirs: 0 }).get(k)!;
  let oursMs = 0, theirsMs = 0;
  for (const { text } of docs) {
    let t = performance.now();
    const ours = current(text);
    oursMs += performance.now() - t;
    t = performance.now();
    const theirs = reference(text);
    theirsMs += performance.now() - t;
    const key = (e: { span: readonly [number, number]; type: string }) => `${e.span[0]}:${e.span[1]}:${e.type}`;
    const theirKeys = new Set(theirs.map(key));
    for (const type of [...TYPES, "all"]) {
      const of = <T extends { type: string }>(list: T[]) => (type === "all" ? list : list.filter((e) => e.type === type));
      const r = row(type);
      r.ours += of(ours).length;
      r.theirs += of(theirs).length;
      r.both += of(ours).filter((e) => theirKeys.has(key(e))).length;
    }
  }
  return { rows, oursMs: oursMs / docs.length, theirsMs: theirsMs / docs.length };
}

/** A gold source that is a name: after titles, every word capitalised ("Mr. Rove", "Sen. Ted Cruz", "Trump"). */
function isNamedSource(text: string): boolean {
  const words = text.trim().split(/\s+/).filter((w) => !ROLE_WORDS.has(w.toLowerCase().replace(/\.$/, "")));
  return words.length > 0 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}.’'-]*$/u.test(w)) &&
    !/^(He|She|They|We|I|It|The|This|That|Some|Many|Others)$/.test(words[0]!);
}

function speakerRecall(docs: Awaited<ReturnType<typeof polnearDocs>>, recognise: Recogniser) {
  let named = 0, found = 0;
  for (const doc of docs) {
    const people = recognise(doc.text).filter((e) => e.type === "person");
    for (const [s, e] of doc.sources) {
      if (!isNamedSource(doc.text.slice(s, e))) continue;
      named++;
      if (people.some((p) => p.span[0] < e && s < p.span[1])) found++;
    }
  }
  return { named, found, recall: named ? found / named : 0 };
}

/** eval/quotes.ts's speaker accuracy, with the entities analyzer swapped for one built on `recognise`. */
function speakerAccuracy(docs: Awaited<ReturnType<typeof polnearDocs>>, recognise: Recogniser): number {
  const entities: Analyzer = {
    name: "entities", version: 0, kinds: ["entity"],
    analyze: (article) => recognise(article.text).map(({ span, type, name }) => ({ kind: "entity", span, type, name, by: "eval" })),
  };
  const analyzers = ANALYZERS.map((a) => (a.name === "entities" ? entities : a));
  let checked = 0, right = 0;
  for (const doc of docs) {
    const article = { id: doc.id, source: doc.id, url: null, outlet: null, title: "", authors: [], publishedAt: null, modifiedAt: null,
      language: "en", text: doc.text, captions: [], embeds: [], provenance: {}, extractedBy: "input" } as Article;
    const quotes = analyzeArticle(article, analyzers).filter((a) => a.kind === "quote");
    for (const g of doc.quotes) {
      if (!isDirect(doc.text, g.content) || !g.source) continue;
      const q = quotes.find((x) => overlapShare(x.span as Span, g.content) >= 0.5);
      if (!q) continue;
      checked++;
      const goldSource = doc.text.slice(g.source[0], g.source[1]).toLowerCase();
      const surname = q.speaker?.split(/\s+/).at(-1)?.toLowerCase();
      const spanHit = q.speakerSpan && q.speakerSpan[0] < g.source[1] && g.source[0] < q.speakerSpan[1];
      if (spanHit || (surname && goldSource.includes(surname))) right++;
    }
  }
  return checked ? right / checked : 0;
}

const isDirect = (text: string, [start, end]: Span) =>
  /["“”]/.test(text.slice(Math.max(0, start - 2), start + 1)) || /["“”]/.test(text.slice(end - 1, end + 2));
const overlapShare = ([a, b]: Span, [c, d]: Span) => Math.max(0, Math.min(b, d) - Math.max(a, c)) / Math.max(1, b - a);

async function main(argv: string[]): Promise<void> {
  const dataDir = resolve(process.env.TRIANGULATE_DATA ?? "../shared/data");
  const n = argv.includes("--docs") ? Number(argv[argv.indexOf("--docs") + 1]) : 150;
  const test = await polnearDocs(dataDir, "test");
  const dev = await polnearDocs(dataDir, "dev");
  const news: Doc[] = [
    ...test,
    ...(await loadEcbPlus(dataDir)).slice(0, n).map(({ article }) => ({ id: article.id, text: article.text })),
    ...(await loadAllSides(dataDir)).slice(0, n).map(({ article }) => ({ id: article.id, text: article.text })),
  ];
  findEntities("Warm up the gazetteer."); findEntitiesCompromise("Warm up the tagger.");
  const { rows, oursMs, theirsMs } = agreement(news, findEntities, findEntitiesCompromise);
  const f = (x: number) => x.toFixed(3);
  const lines = [`Agreement with the compromise recogniser on ${news.length} texts (exact span and type; old = reference):`, "",
    "| type | old mentions | new mentions | same | precision | recall | F1 |", "|---|---|---|---|---|---|---|"];
  for (const [type, r] of rows) {
    const p = r.ours ? r.both / r.ours : 0, rc = r.theirs ? r.both / r.theirs : 0;
    lines.push(`| ${type} | ${r.theirs} | ${r.ours} | ${r.both} | ${f(p)} | ${f(rc)} | ${f(p + rc ? (2 * p * rc) / (p + rc) : 0)} |`);
  }
  lines.push("", `ms per text: new ${oursMs.toFixed(2)} (shared wink pass included), old ${theirsMs.toFixed(2)}`);
  const gold = [...test, ...dev];
  lines.push("", `PolNeAR gold speaker names (test + dev, ${gold.length} texts) found as person entities:`, "", "| recogniser | named sources | found | recall |", "|---|---|---|---|");
  for (const [name, rec] of [["new", findEntities], ["compromise (old)", findEntitiesCompromise]] as const) {
    const r = speakerRecall(gold, rec);
    lines.push(`| ${name} | ${r.named} | ${r.found} | ${f(r.recall)} |`);
  }
  lines.push("", `PolNeAR test speaker accuracy (eval/quotes.ts scoring, same quotes analyzer): new ${f(speakerAccuracy(test, findEntities))}, ` +
    `old ${f(speakerAccuracy(test, findEntitiesCompromise))}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
