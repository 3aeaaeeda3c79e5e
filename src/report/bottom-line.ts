/**
 * A story's bottom line: one or two plain sentences saying what is established and on what, and the counts a
 * reader weighs it by. Computed once here from the story's claims and articles; the web page, the terminal
 * summary, Markdown, HTML and CSV all print this, so they say the same words.
 *
 * What the reports share (claims carried by two or more outlets) is what the bottom line is about: a claim only
 * one outlet carries is that outlet's own account, listed in the sections below, not the story's.
 */
import type { Article, Claim, ClaimSource } from "../records.js";
import { distinctDisputes } from "../_lib/disputes-once.js";

export interface BottomLineCounts {
  articles: number;
  outlets: number;
  /** Distinct primary sources behind what the outlets share (behind every claim when they share none: `sourcesOf`). */
  independentSources: number;
  /** What `independentSources` counts: the sources of the claims two or more outlets share, or of all claims. */
  sourcesOf: "shared" | "all";
  claims: number;
  corroborated: number;
  singleSource: number;
  disputes: number;
  /** Sources on the disputes' sides that `independentSources` does not count: a dispute can rest on sources of its own. */
  disputeSources: number;
}

export interface BottomLine {
  sentences: string[];
  counts: BottomLineCounts;
}

/** Longest input name shown for an article with no known outlet. */
const SHORT_INPUT_CHARS = 14;

/** An input's short name: its file name without folder or extension, cut to SHORT_INPUT_CHARS ("000_e744ca5dcc…"). */
export function shortInputName(source: string): string {
  const file = source.split(/[\\/]/).filter(Boolean).at(-1) ?? source;
  const stem = file.replace(/\.[a-z0-9]{1,5}$/i, "") || file;
  return stem.length > SHORT_INPUT_CHARS ? `${stem.slice(0, SHORT_INPUT_CHARS - 1)}…` : stem;
}

/**
 * The one label an outlet has on every screen. The comparison names an article with no known outlet
 * "unknown outlet (<file>)" (compare/sources.ts); readers see the input's short name instead, and the article
 * list says once that the outlet is unknown.
 */
export function displayOutlet(label: string): string {
  const m = /^unknown outlet \((.+)\)$/.exec(label);
  return m ? shortInputName(m[1]!) : label;
}

export const articleOutlet = (a: Pick<Article, "outlet" | "source">): string => a.outlet ?? shortInputName(a.source);

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const say = (n: number): string => NUMBER_WORDS[n] ?? String(n);
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many = `${one}s`): string => `${say(n)} ${n === 1 ? one : many}`;

/** A source as a reader names it: "The Wall Street Journal's report", "Israel Hayom's own reporting", "Marco Rubio". */
function sourceName(source: Pick<ClaimSource, "name" | "kind">): string {
  const name = displayOutlet(source.name);
  if (source.kind === "own-reporting") return `${name}'s own reporting`;
  if (source.kind === "outlet") return `${name}'s report`;
  return name;
}

function claimSources(claim: Claim): { key: string; name: string }[] {
  if (claim.sources?.length) return claim.sources.map((s) => ({ key: s.id ?? s.name, name: sourceName(s) }));
  return claim.primarySources.map((name) => ({ key: name, name: displayOutlet(name) }));
}

/** "a, b and c". */
const list = (items: readonly string[]): string => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

const describeDispute = (d: NonNullable<Claim["dispute"]>): string =>
  `${d.about} (${d.sides.map((s) => `${list(s.sources.map(displayOutlet)) || list(s.outlets.map(displayOutlet)) || "unnamed"}: ${s.value}`).join("; ")})`;

const nameKey = (name: string): string => displayOutlet(name).toLowerCase().replace(/^the\s+/, "");

/**
 * "One dispute, reported by The Rio Times alone, with two sources of its own": what the dispute rests on, said
 * beside the sources counted for the shared reporting, so "one source" above and two sides here do not contradict.
 */
function disputeHead(disputes: readonly NonNullable<Claim["dispute"]>[], ownSources: number): string {
  const carriers = new Set(disputes.flatMap((d) => d.sides.flatMap((s) => s.outlets)));
  const alone = carriers.size === 1 ? `, reported by ${displayOutlet([...carriers][0]!)} alone` : "";
  const own = ownSources ? `, with ${plural(ownSources, "source")} of ${disputes.length === 1 ? "its" : "their"} own` : "";
  return `${capital(plural(disputes.length, "dispute"))}${alone}${own}`;
}

