/**
 * The verdict suite's checks (eval/verdicts/README.md), each scored pass/fail against a report view, with what the
 * tool said in words for the failure list. Pure: no files, no pipeline (test/verdicts/score.test.ts).
 */
import {
  type Anchor, type ClaimView, claimsHoldingAll, holds, type Located, locate, nameMatches, normalName, type ReportView, supportsHolding,
} from "./verdicts-anchors.js";

export interface GoldSide {
  anchors: Anchor[];
  /** Each inner list: the names acceptable for one source of this side; every list must match a source of the side. */
  sources?: string[][];
  /** Outlets that must be among the side's outlets. */
  outlets?: string[];
}

export type Check = { why: string; anchors?: Anchor[] } & (
  | { type: "aligned" }
  /** A list: any of these statuses passes ("not disputed" = ["corroborated", "single-source"]). */
  | { type: "status"; status: Status | Status[] }
  | { type: "independent"; count: number }
  | { type: "sides"; sides: GoldSide[] }
  | { type: "not-claim" }
  | { type: "source"; source: string[] }
  | { type: "separate" }
  | { type: "omission"; outlet: string; omitted?: boolean }
  | { type: "drift"; from: Anchor; to: Anchor; kind?: string }
  | { type: "correction"; from: Anchor; to: Anchor }
);

type Status = "corroborated" | "single-source" | "disputed";

export const CHECK_TYPES = ["aligned", "status", "independent", "sides", "not-claim", "source", "separate", "omission", "drift", "correction"] as const;

export interface CheckResult {
  pass: boolean;
  /** What the tool said, for a reader of the failure list. */
  said: string;
}

const describe = (c: ClaimView) => `claim ${c.id || "?"} (${c.status ?? "no status"}, ${c.independent ?? "?"} independent, outlets: ${c.outlets.join(", ") || "none"}) "${c.text.slice(0, 80)}"`;
const describeAll = (cs: ClaimView[]) => (cs.length ? cs.map(describe).join(" | ") : "no claim holds these anchors together");

/** Every anchor of a check located, or the first that is not (a gold error, reported as a failure). */
function locateAll(view: ReportView, anchors: readonly Anchor[]): Located[] | string {
  const out: Located[] = [];
  for (const a of anchors) {
    const at = locate(view, a);
    if (!at) return `gold anchor not found in article ${a[0]}: "${a[1]}"`;
    out.push(at);
  }
  return out;
}

/** The recorded source of support k of a claim: its own, else the claim's source listing it; own reporting → the outlet. */
function sourceNames(view: ReportView, claim: ClaimView, k: number): string[] {
  const s = claim.support[k]!;
  const outlet = view.articles.get(s.articleId)?.outlet ?? "";
  const own = (kind: string | null, name: string) => (kind === "own-reporting" || /^own[ -]reporting$/i.test(name) ? [name, outlet] : [name]);
  if (s.sourceName) return own(s.sourceKind, s.sourceName);
  const listed = claim.sources.filter((src) => src.support.includes(k));
  if (listed.length) return listed.flatMap((src) => own(src.kind, src.name));
  return claim.primarySources.length === 1 ? [claim.primarySources[0]!] : [];
}

function sourceCheck(view: ReportView, at: Located, aliases: string[]): CheckResult {
  const found = view.claims.flatMap((c) => supportsHolding(c, at).map((k) => sourceNames(view, c, k)));
  if (!found.length) {
    // A sentence in no claim: the per-sentence attribution is what the tool filed it under.
    const attributed = view.attributions.filter((a) => holds({ ...a, field: "text" }, at));
    if (at.field === "text" && attributed.length) {
      const names = attributed.map((a) => (a.kind === "own-reporting" ? [a.source, view.articles.get(at.articleId)?.outlet ?? ""] : [a.source]));
      return { pass: names.every((n) => n.some((x) => nameMatches(x, aliases))), said: `in no claim; attributed to ${names.map((n) => n[0]).join(", ")}` };
    }
    return { pass: false, said: "the sentence is in no claim and has no attribution" };
  }
  const pass = found.every((names) => names.some((n) => nameMatches(n, aliases)));
  return { pass, said: `source: ${found.map((n) => n.join(" / ") || "none recorded").join("; ")}` };
}

