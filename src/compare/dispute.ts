/**
 * A disputed claim's sides: each value given, with who gives it and which outlets carry it ("the mayor (two
 * outlets): March 3 · city engineers (one outlet): not until June 10"), and what the dispute is about (the number
 * of what is counted, the date, who won, whether it is so). conflicts.ts records each side as it finds a pair of
 * values that cannot both hold; this file turns them into the report's `dispute`.
 */
import type { Claim, Dispute, DisputeSide, TextSupport } from "../records.js";
import type { ClaimSentence } from "./claims/find-claims.js";
import { foldName } from "../_lib/text.js";
import { peopleNamed } from "./side-sayer.js";

type SideKind = "number" | "date" | "time" | "denial";

interface SideEntry {
  kind: SideKind;
  value: string;
  counts: string | null;
  support: Set<number>;
  sources: Set<string>;
  outlets: Set<string>;
  /** Wordings of another claim that give this side (a share disputed across two claims). */
  elsewhere: string[];
  /** The fact disputed: one claim may hold disputes about several (a crowd's size and a raise); one is shown. */
  fact: string;
  /** The value, normalised (a number to SIDE_DIGITS, a resolved date). */
  norm: string;
}

export type Sides = Map<Claim, Map<string, SideEntry>>;

/** Significant digits under which two values are one side ("7.3 million" and "7.30 million"). */
const SIDE_DIGITS = 3;

/**
 * Records that `claim`'s wording `sentence` (null: a wording of `meta.claim`, another claim) gives `text` (its
 * normalised form `value`), said by `sayer` when the sentence names who says it.
 */
export function recordSide(
  sides: Sides,
  claim: Claim,
  sentence: ClaimSentence | null,
  text: string,
  value: number | string,
  sayer: string | null,
  meta: { kind: SideKind; counts?: string; claim?: Claim; sentence?: ClaimSentence; fact?: string },
): void {
  const norm = `${typeof value === "number" ? Number(value.toPrecision(SIDE_DIGITS)) : value}`;
  const fact = meta.fact ?? `${meta.kind}|${meta.counts ?? ""}`;
  const key = `${fact}|${norm}`;
  const forClaim = sides.get(claim) ?? new Map<string, SideEntry>();
  sides.set(claim, forClaim);
  const entry = forClaim.get(key) ?? { kind: meta.kind, value: text, counts: meta.counts ?? null, support: new Set(), sources: new Set(), outlets: new Set(), elsewhere: [], fact, norm };
  forClaim.set(key, entry);
  const [owner, index] = sentence ? [claim, claim.support.findIndex((s) => matches(s, sentence))] : [meta.claim!, meta.claim!.support.findIndex((s) => matches(s, meta.sentence!))];
  const support = owner.support[index];
  if (!support) return;
  if (owner === claim) entry.support.add(index);
  else if (!entry.elsewhere.includes(owner.id)) entry.elsewhere.push(owner.id);
  entry.sources.add(knownName(owner, sideSource(support, sayer)));
  if (support.outlet) entry.outlets.add(support.outlet);
}

/**
 * Who gives a side: the wording's resolved source when it names one, else who the sentence says speaks (a police
 * report an echoing outlet cites is the report's, not the outlet echoed), else the outlet it echoes, else its own.
 */
const sideSource = (support: TextSupport, sayer: string | null): string =>
  (support.via === "cited" && support.source ? peopleNamed(support.source.name) : null) ?? sayer ?? (support.via === "echo" ? support.source?.name : null) ?? support.outlet ?? support.articleId;

/**
 * A side's source named as the claim names it elsewhere: "The chamber of commerce" is "the Millbrook Chamber of
 * Commerce" when the claim's sources include it (the short name's words end the full one).
 */
function knownName(claim: Claim, name: string): string {
  const bare = (x: string) => foldName(x).replace(/^the /, "");
  const short = bare(name);
  if (!short) return name;
  const names = [...new Set([...(claim.sources ?? []).map((x) => x.name), ...claim.support.flatMap((x) => (x.source ? [x.source.name] : []))])].sort();
  const fuller = names.filter((x) => bare(x) !== short && ` ${bare(x)}`.endsWith(` ${short}`));
  return fuller.length === 1 ? fuller[0]! : name;
}

/**
 * Every wording of the claim that gives a side's value joins that side, not only those a pair was found in (a
 * sentence with a second date, "on Monday", is left out of the date pairs but still gives the first).
 */
