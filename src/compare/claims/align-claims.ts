/**
 * Claim sentences of a story's articles → aligned claims: sentences from different articles that state the same
 * thing in other words ("offered amnesty", "discussed pardons"). Average-linkage over claim similarity. An article
 * that states a claim twice (in its lead and again lower down) supports it with both sentences, as one outlet.
 * It used to be kept to one sentence per claim by scoring such pairs 0, which did not even hold (a big cluster
 * still joined them) and cost recall: on the hand-checked pairs (`npm run eval -- --only alignment`) scoring them
 * as any other pair gave F1 0.528 against 0.516, and a strict cannot-link 0.486.
 */
import type { ArticleBundle, Claim, ClaimSource, CopyGroup, SourceVia, TextSupport } from "../../records.js";
import { shortHash } from "../../_lib/hash.js";
import { agglomerate } from "../../_lib/agglomerate.js";
import { LOADED_WORDS } from "../../_lib/lexicon.js";
import { echoedOutlet, outletLabel, primarySourceOf, SourceNames } from "../sources.js";
import { type ClaimSentence, findClaimSentences, findHeadlineClaim } from "./find-claims.js";
import { type ClaimTerms, claimSimilarity, claimTerms, similarPairs } from "./similarity.js";

/** Calibration: paraphrases of one wire sentence score 0.3–0.6; sentences merely on one topic under 0.2. */
export const ALIGN_THRESHOLD = 0.28;
/** Independent primary sources for a claim to count as corroborated (DOMAIN.md). */
const CORROBORATION_MIN_SOURCES = 2;

const VIA_RANK: Record<SourceVia, number> = { cited: 0, own: 1, echo: 2 };

export interface AlignedClaim {
  claim: Claim;
  sentences: ClaimSentence[];
}

/**
 * The story's claim sentences grouped into claims, then its headlines: headlines are grouped among themselves
 * and each group joins the claim its average similarity to is highest, when that clears the threshold, or
 * stands as a claim of its own. Kept out of the sentences' linkage because there, pulled between several
 * sentences of their article, they cost alignment F1 on the hand-checked pairs (0.557 → 0.534) and changed
 * which sentences met.
 */
export function storyClaimGroups(bundles: readonly ArticleBundle[]): { sentences: ClaimSentence[]; groups: number[][] } {
  const body = bundles.flatMap(findClaimSentences);
  const headlines = bundles.flatMap(findHeadlineClaim);
  const sentences = [...body, ...headlines];
  const terms = sentences.map((s) => claimTerms(s.text));
  const groups = groupsOfTerms(terms.slice(0, body.length), ALIGN_THRESHOLD);
  const linkage = (xs: readonly number[], ys: readonly number[]) =>
    xs.reduce((sum, x) => sum + ys.reduce((t, y) => t + claimSimilarity(terms[x]!, terms[y]!), 0), 0) / (xs.length * ys.length);
  // A mean reaches the threshold only if one of its terms does: a headline group can join only a claim holding a
  // sentence it is that close to, so only those claims are scored (not every claim for every headline).
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const closeTo = similarPairs([...terms.slice(body.length), ...terms.slice(0, body.length)], ALIGN_THRESHOLD, headlines.length)
    .slice(0, headlines.length)
    .map((js) => js.filter((j) => j >= headlines.length).map((j) => groupOf.get(j - headlines.length)!));
  const joined = new Map<number, number[]>(); // index into groups → headline indexes joining it
  const alone: number[][] = [];
  for (const group of groupsOfTerms(terms.slice(body.length), ALIGN_THRESHOLD)) {
    const members = group.map((i) => body.length + i);
    let best = -1;
    let bestLinkage = ALIGN_THRESHOLD;
    for (const k of [...new Set(group.flatMap((i) => closeTo[i]!))].sort((a, b) => a - b)) {
      const l = linkage(members, groups[k]!);
      if (l >= bestLinkage) [best, bestLinkage] = [k, l];
    }
    if (best < 0) alone.push(members);
    else joined.set(best, [...(joined.get(best) ?? []), ...members]);
  }
  return { sentences, groups: [...groups.map((g, k) => [...g, ...(joined.get(k) ?? [])]), ...alone] };
}

