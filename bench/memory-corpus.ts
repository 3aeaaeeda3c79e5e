/**
 * Inputs of a given size for bench/memory.ts, written to files: real news text (ECB+ and AllSides, edited 10% per
 * copy by bench/workers.ts's benchDocuments, so every article is distinct and the analyzers see news, not filler) as
 * - jsonl: one article record a line, `{ id, title, text, outlet, publishedAt }` — thousands of articles;
 * - html: one page of `<p>` paragraphs (one input, refused as an article when over maxArticleChars: what is
 *   measured is reading, decoding and extraction);
 * - text: the same paragraphs as plain text.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { loadAllSides, loadEcbPlus } from "../eval/clustering-data.js";
import { benchDocuments } from "./workers.js";

export type MemoryFormat = "jsonl" | "html" | "text";
export const MEMORY_FORMATS: readonly MemoryFormat[] = ["jsonl", "html", "text"];

interface Text { id: string; source: string; title: string; text: string; outlet: string | null }

export async function loadBenchTexts(dataDir: string): Promise<Text[]> {
  const all = [...(await loadEcbPlus(dataDir)), ...(await loadAllSides(dataDir))];
  return all.map(({ article: a }) => ({ id: a.id, source: a.source, title: a.title, text: a.text, outlet: a.outlet }));
}

const escapeHtml = (s: string) => s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));

/** Writes `bytes` (about: the last piece may overshoot by one article) of `format` to `path`; returns the articles written. */
export async function writeMemoryInput(path: string, format: MemoryFormat, bytes: number, texts: readonly Text[], maxArticles = Infinity): Promise<{ bytes: number; articles: number }> {
  const out = createWriteStream(path);
  let written = 0;
  let articles = 0;
  const write = async (s: string) => {
    written += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, "drain");
  };
  if (format === "html") await write("<!doctype html><html><head><meta charset=\"utf-8\"><title>Long page</title></head><body><article><h1>Long page</h1>\n");
  for (const doc of benchDocuments(texts, Number.MAX_SAFE_INTEGER)) {
    if (written >= bytes || articles >= maxArticles) break;
    articles++;
    if (format === "jsonl") {
      await write(`${JSON.stringify({ id: doc.hints.id, title: doc.hints.title, text: doc.body, outlet: doc.hints.outlet, publishedAt: doc.hints.publishedAt })}\n`);
    } else {
      const paragraphs = doc.body.split(/\n+/).filter((p) => p.trim());
      await write(format === "html" ? paragraphs.map((p) => `<p>${escapeHtml(p)}</p>\n`).join("") : `${paragraphs.join("\n\n")}\n\n`);
    }
  }
  if (format === "html") await write("</article></body></html>\n");
  out.end();
  await once(out, "finish");
  return { bytes: written, articles };
}
