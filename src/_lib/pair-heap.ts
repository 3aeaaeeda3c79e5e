/**
 * The merge candidates of `agglomerateByLinkage`: a binary max-heap in parallel arrays (linkage, then the two
 * cluster ids, a < b), ties to the lower ids, so the merge order never depends on the heap's shape.
 */
export interface PairHeap {
  linkage: number[];
  a: number[];
  b: number[];
}

function before(h: PairHeap, x: number, y: number): boolean {
  const [lx, ly] = [h.linkage[x]!, h.linkage[y]!];
  if (lx !== ly) return lx > ly;
  return h.a[x]! !== h.a[y]! ? h.a[x]! < h.a[y]! : h.b[x]! < h.b[y]!;
}

function swap(h: PairHeap, x: number, y: number): void {
  [h.linkage[x], h.linkage[y]] = [h.linkage[y]!, h.linkage[x]!];
  [h.a[x], h.a[y]] = [h.a[y]!, h.a[x]!];
  [h.b[x], h.b[y]] = [h.b[y]!, h.b[x]!];
}

export function pushPair(h: PairHeap, linkage: number, a: number, b: number): void {
  let x = h.linkage.push(linkage) - 1;
  h.a.push(Math.min(a, b));
  h.b.push(Math.max(a, b));
  while (x > 0 && before(h, x, (x - 1) >> 1)) {
    swap(h, x, (x - 1) >> 1);
    x = (x - 1) >> 1;
  }
}

export function popPair(h: PairHeap): [number, number] {
  const top: [number, number] = [h.a[0]!, h.b[0]!];
  const last = h.a.length - 1;
  swap(h, 0, last);
  h.linkage.pop();
  h.a.pop();
  h.b.pop();
  for (let x = 0; ; ) {
    const [l, r] = [2 * x + 1, 2 * x + 2];
    let best = x;
    if (l < last && before(h, l, best)) best = l;
    if (r < last && before(h, r, best)) best = r;
    if (best === x) return top;
    swap(h, x, best);
    x = best;
  }
}
