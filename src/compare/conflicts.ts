/**
 * Conflicts: one thing given differently by two sources (DOMAIN.md: a conflict is between sources, and one outlet
 * may carry both; each side keeps who says it).
 * - Numbers: two wordings of one aligned claim that count the same thing with values too far apart to be
 *   rounding ("7 dead" / "12 dead"). Across claims only shares of one whole given by two named, different
 *   sources ("52% of the votes", said the electoral council; "67% of the vote", the opposition insists): other
 *   counts of one noun in different sentences are usually different things (500 million doses in all, 200 million
 *   of them this year; a forecast of 1 million jobs against the 266,000 added), which is how the AllSides stories
 *   read when every pair was compared (109 conflicts, nearly all of them false).
 * - Dates: see markDateConflicts. Denials: see markDenials.
 * A value one outlet later gives differently while saying it corrects itself is a correction, not a dispute. Each
 * disputed claim gets its sides (dispute.ts): the value each gives, with its sources and outlets.
 */
import type { AnnotationOf, ArticleBundle, Claim } from "../records.js";
import type { AlignedClaim } from "./claims/align-claims.js";
import { type Sides, disputeOf, recordSide } from "./dispute.js";
import { SPEECH_VERBS, speakerInWords } from "./resolve-source.js";
import type { ClaimSentence } from "./claims/find-claims.js";
import { foldName } from "../_lib/text.js";

/** Relative difference under which two values are the same number, rounded ("7.3 million" vs "7 million"). */
const SAME_VALUE_TOLERANCE = 0.05;
const VAGUE = /^(dozens|hundreds|thousands|millions|tens|several|many)\b/i;
/** A count spelled out ("Four firefighters", "six"): as exact as its digits. */
const NUMBER_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;
const COMPOUND = /^\S+-\p{L}+$/u;
const BOUNDED = /\b(over|under|at least|at most|nearly|almost|about|around|roughly|approximately|an estimated|more than|less than|fewer than|up to|some)\s*$/i;

interface CountedValue {
  claim: Claim;
  /** The wording it is in: two values of one sentence are two different things. */
  sentence: ClaimSentence;
  articleId: string;
  value: number;
  unit: string | null;
  text: string;
  key: string;
  /** What it counts, as the analyzer read it ("lost sales"). */
  counts: string;
  source: string | null;
  /** The values it allows: "more than 12,000" is [12,000, ∞), "nearly 8 million" [7.2 million, 8 million]. */
  range: [number, number];
}

/**
 * Two values of one claim count the same quantity: the same unit and the same thing counted, or (a sum of money, a
 * share) the same unit where one side does not say what it counts ("$20 million" against "a $12 million gap").
 * Across claims only the exact key, and (above) only shares given by two named sources.
 */
function sameQuantity(a: CountedValue, b: CountedValue): boolean {
  if (a.key === b.key) return true;
  return a.claim === b.claim && !!a.unit && a.unit === b.unit && (!a.counts || !b.counts);
}

/** How far "about", "nearly" and the like reach around a value (calibration: newsroom rounding, 10%). */
const APPROXIMATE = 0.1;

function rangeOf(value: number, bound: string | null): [number, number] {
  const word = bound?.toLowerCase() ?? "";
  if (/^(?:over|more than|at least)$/.test(word)) return [value, Infinity];
  if (/^(?:under|less than|fewer than|up to|at most)$/.test(word)) return [-Infinity, value];
  if (/^(?:nearly|almost)$/.test(word)) return [value * (1 - APPROXIMATE), value];
  if (/^(?:about|around|roughly|some|approximately|an estimated)$/.test(word)) return [value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)];
  return [value, value];
}

/** The two ranges overlap, allowing for rounding (SAME_VALUE_TOLERANCE). */
function rangesMeet([lo1, hi1]: [number, number], [lo2, hi2]: [number, number]): boolean {
  const slack = (x: number) => Math.abs(x) * SAME_VALUE_TOLERANCE;
  return lo1 <= hi2 + slack(hi2) && lo2 <= hi1 + slack(hi1);
}

/** A sentence that says it corrects an earlier figure ("corrected", "an earlier version of this story said"). */
const CORRECTION = /\b(?:correct(?:ed|s|ion)|earlier version|previously reported|misstated|misreported|revised (?:up|down))\b/i;

/** An article's correction notice ("Correction: An earlier version of this article misstated…"). */
const CORRECTION_NOTICE = /\b(?:correction:|an earlier version of this (?:article|story|report)|this (?:article|story|report) has been corrected)/i;

