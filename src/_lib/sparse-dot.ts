/**
 * The dot product of two sparse vectors, over the smaller one. One function for the article cosine
 * (cluster/vectors.ts) and the cluster linkage (sum-linkage.ts), so two single articles' linkage equals their
 * similarity to the bit, and a partition never depends on which of the two computed it.
 */
export function sparseDot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, x] of small) {
    const y = large.get(term);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}
