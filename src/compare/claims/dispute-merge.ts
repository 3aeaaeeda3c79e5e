/**
 * Two accounts of one fact that give incompatible values often share too few words to be aligned ("will open on
 * Sept. 2, the project manager said" / "students will not move into the building until Sept. 15, the district
 * said"): the values themselves are the evidence that they speak of one thing. Groups are joined here when a
 * sentence of each gives the same quantity incompatibly, they are on one topic (similarity at least
 * MERGE_MIN_SIMILARITY), and they come from different articles:
 * - a date and a later "not until"/"not before" date of the other side;
 * - one count of the same named thing ("5,000 teachers" / "more than 12,000 teachers") that cannot both hold (in
 *   one article too, when two sources it names give them);
 * - shares of a vote each side says its candidate won with ("won … with 52 percent" / "won … with 61 percent");
 * - a named person's two ages, two times of one happening (point-values.ts);
 * - one record dated from two last times ("the largest 1-month spike since June 2008" / "the fastest pace since
 *   August 2008": date-conflicts.ts, recordSinceOf).
 * The dispute itself is then found and shown by conflicts.ts like any other.
 */
import type { AnnotationOf, ArticleBundle } from "../../records.js";
import type { ClaimSentence } from "./find-claims.js";
import { eventDateOf, type RecordSince, recordsDisagree, recordSinceOf } from "../date-conflicts.js";
import { otherOccasion } from "../figure-scope.js";
import { sameSayer } from "../sayer.js";
import { sideSayer } from "../side-sayer.js";
import { joinDenials } from "./denial-join.js";
import { type PointValue, pointsDisagree, pointValuesOf } from "./point-values.js";
import { type QuantityScope, quantityScope, scopeKey } from "./quantity.js";
import { claimSimilarity, claimTerms } from "./similarity.js";

/**
 * Calibration (eval/verdicts, `sides` against `separate` checks): the disputed pairs that alignment missed score
 * 0.16–0.31 by claimSimilarity; pairs a journalist keeps apart reach 0.27, but none of those give one quantity
 * incompatibly, which is the other condition.
 */
const MERGE_MIN_SIMILARITY = 0.15;
/**
 * Calibration (eval/verdicts-real, GVC incidents labelled for the time of the shooting): two reports' sentences
 * timing one shooting differently scored 0.10–0.21; a time of another happening (an arrest) scored 0 against them.
 */
const TIME_MIN_SIMILARITY = 0.1;
const WON = /\b(?:won|wins|winner|victory)\b/i;
const SPELLED_COUNT = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;
const BOUND = /\b(over|more than|at least|under|less than|fewer than|up to|at most)\s*$/i;

interface Value {
  sentence: number;
  group: number;
  articleId: string;
  key: string;
  lo: number;
  hi: number;
  /** Who gives a figure, as the sentence says (side-sayer.ts). */
  sayer?: string | null;
  /** An age or a time of day (point-values.ts). */
  point?: PointValue;
  /** For a date: "not until" this date. */
  notUntil?: boolean;
  date?: string;
  /** A record and the date it is the most since ("the fastest pace since August 2008"). */
  record?: RecordSince;
  /** The year its article was published, or null (a figure of a year long past is another occasion). */
  year: number | null;
}

export function mergeValueDisputes(sentences: readonly ClaimSentence[], groups: number[][], bundles: readonly ArticleBundle[]): number[][] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const values = sentences.flatMap((s, i) => valuesOf(s, i, groupOf.get(i) ?? -1, byId.get(s.articleId)));
  const parent = groups.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const terms = new Map<number, ReturnType<typeof claimTerms>>();
  const termsOf = (i: number) => terms.get(i) ?? terms.set(i, claimTerms(sentences[i]!.text)).get(i)!;
  const outletsOf = (k: number) => new Set(groups[k]!.map((i) => sentences[i]!.articleId)).size;
  const byKey = new Map<string, Value[]>();
  for (const v of values) byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
  for (const list of byKey.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [list[x]!, list[y]!];
        if (find(a.group) === find(b.group) || !disputes(a, b, sentences)) continue;
        // An age joins only wordings that stand alone: a claim several outlets carry is about something else.
        if (a.point?.kind === "age" && (outletsOf(a.group) > 1 || outletsOf(b.group) > 1)) continue;
        if (a.articleId === b.articleId ? !twoSayers(a, b) : claimSimilarity(termsOf(a.sentence), termsOf(b.sentence)) < floorOf(a)) continue;
        parent[find(b.group)] = find(a.group);
      }
    }
  }
  joinDenials(sentences, groupOf, find, parent, termsOf, byId);
  const merged = new Map<number, number[]>();
  groups.forEach((g, k) => merged.set(find(k), [...(merged.get(find(k)) ?? []), ...g]));
  return [...merged.values()];
}

/**
 * One article giving one counted thing twice, by two sources it names ("fired two shots …, Police Chief Leon Marsh
 * said" / "Both told the Courier that they heard at least six shots"; an electoral council's winner with 52% and
 * the opposition's with 67%): the outlet reports a dispute, however few words the two sentences share.
 */
