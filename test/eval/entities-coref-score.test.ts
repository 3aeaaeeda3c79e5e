import { expect, test } from "vitest";
import { maxAssignment, scoreCoreference } from "../../eval/entities-coref-score.js";

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 4);

test("identical partitions score 1 on every metric", () => {
  const s = scoreCoreference(["a", "a", "b", "c", "c"], ["x", "x", "y", "z", "z"]);
  for (const m of [s.muc, s.b3, s.ceafe]) (close(m.precision, 1), close(m.recall, 1));
  close(s.conllF1, 1);
});

test("a split chain, by hand: key {1,2,3}{4,5}, response {1,2}{3,4,5}", () => {
  const s = scoreCoreference(["k1", "k1", "k1", "k2", "k2"], ["r1", "r1", "r2", "r2", "r2"]);
  close(s.muc.recall, 2 / 3);
  close(s.muc.precision, 2 / 3);
  close(s.b3.recall, 11 / 15);
  close(s.b3.precision, 11 / 15);
  close(s.ceafe.recall, 0.8); // φ4: 4/5 + 4/5 over 2 key chains
  close(s.ceafe.precision, 0.8);
});

test("all singletons against one chain: no MUC links, B³ precision 1, CEAF-e by φ4", () => {
  const s = scoreCoreference(["k", "k", "k"], ["a", "b", "c"]);
  close(s.muc.recall, 0);
  close(s.b3.recall, 1 / 3);
  close(s.b3.precision, 1);
  close(s.ceafe.recall, 0.5);
  close(s.ceafe.precision, 0.5 / 3);
});

test("the assignment is the best one, not the greedy one", () => {
  close(maxAssignment([[0.9, 0.8], [0.8, 0]]), 1.6);
  close(maxAssignment([[1, 0, 0], [0, 0, 1]]), 2);
});
