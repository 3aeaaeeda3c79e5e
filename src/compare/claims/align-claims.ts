/**
 * Claim sentences of a story's articles → aligned claims: sentences from different articles that state the same
 * thing in other words ("offered amnesty", "discussed pardons"). Average-linkage over claim similarity. An article
 * that states a claim twice (in its lead and again lower down) supports it with both sentences, as one outlet.
 * It used to be kept to one sentence per claim by scoring such pairs 0, which did not even hold (a big cluster
 * still joined them) and cost recall: on the hand-checked pairs (`npm run eval -- --only alignment`) scoring them
 * as any other pair gave F1 0.528 against 0.516, and a strict cannot-link 0.486.
 */
import type { ArticleBundle, Claim, TextSupport } from "../../records.js";
import { shortHash } from "../../_lib/hash.js";
import { agglomerate } from "../../_lib/agglomerate.js";
import { LOADED_WORDS } from "../../_lib/lexicon.js";
import { echoedOutlet, outletLabel, primarySourceOf, SourceNames } from "../sources.js";
import { type ClaimSentence, findClaimSentences } from "./find-claims.js";
import { claimSimilarity, claimTerms } from "./similarity.js";

/** Calibration: paraphrases of one wire sentence score 0.3–0.6; sentences merely on one topic under 0.2. */
export const ALIGN_THRESHOLD = 0.28;
/** Independent primary sources for a claim to count as corroborated (DOMAIN.md). */
const CORROBORATION_MIN_SOURCES = 2;

export interface AlignedClaim {
  claim: Claim;
  sentences: ClaimSentence[];
}

export function alignClaims(storyId: string, bundles: readonly ArticleBundle[]): AlignedClaim[] {
  const byId = new Map(bundles.map((b) => [b.article.id, b]));
  const sentences = bundles.flatMap(findClaimSentences);
  const groups = claimGroups(sentences);
  const names = new SourceNames(bundles);
  const echoes = new Map(bundles.map((b) => [b.article.id, echoedOutlet(b, names)]));

  return groups.map((members) => {
    const group = members.map((i) => sentences[i]!).sort((a, b) => a.articleId.localeCompare(b.articleId) || a.span[0] - b.span[0]);
    const support: TextSupport[] = group.map((s) => ({ articleId: s.articleId, start: s.span[0], end: s.span[1], text: s.text }));
    const sources = group.map((s) => primarySourceOf(byId.get(s.articleId)!, s.span, echoes.get(s.articleId) ?? null, names));
    const primary = [...new Map(sources.map((s) => [s.key, s.name])).values()];
    const outlets = [...new Set(group.map((s) => outletLabel(byId.get(s.articleId)!.article)))];
    const representative = [...group].sort((a, b) => loadedCount(a.text) - loadedCount(b.text) || a.position - b.position)[0]!;
    const claim: Claim = {
      id: `claim-${shortHash(storyId, ...support.map((s) => `${s.articleId}:${s.start}`))}`,
      storyId,
      text: representative.text,
      support,
      outlets,
      independentSources: primary.length,
      primarySources: primary,
      status: primary.length >= CORROBORATION_MIN_SOURCES ? "corroborated" : "single-source",
      conflicts: [],
    };
    return { claim, sentences: group };
  });
}

/** The sentences grouped into claims (indexes into `sentences`): average linkage at `threshold`. */
export function claimGroups(sentences: readonly ClaimSentence[], threshold = ALIGN_THRESHOLD): number[][] {
  const terms = sentences.map((s) => claimTerms(s.text));
  return agglomerate(sentences.length, (i, j) => claimSimilarity(terms[i]!, terms[j]!), threshold);
}

const loadedCount = (text: string): number =>
  text.toLowerCase().split(/[^\p{L}-]+/u).filter((w) => LOADED_WORDS.has(w)).length;
