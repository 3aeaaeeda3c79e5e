/**
 * A story's statements grouped by proposition: sentences from different articles that say the same thing in other
 * words ("prepared to step down … if he received full legal amnesty" / "counter-proposing a hand-off … and broad
 * amnesty for himself") end in one group, whatever values they give; the values are compared afterwards
 * (align-claims.ts). Average linkage over the pair model's probability (statement-model.ts), on a sparse graph:
 * only pairs that share a rare word, a WordNet sense or a named entity are scored, since a pair sharing none of
 * them never reaches the threshold (the model's weight on shared words dominates) and scoring all n² pairs of a
 * 50-article story would cost seconds.
 */
import type { ArticleBundle } from "../../records.js";
import { agglomerate } from "../../_lib/agglomerate.js";
import type { ClaimSentence } from "./find-claims.js";
import { NearWords, type Statement } from "./statement-features.js";
import { sameProposition, statementsOf } from "./statement-model.js";

/**
 * P(same proposition) at which statements group. Calibration (`node dist/eval/main.js --only alignment`, the sweep
 * on the development stories of the hand-checked pairs): see docs/BENCHMARKS.md "Claim alignment".
 */
export const GROUP_THRESHOLD = 0.35;
/** A shared word this rare makes a candidate pair ("amnesty" 10.1, "deal" 8.2); "said" 6.8 and "house" 7.5 do not. */
const CANDIDATE_MIN_RARITY = 8;

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
 * The model's probability for every pair that shares a rare word, a sense or an entity (key i·n + j, i < j),
 * found through an inverted index of those keys.
 */
function candidateScores(statements: readonly Statement[]): Map<number, number> {
  const n = statements.length;
  const index = new Map<string, number[]>();
  statements.forEach((s, i) => {
    const keys = new Set<string>();
    for (const [w, r] of s.terms.weights) if (r >= CANDIDATE_MIN_RARITY) keys.add(`w:${w}`);
    for (const id of s.terms.allSenses) keys.add(`s:${id}`);
    for (const e of s.entities) keys.add(`e:${e}`);
    for (const k of keys) index.get(k)?.push(i) ?? index.set(k, [i]);
  });
  const near = new NearWords(statements);
  const scores = new Map<number, number>();
  for (const list of index.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * n + list[y]!;
        if (!scores.has(key)) scores.set(key, sameProposition(statements[list[x]!]!, statements[list[y]!]!, near));
      }
    }
  }
  return scores;
}
