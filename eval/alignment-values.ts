/**
 * Grouping-level score on the 150 "one fact, two values" and paraphrase pairs of eval/alignment-values-data.ts
 * (GVC train incidents, ECB+ train topics; labelled blind, gold in eval/data/alignment-values-gold.json): does
 * `claimGroups`, as alignClaims groups a story, put each labelled-same pair in one claim, and only those? Pairwise
 * precision and recall, overall and for the "value" candidates (both give a figure of one scope, whatever its value).
 *
 *   node dist-align/eval/alignment-values.js
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { storyClaimGroups } from "../src/compare/claims/align-claims.js";
import type { ClaimSentence } from "../src/compare/claims/find-claims.js";
import { valuesLabelledPairs } from "./alignment-values-data.js";

export interface AlignmentValuesScore { pairs: number; same: number; aligned: number; both: number; precision: number; recall: number; value: { same: number; both: number; aligned: number } }

export async function evalAlignmentValues(dataDir: string): Promise<AlignmentValuesScore> {
  const pairs = await valuesLabelledPairs(dataDir);
  const groupsOf = new Map<string, Map<string, number>>();
  const key = (s: ClaimSentence) => `${s.articleId}:${s.field ?? ""}${s.span[0]}`;
  const score = { pairs: pairs.length, same: 0, aligned: 0, both: 0, value: { same: 0, both: 0, aligned: 0 } };
  for (const p of pairs) {
    if (!groupsOf.has(p.story)) {
      const { sentences, groups } = storyClaimGroups(p.bundles);
      groupsOf.set(p.story, new Map(groups.flatMap((g, k) => g.map((i) => [key(sentences[i]!), k] as const))));
    }
    const groupOf = groupsOf.get(p.story)!;
    const aligned = groupOf.get(key(p.a)) !== undefined && groupOf.get(key(p.a)) === groupOf.get(key(p.b));
    score.same += Number(p.same);
    score.aligned += Number(aligned);
    score.both += Number(aligned && p.same);
    if (p.kind === "value") {
      score.value.same += Number(p.same);
      score.value.aligned += Number(aligned);
      score.value.both += Number(aligned && p.same);
    }
  }
  return { ...score, precision: score.aligned ? score.both / score.aligned : 0, recall: score.same ? score.both / score.same : 0 };
}

export const formatAlignmentValues = (s: AlignmentValuesScore): string =>
  `Story pairs, one fact two values (GVC + ECB+ train, ${s.pairs} labelled, ${s.same} same): P ${s.precision.toFixed(3)} (${s.both}/${s.aligned}) R ${s.recall.toFixed(3)} (${s.both}/${s.same}); ` +
  `value candidates: ${s.value.both}/${s.value.aligned} aligned are same, ${s.value.both}/${s.value.same} same aligned`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatAlignmentValues(await evalAlignmentValues(process.env.TRIANGULATE_DATA ?? "../shared/data")));
}