export function markConflicts(aligned: readonly AlignedClaim[], bundles: readonly ArticleBundle[]): void {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const sides: Sides = new Map();
  const values: CountedValue[] = [];
  for (const { claim, sentences } of aligned) {
    for (const s of sentences) {
      if (s.field === "title") continue; // headline numbers are not annotated; the body states them in full
      const bundle = byId.get(s.articleId)!;
      for (const n of bundle.annotations) {
        // A sum of money or a share says what it is by its unit; a bare number needs what it counts.
        if (n.kind !== "number" || (!n.counts && !n.unit) || n.span[0] < s.span[0] || n.span[1] > s.span[1]) continue;
        const said = bundle.article.text.slice(n.span[0], n.span[1]);
        const before = bundle.article.text.slice(Math.max(0, n.span[0] - 14), n.span[0]);
        if (VAGUE.test(said) || !(/\d/.test(said) || (n.value >= 2 && NUMBER_WORD.test(said)))) continue; // "thousands": agrees with many values
        if (COMPOUND.test(said)) continue; // "a 13-inch laptop", "the seven-day average": a kind of thing, not a count of it
        const key = `${n.unit ?? ""}|${(n.counts ?? "").toLowerCase().replace(/s$/, "")}`;
        const text = `${BOUNDED.exec(before)?.[1]?.concat(" ") ?? ""}${said}`;
        values.push({ claim, sentence: s, unit: n.unit, articleId: s.articleId, value: n.value, range: rangeOf(n.value, BOUNDED.exec(before)?.[1] ?? n.hedge ?? null), text, key, counts: n.counts ?? "", source: sayer(bundle, s.span) });
      }
    }
  }
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const [a, b] = [values[i]!, values[j]!];
      // One speaker's two figures in one article are two things; across articles they are what the outlets dispute.
      if (!sameQuantity(a, b) || a.sentence === b.sentence || (a.articleId === b.articleId && sameSayer(a.source, b.source))) continue;
      const named = !!a.source && !!b.source; // both sides' sources known, and (above) not the same one
      if (a.articleId === b.articleId && !named) continue; // one outlet's two figures: a dispute only when it says whose
      // One claim: its wordings were aligned as one proposition (group-statements.ts), whatever their values.
      if (a.claim !== b.claim && !(a.unit === "%" && named)) continue;
      if (rangesMeet(a.range, b.range) || differentScope(a, b, values)) continue;
      if (a.claim === b.claim && isCorrection(a, b, byId)) continue;
      recordSide(sides, a.claim, a.sentence, a.text, a.value, a.source, { kind: "number", counts: a.counts });
      recordSide(sides, a.claim, b.claim === a.claim ? b.sentence : null, b.text, b.value, b.source, { kind: "number", counts: a.counts, claim: b.claim, sentence: b.sentence });
      if (b.claim !== a.claim) {
        recordSide(sides, b.claim, b.sentence, b.text, b.value, b.source, { kind: "number", counts: b.counts });
        recordSide(sides, b.claim, null, a.text, a.value, a.source, { kind: "number", counts: b.counts, claim: a.claim, sentence: a.sentence });
      }
      if (a.claim.conflicts.some((c) => c.value === a.text && c.otherValue === b.text && c.source === a.source && c.otherSource === b.source)) continue;
      a.claim.conflicts.push({ value: a.text, otherValue: b.text, articleId: a.articleId, otherArticleId: b.articleId, source: a.source, otherSource: b.source, kind: "number" });
      if (b.claim !== a.claim) {
        b.claim.conflicts.push({ value: b.text, otherValue: a.text, articleId: b.articleId, otherArticleId: a.articleId, source: b.source, otherSource: a.source, kind: "number" });
      }
    }
  }
  markDateConflicts(aligned, byId, sides);
  markDenials(aligned, byId, sides);
  for (const { claim, sentences } of aligned) {
    if (!claim.conflicts.length) continue;
    claim.status = "disputed";
    claim.dispute = disputeOf(claim, sentences, sides.get(claim));
  }
}

/**
 * One outlet giving two values, one of them in a sentence that says it corrects: recorded on the claim as a
 * correction (the later or correcting wording second), not a dispute.
 */
interface Wording {
  claim: Claim;
  sentence: ClaimSentence;
  articleId: string;
  text: string;
}

