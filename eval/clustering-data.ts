/**
 * Loaders for the clustering gold sets (our own code: only the data was copied into ../shared/data).
 *
 * - ECB+ (`clustering/ecbplus/ecbplus_docs.jsonl`): 982 documents, 43 topics × 2 sub-topics. A sub-topic is one
 *   real-world event ("1ecb" and "1ecbplus" are two different celebrity rehab check-ins), so gold event = subtopic,
 *   gold storyline = topic. No outlets, no dates.
 * - NEUS-AllSides (`clustering/neus-allsides/data/raw_crawled/headline_11_…jsonl`): 506 AllSides stories, each with
 *   up to three outlets (left / center / right). Gold event = the AllSides story id. Bodies are excerpts.
 *
 * Articles are built directly (extractedBy "input"), not through extractArticle, so the eval measures clustering
 * and not extraction. AllSides articles keep their link, and their publication date is the one the link itself
 * carries ("cnbc.com/2021/10/18/…"), read by the extractor's own URL rule: 579 of 1,479 links have one. The
 * story's date, which AllSides gives and all its articles share, is never used: it would leak the gold label into
 * the clustering, which gates on dates. ECB+ has no dates.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { urlCandidates } from "../src/extract/html/page-url.js";
import type { Article } from "../src/records.js";

export interface LabelledArticle {
  article: Article;
  /** The event (story) this document reports. */
  event: string;
  /** The group of look-alike events it belongs to (ECB+ topic, AllSides topic tag). */
  topic: string;
}

export const ECBPLUS_FILE = join("clustering", "ecbplus", "ecbplus_docs.jsonl");
export const ALLSIDES_DIR = join("clustering", "neus-allsides", "data", "raw_crawled");

interface EcbRecord {
  doc_id: string;
  topic: number;
  subtopic: string;
  title: string;
  text: string;
}

export async function loadEcbPlus(dataDir: string): Promise<LabelledArticle[]> {
  const source = join(dataDir, ECBPLUS_FILE);
  const lines = (await readFile(source, "utf8")).split("\n").filter((l) => l.trim());
  return lines.map((line) => {
    const r = JSON.parse(line) as EcbRecord;
    const article = makeArticle(`ecbplus:${r.doc_id}`, `${source}#${r.doc_id}`, null, detokenise(r.title), detokenise(r.text));
    return { article, event: r.subtopic, topic: String(r.topic) };
  });
}

interface AllSidesSide {
  newsSource?: string;
  newsLink?: string;
  newsTitle?: string;
  newBody?: string[];
}
interface AllSidesRecord {
  id: number;
  topic?: string;
  news?: Partial<Record<"left" | "center" | "right", AllSidesSide>>;
}

export async function loadAllSides(dataDir: string): Promise<LabelledArticle[]> {
  const { file, sides } = await readAllSidesSides(dataDir);
  return sides.map(({ story, side, news, text }) => {
    const article = makeArticle(`allsides:${story.id}:${side}`, `${file}#${story.id}/${side}`, news.newsSource ?? null, news.newsTitle ?? "", text);
    const url = news.newsLink ?? null;
    const linkDate = urlCandidates(url).find((c) => c.field === "publishedAt")?.value ?? null;
    return { article: { ...article, url, publishedAt: linkDate }, event: String(story.id), topic: story.topic ?? "" };
  });
}

/** Every story's sides that have text, in file order. */
async function readAllSidesSides(dataDir: string): Promise<{ file: string; sides: { story: AllSidesRecord; side: string; news: AllSidesSide; text: string }[] }> {
  const dir = join(dataDir, ALLSIDES_DIR);
  const file = (await readdir(dir)).find((f) => f.startsWith("headline_") && f.endsWith(".jsonl"));
  if (!file) throw new Error(`[triangulate] [eval] no headline_*.jsonl in ${dir}`);
  const sides = [];
  for (const line of (await readFile(join(dir, file), "utf8")).split("\n")) {
    if (!line.trim()) continue;
    const story = JSON.parse(line) as AllSidesRecord;
    for (const side of ["left", "center", "right"] as const) {
      const news = story.news?.[side];
      const text = (news?.newBody ?? []).map((p) => p.trim()).filter(Boolean).join("\n\n");
      if (news && text) sides.push({ story, side, news, text });
    }
  }
  return { file, sides };
}

function makeArticle(id: string, source: string, outlet: string | null, title: string, text: string): Article {
  return {
    id, source, url: null, outlet, title, authors: [], publishedAt: null, modifiedAt: null, language: "en",
    text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
}

/**
 * ECB+ text was tokenised and joined back with spaces ("Reid , 33 , said '' we …"). Undo the obvious part so the
 * analyzers see ordinary prose: quote pairs become ", spaces before punctuation and inside brackets go, split hyphens and clock times rejoin.
 */
export function detokenise(text: string): string {
  return text
    .replace(/``|''/g, '"')
    .replace(/\s+([.,;:!?%)\]}])/g, "$1")
    .replace(/([([{$])\s+/g, "$1")
    .replace(/\s+(n't|['’]s|'re|'ve|'ll|'d|'m)\b/gi, "$1")
    .replace(/(\w) - (?=\w)/g, "$1-") // "26 - year - old": split hyphens (a dash is "--" in this data)
    .replace(/(\d): (?=\d\d\b)/g, "$1:")
    .replace(/\s*’\s+s\b/g, "’s")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/** An AllSides article as the crawl holds it (outlet, title, link, paragraphs), for the product's own reader. */
export interface LabelledRecord {
  record: Record<string, unknown>;
  event: string;
}

/**
 * The same AllSides articles as `loadAllSides`, left as records: each side's object from the crawl with an `id`
 * added (to score by), so the eval can read them as a user's file would be read (parseArticleRecord → extraction
 * → analysis), the link's date included.
 */
export async function loadAllSidesRecords(dataDir: string): Promise<LabelledRecord[]> {
  const { sides } = await readAllSidesSides(dataDir);
  return sides.map(({ story, side, news }) => ({ record: { ...news, id: `allsides:${story.id}:${side}` }, event: String(story.id) }));
}
