import type { InputFailure, InputHints, RawDocument } from "../records.js";

/** One article given as JSON: `{ id?, text | html, title?, url?, outlet?, publishedAt?, authors? }`. */
export function parseArticleRecord(value: unknown, source: string, fetchedAt: string): RawDocument | InputFailure {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { source, error: "expected a JSON object with a \"text\" or \"html\" field" };
  }
  const record = value as Record<string, unknown>;
  const html = stringField(record, "html");
  const text = stringField(record, "text") ?? stringField(record, "body") ?? stringField(record, "content");
  if (html === undefined && text === undefined) {
    return { source, error: "the record has neither a \"text\" nor an \"html\" string field" };
  }
  const hints: InputHints = {};
  const id = record.id;
  if (typeof id === "string" && id.trim()) hints.id = id;
  else if (typeof id === "number") hints.id = String(id);
  for (const key of ["title", "url", "outlet", "publishedAt"] as const) {
    const v = stringField(record, key);
    if (v?.trim()) hints[key] = v.trim();
  }
  const authors = record.authors ?? record.author;
  if (Array.isArray(authors)) hints.authors = authors.filter((a): a is string => typeof a === "string" && a.trim() !== "");
  else if (typeof authors === "string" && authors.trim()) hints.authors = [authors.trim()];
  return { source, format: html !== undefined ? "html" : "text", body: (html ?? text ?? "").normalize("NFC"), hints, fetchedAt };
}

/** `.jsonl`: one record per line; a bad line fails alone, naming its line number. */
export function parseJsonLines(text: string, source: string, fetchedAt: string): (RawDocument | InputFailure)[] {
  const out: (RawDocument | InputFailure)[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${source}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      out.push({ source: where, error: `not valid JSON (${(error as Error).message})` });
      return;
    }
    out.push(parseArticleRecord(value, where, fetchedAt));
  });
  return out;
}

export function parseJsonFile(text: string, source: string, fetchedAt: string): (RawDocument | InputFailure)[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ source, error: `not valid JSON (${(error as Error).message})` }];
  }
  if (Array.isArray(value)) return value.map((v, i) => parseArticleRecord(v, `${source}#${i}`, fetchedAt));
  return [parseArticleRecord(value, source, fetchedAt)];
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const v = record[key];
  return typeof v === "string" ? v : undefined;
}
