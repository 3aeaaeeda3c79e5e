/**
 * The report regrouped for reading: per storyline, per story, its articles, brief, claims, disputes,
 * omissions, framing and timeline. Every renderer (terminal, Markdown, HTML, the web page) reads this, so they
 * all say the same thing.
 */
import type { Article, BriefSentence, Claim, ClaimConflict, Dispute, DisputeSide, Drift, Framing, Omission, OutletFraming, Quote, Report, Story, Storyline, TimelineEntry } from "../../records.js";
import { outletLabel } from "../../compare/sources.js";
import { readerDate, readerDateRange } from "../../_lib/reader-dates.js";
import { displayOutlet, shortInputName } from "../bottom-line.js";
import { describeLeanSpread, describeOutletInfo, storyOutletInfo, type OutletDirectory } from "../outlet-info.js";
import { claimText, distinctDisputes, sideSupports } from "./sections.js";

export { claimText, describeSide } from "./sections.js";

export interface StoryView {
  story: Story;
  articles: Article[];
  brief: BriefSentence[];
  claims: Claim[];
  drift: Drift[];
  framing: Framing[];
  outletFraming: OutletFraming[];
  omissions: Omission[];
  timeline: TimelineEntry[];
  /** Its articles' quotes, direct and reported, in article order. */
  quotes: Quote[];
  /** What the user's outlet file (--outlets) says of each outlet; null without one. */
  outletInfo: OutletDirectory | null;
}

export interface StorylineView {
  storyline: Storyline;
  stories: StoryView[];
}

export function viewReport(report: Report, outletInfo: OutletDirectory | null = null): StorylineView[] {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  const storyView = (story: Story): StoryView => ({
    story,
    articles: story.articleIds.map((id) => articles.get(id)).filter((a): a is Article => !!a),
    brief: report.brief.filter((b) => b.storyId === story.id),
    claims: report.claims.filter((c) => c.storyId === story.id),
    drift: (report.drift ?? []).filter((d) => d.storyId === story.id),
    // Outlets by their one reader's label (an unknown outlet by its input's short name), as on every screen.
    framing: report.framing.filter((f) => f.storyId === story.id).map((f) => ({ ...f, labels: f.labels.map((l) => ({ ...l, outlet: displayOutlet(l.outlet) })) })),
    outletFraming: (report.outletFraming ?? []).filter((f) => f.storyId === story.id).map((f) => ({ ...f, outlet: displayOutlet(f.outlet) })),
    omissions: report.omissions.filter((o) => o.storyId === story.id).map((o) => ({ ...o, outlet: displayOutlet(o.outlet) })),
    timeline: report.timeline.filter((t) => t.storyId === story.id),
    quotes: story.articleIds.flatMap((id) => report.quotes.filter((q) => q.articleId === id)),
    outletInfo,
  });
  return report.storylines.map((storyline) => ({
    storyline,
    stories: storyline.storyIds.map((id) => report.stories.find((s) => s.id === id)).filter((s): s is Story => !!s).map(storyView),
  }));
}

/** "2 outlets, 1 independent source: The Wall Street Journal (named by Israel Hayom; relayed by The Rio Times)". */
export function describeSupport(claim: Claim): string {
  const outlets = `${claim.outlets.length} outlet${claim.outlets.length === 1 ? "" : "s"}`;
  const sources = `${claim.independentSources} independent source${claim.independentSources === 1 ? "" : "s"}`;
  return `${outlets}, ${sources}: ${describeSources(claim)}`;
}

/**
 * Who each independent source is and how the outlets got it: "The Wall Street Journal (named by Israel Hayom;
 * relayed by The Rio Times)", "Ohio Herald (own reporting)". Falls back to the names alone for comparisons stored
 * before 1.3.
 */
export function describeSources(claim: Claim): string {
  if (!claim.sources?.length) return claim.primarySources.join("; ");
  return claim.sources
    .map((s) => {
      if (s.via === "own") return `${displayOutlet(s.name)} (own reporting)`;
      const how = s.via === "cited" ? "named by" : "relayed by";
      return `${displayOutlet(s.name)} (${how} ${s.outlets.map(displayOutlet).join(", ")})`;
    })
    .join("; ");
}


export interface CoverageRow {
  claim: Claim;
  /** Per outlet of the story, in column order: what its articles do with the claim. */
  cells: ("supports" | "conflicts" | "silent")[];
}

/** Claims carried by this many outlets or more get a row in the coverage matrix; the rest are in the claims list. */
const MATRIX_MIN_OUTLETS = 2;
const MATRIX_MAX_ROWS = 12;

/**
 * The claims × outlets matrix: for each claim that two or more outlets carry, which outlets state it, which state
 * it with a conflicting value, and which are silent on it.
 */
export function coverageMatrix(view: StoryView): { outlets: string[]; rows: CoverageRow[] } {
  const outlets = [...new Set(view.articles.map(outletLabel))];
  const outletOf = new Map(view.articles.map((a) => [a.id, outletLabel(a)]));
  const rows = view.claims
    .filter((c) => c.outlets.length >= MATRIX_MIN_OUTLETS || c.status === "disputed")
    .slice(0, MATRIX_MAX_ROWS)
    .map((claim) => {
      const carrying = new Set(claim.support.map((s) => outletOf.get(s.articleId)));
      // The first side is the claim's own value (most carried): outlets giving only another side's value dispute it.
      const sides = claim.dispute?.sides ?? [];
      const disputing = new Set(sides.slice(1).flatMap((x) => x.support.map((k) => outletOf.get(claim.support[k]!.articleId))).filter((o) => !sides[0]?.support.some((k) => outletOf.get(claim.support[k]!.articleId) === o)));
      return { claim, cells: outlets.map((o) => (disputing.has(o) ? "conflicts" : carrying.has(o) ? "supports" : "silent") as CoverageRow["cells"][number]) };
    });
  return { outlets: outlets.map(displayOutlet), rows };
}