export function bottomLine(claims: readonly Claim[], articles: readonly Pick<Article, "outlet" | "source">[]): BottomLine {
  const outlets = new Set(articles.map(articleOutlet));
  const shared = claims.filter((c) => new Set(c.outlets).size >= 2);
  const basis = shared.length ? shared : claims;
  const sources = new Map<string, string>();
  for (const c of basis) for (const s of claimSources(c)) sources.set(s.key, s.name);
  const corroborated = claims.filter((c) => c.status === "corroborated");
  const disputes = distinctDisputes(claims).map((d) => d.dispute);
  const counted = new Set(basis.flatMap((c) => (c.sources?.map((s) => s.name) ?? c.primarySources).map(nameKey)));
  const ownSources = new Set(disputes.flatMap((d) => d.sides.flatMap((s) => s.sources.map(nameKey))).filter((k) => !counted.has(k)));
  const counts: BottomLineCounts = {
    articles: articles.length, outlets: outlets.size, independentSources: sources.size, sourcesOf: shared.length ? "shared" : "all", claims: claims.length,
    corroborated: corroborated.length, singleSource: claims.filter((c) => c.status === "single-source").length, disputes: disputes.length,
    disputeSources: ownSources.size,
  };
  const reports = articles.length === 1 ? "the one report" : articles.length === 2 ? "both reports" : `all ${say(articles.length)} reports`;
  const sentences: string[] = [];
  if (claims.length === 0) sentences.push(`No claim could be compared across ${reports}.`);
  else if (corroborated.length) {
    const behind = new Map<string, string>();
    for (const c of corroborated) for (const s of claimSources(c)) behind.set(s.key, s.name);
    const names = [...behind.values()];
    sentences.push(`${capital(plural(corroborated.length, "claim"))} ${corroborated.length === 1 ? "is" : "are"} confirmed by two or more independent sources: ${list(names.slice(0, 4))}${names.length > 4 ? ` and ${plural(names.length - 4, "other")}` : ""}.`);
    const single = counts.singleSource;
    if (single) sentences.push(`${capital(plural(single, "other claim"))} ${single === 1 ? "rests" : "rest"} on one source only.`);
  } else if (articles.length === 1 || outlets.size === 1) {
    sentences.push(`One outlet, ${[...outlets][0]}, tells this story; no other outlet confirms it.`);
  } else if (!shared.length) {
    sentences.push(`The ${say(outlets.size)} outlets share no claim: each tells its own part, on its own sources.`);
  } else if (sources.size === 1) {
    const carriers = new Set(shared.flatMap((c) => c.outlets));
    const who = carriers.size === outlets.size ? capital(reports) : `${capital(say(carriers.size))} of the ${say(outlets.size)} outlets`;
    sentences.push(`${who} trace what they share to one source: ${[...sources.values()][0]}. No outlet confirms it independently.`);
  } else {
    sentences.push(`The outlets share ${plural(shared.length, "claim")}, but none is confirmed by two independent sources: they rest on ${list([...sources.values()].slice(0, 4))}${sources.size > 4 ? ` and ${plural(sources.size - 4, "other")}` : ""}.`);
  }
  if (disputes.length) sentences.push(`${disputeHead(disputes, ownSources.size)}: ${disputes.slice(0, 3).map(describeDispute).join("; ")}${disputes.length > 3 ? "; and more below" : ""}.`);
  return { sentences, counts };
}

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** What the sources count is of: "independent source behind the shared reporting" (or "… in all" when nothing is shared). */
export const sourcesLabel = (c: Pick<BottomLineCounts, "independentSources" | "sourcesOf">): string =>
  `${c.independentSources === 1 ? "independent source" : "independent sources"} ${c.sourcesOf === "shared" ? "behind the shared reporting" : "in all"}`;

/** The disputes with what they rest on beyond the counted sources: "1 dispute, on 2 sources of its own". */
export const disputesLabel = (c: Pick<BottomLineCounts, "disputes" | "disputeSources">): string =>
  `${c.disputes === 1 ? "dispute" : "disputes"}${c.disputeSources ? `, on ${n(c.disputeSources, "source")} of ${c.disputes === 1 ? "its" : "their"} own` : ""}`;

/** The counts as a line of text: "3 outlets · 1 independent source behind the shared reporting · 0 corroborated claims · 1 dispute, on 2 sources of its own". */
export function describeCounts(c: BottomLineCounts): string {
  return [n(c.outlets, "outlet"), `${c.independentSources} ${sourcesLabel(c)}`, n(c.corroborated, "corroborated claim"), `${c.disputes} ${disputesLabel(c)}`].join(" · ");
}
