/**
 * The verdict suite's view of a report (eval/verdicts/README.md): gold anchors (a substring of one article's text or
 * title) located in the extracted articles, and the report's claims, drift and omissions read defensively, since the
 * claim record is changing shape (schema 2.0, issue 22). A field that is missing or of the wrong type reads as absent:
 * the check that needs it fails, the scorer never throws.
 */

/** A gold anchor: [article id, a substring of that article's text (or, failing that, its title)]. */
export type Anchor = [articleId: string, text: string];

/** Where an anchor sits in the extracted article. */
export interface Located {
  articleId: string;
  field: "text" | "title";
  start: number;
  end: number;
}

export interface SupportView {
  articleId: string;
  field: "text" | "title";
  start: number;
  end: number;
  text: string;
  /** The support's own resolved source (schema 2.0's `support[].source`), when given. */
  sourceName: string | null;
  sourceKind: string | null;
}

export interface SideView {
  value: string;
  sources: string[];
  outlets: string[];
  /** Indexes into the claim's support. */
  support: number[];
}

export interface ClaimView {
  id: string;
  text: string;
  status: string | null;
  independent: number | null;
  outlets: string[];
  support: SupportView[];
  /** Each primary source with the support indexes resting on it (`sources[]`). */
  sources: { name: string; kind: string | null; support: number[] }[];
  primarySources: string[];
  /** `dispute.sides`, else sides rebuilt from the pairwise `conflicts`; null when neither is given. */
  sides: SideView[] | null;
}