function isCorrection(a: Wording, b: Wording, byId: ReadonlyMap<string, ArticleBundle>): boolean {
  const outlet = (v: Wording) => byId.get(v.articleId)!.article.outlet ?? v.articleId;
  if (outlet(a) !== outlet(b)) return false;
  const corrects = (v: Wording) => CORRECTION.test(v.sentence.text) || (a.articleId !== b.articleId && CORRECTION_NOTICE.test(byId.get(v.articleId)!.article.text));
  const [wrong, right] = corrects(b) ? [a, b] : corrects(a) ? [b, a] : [null, null];
  if (!wrong || !right) return false;
  const claim = a.claim;
  const index = (v: Wording) => claim.support.findIndex((s) => s.articleId === v.articleId && s.start === v.sentence.span[0] && s.field === v.sentence.field);
  claim.corrections ??= [];
  if (!claim.corrections.some((c) => c.value === wrong.text && c.correctedValue === right.text)) {
    claim.corrections.push({ outlet: byId.get(a.articleId)!.article.outlet ?? a.articleId, value: wrong.text, correctedValue: right.text, support: [index(wrong), index(right)] });
  }
  return true;
}

/**
 * An outright denial ("It is untrue that…", "X denied that…") among the wordings of a claim that other sources
 * assert: a dispute about whether it is so, each side with who says it.
 */
function markDenials(aligned: readonly AlignedClaim[], byId: ReadonlyMap<string, ArticleBundle>, sides: Sides): void {
  for (const { claim, sentences } of aligned) {
    const denying = sentences.filter((s) => s.modality === "denied" && !s.field);
    if (!denying.length) continue;
    const sourceOf = (s: ClaimSentence) => claim.support[sentences.indexOf(s)]?.source?.id ?? s.articleId;
    const asserting = sentences.filter((s) => s.modality !== "denied" && s.modality !== "negated" && !denying.some((d) => sourceOf(d) === sourceOf(s)));
    if (!asserting.length) continue;
    const d = denying[0]!, a = asserting[0]!;
    const [sd, sa] = [sayer(byId.get(d.articleId)!, d.span), sayer(byId.get(a.articleId)!, a.span)];
    for (const s of denying) recordSide(sides, claim, s, "denies it", 0, sayer(byId.get(s.articleId)!, s.span), { kind: "denial" });
    for (const s of asserting) recordSide(sides, claim, s, "says so", 1, sayer(byId.get(s.articleId)!, s.span), { kind: "denial" });
    claim.conflicts.push({ value: "denies it", otherValue: "says so", articleId: d.articleId, otherArticleId: a.articleId, source: sd, otherSource: sa, kind: "denial" });
  }
}

/**
 * One aligned claim dated differently by two articles ("March 3, 2023" against "March 4, 2023"): calendar dates
 * as written (a month and a day, or a month and a year), both precise to the day or both to the month, each
 * wording holding exactly one, so a sentence that also names a background date ("since July 28") is not read as
 * disputing it. Weekdays and "last month" are left out: resolved from each article's own publication date, they
 * disagree by error more often than the sources do. A year left unwritten is guessed from the publication date,
 * so where one is, the two dates must fall in the same year: the dispute is then about the day, not the guess.
 */
