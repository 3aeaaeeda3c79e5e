/**
 * Whom each supporting sentence relies on, traced to a primary source. An article that leads with another
 * outlet's report ("According to The Wall Street Journal…", "A Wall Street Journal report … reveals") is an
 * echo: its statements come from that outlet unless a sentence names another. Anonymous sources belong to
 * the outlet that spoke to them. Otherwise a statement is the article's own reporting.
 * Outlet names are folded into one key per outlet: "The Journal", "WSJ", "the Wall Street Journal".
 */
import type { Article, ArticleBundle, AnnotationOf, SourceKind, SourceVia } from "../records.js";
import { foldName } from "../_lib/text.js";

export interface SourceRef {
  key: string;
  name: string;
  kind: SourceKind;
}

/** A cited outlet counts as the article's source when cited in its first sentences or this often. */
const LEAD_SENTENCES = 3;
const ECHO_MIN_CITATIONS = 2;

/** What a report calls an article's outlet; an unknown one is named by its file, since two unknowns may be two outlets. */
export function outletLabel(article: Pick<Article, "outlet" | "source">): string {
  return article.outlet ?? `unknown outlet (${article.source.split("/").at(-1)})`;
}

export class SourceNames {
  private readonly canonical = new Map<string, string>();

  /** Learns every outlet name the story's articles cite or are published by. */
  constructor(bundles: readonly ArticleBundle[]) {
    const names = new Set<string>();
    for (const b of bundles) {
      if (b.article.outlet) names.add(b.article.outlet);
      for (const a of b.annotations) if (a.kind === "citation" && (a.sourceKind === "outlet" || a.sourceKind === "own-reporting")) names.add(a.source);
    }
    const full = [...names].sort((a, b) => b.length - a.length);
    for (const name of full) this.canonical.set(bareKey(name), this.canonical.get(bareKey(name)) ?? name);
    for (const name of full) {
      const key = bareKey(name);
      const longer = full.filter((other) => other !== name && bareKey(other) !== key && isShortFormOf(key, bareKey(other)));
      const targets = new Set(longer.map(bareKey));
      if (targets.size === 1) this.canonical.set(key, this.canonical.get(bareKey(longer[0]!)) ?? longer[0]!);
    }
  }

  ref(name: string, kind: SourceKind): SourceRef {
    const display = this.canonical.get(bareKey(name)) ?? name;
    return { key: `${kind === "own-reporting" ? "outlet" : kind}:${bareKey(display)}`, name: display, kind };
  }
}

/** The source an article as a whole relies on, if it is an echo of one outlet. */
export function echoedOutlet(bundle: ArticleBundle, names: SourceNames): SourceRef | null {
  const sentences = bundle.annotations.filter((a) => a.kind === "sentence");
  const leadEnd = sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1]?.span[1] ?? 0;
  const cited = bundle.annotations.filter((a): a is AnnotationOf<"citation"> => a.kind === "citation" && a.sourceKind === "outlet");
  if (bundle.annotations.some((a) => a.kind === "citation" && a.sourceKind === "own-reporting")) return null;
  const counts = new Map<string, { ref: SourceRef; n: number; inLead: boolean }>();
  for (const c of cited) {
    const ref = names.ref(c.source, "outlet");
    if (bundle.article.outlet && ref.key === names.ref(bundle.article.outlet, "outlet").key) continue;
    const entry = counts.get(ref.key) ?? { ref, n: 0, inLead: false };
    entry.n++;
    entry.inLead ||= c.span[0] < leadEnd;
    counts.set(ref.key, entry);
  }
  const best = [...counts.values()].sort((a, b) => Number(b.inLead) - Number(a.inLead) || b.n - a.n)[0];
  return best && (best.inLead || best.n >= ECHO_MIN_CITATIONS) ? best.ref : null;
}

/**
 * The primary source of one claim sentence (or the headline) and how it reached the outlet. In order: an outlet
 * or document the sentence cites; a named person it cites (one person speaking to two outlets is one source);
 * the outlet the whole article relays; else the outlet itself, including the unnamed people it spoke to
 * (DOMAIN.md: anonymous sources belong to the outlet that reports them). The sentence's source is the analyzer's
 * attribution (`attribution` annotations), with any outlet it cites inside the sentence as a fallback.
 */
export function primarySourceOf(
  bundle: ArticleBundle,
  sentence: { span: readonly [number, number]; field?: "title" },
  echo: SourceRef | null,
  names: SourceNames,
): SourceRef & { via: SourceVia } {
  const own = { ...names.ref(outletLabel(bundle.article), "own-reporting"), via: "own" as const };
  if (sentence.field === "title") return echo ? { ...echo, via: "echo" } : own;
  const [start, end] = sentence.span;
  const overlaps = <K extends "attribution" | "citation">(kind: K) =>
    bundle.annotations.filter((a): a is AnnotationOf<K> => a.kind === kind && a.span[0] < end && a.span[1] > start) as AnnotationOf<K>[];
  const attribution = overlaps("attribution")[0];
  const cited = attribution && (attribution.sourceKind === "outlet" || attribution.sourceKind === "document")
    ? { source: attribution.source, sourceKind: attribution.sourceKind }
    : overlaps("citation").find((c) => (c.sourceKind === "outlet" || c.sourceKind === "document") && c.span[0] >= start && c.span[1] <= end);
  if (cited && !isOwnOutlet(bundle.article, cited.source, names)) return { ...names.ref(cited.source, cited.sourceKind), via: "cited" };
  if (attribution?.sourceKind === "person") {
    return { key: `person:${foldName(attribution.source)}`, name: attribution.source, kind: "person", via: "cited" };
  }
  return echo ? { ...echo, via: "echo" } : own;
}

const isOwnOutlet = (article: Article, name: string, names: SourceNames): boolean =>
  !!article.outlet && names.ref(name, "outlet").key === names.ref(article.outlet, "outlet").key;

const bareKey = (name: string): string => foldName(name).replace(/^the /, "");

/** "journal" of "wall street journal"; "wsj" of "wall street journal". */
function isShortFormOf(short: string, long: string): boolean {
  if (!long.includes(" ")) return false;
  if (long.endsWith(` ${short}`)) return true;
  const initials = long.split(" ").map((w) => w[0]).join("");
  return short.replace(/\s/g, "") === initials;
}