function joinSameValues(claim: Claim, recorded: Map<string, SideEntry>): void {
  for (const entry of recorded.values()) {
    const [kind, value] = [entry.kind, entry.norm];
    if (kind === "denial" || kind === "time") continue;
    claim.support.forEach((support, k) => {
      if (entry.support.has(k) || [...recorded.values()].some((e) => e !== entry && e.fact === entry.fact && e.support.has(k))) return;
      const gives = (support.values ?? []).some((v) =>
        kind === "date" ? v.kind === "date" && v.value === value
          : v.kind === "number" && ((v.counts ?? null) === entry.counts || ((!v.counts || !entry.counts) && sameUnit(v.value, entry.value))) &&
            Number(Number.parseFloat(v.value).toPrecision(SIDE_DIGITS)) === Number(value));
      if (!gives) return;
      entry.support.add(k);
      entry.sources.add(knownName(claim, sideSource(support, null)));
      if (support.outlet) entry.outlets.add(support.outlet);
    });
  }
}

/** A value's unit ("52 %") against a side's text ("52 percent"): a share is a share, a sum of money a sum. */
const sameUnit = (value: string, sideText: string): boolean => {
  const unit = value.split(" ")[1] ?? "";
  if (unit === "%") return /%|percent/i.test(sideText);
  if (unit === "USD") return /\$|dollars?/i.test(sideText);
  return !unit && !/%|percent|\$/i.test(sideText);
};

const matches = (s: Claim["support"][number], sentence: ClaimSentence) =>
  s.articleId === sentence.articleId && s.start === sentence.span[0] && (s.field ?? null) === (sentence.field ?? null);

export function disputeOf(claim: Claim, sentences: readonly ClaimSentence[], recorded: Map<string, SideEntry> | undefined): Dispute | null {
  if (!recorded?.size) return null;
  joinSameValues(claim, recorded);
  const entries = mainFact([...recorded.values()]);
  const sides: DisputeSide[] = entries
    .map((e) => ({ value: e.value, sources: [...e.sources].sort(), outlets: [...e.outlets].sort(), support: [...e.support].sort((a, b) => a - b) }))
    .sort((a, b) => b.outlets.length - a.outlets.length || b.support.length - a.support.length || (a.value < b.value ? -1 : 1));
  // What the dispute is about is read from the wordings that take sides, not the claim's other sentences.
  const taking = new Set(entries.flatMap((e) => [...e.support]));
  return { about: aboutOf(entries, sentences.filter((s) => claim.support.some((x, k) => taking.has(k) && matches(x, s)))), sides };
}

/**
 * The sides of one fact: a claim whose wordings dispute several (the time of a shooting and the number of people
 * hurt) shows the one that the most outlets and wordings take sides on; its conflicts list keeps the others.
 */
function mainFact(entries: readonly SideEntry[]): readonly SideEntry[] {
  const facts = new Map<string, SideEntry[]>();
  for (const e of entries) facts.set(e.fact, [...(facts.get(e.fact) ?? []), e]);
  const weight = (es: readonly SideEntry[]) => [new Set(es.flatMap((e) => [...e.outlets])).size, es.reduce((n, e) => n + e.support.size, 0)] as const;
  const ranked = [...facts.entries()].filter(([, es]) => es.length >= 2).sort(([fa, a], [fb, b]) => {
    const [wa, wb] = [weight(a), weight(b)];
    return wb[0] - wa[0] || wb[1] - wa[1] || (fa < fb ? -1 : 1);
  });
  return ranked[0]?.[1] ?? entries;
}

/** Words of winning: shares that cannot both hold in an election are a dispute about who won (DOMAIN.md). */
const WON = /\b(?:won|wins|winner|winning|victory|victor|defeated|lost)\b/i;

/** Words of a measure's fate: a referendum's shares that cannot both hold dispute whether it passed. */
const PASSED = /\b(?:passed|failed|approved|rejected|defeated)\b/i;

function aboutOf(entries: readonly SideEntry[], sentences: readonly ClaimSentence[]): string {
  const kind = entries[0]!.kind;
  if (kind === "denial") return "whether it is so";
  if (kind === "date") return entries[0]!.fact === "record-since" ? "since when it is a record" : "the date";
  if (kind === "time") return "the time";
  const shares = entries.every((e) => /%|percent/i.test(e.value));
  if (shares && sentences.some((s) => WON.test(s.text))) return "who won";
  if (shares && sentences.some((s) => PASSED.test(s.text))) return "whether it passed";
  const counts = entries.find((e) => e.counts)?.counts;
  return counts ? (counts.startsWith("the ") ? counts : `the number of ${counts}`) : "the figure";
}
