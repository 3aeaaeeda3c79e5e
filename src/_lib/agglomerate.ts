/**
 * Average-linkage agglomerative clustering over a similarity function, stopping at a threshold. Only pairs at
 * or above the threshold can ever merge, so the work is split into the connected components of that graph
 * first: on news, components are small even when the corpus is not.
 */

/** Groups of item indexes, each sorted; groups ordered by their first item. */
export function agglomerate(n: number, similarity: (i: number, j: number) => number, threshold: number): number[][] {
  const sims = new Map<number, number>(); // key i*n+j, i<j
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = similarity(i, j);
      sims.set(i * n + j, s);
      if (s >= threshold) {
        neighbours[i]!.push(j);
        neighbours[j]!.push(i);
      }
    }
  }
  const sim = (i: number, j: number) => (i === j ? 1 : sims.get(Math.min(i, j) * n + Math.max(i, j)) ?? 0);
  const groups: number[][] = [];
  for (const component of components(n, neighbours)) groups.push(...averageLinkage(component, sim, threshold));
  return groups.map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}

function components(n: number, neighbours: number[][]): number[][] {
  const seen = new Uint8Array(n);
  const out: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    const stack = [start];
    const members: number[] = [];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      for (const j of neighbours[i]!) if (!seen[j]) (seen[j] = 1), stack.push(j);
    }
    out.push(members);
  }
  return out;
}

function averageLinkage(items: number[], sim: (i: number, j: number) => number, threshold: number): number[][] {
  let clusters = items.map((i) => [i]);
  for (;;) {
    let best = -Infinity;
    let pair: [number, number] | null = null;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const s = linkage(clusters[a]!, clusters[b]!, sim);
        if (s > best) [best, pair] = [s, [a, b]];
      }
    }
    if (!pair || best < threshold) return clusters;
    const [a, b] = pair;
    clusters = [...clusters.filter((_, k) => k !== a && k !== b), [...clusters[a]!, ...clusters[b]!]];
  }
}

function linkage(a: number[], b: number[], sim: (i: number, j: number) => number): number {
  let total = 0;
  for (const i of a) for (const j of b) total += sim(i, j);
  return total / (a.length * b.length);
}
