/**
 * The one order and the one set of words for a story, on every screen: the terminal summary, Markdown, HTML and the
 * web page (web/src/story-page.ts) all walk STORY_SECTIONS and say each thing with the helpers below, so the order
 * cannot drift between them and a dispute reads the same everywhere. Pure and free of Node: the web app imports it.
 */
import type { Claim, ClaimSource, DisputeSide, Omission, TextSupport } from "../../records.js";
import { displayOutlet } from "../bottom-line.js";

/**
 * In order of value (issue 23): the bottom line and its counts; the reports, numbered as the [n] citations; the
 * brief; disputes, each side with who says it; what is established; what rests on one source and where it leads,
 * with the drift along the way; who carries what; what each outlet leaves out; framing side by side and each
 * outlet's wording; the timeline; who said what.
 */
export const STORY_SECTIONS = [
  { id: "bottom-line", title: "Bottom line" },
  { id: "coverage", title: "The reports" },
  { id: "brief", title: "Brief" },
  { id: "disputes", title: "Disputes" },
  { id: "established", title: "Established" },
  { id: "chains", title: "Resting on one source" },
  { id: "drift", title: "Drift between versions" },
  { id: "claims", title: "Who carries what" },
  { id: "omissions", title: "What each outlet leaves out" },
  { id: "framing", title: "Framing side by side" },
  { id: "wording", title: "Wording by outlet" },
  { id: "timeline", title: "Timeline" },
  { id: "quotes", title: "Who said what" },
] as const;

export type SectionId = (typeof STORY_SECTIONS)[number]["id"];

/**
 * Renders each section of a story in STORY_SECTIONS order, leaving out those with nothing to show (null). A
 * renderer must give every section (the type says so), so none can be forgotten or moved.
 */
export function orderedSections<T>(render: { readonly [K in SectionId]: () => T | null }): { id: SectionId; title: string; body: T }[] {
  return STORY_SECTIONS.map((s) => ({ id: s.id as SectionId, title: s.title as string, body: render[s.id]() })).filter((x): x is { id: SectionId; title: string; body: T } => x.body !== null);
}

export const inSectionOrder = <T>(render: { readonly [K in SectionId]: () => T | null }): T[] => orderedSections(render).map((s) => s.body);

export const sectionTitle = (id: SectionId): string => STORY_SECTIONS.find((s) => s.id === id)!.title;

export const NONE_ESTABLISHED = "No claim here is confirmed by two independent sources.";
export const CELL_MARK = { supports: "✓", conflicts: "≠", silent: "–" } as const;
export const CELL_LEGEND = "✓ states it · ≠ gives another value · – silent";

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Disputes once each (the one rule, _lib/disputes-once.ts): re-exported for the renderers and the web app. */
export { distinctDisputes } from "../../_lib/disputes-once.js";

/**
 * The sentences that give a side's value: its own claim's, or, when the side is recorded from the other claim of
 * the pair (the 67% of a 52%/67% dispute), that claim's. So every side cites where it is said.
 */
export function sideSupports(claims: readonly Claim[], claim: Claim, side: DisputeSide): TextSupport[] {
  const own = side.support.map((k) => claim.support[k]).filter((s): s is TextSupport => s !== undefined);
  if (own.length) return own;
  for (const other of claims) {
    const match = other.dispute?.about === claim.dispute?.about ? other.dispute?.sides.find((s) => s.value === side.value && s.support.length) : undefined;
    if (match) return match.support.map((k) => other.support[k]).filter((s): s is TextSupport => s !== undefined);
  }
  return [];
}

/** One side of a dispute: its value, who gives it, and the outlets that carry it besides: "22 — hospital workers (in Coast Radio News)". */
export function describeSide(side: DisputeSide): { value: string; who: string; carriedBy: string[]; by: string; text: string } {
  const who = side.sources.map(displayOutlet).join(" and ") || "unnamed";
  const carriedBy = side.outlets.map(displayOutlet).filter((o) => !side.sources.map(displayOutlet).includes(o));
  const by = `${who}${carriedBy.length ? ` (in ${carriedBy.join(", ")})` : ""}`;
  return { value: side.value, who, carriedBy, by, text: `${side.value} — ${by}` };
}

/** The corroborated claims' line under each: "2 independent sources: Reuters, the mayor". */
export function describeEstablished(claim: Claim): string {
  const names = (claim.sources?.map((s) => s.name) ?? claim.primarySources).map(displayOutlet);
  return `${count(claim.independentSources, "independent source")}: ${names.join(", ") || "none traced"}`;
}

export interface SourceChain {
  /** The one source the claims rest on. */
  source: Pick<ClaimSource, "name" | "kind">;
  /** Outlets that name the source ("according to the WSJ") and outlets that carry its account without naming it. */
  namedBy: string[];
  relayedBy: string[];
  claims: Claim[];
}

/**
 * The single-source chains: claims two or more outlets carry that rest on one source, grouped by that source, with
 * where the account leads (the outlets naming it, those relaying it): three outlets on one WSJ report are one chain.
 */
export function singleSourceChains(claims: readonly Claim[]): SourceChain[] {
  const chains = new Map<string, SourceChain & { named: Set<string>; all: Set<string> }>();
  for (const c of claims) {
    if (c.status !== "single-source" || new Set(c.outlets).size < 2) continue;
    const source = c.sources?.[0];
    const name = source?.name ?? c.primarySources[0] ?? "an untraced source";
    const key = source?.id ?? name;
    const chain = chains.get(key) ?? { source: { name, kind: source?.kind ?? "outlet" }, namedBy: [], relayedBy: [], claims: [], named: new Set<string>(), all: new Set<string>() };
    for (const o of c.outlets) chain.all.add(o);
    if (source?.via === "cited") for (const o of source.outlets) chain.named.add(o);
    chain.claims.push(c);
    chains.set(key, chain);
  }
  return [...chains.values()].map(({ named, all, ...chain }) => ({
    ...chain,
    namedBy: [...all].filter((o) => named.has(o)).map(displayOutlet),
    relayedBy: [...all].filter((o) => !named.has(o)).map(displayOutlet),
  }));
}

/** Where a chain leads: "The Wall Street Journal → named by Israel Hayom; relayed by The Rio Times". */
export function describeChain(chain: SourceChain): string {
  const legs = [chain.namedBy.length ? `named by ${chain.namedBy.join(", ")}` : "", chain.relayedBy.length ? `relayed by ${chain.relayedBy.join(", ")}` : ""].filter(Boolean);
  return `${displayOutlet(chain.source.name)} → ${legs.join("; ")}`;
}

/** "Harbor Gazette leaves out 2 claims other outlets carry:" */
export const describeOmission = (o: Pick<Omission, "outlet" | "missingClaimIds">): string =>
  `${displayOutlet(o.outlet)} leaves out ${count(o.missingClaimIds.length, "claim")} other outlets carry:`;

/** A claim only headlines make is marked as such. */
export const claimText = (claim: Pick<Claim, "text" | "support">): string => (claim.support.every((s) => s.field === "title") ? `(headline) ${claim.text}` : claim.text);

/** The verdict in words (a shape beside it on screens): what a reader weighs a claim by. */
export const VERDICT = {
  corroborated: { mark: "●", word: "corroborated" },
  "single-source": { mark: "◐", word: "single source" },
  disputed: { mark: "✕", word: "disputed" },
} as const;
