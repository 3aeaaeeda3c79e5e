/**
 * A story's statements grouped by proposition: sentences from different articles that say the same thing in other
 * words ("offered amnesty", "discussed pardons") end in one group, whatever values they give; the values are
 * compared afterwards (align-claims.ts). Average linkage over claim similarity. An article that states a claim twice
 * (in its lead and again lower down) supports it with both sentences.
 */
import type { ArticleBundle } from "../../records.js";
import { agglomerate } from "../../_lib/agglomerate.js";
import type { ClaimSentence } from "./find-claims.js";
import { type ClaimTerms, claimSimilarity, claimTerms, similarPairs } from "./similarity.js";

/** Calibration: paraphrases of one wire sentence score 0.3–0.6; sentences merely on one topic under 0.2. */
export const GROUP_THRESHOLD = 0.28;

/**
 * Groups of indexes into `sentences` (headlines, `field: "title"`, included). Body sentences are grouped first;
 * headlines are grouped among themselves and each group joins the body group its average similarity to is
 * highest, when that clears the threshold, or stands as a group of its own. Kept out of the sentences' linkage
 * because there, pulled between several sentences of their article, they cost alignment F1 on the hand-checked
 * pairs (0.557 → 0.534) and changed which sentences met. `bundles`: the story's articles (for signals beyond the
 * sentence text).
 */
export function groupStatements(sentences: readonly ClaimSentence[], _bundles: readonly ArticleBundle[], threshold = GROUP_THRESHOLD): number[][] {
  const bodyIndex = sentences.flatMap((s, i) => (s.field === "title" ? [] : [i]));
  const headIndex = sentences.flatMap((s, i) => (s.field === "title" ? [i] : []));
  const terms = sentences.map((s) => claimTerms(s.text));
  const body = bodyIndex.map((i) => terms[i]!);
  const heads = headIndex.map((i) => terms[i]!);
  const groups = groupsOfTerms(body, threshold); // indexes into body
  const all = [...body, ...heads];
  const linkage = (xs: readonly number[], ys: readonly number[]) =>
    xs.reduce((sum, x) => sum + ys.reduce((t, y) => t + claimSimilarity(all[x]!, all[y]!), 0), 0) / (xs.length * ys.length);
  // A mean reaches the threshold only if one of its terms does: a headline group can join only a group holding a
  // sentence it is that close to, so only those groups are scored (not every group for every headline).
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const closeTo = similarPairs([...heads, ...body], threshold, heads.length)
    .slice(0, heads.length)
    .map((js) => js.filter((j) => j >= heads.length).map((j) => groupOf.get(j - heads.length)!));
  const joined = new Map<number, number[]>(); // index into groups → indexes into all, of headlines joining it
  const alone: number[][] = [];
  for (const group of groupsOfTerms(heads, threshold)) {
    const members = group.map((i) => body.length + i);
    let best = -1;
    let bestLinkage = threshold;
    for (const k of [...new Set(group.flatMap((i) => closeTo[i]!))].sort((a, b) => a - b)) {
      const l = linkage(members, groups[k]!);
      if (l >= bestLinkage) [best, bestLinkage] = [k, l];
    }
    if (best < 0) alone.push(members);
    else joined.set(best, [...(joined.get(best) ?? []), ...members]);
  }
  const original = [...bodyIndex, ...headIndex];
  return [...groups.map((g, k) => [...g, ...(joined.get(k) ?? [])]), ...alone].map((g) => g.map((i) => original[i]!));
}

const groupsOfTerms = (terms: readonly ClaimTerms[], threshold: number): number[][] =>
  agglomerate(terms.length, (i, j) => claimSimilarity(terms[i]!, terms[j]!), threshold, similarPairs(terms, threshold));
