/**
 * Coreference scores over one set of mentions (gold mentions: key and response partition the same items): MUC
 * (Vilain et al. 1995), B³ (Bagga & Baldwin 1998), CEAF-e (Luo 2005, φ4 entity similarity) and the CoNLL F1, their
 * mean (Pradhan et al. 2014). Written here because the reference scorer is Perl (conll-2012 scorer) and no npm
 * package scores coreference; the formulas are the reference scorer's, checked on its published toy cases
 * (entities-coref-score.test.ts).
 */

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface CorefScore {
  muc: Prf;
  b3: Prf;
  ceafe: Prf;
  conllF1: number;
  mentions: number;
  keyChains: number;
  responseChains: number;
}

/** `key` and `response`: a chain id per mention, same length, same mention order. */
export function scoreCoreference(key: readonly string[], response: readonly string[]): CorefScore {
  if (key.length !== response.length) throw new Error(`[triangulate] [eval] coreference: ${key.length} key mentions, ${response.length} response mentions`);
  const k = chains(key), r = chains(response);
  const muc = prf(mucPart(k, response), mucPart(r, key));
  const b3 = prf(b3Part(key, response, k, r), b3Part(response, key, r, k));
  const ceafe = ceafE(k, r);
  return { muc, b3, ceafe, conllF1: (muc.f1 + b3.f1 + ceafe.f1) / 3, mentions: key.length, keyChains: k.length, responseChains: r.length };
}

function chains(ids: readonly string[]): number[][] {
  const byId = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const list = byId.get(id);
    if (list) list.push(i);
    else byId.set(id, [i]);
  });
  return [...byId.values()];
}

const prf = ([rn, rd]: [number, number], [pn, pd]: [number, number]): Prf => {
  const recall = rd ? rn / rd : 0, precision = pd ? pn / pd : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** MUC recall of `chainsOf` against `other`: links kept = |chain| − the number of `other`'s parts it falls into. */
function mucPart(chainsOf: readonly number[][], other: readonly string[]): [number, number] {
  let num = 0, den = 0;
  for (const c of chainsOf) {
    num += c.length - new Set(c.map((i) => other[i])).size;
    den += c.length - 1;
  }
  return [num, den];
}

/** B³ recall when `a` is the key: per mention, the share of its key chain that its response chain holds. */
function b3Part(a: readonly string[], b: readonly string[], aChains: readonly number[][], _bChains: readonly number[][]): [number, number] {
  let sum = 0;
  for (const c of aChains) {
    const counts = new Map<string, number>();
    for (const i of c) counts.set(b[i]!, (counts.get(b[i]!) ?? 0) + 1);
    for (const n of counts.values()) sum += (n * n) / c.length;
  }
  return [sum, a.length];
}

/** CEAF-e: the best one-to-one matching of key and response chains by φ4 = 2|K∩R| / (|K| + |R|), per connected part. */
function ceafE(k: readonly number[][], r: readonly number[][]): Prf {
  const chainOfR = new Map<number, number>();
  r.forEach((c, j) => c.forEach((i) => chainOfR.set(i, j)));
  // Chains that share no mention score 0: match within the components of the overlap graph only.
  const overlaps = k.map((c) => {
    const m = new Map<number, number>();
    for (const i of c) m.set(chainOfR.get(i)!, (m.get(chainOfR.get(i)!) ?? 0) + 1);
    return m;
  });
  const seenK = new Set<number>(), seenR = new Set<number>();
  const rToK = new Map<number, number[]>();
  overlaps.forEach((m, ki) => m.forEach((_, rj) => rToK.set(rj, [...(rToK.get(rj) ?? []), ki])));
  let total = 0;
  for (let start = 0; start < k.length; start++) {
    if (seenK.has(start)) continue;
    const ks: number[] = [], rs: number[] = [];
    const stack: ["k" | "r", number][] = [["k", start]];
    seenK.add(start);
    while (stack.length) {
      const [side, x] = stack.pop()!;
      if (side === "k") {
        ks.push(x);
        for (const rj of overlaps[x]!.keys()) if (!seenR.has(rj)) (seenR.add(rj), stack.push(["r", rj]));
      } else {
        rs.push(x);
        for (const ki of rToK.get(x) ?? []) if (!seenK.has(ki)) (seenK.add(ki), stack.push(["k", ki]));
      }
    }
    const weight = ks.map((ki) => rs.map((rj) => (2 * (overlaps[ki]!.get(rj) ?? 0)) / (k[ki]!.length + r[rj]!.length)));
    total += maxAssignment(weight);
  }
  return prf([total, k.length], [total, r.length]);
}

/** The largest total weight of a one-to-one assignment (Hungarian algorithm on the negated, squared-up matrix). */
export function maxAssignment(weight: readonly number[][]): number {
  const rows = weight.length, cols = weight[0]?.length ?? 0;
  const n = Math.max(rows, cols);
  if (!n) return 0;
  const cost = (i: number, j: number) => -(i < rows && j < cols ? weight[i]![j]! : 0);
  const u = new Float64Array(n + 1), v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1), way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) (minv[j] = cur, (way[j] = j0));
        if (minv[j]! < delta) (delta = minv[j]!, (j1 = j));
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if (p[j]! >= 1) total -= cost(p[j]! - 1, j - 1);
  return total;
}
