/**
 * A story's statements grouped by proposition: sentences from different articles that say the same thing in other
 * words ("prepared to step down … if he received full legal amnesty" / "counter-proposing a hand-off … and broad
 * amnesty for himself") end in one group, whatever values they give; the values are compared afterwards
 * (align-claims.ts). Average linkage over the pair model's probability (statement-model.ts), on a sparse graph:
 * only pairs whose shared rare words and senses reach LEXICAL_FLOOR are scored, found through a word index, since
 * scoring all n² pairs of a 50-article story with word vectors would cost seconds.
 */
import type { ArticleBundle } from "../../records.js";
import { agglomerate } from "../../_lib/agglomerate.js";
import type { ClaimSentence } from "./find-claims.js";
import { NearWords, type Statement } from "./statement-features.js";
import { sameProposition, statementsOf } from "./statement-model.js";
import { similarPairs } from "./similarity.js";

/**
 * P(same proposition) at which statements group. Calibration (`node dist/eval/main.js --only alignment`, the sweep
 * on the development stories of the hand-checked pairs): the lowest threshold keeping development precision ≥ 0.9
 * (0.34: P 0.908 R 0.454; 0.33: P 0.887); see docs/BENCHMARKS.md "Claim alignment".
 */
export const GROUP_THRESHOLD = 0.34;
/**
 * Pairs below this lexical similarity are not scored (count 0). Calibration: of the ~6,800 pairs of MSRP train, STS
 * headlines and the hand-checked claim pairs, none that the model puts at or above GROUP_THRESHOLD (0.35) has a
 * lexical similarity under 0.188 (0.118 at 0.30); soft matching lifts pairs that share some rare words, never
 * pairs that share none. Scoring every pair that shares any rare word or entity instead cost a 50-article story
 * (878 sentences) 26× the time (bench/compare-story.ts, docs/BENCHMARKS.md). Lower it with the threshold.
 */
const LEXICAL_FLOOR = 0.15;

/**
 * Groups of indexes into `sentences` (headlines, `field: "title"`, included). Body sentences are grouped first;
 * headlines are grouped among themselves and each group joins the body group its average probability to is
 * highest, when that clears the threshold, or stands as a group of its own: pulled between several sentences of
 * their article inside one linkage, headlines cost alignment F1 on the hand-checked pairs (0.557 → 0.534).
 * `bundles`: the story's annotated articles, for the entities each sentence names (none: text only).
 */
export function groupStatements(sentences: readonly ClaimSentence[], bundles: readonly ArticleBundle[], threshold = GROUP_THRESHOLD): number[][] {
  const statements = statementsOf(sentences, bundles);
  const scores = candidateScores(statements);
  const score = (i: number, j: number) => scores.get(i < j ? i * statements.length + j : j * statements.length + i) ?? 0;
  const bodyIndex = sentences.flatMap((s, i) => (s.field === "title" ? [] : [i]));
  const headIndex = sentences.flatMap((s, i) => (s.field === "title" ? [i] : []));
  const groups = groupAmong(bodyIndex, score, threshold);
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const joined = new Map<number, number[]>(); // index into groups → headline sentence indexes joining it
  const alone: number[][] = [];
  for (const members of groupAmong(headIndex, score, threshold)) {
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
  return [...groups.map((g, k) => [...g, ...(joined.get(k) ?? [])]), ...alone];
}

/** Average-linkage groups of the sentences `items` (indexes into the story's sentences), as those indexes. */
function groupAmong(items: readonly number[], score: (i: number, j: number) => number, threshold: number): number[][] {
  const pairs = items.map((i, a) => items.flatMap((j, b) => (b > a && score(i, j) >= threshold ? [b] : [])));
  return agglomerate(items.length, (a, b) => score(items[a]!, items[b]!), threshold, pairs).map((g) => g.map((a) => items[a]!));
}

/**
 * The model's probability for every pair whose lexical similarity (claimSimilarity: shared rare words and WordNet
 * senses) reaches LEXICAL_FLOOR (key i·n + j, i < j), found through similarPairs' word and sense index. Other pairs
 * count 0.
 */
function candidateScores(statements: readonly Statement[]): Map<number, number> {
  const n = statements.length;
  const near = new NearWords(statements);
  const scores = new Map<number, number>();
  similarPairs(statements.map((s) => s.terms), LEXICAL_FLOOR).forEach((js, i) => {
    for (const j of js) scores.set(i * n + j, sameProposition(statements[i]!, statements[j]!, near));
  });
  return scores;
}
