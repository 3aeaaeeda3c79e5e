/**
 * What each wording of a claim rests on once the claim's other wordings are known (issue 22; DOMAIN.md "Primary
 * source"): the sentence's own source (resolve-source.ts) is rewritten only where the claim shows it relays another.
 * Part of earnIndependence (independence.ts), the one place that decides sources; run before the supports are
 * joined into primary sources.
 * - a copy's own reporting is its canonical's (copies add outlets, not sources);
 * - an echo: a wording naming no source of its own, in an article citing outlet X, is X's when another outlet's
 *   wording of the claim is X's too (X's own article, a wording citing X, or another unattributed wording in an
 *   article citing X). An unnamed source who spoke to the outlet itself ("confirmed to WASH News 7") is attributed,
 *   not an echo: anonymous sources in different outlets stay distinct unless they cite the same outlet;
 * - within one outlet, a wording in its own voice that restates what it attributes elsewhere in the claim rests on
 *   that source ("Mayor Doe said the bridge reopens March 3 … The bridge reopens March 3");
 * - "a report in a local newspaper", "media reports": an outlet cited without its name is the one outlet the
 *   claim's other wordings trace to.
 * The outlet's other sentences (its commentary) stay its own: nothing here reads beyond the claim.
 */
import type { AnnotationOf, ArticleBundle, SourceIdentity, TextSupport } from "../records.js";
import type { SourceNames } from "./sources.js";

export interface RelayFacts {
  /** Article id → its outlet's own-reporting key. */
  outletKey: ReadonlyMap<string, string>;
  /** Copy article id → its canonical's id. */
  canonicalOf: ReadonlyMap<string, string>;
  /** Article id → the outlet keys it cites (sources.ts citedOutlets). */
  cites: ReadonlyMap<string, ReadonlySet<string>>;
  bundles: ReadonlyMap<string, ArticleBundle>;
  names: SourceNames;
}

type Ref = { source: SourceIdentity; via: NonNullable<TextSupport["via"]> };

/** Rewrites `support[k].source`/`via` where the claim shows the wording relays another source. */
export function resolveRelays(support: TextSupport[], facts: RelayFacts): void {
  const refs: Ref[] = support.map((s) => ({ source: s.source ?? ownOf(s, facts), via: s.via ?? "own" }));
  relayCopies(support, refs, facts);
  relayEchoes(support, refs, facts);
  restatedInOwnVoice(support, refs);
  unnamedOutletIsTheOne(support, refs);
  oneBodyNamedTwoWays(refs);
  refs.forEach((r, k) => Object.assign(support[k]!, { source: r.source, via: r.via }));
}

function ownOf(s: TextSupport, facts: RelayFacts): SourceIdentity {
  const id = facts.outletKey.get(s.articleId) ?? s.articleId;
  return { id, name: facts.names.nameOf(id), kind: "own-reporting" };
}

function relayCopies(support: readonly TextSupport[], refs: Ref[], facts: RelayFacts): void {
  support.forEach((s, k) => {
    const canonical = facts.canonicalOf.get(s.articleId);
    const key = canonical && facts.outletKey.get(canonical);
    if (refs[k]!.via !== "own" || !key) return;
    refs[k] = { source: { id: key, name: facts.names.nameOf(key), kind: "own-reporting" }, via: "echo" };
  });
}

/**
 * A wording with no source of its own: the outlet's own voice, or unnamed people not said to have spoken to the
 * outlet itself (whose may they be, in an article relaying another paper's report?).
 */
function unattributed(s: TextSupport, ref: Ref, facts: RelayFacts): boolean {
  if (ref.via === "own") return true;
  if (ref.source.kind !== "anonymous" || ref.source.id !== facts.outletKey.get(s.articleId)) return false;
  return !namesOwnOutlet(s, facts);
}

/**
 * The sentence names its own outlet, as the one spoken to ("confirmed to WASH News 7", "told the Herald"): by the
 * name it publishes under, or a citation the analyzer folds to it.
 */
function namesOwnOutlet(s: TextSupport, facts: RelayFacts): boolean {
  if (s.field) return false;
  if (s.outlet && s.text.includes(s.outlet)) return true;
  const own = facts.outletKey.get(s.articleId);
  return (facts.bundles.get(s.articleId)?.annotations ?? []).some(
    (a): a is AnnotationOf<"citation"> =>
      a.kind === "citation" && a.span[0] >= s.start && a.span[1] <= s.end && (a.sourceKind === "outlet" || a.sourceKind === "own-reporting") &&
      facts.names.ref(a.source, "outlet").key === own,
  );
}

