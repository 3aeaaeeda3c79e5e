/**
 * A story's statements grouped by proposition: sentences from different articles that say the same thing in other
 * words ("prepared to step down … if he received full legal amnesty" / "counter-proposing a hand-off … and broad
 * amnesty for himself") end in one group, whatever values they give; the values are compared afterwards
 * (align-claims.ts). Average linkage over the pair model's probability (statement-model.ts), on a sparse graph:
 * only the candidate pairs of proposition-pairs.ts (shared rare words, or a shared figure or predicate and
 * participant) are scored, since scoring all n² pairs of a 50-article story with word vectors would cost seconds.
 */
import type { ArticleBundle } from "../../records.js";
import { agglomerate } from "../../_lib/agglomerate.js";
import type { ClaimSentence } from "./find-claims.js";
import type { Statement } from "./statement-features.js";
import { probabilityOf, statementsOf, weighs } from "./statement-model.js";
import { storyPairFeatures } from "./proposition-pairs.js";
import { joinSameQuantity } from "./align-propositions.js";
import { joinSameTime } from "./align-times.js";

/**
 * P(same proposition) at which statements group. Calibration (`node dist/eval/main.js --only alignment`, the sweep
 * on the development stories of the hand-checked pairs): the lowest threshold keeping development precision ≥ 0.9
 * (0.34: P 0.908 R 0.454; 0.33: P 0.887); see docs/BENCHMARKS.md "Claim alignment".
 */
export const GROUP_THRESHOLD = 0.34;
/**
 * Groups of indexes into `sentences` (headlines, `field: "title"`, included). Body sentences are grouped first;
 * headlines are grouped among themselves and each group joins the body group its average probability to is
 * highest, when that clears the threshold, or stands as a group of its own: pulled between several sentences of
 * their article inside one linkage, headlines cost alignment F1 on the hand-checked pairs (0.557 → 0.534).
 * `bundles`: the story's annotated articles, for the entities each sentence names (none: text only).
 */
export function groupStatements(sentences: readonly ClaimSentence[], bundles: readonly ArticleBundle[], threshold = GROUP_THRESHOLD): number[][] {
  const statements = statementsOf(sentences, bundles);
  const scores = candidateScores(statements, sentences);
  const score = (i: number, j: number) => scores.get(i < j ? i * statements.length + j : j * statements.length + i) ?? 0;
  const bodyIndex = sentences.flatMap((s, i) => (s.field === "title" ? [] : [i]));
  const headIndex = sentences.flatMap((s, i) => (s.field === "title" ? [i] : []));
  const groups = groupAmong(bodyIndex, scores, statements.length, score, threshold);
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const joined = new Map<number, number[]>(); // index into groups → headline sentence indexes joining it
  const alone: number[][] = [];
  for (const members of groupAmong(headIndex, scores, statements.length, score, threshold)) {
    // A mean reaches the threshold only if one of its terms does: only groups holding a close sentence are scored.
    const close = new Set(members.flatMap((h) => bodyIndex.filter((i) => score(h, i) >= threshold).map((i) => groupOf.get(i)!)));
    let best = -1;
    let bestLinkage = threshold;
    for (const k of [...close].sort((a, b) => a - b)) {
      const linkage = members.reduce((sum, h) => sum + groups[k]!.reduce((t, i) => t + score(h, i), 0), 0) / (members.length * groups[k]!.length);
      if (linkage >= bestLinkage) [best, bestLinkage] = [k, linkage];
    }
    if (best < 0) alone.push(members);
    else joined.set(best, [...(joined.get(best) ?? []), ...members]);
  }
  const linked = [...groups.map((g, k) => [...g, ...(joined.get(k) ?? [])]), ...alone];
  // Then one count of one thing given with two values, and one time of one happening given in other words, which
  // the words alone leave apart (align-propositions.ts, align-times.ts).
  const scored = (i: number, j: number) => scores.get(i < j ? i * statements.length + j : j * statements.length + i);
  const articleOf = sentences.map((s) => s.articleId);
  const byQuantity = joinSameQuantity(linked, statements, articleOf, scored);
  return joinSameTime(byQuantity, statements, sentences.map((s) => s.text), articleOf, scored);
}

/**
 * Average-linkage groups of the sentences `items` (ascending indexes into the story's sentences), as those indexes.
 * The pairs at or above `threshold` are read off the scored candidates (key i·n + j), not by testing every pair of
 * items: that n² scan cost 5 of 12 s for a 200-article story (bench/compare-story.ts).
 */
function groupAmong(items: readonly number[], scores: ReadonlyMap<number, number>, n: number, score: (i: number, j: number) => number, threshold: number): number[][] {
  const position = new Map(items.map((i, a) => [i, a] as const));
  const pairs: number[][] = items.map(() => []);
  for (const [key, p] of scores) {
    if (p < threshold) continue;
    const [a, b] = [position.get(Math.floor(key / n)), position.get(key % n)];
    if (a !== undefined && b !== undefined) pairs[Math.min(a, b)]!.push(Math.max(a, b));
  }
  for (const list of pairs) list.sort((x, y) => x - y);
  return agglomerate(items.length, (a, b) => score(items[a]!, items[b]!), threshold, pairs).map((g) => g.map((a) => items[a]!));
}

/** The model's probability for every candidate pair (key i·n + j, i < j; proposition-pairs.ts). Other pairs count 0. */
function candidateScores(statements: readonly Statement[], sentences: readonly ClaimSentence[]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const [key, x] of storyPairFeatures(statements, sentences.map((s) => s.articleId), { predicates: weighs("sharedPredicates") })) scores.set(key, probabilityOf(x));
  return scores;
}
