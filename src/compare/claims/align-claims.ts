/**
 * Claim sentences of a story's articles → aligned claims. Sentences about one proposition are grouped even when
 * their values differ (groupStatements, group-statements.ts); the values are compared afterwards (conflicts.ts).
 * Each supporting sentence keeps its own source, resolved per sentence (resolve-source.ts), its modality and its
 * values. Nothing here decides independence: echoes, copies, one source named several ways, the count and the status
 * are independence.ts's.
 */
import type { ArticleBundle, Claim, Entity, TextSupport } from "../../records.js";
import { shortHash } from "../../_lib/hash.js";
import { LOADED_WORDS } from "../../_lib/lexicon.js";
import { SourceResolver } from "../resolve-source.js";
import { outletLabel } from "../sources.js";
import { mergeValueDisputes } from "./dispute-merge.js";
import { type ClaimSentence, findClaimSentences, findHeadlineClaim } from "./find-claims.js";
import { GROUP_THRESHOLD, groupStatements } from "./group-statements.js";
import { claimTerms, type ClaimTerms } from "./similarity.js";
import { mergeSameValues } from "./value-merge.js";
import { claimValues, propositionOf } from "./values.js";

/** Kept under its old name for the alignment eval and the benchmark. */
export const ALIGN_THRESHOLD = GROUP_THRESHOLD;
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
 * The aligned claims, each support with the source its own sentence names (resolve-source.ts, per sentence: no
 * article-wide blanket). Which supports are one primary source, echoes and copies, the independent count and the
 * status are decided in one place, afterwards: earnIndependence (independence.ts), which compareStory runs next;
 * until then `sources`, `primarySources`, `independentSources` and `status` are empty placeholders.
 * `entities`: the report's resolved entities, through which a person named three ways is one source.
 */
export function alignClaims(storyId: string, bundles: readonly ArticleBundle[], entities: readonly Entity[] = []): AlignedClaim[] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const { sentences, groups } = storyClaimGroups(bundles);
  const resolver = new SourceResolver(bundles, entities);
  return groups.map((members) => {
    const group = members
      .map((i) => sentences[i]!)
      .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) || a.position - b.position || Number(!!a.field) - Number(!!b.field));
    const support: TextSupport[] = group.map((s) => {
      const bundle = byId.get(s.articleId)!;
      const { via, ...source } = resolver.resolve(bundle, s);
      return {
        articleId: s.articleId, start: s.span[0], end: s.span[1], text: s.text, ...(s.field ? { field: s.field } : {}),
        outlet: outletLabel(bundle.article), source, via, modality: s.modality, values: claimValues(bundle, s),
      };
    });
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
      outlets: [...new Set(support.map((s) => s.outlet!))],
      independentSources: 0,
      primarySources: [],
      status: "single-source",
      conflicts: [],
      dispute: null,
      sources: [],
    };
    return { claim, sentences: group };
  });
}

const loadedCount = (text: string): number =>
  text.toLowerCase().split(/[^\p{L}-]+/u).filter((w) => LOADED_WORDS.has(w)).length;
