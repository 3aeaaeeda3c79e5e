/**
 * Claim sentences of a story's articles → aligned claims. Sentences about one proposition are grouped even when
 * their values differ (groupStatements, group-statements.ts); the values are compared afterwards (conflicts.ts).
 * Each supporting sentence keeps its own source, resolved per sentence (resolve-source.ts), its modality and its
 * values. Independence is then decided on the claim: an outlet's unattributed sentence that other outlets'
 * wordings trace to an outlet it cites is an echo of that outlet (see echoOf); a copy's own reporting is its
 * canonical's.
 */
import type { ArticleBundle, Claim, ClaimSource, ClaimValue, CopyGroup, Entity, SourceVia, TextSupport } from "../../records.js";
import { shortHash } from "../../_lib/hash.js";
import { LOADED_WORDS } from "../../_lib/lexicon.js";
import { type ResolvedSource, SourceResolver } from "../resolve-source.js";
import { citedOutlets, outletLabel } from "../sources.js";
import { mergeValueDisputes } from "./dispute-merge.js";
import { type ClaimSentence, findClaimSentences, findHeadlineClaim } from "./find-claims.js";
import { GROUP_THRESHOLD, groupStatements } from "./group-statements.js";
import { claimTerms, type ClaimTerms } from "./similarity.js";
import { mergeSameValues } from "./value-merge.js";
import { claimValues, propositionOf } from "./values.js";

/** Kept under its old name for the alignment eval and the benchmark. */
export const ALIGN_THRESHOLD = GROUP_THRESHOLD;
/** Independent primary sources for a claim to count as corroborated (DOMAIN.md). */
export const CORROBORATION_MIN_SOURCES = 2;

const VIA_RANK: Record<SourceVia, number> = { cited: 0, own: 1, echo: 2 };

export interface AlignedClaim {
  claim: Claim;
  sentences: ClaimSentence[];
}

/** The story's claim sentences (body, then headlines) and their groups. */
export function storyClaimGroups(bundles: readonly ArticleBundle[]): { sentences: ClaimSentence[]; groups: number[][] } {
  const sentences = [...bundles.flatMap(findClaimSentences), ...bundles.flatMap(findHeadlineClaim)];
  return { sentences, groups: claimGroups(sentences, bundles) };
}

/**
 * The sentences grouped into claims (indexes into `sentences`): propositions grouped at `threshold`, then accounts
 * that dispute one value, and wordings of one figure, joined. The threshold is a parameter for the alignment
 * eval's sweep (eval/claim-alignment.ts), which must group exactly as the shipped claims do.
 */
export function claimGroups(sentences: readonly ClaimSentence[], bundles: readonly ArticleBundle[], threshold = ALIGN_THRESHOLD): number[][] {
  const terms = new Map<number, ClaimTerms>();
  const termsOf = (i: number) => terms.get(i) ?? terms.set(i, claimTerms(sentences[i]!.text)).get(i)!;
  const disputes = mergeValueDisputes(sentences, groupStatements(sentences, bundles, threshold), bundles);
  return mergeSameValues(sentences, disputes, bundles, termsOf);
}

/**
 * `copies`: the story's copy groups (clustering). `entities`: the report's resolved entities, through which a
 * person named three ways is one source.
 */
