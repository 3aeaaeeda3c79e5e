/**
 * Scores a predicted clustering of items against gold labels. Both are given as one label per item (same order).
 *
 * B-cubed (Bagga & Baldwin 1998), averaged over items: for item i with predicted cluster C(i) and gold cluster
 * G(i), precision_i = |C(i) ∩ G(i)| / |C(i)|, recall_i = |C(i) ∩ G(i)| / |G(i)|. P and R are the means over all
 * items; F1 = 2PR / (P + R). Every item counts once, so big clusters do not dominate, and a singleton is
 * perfectly precise (all-singletons gives P = 1, R = mean 1/|G(i)|).
 *
 * Pairwise: over all unordered item pairs, a true positive is a pair in one predicted cluster and one gold cluster,
 * a false positive one predicted together but gold apart, a false negative gold together but predicted apart.
 * P = TP / (TP + FP), R = TP / (TP + FN) (0/0 counts as 1: nothing claimed, nothing wrong). Pairs grow with the
 * square of cluster size, so this punishes one wrong merge of two big clusters far more than B-cubed does.
 */

export interface ClusterScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusteringScore {
  items: number;
  goldClusters: number;
  predictedClusters: number;
  bcubed: ClusterScore;
  pairwise: ClusterScore;
}

export function scoreClustering(predicted: readonly string[], gold: readonly string[]): ClusteringScore {
  if (predicted.length !== gold.length) throw new Error(`[triangulate] [eval] ${predicted.length} predictions for ${gold.length} gold labels`);
  const n = gold.length;
  const predSize = countBy(predicted);
  const goldSize = countBy(gold);
  const joint = countBy(predicted.map((p, i) => `${p}\u0000${gold[i]}`));

  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = joint.get(`${predicted[i]}\u0000${gold[i]}`)!;
    p += both / predSize.get(predicted[i]!)!;
    r += both / goldSize.get(gold[i]!)!;
  }
  const pairs = (sizes: Map<string, number>) => [...sizes.values()].reduce((s, k) => s + (k * (k - 1)) / 2, 0);
  const tp = pairs(joint);
  const predPairs = pairs(predSize);
  const goldPairs = pairs(goldSize);
  return {
    items: n,
    goldClusters: goldSize.size,
    predictedClusters: predSize.size,
    bcubed: prf(n ? p / n : 1, n ? r / n : 1),
    pairwise: prf(predPairs ? tp / predPairs : 1, goldPairs ? tp / goldPairs : 1),
  };
}

/** Unweighted mean of per-group B-cubed scores (each ECB+ topic counts once, whatever its size). */
export function macroAverage(scores: readonly ClusteringScore[]): ClusterScore {
  const mean = (f: (s: ClusteringScore) => number) => scores.reduce((sum, s) => sum + f(s), 0) / Math.max(1, scores.length);
  return { precision: mean((s) => s.bcubed.precision), recall: mean((s) => s.bcubed.recall), f1: mean((s) => s.bcubed.f1) };
}

function prf(precision: number, recall: number): ClusterScore {
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function countBy(labels: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}
