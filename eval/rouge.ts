/**
 * ROUGE-N (Lin 2004) as the framing eval uses it: tokens are lowercase runs of letters and digits ("Biden’s" →
 * "biden", "s"), with no stemming and no stopword removal; n-gram matches are clipped to the reference's counts.
 * Not the official ROUGE-1.5.5 script (which stems with Porter and drops some tokens), so the figures compare with
 * each other within one eval, not with published ROUGE scores.
 */

export interface RougeScore {
  recall: number;
  precision: number;
  f1: number;
}

export const rougeTokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const wanted = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of ngramCounts(candidate, n)) overlap += Math.min(count, wanted.get(gram) ?? 0);
  const recall = overlap / Math.max(1, reference.length - n + 1);
  const precision = overlap / Math.max(1, candidate.length - n + 1);
  return { recall, precision, f1: recall + precision ? (2 * recall * precision) / (recall + precision) : 0 };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(" ");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}
