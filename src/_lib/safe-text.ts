import type { InputFailure, InputHints, RawDocument } from "../records.js";

/**
 * Text an input may hold that nothing downstream can keep: U+0000 (PostgreSQL text refuses it, and any json path
 * operator over a value holding "\u0000" fails) and unpaired UTF-16 surrogates (not Unicode text: UTF-8 cannot
 * encode them, and PostgreSQL's json parser refuses them as escapes). Both reach us only from JSON records and API
 * bodies, where "\u0000" and "\ud800" are legal escapes. docs/decisions.md, "Unstorable characters", says why ids
 * are refused while text is repaired.
 */

/** Linear: single code units, a one-unit lookahead or lookbehind each. */
const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Longest id kept as given, in characters. The API addresses an article as /api/articles/{id} and accepts ids up to
 * this length (IdParam), and PostgreSQL's btree index refuses keys over 2,704 bytes (300 characters are at most 1,200
 * UTF-8 bytes), so a longer id could be stored but never looked up, or not stored at all.
 */
export const MAX_ID_CHARS = 300;

/**
 * Text as a reader would see it: U+0000 dropped (as an HTML parser drops it from body text) and each unpaired
 * surrogate replaced by U+FFFD (as any UTF-8 encoder does). Everything else is left exactly as it is.
 */
export function safeText(text: string): string {
  if (!NUL_OR_LONE_SURROGATE.test(text)) return text;
  return text.replaceAll("\u0000", "").replace(LONE_SURROGATES, "\uFFFD");
}

/** Same length as `text`, each NUL and unpaired surrogate replaced by U+FFFD: offsets into the text stay valid. */
export function safeTextSameLength(text: string): string {
  if (!NUL_OR_LONE_SURROGATE.test(text)) return text;
  return text.replaceAll("\u0000", "\uFFFD").replace(LONE_SURROGATES, "\uFFFD");
}

/** Why `id` cannot be an article's id ("holds U+0000 at character 4"), or null when it can. */
export function idProblem(id: string): string | null {
  if (!id.trim()) return "is empty";
  if (id.length > MAX_ID_CHARS) return `is ${id.length} characters long; at most ${MAX_ID_CHARS} are kept`;
  const at = id.search(NUL_OR_LONE_SURROGATE);
  if (at < 0) return null;
  const what = id.charCodeAt(at) === 0 ? "U+0000 (NUL)" : `an unpaired surrogate (U+${id.charCodeAt(at).toString(16).toUpperCase()})`;
  return `holds ${what} at character ${at + 1}`;
}

/**
 * The edge every input passes (files, records, API bodies, queued jobs): a given id that no store or URL could hold
 * fails this input alone, naming it; NUL and unpaired surrogates are taken out of the text and the given metadata
 * (above), so no later stage, query or render meets them.
 */
export function safeDocument(doc: RawDocument): RawDocument | InputFailure {
  const problem = doc.hints.id === undefined ? null : idProblem(doc.hints.id);
  if (problem) return { source: doc.source, error: `the record's "id" ${problem}: give an id of at most ${MAX_ID_CHARS} characters without NUL or unpaired surrogates, or none (the URL's or the text's hash is used)` };
  const hints: InputHints = Object.fromEntries(
    Object.entries(doc.hints).map(([field, value]) => [field, Array.isArray(value) ? value.map((v: string) => safeText(v)) : typeof value === "string" ? safeText(value) : value]),
  );
  return { ...doc, source: safeText(doc.source), body: safeText(doc.body), hints };
}