const twoSayers = (a: Value, b: Value): boolean => a.key !== "date" && !a.point && !!a.sayer && !!b.sayer && !sameSayer(a.sayer, b.sayer);

/** An age names its person, so needs no shared topic; a time of day needs a little (TIME_MIN_SIMILARITY). */
const floorOf = (v: Value): number => (v.point?.kind === "age" ? 0 : v.point?.kind === "time" ? TIME_MIN_SIMILARITY : MERGE_MIN_SIMILARITY);

function incompatible(a: Value, b: Value): boolean {
  if (a.point && b.point) return pointsDisagree(a.point, b.point);
  if (a.record && b.record) return recordsDisagree(a.record, b.record);
  if (a.date !== undefined && b.date !== undefined) {
    if (a.notUntil === b.notUntil) return false; // two plain dates: alignment's call, not the values'
    const [plain, bound] = a.notUntil ? [b, a] : [a, b];
    const n = Math.min(plain.date!.length, bound.date!.length);
    return plain.date!.slice(0, n) < bound.date!.slice(0, n);
  }
  const slack = (x: number) => Math.abs(x) * 0.05;
  return !(a.lo <= b.hi + slack(b.hi) && b.lo <= a.hi + slack(a.hi));
}

/**
 * Two values of one quantity that cannot both hold, on one occasion: counts of a running total against one event's,
 * or of "1998, when two people died" against this year's toll, are other quantities (figure-scope.ts).
 */
function disputes(a: Value, b: Value, sentences: readonly ClaimSentence[]): boolean {
  if (!incompatible(a, b)) return false;
  if (a.point || a.record || a.date !== undefined) return true;
  return !otherOccasion(sentences[a.sentence]!.text, sentences[b.sentence]!.text, [a.year, b.year]);
}

/**
 * The quantities a group's wordings dispute between articles (a time of day, a toll's key, "date"): a group joined
 * over one disputed fact is about that fact, and value-merge.ts does not pull another fact's claim into it through a
 * figure the disputing sentence gives in passing ("the tornado that killed six people … touched down shortly after
 * 6 p.m.").
 */
export function disputedKeys(sentences: readonly ClaimSentence[], members: readonly number[], byId: ReadonlyMap<string, ArticleBundle>): Set<string> {
  const values = members.flatMap((i) => valuesOf(sentences[i]!, i, 0, byId.get(sentences[i]!.articleId)));
  const out = new Set<string>();
  for (const a of values) for (const b of values) if (a.articleId < b.articleId && a.key === b.key && disputes(a, b, sentences)) out.add(a.key);
  return out;
}

/** What a figure is a value of, as disputes are keyed: a share someone won with, else its scoped quantity. */
export const factKey = (sentence: string, n: AnnotationOf<"number">, scope: QuantityScope): string =>
  n.unit === "%" && WON.test(sentence) ? "share-won" : scopeKey(n.unit, scope);

function valuesOf(s: ClaimSentence, i: number, group: number, bundle: ArticleBundle | undefined): Value[] {
  if (!bundle || s.field || group < 0) return [];
  const text = bundle.article.text;
  const inside = <K extends "number" | "date">(kind: K) =>
    bundle.annotations.filter((a): a is AnnotationOf<K> => a.kind === kind && a.span[0] >= s.span[0] && a.span[1] <= s.span[1]);
  const out: Value[] = [];
  const year = bundle.article.publishedAt ? Number(bundle.article.publishedAt.slice(0, 4)) : null;
  const event = eventDateOf(bundle, s.span);
  if (event) out.push({ sentence: i, group, articleId: s.articleId, key: "date", lo: 0, hi: 0, notUntil: event.notUntil, date: event.date, year });
  const record = recordSinceOf(bundle, s.span);
  if (record) out.push({ sentence: i, group, articleId: s.articleId, key: "record-since", lo: 0, hi: 0, record, year });
  for (const n of inside("number")) {
    const said = text.slice(n.span[0], n.span[1]);
    const shareWon = n.unit === "%" && WON.test(s.text);
    // A count spelled out ("three other people") is as exact as its digits, as conflicts.ts reads it.
    const scope = quantityScope(text, s.span, n);
    if (!(/\d/.test(said) || (n.value >= 2 && SPELLED_COUNT.test(said))) || (!scope.noun && !scope.topic && !scope.role && !shareWon)) continue;
    if (/\b(?:of|out of)\s(?:its|the|their|his|her|all)?\s?$/i.test(text.slice(Math.max(0, n.span[0] - 16), n.span[0]))) continue; // the whole, not the part
    const bound = BOUND.exec(text.slice(Math.max(0, n.span[0] - 14), n.span[0]))?.[1]?.toLowerCase() ?? "";
    const [lo, hi] = /over|more|least/.test(bound) ? [n.value, Infinity] : bound ? [-Infinity, n.value] : [n.value, n.value];
    const key = factKey(s.text, n, scope);
    out.push({ sentence: i, group, articleId: s.articleId, key, lo, hi, sayer: sideSayer(bundle, s.span), year });
  }
  for (const point of pointValuesOf(s.text)) out.push({ sentence: i, group, articleId: s.articleId, key: point.key, lo: point.lo, hi: point.hi, point, year });
  return out;
}