export function alignClaims(storyId: string, bundles: readonly ArticleBundle[], copies: readonly CopyGroup[] = [], entities: readonly Entity[] = []): AlignedClaim[] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const canonicalOf = new Map(copies.flatMap((g) => g.copyIds.map((id) => [id, g.canonicalId] as const)));
  const { sentences, groups } = storyClaimGroups(bundles);
  const resolver = new SourceResolver(bundles, entities);
  const cites = new Map(bundles.map((b) => [b.article.id, citedOutlets(b, resolver.names)]));
  return groups.map((members) => {
    const group = members
      .map((i) => sentences[i]!)
      .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) || a.position - b.position || Number(!!a.field) - Number(!!b.field));
    const outletOf = (s: ClaimSentence) => outletLabel(byId.get(s.articleId)!.article);
    const resolved = group.map((s) => {
      const bundle = byId.get(s.articleId)!;
      const canonical = byId.get(canonicalOf.get(s.articleId) ?? "");
      const ref = resolver.resolve(bundle, s);
      return ref.via === "own" && canonical ? { ...resolver.own(canonical), via: "echo" as const } : ref;
    });
    const outletKeyOf = (s: ClaimSentence) => resolver.own(byId.get(s.articleId)!).id;
    echoOf(group, resolved, cites, resolver, outletOf, outletKeyOf);
    const values = group.map((s) => claimValues(byId.get(s.articleId)!, s));
    ownRestatesCited(group, resolved, outletOf, values);
    unnamedOutletIsTheOne(group, resolved, outletOf);
    oneBodyNamedTwoWays(resolved);
    const support: TextSupport[] = group.map((s, k) => ({
      articleId: s.articleId, start: s.span[0], end: s.span[1], text: s.text, ...(s.field ? { field: s.field } : {}),
      outlet: outletOf(s),
      source: { id: resolved[k]!.id, name: resolved[k]!.name, kind: resolved[k]!.kind },
      via: resolved[k]!.via,
      modality: s.modality,
      values: values[k]!,
    }));
    const sources = new Map<string, ClaimSource>();
    group.forEach((s, k) => {
      const ref = resolved[k]!;
      const entry = sources.get(ref.id) ?? { id: ref.id, name: ref.name, kind: ref.kind, via: ref.via, support: [], outlets: [] };
      entry.support.push(k);
      if (!entry.outlets.includes(outletOf(s))) entry.outlets.push(outletOf(s));
      // Named somewhere, say so, though other outlets only relay it.
      if (VIA_RANK[ref.via] < VIA_RANK[entry.via]) entry.via = ref.via;
      sources.set(ref.id, entry);
    });
    // One identity, one name: "the city's chamber of commerce" is shown as the claim first names it.
    for (const s of support) if (s.source) s.source = { ...s.source, name: sources.get(s.source.id)!.name };
    const primary = [...sources.values()].map((x) => x.name);
    const representative = [...group].sort(
      (a, b) => Number(!!a.field) - Number(!!b.field) || Number(a.modality !== "asserted") - Number(b.modality !== "asserted") ||
        loadedCount(a.text) - loadedCount(b.text) || a.position - b.position,
    )[0]!;
    const claim: Claim = {
      id: `claim-${shortHash(storyId, ...support.map((s) => `${s.articleId}:${s.field ?? ""}${s.start}`))}`,
      storyId,
      text: representative.text,
      proposition: propositionOf(byId.get(representative.articleId)!, representative, representative.text),
      support,
      outlets: [...new Set(group.map(outletOf))],
      independentSources: primary.length,
      primarySources: primary,
      status: primary.length >= CORROBORATION_MIN_SOURCES ? "corroborated" : "single-source",
      conflicts: [],
      dispute: null,
      sources: [...sources.values()],
    };
    return { claim, sentences: group };
  });
}

/**
 * Echoes decided on the claim, not the article (issue 22): a wording that names no source of its own (the outlet's
 * own, or its unnamed people) in an article that cites outlet X is X's when another outlet's wording of the same
 * claim is X's too: it cites X, or is likewise unattributed in an article citing X ("anonymous sources in different
 * outlets stay distinct unless … they cite the same outlet"), or is X's own article, whose source it then takes (X
 * citing the police makes the echo the police's). The outlet's other sentences (its commentary) stay its own.
 */