function sidesCheck(view: ReportView, gold: GoldSide[]): CheckResult {
  const perSide = gold.map((s) => locateAll(view, s.anchors));
  const bad = perSide.find((s): s is string => typeof s === "string");
  if (bad) return { pass: false, said: bad };
  const located = perSide as Located[][];
  const claims = claimsHoldingAll(view, located.flat());
  if (!claims.length) return { pass: false, said: "no claim holds both sides' anchors (the dispute is not aligned)" };
  const said: string[] = [];
  for (const claim of claims) {
    if (!claim.sides?.length) {
      said.push(`${describe(claim)}: no dispute sides`);
      continue;
    }
    const tool = claim.sides;
    const text = tool.map((s) => `${s.value}: ${s.sources.join(", ") || "?"} (${s.outlets.join(", ") || "?"})`).join(" · ");
    const used = new Set<number>();
    const problems: string[] = [];
    gold.forEach((g, i) => {
      const matching = tool.flatMap((s, j) => (located[i]!.every((at) => s.support.some((k) => claim.support[k] && holds(claim.support[k]!, at))) ? [j] : []));
      const j = matching.find((m) => !used.has(m));
      if (j === undefined) return problems.push(`side ${i + 1}'s anchors are not on one side of their own`);
      used.add(j);
      const side = tool[j]!;
      for (const aliases of g.sources ?? []) {
        // One alias list is one source: the side must name it, and name it once (not "the chamber" and "the city's chamber" as two).
        const named = side.sources.filter((n) => nameMatches(n, aliases)).length;
        if (!named) problems.push(`side ${i + 1} lacks source ${aliases[0]}`);
        if (named > 1) problems.push(`side ${i + 1} names ${aliases[0]} ${named} times, as if several sources`);
      }
      for (const outlet of g.outlets ?? []) if (!side.outlets.some((o) => normalName(o) === normalName(outlet))) problems.push(`side ${i + 1} lacks outlet ${outlet}`);
    });
    if (!problems.length) return { pass: true, said: text };
    said.push(`${text} [${problems.join("; ")}]`);
  }
  return { pass: false, said: said.join(" | ") };
}

/** Drift entries whose two supports hold the two anchors (either way round), of the gold's kind when it names one. */
function driftCheck(view: ReportView, from: Located, to: Located, kind: string | undefined): CheckResult {
  const between = view.drift.filter((d) => (holds(d.from, from) && holds(d.to, to)) || (holds(d.from, to) && holds(d.to, from)));
  const pass = between.some((d) => !kind || d.kind === kind);
  return { pass, said: between.length ? `drift: ${between.map((d) => d.kind).join(", ")}` : `no drift between these (${view.drift.length} drift entries in the story)` };
}

export function scoreCheck(view: ReportView, check: Check): CheckResult {
  if (check.type === "sides") return sidesCheck(view, check.sides);
  if (check.type === "drift" || check.type === "correction") {
    const ends = locateAll(view, [check.from, check.to]);
    if (typeof ends === "string") return { pass: false, said: ends };
    const [from, to] = ends as [Located, Located];
    if (check.type === "drift") return driftCheck(view, from, to, check.kind);
    // A correction by the same outlet: the corrected value is reported and nothing around it is called disputed.
    const touched = view.claims.filter((c) => supportsHolding(c, from).length || supportsHolding(c, to).length);
    const holdingTo = touched.filter((c) => supportsHolding(c, to).length);
    const disputed = touched.filter((c) => c.status === "disputed");
    return { pass: holdingTo.length > 0 && !disputed.length, said: holdingTo.length ? describeAll(touched) : "the corrected sentence is in no claim" };
  }
  const located = locateAll(view, check.anchors ?? []);
  if (typeof located === "string") return { pass: false, said: located };
  if (!located.length) return { pass: false, said: "the check has no anchors" };
  const claims = claimsHoldingAll(view, located);
  switch (check.type) {
    case "aligned":
      return { pass: claims.length > 0, said: claims.length ? describeAll(claims) : `apart: ${describeAll([...new Set(located.flatMap((at) => claimsHoldingAll(view, [at])))])}` };
    case "status":
      return { pass: claims.some((c) => c.status !== null && ([] as string[]).concat(check.status).includes(c.status)), said: describeAll(claims) };
    case "independent":
      return { pass: claims.some((c) => c.independent === check.count), said: describeAll(claims) };
    case "separate":
      return { pass: claims.length === 0, said: describeAll(claims) };
    case "not-claim": {
      const holding = claimsHoldingAll(view, located);
      return { pass: holding.length === 0, said: holding.length ? `in ${describeAll(holding)}` : "in no claim" };
    }
    case "source":
      return sourceCheck(view, located[0]!, check.source);
    case "omission": {
      const ids = new Set(claims.map((c) => c.id));
      const listed = view.omissions.filter((o) => normalName(o.outlet) === normalName(check.outlet) && o.claimIds.some((id) => ids.has(id)));
      const expected = check.omitted ?? true;
      if (expected && !claims.length) return { pass: false, said: "no claim holds the anchors, so no omission of it can be shown" };
      return { pass: expected === listed.length > 0, said: listed.length ? `${check.outlet} listed as omitting ${describeAll(claims)}` : `${check.outlet} not listed as omitting it (${view.omissions.map((o) => o.outlet).join(", ") || "no omissions"})` };
    }
  }
}