const CALENDAR = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\d{4}-\d{2}/i;
/** A month named in full ("June"): a date to the month, as the date analyzer read it (it tells "may" the verb apart). */
const MONTH = /^(?:in\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const WRITTEN_YEAR = /\b(1[89]|20)\d{2}\b/;

/** "not until June", "not before March 3": the date is the earliest it can be, not the day it is. */
const NOT_UNTIL = /\bnot\s+(?:\w+\s+){0,4}(?:until|before|till)\s+(?:\w+\s+)?$/i;

function markDateConflicts(aligned: readonly AlignedClaim[], byId: ReadonlyMap<string, ArticleBundle>, sides: Sides): void {
  for (const { claim, sentences } of aligned) {
    const dated = sentences.flatMap((s) => {
      if (s.field === "title") return [];
      const bundle = byId.get(s.articleId)!;
      const dates = bundle.annotations.filter(
        (a): a is AnnotationOf<"date"> => a.kind === "date" && a.span[0] >= s.span[0] && a.span[1] <= s.span[1] && a.granularity !== "year",
      );
      // One date per wording: a sentence naming two ("not before June, contradicting … March") gives the qualified one.
      const qualified = dates.filter((d) => NOT_UNTIL.test(bundle.article.text.slice(Math.max(0, d.span[0] - 48), d.span[0])));
      const only = dates.length === 1 ? dates[0]! : qualified.length === 1 ? qualified[0]! : null;
      const text = only ? bundle.article.text.slice(only.span[0], only.span[1]) : "";
      // A weekday or "last month" is resolved from the article's own date, and errs more often than sources disagree.
      if (!only || !(CALENDAR.test(text) || (only.granularity === "month" && MONTH.test(text)))) return [];
      const year = WRITTEN_YEAR.test(text) ? "written" : bundle.article.publishedAt?.slice(0, 4) ?? null;
      const notUntil = NOT_UNTIL.test(bundle.article.text.slice(Math.max(0, only.span[0] - 48), only.span[0]));
      return [{ s, bundle, date: only.date, granularity: only.granularity ?? "day", text, year, notUntil }];
    });
    for (let i = 0; i < dated.length; i++) {
      for (let j = i + 1; j < dated.length; j++) {
        const [a, b] = [dated[i]!, dated[j]!];
        if (a.s.articleId === b.s.articleId || a.date === b.date) continue;
        if (!datesDisagree(a, b)) continue; // "May" and "May 15": one date, told more or less precisely
        if (isCorrection({ claim, sentence: a.s, articleId: a.s.articleId, text: a.text }, { claim, sentence: b.s, articleId: b.s.articleId, text: b.text }, byId)) continue;
        if (a.date.startsWith("--") !== b.date.startsWith("--")) continue; // a year unknown on one side: not comparable
        const bothWritten = a.year === "written" && b.year === "written";
        if (!bothWritten && (a.year === null || b.year === null || a.date.slice(0, 4) !== b.date.slice(0, 4))) continue;
        const [sa, sb] = [sayer(a.bundle, a.s.span), sayer(b.bundle, b.s.span)];

        recordSide(sides, claim, a.s, a.notUntil ? `not until ${a.text}` : a.text, a.date, sa, { kind: "date" });
        recordSide(sides, claim, b.s, b.notUntil ? `not until ${b.text}` : b.text, b.date, sb, { kind: "date" });
        claim.conflicts.push({
          value: a.text, otherValue: b.text, articleId: a.s.articleId, otherArticleId: b.s.articleId, source: sa, otherSource: sb,
          kind: "date", dates: [a.date, b.date],
        });
      }
    }
  }
}

/**
 * Two dates of one happening that cannot both hold: different days (or months) where neither contains the other;
 * or a date before the other side's "not until" one.
 */
function datesDisagree(a: { date: string; notUntil: boolean }, b: { date: string; notUntil: boolean }): boolean {
  const n = Math.min(a.date.length, b.date.length);
  const [x, y] = [a.date.slice(0, n), b.date.slice(0, n)];
  if (a.notUntil && b.notUntil) return false;
  if (a.notUntil) return y < x;
  if (b.notUntil) return x < y;
  return x !== y;
}

const sameValue = (x: number, y: number): boolean => Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-9) <= SAME_VALUE_TOLERANCE;

/** "in all", "so far", "a total of": a running count, not the figure for one event. */
const CUMULATIVE = /\b(so far|in all|in total|a total of|altogether|to date|cumulative|overall|since)\b/i;

/**
 * Two sentences that count a different scope of things: one a running total and the other not ("a total of 31
 * magazines" against "12 magazines were seized in the operation"), or two that count several of the same things
 * and agree on none of them (14 rifles, 31 magazines, 923 rounds against six, 12 and 300: another operation).
 * One figure that differs while the others agree is the dispute worth showing.
 */
function differentScope(a: CountedValue, b: CountedValue, values: readonly CountedValue[]): boolean {
  if (CUMULATIVE.test(a.sentence.text) !== CUMULATIVE.test(b.sentence.text)) return true;
  const of = (s: ClaimSentence) => values.filter((v) => v.sentence === s);
  const [inA, inB] = [of(a.sentence), of(b.sentence)];
  const shared = inA.filter((x) => inB.some((y) => y.key === x.key));
  return shared.length >= 2 && !shared.some((x) => inB.some((y) => y.key === x.key && sameValue(x.value, y.value)));
}

/** "Manning" and "Peyton Manning", "the ministry" and "The Ministry": one source. */
function sameSayer(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const [x, y] = [foldName(a).replace(/^the /, ""), foldName(b).replace(/^the /, "")];
  return x === y || ` ${x}`.endsWith(` ${y}`) || ` ${y}`.endsWith(` ${x}`);
}


/** Who states the sentence: its citation, else its first named body or person, else its subject words. */
function sayer(bundle: ArticleBundle, span: readonly [number, number]): string | null {
  const inside = <K extends "citation" | "entity">(kind: K) =>
    bundle.annotations.filter((a): a is AnnotationOf<K> => a.kind === kind && a.span[0] >= span[0] && a.span[1] <= span[1]) as AnnotationOf<K>[];
  const citation = inside("citation")[0];
  if (citation) return citation.source;
  const subject = speakerInWords(bundle.article.text.slice(span[0], span[1]), `${SPEECH_VERBS}|won|showed|shows`);
  if (subject) return subject;
  const entity = inside("entity").find((e) => e.type === "org" || e.type === "person");
  return entity?.name ?? null;
}