export interface ReportView {
  articles: Map<string, { text: string; title: string; outlet: string }>;
  claims: ClaimView[];
  drift: { kind: string; from: SupportView; to: SupportView }[];
  omissions: { outlet: string; claimIds: string[] }[];
  /** Per-sentence attributions (report.attributions), for sentences no claim holds. */
  attributions: { articleId: string; start: number; end: number; source: string; kind: string | null }[];
  stories: number;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const strs = (v: unknown): string[] => arr(v).map(str).filter((s): s is string => s !== null);
const nums = (v: unknown): number[] => arr(v).map(num).filter((n): n is number => n !== null);

function readSupport(v: unknown): SupportView {
  const s = obj(v);
  const source = obj(s.source);
  return {
    articleId: str(s.articleId) ?? "",
    field: s.field === "title" ? "title" : "text",
    start: num(s.start) ?? -1,
    end: num(s.end) ?? -1,
    text: str(s.text) ?? "",
    sourceName: str(source.name) ?? str(s.source),
    sourceKind: str(source.kind),
  };
}

/** Sides from the pairwise conflicts of a claim whose record has no `dispute` (schema 1.x). */
function sidesFromConflicts(conflicts: unknown[], support: SupportView[], outletOf: (id: string) => string): SideView[] | null {
  if (!conflicts.length) return null;
  const byValue = new Map<string, SideView>();
  const add = (value: string | null, articleId: string | null, source: string | null) => {
    if (value === null || articleId === null) return;
    const side = byValue.get(value) ?? { value, sources: [], outlets: [], support: [] };
    byValue.set(value, side);
    if (source && !side.sources.includes(source)) side.sources.push(source);
    const outlet = outletOf(articleId);
    if (outlet && !side.outlets.includes(outlet)) side.outlets.push(outlet);
    support.forEach((s, k) => s.articleId === articleId && !side.support.includes(k) && side.support.push(k));
  };
  for (const c of conflicts.map(obj)) {
    add(str(c.value), str(c.articleId), str(c.source));
    add(str(c.otherValue), str(c.otherArticleId), str(c.otherSource));
  }
  return [...byValue.values()];
}

function readClaim(v: unknown, outletOf: (id: string) => string): ClaimView {
  const c = obj(v);
  const support = arr(c.support).map(readSupport);
  const dispute = obj(c.dispute);
  const sides = Array.isArray(dispute.sides)
    ? dispute.sides.map(obj).map((s) => ({ value: str(s.value) ?? "", sources: strs(s.sources), outlets: strs(s.outlets), support: nums(s.support) }))
    : sidesFromConflicts(arr(c.conflicts), support, outletOf);
  return {
    id: str(c.id) ?? "",
    text: str(c.text) ?? "",
    status: str(c.status) === "conflicting" ? "disputed" : str(c.status),
    independent: num(c.independentSources),
    outlets: strs(c.outlets),
    support,
    sources: arr(c.sources).map(obj).map((s) => ({ name: str(s.name) ?? "", kind: str(s.kind), support: nums(s.support) })),
    primarySources: strs(c.primarySources),
    sides,
  };
}

/** A report (or anything shaped like one) → the view the checks read. */
export function readReport(report: unknown): ReportView {
  const r = obj(report);
  const articles = new Map(arr(r.articles).map(obj).map((a) => [str(a.id) ?? "", { text: str(a.text) ?? "", title: str(a.title) ?? "", outlet: str(a.outlet) ?? "" }]));
  const outletOf = (id: string) => articles.get(id)?.outlet ?? "";
  return {
    articles,
    claims: arr(r.claims).map((c) => readClaim(c, outletOf)),
    drift: arr(r.drift).map(obj).map((d) => ({ kind: str(d.kind) ?? "", from: readSupport(d.from), to: readSupport(d.to) })),
    omissions: arr(r.omissions).map(obj).map((o) => ({ outlet: str(o.outlet) ?? "", claimIds: strs(o.missingClaimIds) })),
    attributions: arr(r.attributions).map(obj).map((a) => ({ articleId: str(a.articleId) ?? "", start: num(a.start) ?? -1, end: num(a.end) ?? -1, source: str(a.source) ?? "", kind: str(a.kind) })),
    stories: arr(r.stories).length,
  };
}

/** The anchor's place in its article: the text first, then the title; null when it is in neither. */
export function locate(view: ReportView, [articleId, text]: Anchor): Located | null {
  const article = view.articles.get(articleId);
  if (!article || !text) return null;
  const inText = article.text.indexOf(text);
  if (inText >= 0) return { articleId, field: "text", start: inText, end: inText + text.length };
  const inTitle = article.title.indexOf(text);
  return inTitle >= 0 ? { articleId, field: "title", start: inTitle, end: inTitle + text.length } : null;
}

/**
 * A support holds an anchor when it is in the same article and field and covers at least half of the anchor:
 * a support is a sentence (or a clause of one) and an anchor a few words of it; half, so that a support cut at a
 * clause boundary inside the anchor still counts.
 */
export const MIN_ANCHOR_OVERLAP = 0.5;
export function holds(support: { articleId: string; field: "text" | "title"; start: number; end: number }, at: Located): boolean {
  if (support.articleId !== at.articleId || support.field !== at.field) return false;
  const overlap = Math.min(support.end, at.end) - Math.max(support.start, at.start);
  return overlap > 0 && overlap >= MIN_ANCHOR_OVERLAP * (at.end - at.start);
}

/** Indexes of a claim's supports holding the anchor. */
export const supportsHolding = (claim: ClaimView, at: Located): number[] =>
  claim.support.flatMap((s, k) => (holds(s, at) ? [k] : []));

/** The claims holding every one of the anchors. */
export const claimsHoldingAll = (view: ReportView, ats: readonly Located[]): ClaimView[] =>
  view.claims.filter((c) => ats.every((at) => supportsHolding(c, at).length > 0));

/** Titles, articles and punctuation off a source or outlet name, so "Mayor Dana Whitcombe's" reads as "dana whitcombe". */
const TITLES = /^(?:(?:the|mayor|city|county|councillor|councilwoman|councilman|council member|fire|police|chief|dr|mr|mrs|ms|president|senator|sen|governor|gov|rep|judge|superintendent|commissioner|director|minister|spokesperson|spokesman|spokeswoman)\s+)+/;
export function normalName(name: string): string {
  const plain = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const words = plain.replace(/'s\b/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  return words.replace(TITLES, "").trim() || words;
}

/** A name the tool gave matches a gold alias list: equal once normalised, or ending with a multi-word alias. */
export function nameMatches(name: string, aliases: readonly string[]): boolean {
  const n = normalName(name);
  if (!n) return false;
  return aliases.some((alias) => {
    const a = normalName(alias);
    return a === n || (a.includes(" ") && n.endsWith(` ${a}`));
  });
}