/**
 * The story's disputes, each once: two claims that dispute one figure ("52%" in one, "67%" in the other) both
 * record it, from their own side. Comparisons stored before 2.0 have conflicts and no dispute: shown from those.
 */
export function storyDisputes(view: StoryView): { claim: Claim; dispute: Dispute }[] {
  return distinctDisputes(view.claims, (claim) => claim.dispute ?? fromConflicts(claim.conflicts));
}

function fromConflicts(conflicts: readonly ClaimConflict[]): Dispute | null {
  const c = conflicts[0];
  if (!c) return null;
  const side = (value: string, source: string | null): DisputeSide => ({ value, sources: source ? [source] : [], outlets: [], support: [] });
  return { about: c.kind === "date" ? "the date" : "the figure", sides: [side(c.value, c.source), side(c.otherValue, c.otherSource)] };
}


/** The articles a side's wordings are in (a side given in another claim has none here). */
export const sideArticles = (view: StoryView, claim: Claim, side: DisputeSide): string[] => [...new Set(sideSupports(view.claims, claim, side).map((s) => s.articleId))];

/** "1 independent source (2 outlets)": what a reader weighs a claim by. */
export const describeStatus = (claim: Claim): string =>
  `${claim.status}, ${claim.independentSources} independent source${claim.independentSources === 1 ? "" : "s"}`;

/** An outlet's wording in words: its loaded terms and hedges, most used first ("none"), and its loaded sentences. */
export const describeWording = (f: OutletFraming): { loaded: string; hedges: string; biased: string } => ({
  loaded: f.loadedTerms.join(", ") || "none",
  hedges: f.hedges.join(", ") || "none",
  biased: `${f.biasedSentences} of ${f.sentences}`,
});

/** "“alleged” dropped", with where: "[1] → [2]". */
export const describeDrift = (d: Drift, story: Story): string =>
  `${d.detail} ${markers([d.from.articleId], story)} → ${markers([d.to.articleId], story)}`;

export const dateRange = (story: Story): string => readerDateRange(story.firstPublished, story.lastPublished);

/**
 * The article list is where an unknown outlet is said, once: "000_e744ca5dc… (outlet unknown): title"; and where
 * the user's outlet file is shown: "Israel Hayom (leans right · Israel): title".
 */
export const articleLabel = (a: Article, outletInfo: OutletDirectory | null = null): string => {
  const info = describeOutletInfo(outletInfo?.forArticle(a) ?? null);
  const notes = [a.outlet ? "" : "outlet unknown", info].filter(Boolean).join("; ");
  return `${a.outlet ?? shortInputName(a.source)}${notes ? ` (${notes})` : ""}: ${a.title || a.source}`;
};

/** A timeline entry's date as a reader writes it, with the other dates sources give: "3 Mar 2023 (also given as 4 Mar 2023)". */
export const timelineDate = (t: TimelineEntry): string => {
  const date = readerDate(t.date, { yearInferred: t.yearInferred });
  return t.conflictingDates?.length ? `${date} (also given as ${t.conflictingDates.map((d) => readerDate(d)).join(", ")})` : date;
};

/** What one outlet leaves out, most corroborated first: the claims' texts, at most `limit`. */
export function omittedClaims(view: StoryView, omission: Omission, limit = 3): Claim[] {
  return omission.missingClaimIds.map((id) => view.claims.find((c) => c.id === id)).filter((c): c is Claim => !!c).slice(0, limit);
}

/** Citation markers: the article's 1-based position in the story, "[1][3]". */
export function markers(articleIds: readonly string[], story: Story): string {
  return articleIds.map((id) => `[${story.articleIds.indexOf(id) + 1}]`).join("");
}

/**
 * Quotes grouped by who said them, the most quoted first: "Geoff Ramsey", "a senior official (anonymous)",
 * "unattributed". Reported speech is marked, since its words are the outlet's paraphrase.
 */
export function quotesBySpeaker(quotes: readonly Quote[]): { speaker: string; quotes: Quote[] }[] {
  const groups = new Map<string, Quote[]>();
  for (const q of quotes) {
    const speaker = !q.speaker ? "unattributed" : q.speakerKind === "anonymous" ? `${q.speaker} (anonymous)` : q.speaker;
    groups.set(speaker, [...(groups.get(speaker) ?? []), q]);
  }
  return [...groups.entries()]
    .map(([speaker, list]) => ({ speaker, quotes: list }))
    .sort((a, b) => Number(a.speaker === "unattributed") - Number(b.speaker === "unattributed") || b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker));
}

export const quoteText = (q: Quote): string => (q.form === "indirect" ? `(reported) ${q.text}` : `“${q.text}”`);

/** The story's lean spread from the user's outlet file ("Lean of the outlets (your file): 1 left · 2 center"), or null. */
export const leanSpread = (view: StoryView): string | null => (view.outletInfo ? describeLeanSpread(storyOutletInfo(view.articles, view.outletInfo)) : null);