function echoOf(
  group: readonly ClaimSentence[],
  resolved: ResolvedSource[],
  cites: ReadonlyMap<string, ReadonlySet<string>>,
  resolver: SourceResolver,
  outletOf: (s: ClaimSentence) => string,
  outletKeyOf: (s: ClaimSentence) => string,
): void {
  const unattributed = (k: number) => resolved[k]!.via === "own" || resolved[k]!.kind === "anonymous";
  const candidates = resolved.map((_, k) => (unattributed(k) ? [...cites.get(group[k]!.articleId)!].sort() : []));
  const original = [...resolved];
  const backing = (x: string, k: number): ResolvedSource | null => {
    const others = group.map((s, j) => j).filter((j) => outletOf(group[j]!) !== outletOf(group[k]!));
    const inOwnArticle = others.find((j) => outletKeyOf(group[j]!) === x);
    if (inOwnArticle !== undefined) return { ...original[inOwnArticle]!, via: "echo" };
    const cited = others.find((j) => original[j]!.id === x);
    if (cited !== undefined) return { ...original[cited]!, via: "echo" };
    const alike = others.some((j) => unattributed(j) && candidates[j]!.includes(x));
    return alike ? { id: x, name: resolver.names.nameOf(x), kind: "outlet", via: "echo" } : null;
  };
  const echoes = candidates.map((xs, k) => xs.map((x) => backing(x, k)).filter((r): r is ResolvedSource => r !== null));
  echoes.forEach((refs, k) => {
    if (refs.length) resolved[k] = [...refs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))[0]!;
  });
}

/**
 * Within one outlet, a wording in its own voice restates what it attributes elsewhere in the same claim ("Mayor Doe
 * said the bridge reopens March 3 … The bridge reopens March 3"): it rests on that source, not on a second one.
 */
function ownRestatesCited(group: readonly ClaimSentence[], resolved: ResolvedSource[], outletOf: (s: ClaimSentence) => string, values: readonly ClaimValue[][]): void {
  // A wording giving a number or date the attributed one does not is another account, not a restatement.
  const restates = (k: number, j: number) =>
    values[k]!.every((v) => (v.kind !== "number" && v.kind !== "date") || values[j]!.some((w) => w.kind === v.kind && w.value === v.value));
  group.forEach((s, k) => {
    if (resolved[k]!.via !== "own") return;
    const cited = group.findIndex((t, j) => j !== k && outletOf(t) === outletOf(s) && resolved[j]!.via !== "own" && resolved[j]!.kind !== "anonymous" && restates(k, j));
    if (cited >= 0) resolved[k] = { ...resolved[cited]! };
  });
}

/**
 * One body named in full and in short within a claim ("the Millbrook Chamber of Commerce", "the chamber of
 * commerce"; "Santa Lucia Electoral Commission", "the city's electoral commission"): the short name's words end the
 * full one, so both are the full one.
 */
function oneBodyNamedTwoWays(resolved: ResolvedSource[]): void {
  const bodies = [...new Map(resolved.filter((r) => r.id.startsWith("body:")).map((r) => [r.id, r] as const)).values()];
  resolved.forEach((r, k) => {
    if (!r.id.startsWith("body:")) return;
    const core = r.id.slice(5);
    const fuller = bodies.filter((b) => b.id !== r.id && b.id.slice(5).endsWith(` ${core}`)).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (fuller.length === 1) resolved[k] = { ...fuller[0]!, via: r.via };
  });
}

/** "a report in a Lindell newspaper", "local media reports": an outlet cited without its name. */
const UNNAMED_OUTLET = /\b(?:newspaper|paper|report|reports|media|news outlet|news site|broadcaster)\b/i;

/**
 * A wording citing an outlet without naming it rests on the one outlet the claim's other wordings trace to, when
 * there is exactly one: the paper that broke the story.
 */
function unnamedOutletIsTheOne(group: readonly ClaimSentence[], resolved: ResolvedSource[], outletOf: (s: ClaimSentence) => string): void {
  group.forEach((s, k) => {
    const r = resolved[k]!;
    if (r.kind !== "document" || !UNNAMED_OUTLET.test(r.name)) return;
    const outlets = new Map(
      resolved
        .filter((o, j) => j !== k && outletOf(group[j]!) !== outletOf(s) && (o.kind === "outlet" || o.kind === "own-reporting" || o.kind === "anonymous"))
        .map((o) => [o.id, o] as const),
    );
    if (outlets.size === 1) resolved[k] = { ...[...outlets.values()][0]!, via: "echo" };
  });
}

const loadedCount = (text: string): number =>
  text.toLowerCase().split(/[^\p{L}-]+/u).filter((w) => LOADED_WORDS.has(w)).length;
