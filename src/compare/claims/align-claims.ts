/**
 * Claim sentences of a story's articles → aligned claims: sentences from different articles that state the same
 * thing in other words ("offered amnesty", "discussed pardons"). Average-linkage over claim similarity, never
 * joining two sentences of one article.
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
  const terms = sentences.map((s) => claimTerms(s.text));
  const groups = agglomerate(
    sentences.length,
    (i, j) => (sentences[i]!.articleId === sentences[j]!.articleId ? 0 : claimSimilarity(terms[i]!, terms[j]!)),
    ALIGN_THRESHOLD,
  );
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

const loadedCount = (text: string): number =>
  text.toLowerCase().split(/[^\p{L}-]+/u).filter((w) => LOADED_WORDS.has(w)).length;
