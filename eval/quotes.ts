/**
 * Direct quotes and their speakers on PolNeAR's test split (84 political news articles, brat attributions with
 * source / cue / content spans). Our quotes analyzer finds text in quotation marks only, so recall is measured
 * against the gold attributions whose content is in quotation marks; precision counts our quotes that overlap
 * any gold attribution content (direct or indirect). Speaker accuracy, over matched quotes with a gold source:
 * our speaker span overlaps the gold source, or our speaker's surname appears in it.
 * Indirect quotes (reported speech) are scored apart: precision of ours against any gold attribution content,
 * recall against the gold attributions whose content is not in quotation marks (≥ half of the gold content
 * inside one of ours); most of those have cues we do not claim to read ("X believes", "X wants"), so recall is low by design.
 *
 * Speaker accuracy is also given by how the gold source names the speaker (`speakerBy`): "pronoun" (he, she, they…),
 * "role" (a description: "the Texas governor", "the email", "a senior official"), "name" (the rest: "Rick Perry",
 * "Texas Gov. Rick Perry", "The New York Times"). For role and pronoun sources `bound` is the share our speaker is a
 * name rather than the words at the cue (the role or pronoun resolved). A gold source that is a relative pronoun
 * ("Beck, who has called Trump “…”") stands for its antecedent, the words just before it, and a speech verb marked as
 * the source (an annotation slip: Source on "said" in "said Hester") for the name after it; `speakerAccuracyLiteral`
 * scores without that reading, as the figure before it was added.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../src/records.js";
import { analyzeArticle } from "../src/analyze/index.js";

export const POLNEAR_TEST = join("quotes", "polnear", "data", "test");

export interface QuotesScore {
  articles: number;
  goldDirect: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  speakerAccuracyLiteral: number;
  speakerBy: Record<SpeakerCategory, { checked: number; right: number; accuracy: number; bound: number }>;
  /** Reported speech: gold attributions without quotation marks, and our indirect quotes. */
  goldIndirect: number;
  indirectFound: number;
  indirectPrecision: number;
  indirectRecall: number;
  seconds: number;
  /** With `opts.misses`: each checked quote whose speaker is wrong, and those given by role or pronoun (to read whom they were resolved to). */
  misses?: SpeakerMiss[];
}

export interface SpeakerMiss {
  right: boolean; article: string; category: SpeakerCategory; gold: string; ours: string | null; cue: string | null; quote: string; context: string;
  /** Where the gold source and our cue sit: before or after the quote. */
  goldSide: "before" | "after"; cueSide: "before" | "after" | null;
}

type Span = [number, number];
export type SpeakerCategory = "name" | "role" | "pronoun";
interface Attribution { content: Span; source: Span | null }