/**
 * `copies`: the story's copy groups (clustering). A copy's own reporting is its canonical's: the same text on
 * three sites is one source, relayed by the other two (DOMAIN.md: copies add outlets, not independence).
 */
export function alignClaims(storyId: string, bundles: readonly ArticleBundle[], copies: readonly CopyGroup[] = []): AlignedClaim[] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const canonicalOf = new Map(copies.flatMap((g) => g.copyIds.map((id) => [id, g.canonicalId] as const)));
  const { sentences, groups } = storyClaimGroups(bundles);
  const names = new SourceNames(bundles);
  const echoes = new Map(bundles.map((b) => [b.article.id, echoedOutlet(b, names)]));
  return groups.map((members) => {
    const group = members
      .map((i) => sentences[i]!)
      .sort((a, b) => a.articleId.localeCompare(b.articleId) || a.position - b.position);
    const support: TextSupport[] = group.map((s) => ({
      articleId: s.articleId, start: s.span[0], end: s.span[1], text: s.text, ...(s.field ? { field: s.field } : {}),
    }));
    const outletOf = (s: ClaimSentence) => outletLabel(byId.get(s.articleId)!.article);
    const sources = new Map<string, ClaimSource>();
    group.forEach((s, k) => {
      let ref = primarySourceOf(byId.get(s.articleId)!, s, echoes.get(s.articleId) ?? null, names);
      const canonical = byId.get(canonicalOf.get(s.articleId) ?? "");
      if (ref.via === "own" && canonical) ref = { ...names.ref(outletLabel(canonical.article), "own-reporting"), via: "echo" };
      const entry = sources.get(ref.key) ?? { name: ref.name, kind: ref.kind, via: ref.via, support: [], outlets: [] };
      entry.support.push(k);
      if (!entry.outlets.includes(outletOf(s))) entry.outlets.push(outletOf(s));
      // Named somewhere, say so, though other outlets only relay it; a copy's canonical reports it as its own.
      if (VIA_RANK[ref.via] < VIA_RANK[entry.via]) entry.via = ref.via;
      sources.set(ref.key, entry);
    });
    const primary = [...sources.values()].map((x) => x.name);
    // The claim reads as a sentence when one supports it; a headline only stands in for a claim nothing else states.
    const representative = [...group].sort(
      (a, b) => Number(!!a.field) - Number(!!b.field) || loadedCount(a.text) - loadedCount(b.text) || a.position - b.position,
    )[0]!;
    const claim: Claim = {
      id: `claim-${shortHash(storyId, ...support.map((s) => `${s.articleId}:${s.field ?? ""}${s.start}`))}`,
      storyId,
      text: representative.text,
      support,
      outlets: [...new Set(group.map(outletOf))],
      independentSources: primary.length,
      primarySources: primary,
      status: primary.length >= CORROBORATION_MIN_SOURCES ? "corroborated" : "single-source",
      conflicts: [],
      sources: [...sources.values()],
    };
    return { claim, sentences: group };
  });
}

/** The sentences grouped into claims (indexes into `sentences`): average linkage at `threshold`. */
export function claimGroups(sentences: readonly ClaimSentence[], threshold = ALIGN_THRESHOLD): number[][] {
  return groupsOfTerms(sentences.map((s) => claimTerms(s.text)), threshold);
}

const groupsOfTerms = (terms: readonly ClaimTerms[], threshold: number): number[][] =>
  agglomerate(terms.length, (i, j) => claimSimilarity(terms[i]!, terms[j]!), threshold, similarPairs(terms, threshold));

const loadedCount = (text: string): number =>
  text.toLowerCase().split(/[^\p{L}-]+/u).filter((w) => LOADED_WORDS.has(w)).length;