function relayEchoes(support: readonly TextSupport[], refs: Ref[], facts: RelayFacts): void {
  const original = [...refs];
  const open = support.map((s, k) => unattributed(s, original[k]!, facts));
  const candidates = support.map((s, k) => (open[k] ? [...(facts.cites.get(s.articleId) ?? [])].sort() : []));
  const backing = (x: string, k: number): Ref | null => {
    const others = support.map((_, j) => j).filter((j) => support[j]!.outlet !== support[k]!.outlet);
    // X's own article in the claim: what it rests on (X citing the police makes the echo the police's).
    const inOwnArticle = others.find((j) => facts.outletKey.get(support[j]!.articleId) === x);
    if (inOwnArticle !== undefined) return { ...original[inOwnArticle]!, via: "echo" };
    const cited = others.find((j) => original[j]!.source.id === x);
    if (cited !== undefined) return { ...original[cited]!, via: "echo" };
    const alike = others.some((j) => open[j] && candidates[j]!.includes(x));
    return alike ? { source: { id: x, name: facts.names.nameOf(x), kind: "outlet" }, via: "echo" } : null;
  };
  candidates.forEach((xs, k) => {
    const found = xs.map((x) => backing(x, k)).filter((r): r is Ref => r !== null);
    if (found.length) refs[k] = found.sort((a, b) => (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0))[0]!;
  });
}

function restatedInOwnVoice(support: readonly TextSupport[], refs: Ref[]): void {
  // A wording giving a number or date the attributed one does not is another account, not a restatement.
  const restates = (k: number, j: number) =>
    (support[k]!.values ?? []).every((v) => (v.kind !== "number" && v.kind !== "date") || (support[j]!.values ?? []).some((w) => w.kind === v.kind && w.value === v.value));
  const original = [...refs];
  support.forEach((s, k) => {
    if (original[k]!.via !== "own") return;
    const cited = support.findIndex((t, j) => j !== k && t.outlet === s.outlet && original[j]!.via !== "own" && original[j]!.source.kind !== "anonymous" && restates(k, j));
    if (cited >= 0) refs[k] = { ...original[cited]! };
  });
}

/**
 * An outlet cited without its name ("a report in a Lindell newspaper", "local media reported"). Only words that
 * describe a news outlet: "its annual report" or "the auditor's report" is a document of the body that issued it.
 */
const UNNAMED_OUTLET = /\b(?:newspaper|paper|tabloid|broadcaster|news outlet|news site|news reports?|media(?: reports?)?|press reports?)\b/i;

function unnamedOutletIsTheOne(support: readonly TextSupport[], refs: Ref[]): void {
  const original = [...refs];
  support.forEach((s, k) => {
    const r = original[k]!.source;
    if (r.kind !== "document" || !UNNAMED_OUTLET.test(r.name)) return;
    const outlets = new Map(
      original
        .filter((o, j) => j !== k && support[j]!.outlet !== s.outlet && ["outlet", "own-reporting", "anonymous"].includes(o.source.kind))
        .map((o) => [o.source.id, o] as const),
    );
    if (outlets.size === 1) refs[k] = { ...[...outlets.values()][0]!, via: "echo" };
  });
}

/**
 * One body named in full and in short within a claim ("the Millbrook Chamber of Commerce", "the chamber of commerce";
 * "Santa Lucia Electoral Commission", "the city's electoral commission"): the short name's core words (resolve-source
 * keys bodies by them) end the full one's, so both are the full one, when only one full name fits.
 */
function oneBodyNamedTwoWays(refs: Ref[]): void {
  const bodies = [...new Map(refs.filter((r) => r.source.id.startsWith("body:")).map((r) => [r.source.id, r.source] as const)).values()];
  refs.forEach((r, k) => {
    if (!r.source.id.startsWith("body:")) return;
    const core = r.source.id.slice(5);
    const fuller = bodies.filter((b) => b.id !== r.source.id && b.id.slice(5).endsWith(` ${core}`));
    if (fuller.length === 1) refs[k] = { source: fuller[0]!, via: r.via };
  });
}