/** Minimum share of our quote inside the gold content for the two to be the same quote. */
const MIN_OVERLAP = 0.5;
const QUOTE_MARKS = /["“”]/;

/** `split`: PolNeAR's "test" (the gated figure), or "dev" / "train", where the speaker rules were developed. */
export async function evalQuotes(dataDir: string, opts: { limit?: number; split?: "test" | "dev" | "train"; misses?: boolean } = {}): Promise<QuotesScore> {
  const started = Date.now();
  const root = join(dataDir, POLNEAR_TEST.replace(/test$/, opts.split ?? "test"));
  const annFiles = (await readdir(join(root, "attributions"))).filter((f) => f.endsWith(".ann")).sort();
  const seen = new Set<string>();
  const firstPerText = annFiles.filter((f) => {
    const base = f.replace(/_[^_]+\.ann$/, "");
    return !seen.has(base) && seen.add(base);
  });
  const files = opts.limit ? firstPerText.slice(0, opts.limit) : firstPerText;
  let goldDirect = 0, matchedGold = 0, ours = 0, oursOverlapping = 0, speakerChecked = 0, speakerRight = 0;
  let speakerRightLiteral = 0;
  const by = Object.fromEntries((["name", "role", "pronoun"] as const).map((c) => [c, { checked: 0, right: 0, accuracy: 0, bound: 0 }])) as QuotesScore["speakerBy"];
  const misses: SpeakerMiss[] = [];
  let goldIndirect = 0, matchedIndirect = 0, oursIndirect = 0, oursIndirectOverlapping = 0;
  for (const ann of files) {
    const base = ann.replace(/_[^_]+\.ann$/, "");
    const text = await readFile(join(root, "text", `${base}.txt`), "utf8");
    const gold = parseAttributions(await readFile(join(root, "attributions", ann), "utf8"));
    const article = { id: base, source: base, url: null, outlet: null, title: "", authors: [], publishedAt: null, modifiedAt: null, language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input" } as Article;
    const all = analyzeArticle(article).filter((a) => a.kind === "quote");
    const quotes = all.filter((q) => q.form !== "indirect");
    const reported = all.filter((q) => q.form === "indirect");
    const direct = gold.filter((g) => isDirect(text, g.content));
    const indirect = gold.filter((g) => !isDirect(text, g.content));
    goldIndirect += indirect.length;
    oursIndirect += reported.length;
    for (const q of reported) if (gold.some((g) => overlapShare(q.span as Span, g.content) >= MIN_OVERLAP)) oursIndirectOverlapping++;
    for (const g of indirect) if (reported.some((q) => overlapShare(g.content, q.span as Span) >= MIN_OVERLAP)) matchedIndirect++;
    goldDirect += direct.length;
    ours += quotes.length;
    for (const q of quotes) if (gold.some((g) => overlapShare(q.span as Span, g.content) >= MIN_OVERLAP)) oursOverlapping++;
    for (const g of direct) {
      const q = quotes.find((x) => overlapShare(x.span as Span, g.content) >= MIN_OVERLAP);
      if (!q) continue;
      matchedGold++;
      if (!g.source) continue;
      speakerChecked++;
      const right = (source: Span) => {
        const goldSource = text.slice(source[0], source[1]).toLowerCase();
        const surname = q.speaker?.split(/\s+/).at(-1)?.toLowerCase();
        const spanHit = q.speakerSpan && q.speakerSpan[0] < source[1] && source[0] < q.speakerSpan[1];
        return Boolean(spanHit || (surname && goldSource.includes(surname)));
      };
      const literal = right(g.source);
      const ok = literal || right(antecedentOf(text, g.source));
      if (literal) speakerRightLiteral++;
      if (ok) speakerRight++;
      const category = speakerCategory(text.slice(...antecedentOf(text, g.source)));
      by[category].checked++;
      if (ok) by[category].right++;
      const cueWords = q.speakerSpan ? text.slice(q.speakerSpan[0], q.speakerSpan[1]) : null;
      if ((!ok || category !== "name") && opts.misses) {
        const from = Math.max(0, Math.min(g.source[0], q.span[0]) - 120), to = Math.max(g.source[1], q.span[1]) + 120;
        const side = (at: number) => (at < q.span[0] ? "before" as const : "after" as const);
        misses.push({ goldSide: side(g.source[0]), cueSide: q.speakerSpan ? side(q.speakerSpan[0]) : null, right: ok, article: base, category, gold: text.slice(g.source[0], g.source[1]), ours: q.speaker ?? null, cue: cueWords, quote: text.slice(q.span[0], Math.min(q.span[1], q.span[0] + 80)), context: text.slice(from, Math.min(to, from + 900)).replace(/\s+/g, " ") });
      }
      if (q.speaker && q.speaker !== cueWords && /^\p{Lu}/u.test(q.speaker)) by[category].bound++;
    }
  }
  const precision = ours ? oursOverlapping / ours : 0;
  const recall = goldDirect ? matchedGold / goldDirect : 0;
  return {
    articles: files.length, goldDirect, found: ours, precision, recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    speakerAccuracy: speakerChecked ? speakerRight / speakerChecked : 0,
    speakerAccuracyLiteral: speakerChecked ? speakerRightLiteral / speakerChecked : 0,
    speakerBy: Object.fromEntries(Object.entries(by).map(([c, v]) => [c, { ...v, accuracy: v.checked ? v.right / v.checked : 0, bound: v.checked ? v.bound / v.checked : 0 }])) as QuotesScore["speakerBy"],
    goldIndirect, indirectFound: oursIndirect,
    indirectPrecision: oursIndirect ? oursIndirectOverlapping / oursIndirect : 0,
    indirectRecall: goldIndirect ? matchedIndirect / goldIndirect : 0,
    seconds: (Date.now() - started) / 1000,
    ...(opts.misses ? { misses } : {}),
  };
}

/** brat standoff: T lines are spans (possibly discontinuous "a b;c d"), E lines tie them into attributions. */
export function parseAttributions(ann: string): Attribution[] {
  const spans = new Map<string, Span>();
  const out: Attribution[] = [];
  for (const line of ann.split("\n")) {
    const [id, info] = line.split("\t");
    if (!id || !info) continue;
    if (id.startsWith("T")) {
      const numbers = info.replace(/^\S+\s/, "").split(/[ ;]/).map(Number);
      spans.set(id, [Math.min(...numbers), Math.max(...numbers)]);
    } else if (id.startsWith("E")) {
      const roles = Object.fromEntries(info.split(" ").map((r) => r.split(":") as [string, string]));
      const content = roles.Content ? spans.get(roles.Content) : undefined;
      if (content) out.push({ content, source: roles.Source ? spans.get(roles.Source) ?? null : null });
    }
  }
  return out;
}

const PRONOUN_SOURCE = /^(?:he|she|they|i|we|it|you|him|her|them|me|us)$/i;
const RELATIVE_SOURCE = /^(?:who|which|that|whom)$/i;
const SPEECH_VERB_SOURCE = /^(?:said|says|say|told|tells|added|adds|wrote|writes|advises|advised|asked|asks)$/i;
/** How the gold source gives the speaker: a pronoun, a description (determiner or lower case first), or a name. */
export function speakerCategory(source: string): SpeakerCategory {
  const words = source.trim();
  if (PRONOUN_SOURCE.test(words)) return "pronoun";
  const described = /^(?:the|a|an|his|her|its|their|our|one|two|some|several|many|this|that|these|those|another)\b/i.test(words) || /^\p{Ll}/u.test(words);
  const properName = /^(?:the\s)?(?:\p{Lu}[\p{L}.'’-]*\s?)+$/u.test(words);
  return described && !properName ? "role" : "name";
}

/**
 * What a gold source stands for when its span is not the speaker's words: a relative pronoun stands for its
 * antecedent, up to six words just before it ("Beck, who" → "Beck"); a speech verb marked as the source (an
 * annotation slip: "said Hester" with Source on "said") for the name right after it.
 */
function antecedentOf(text: string, source: Span): Span {
  const words = text.slice(source[0], source[1]).trim();
  if (SPEECH_VERB_SOURCE.test(words)) {
    const after = /^\s+((?:[^\s.,;:!?“”"]+\s?){1,6})/u.exec(text.slice(source[1], source[1] + 80));
    return after ? [source[1] + after.index + after[0].indexOf(after[1]!), source[1] + after[0].length] : source;
  }
  if (!RELATIVE_SOURCE.test(words)) return source;
  const before = text.slice(Math.max(0, source[0] - 80), source[0]);
  const m = /((?:[^\s.!?;:“”",]+\s+){1,6})$/u.exec(before.replace(/,\s*$/, (c) => " ".repeat(c.length)));
  return m ? [source[0] - before.length + m.index + m[0].length - m[1]!.length, source[0]] : source;
}

function isDirect(text: string, [start, end]: Span): boolean {
  return QUOTE_MARKS.test(text.slice(Math.max(0, start - 2), start + 1)) || QUOTE_MARKS.test(text.slice(end - 1, end + 2));
}

function overlapShare([a, b]: Span, [c, d]: Span): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c)) / Math.max(1, b - a);
}
