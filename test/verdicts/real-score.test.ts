/**
 * The real-story scorer (eval/verdicts-real-score.ts) on a hand-made report: support recall and precision, conflicts
 * found and false, independent counts, boilerplate in claims, and anchors the extraction lost.
 */
import { expect, test } from "vitest";
import { readReport } from "../../eval/verdicts-anchors.js";
import { newCounts, type Proposition, scoreRealStory } from "../../eval/verdicts-real-score.js";

const D1 = "Four people were shot at the club. The shooting began at 10:45 p.m. Call Crime Stoppers with tips.";
const D2 = "Three people were shot outside the club, police said. Shots rang out just before 10:30 p.m.";
const sup = (articleId: string, text: string, sentence: string) => ({ articleId, start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length, text: sentence });

const report = (claims: unknown[]) => readReport({
  articles: [{ id: "d1", title: "", text: D1, outlet: "A" }, { id: "d2", title: "", text: D2, outlet: "B" }],
  claims,
});
const prop = (id: string, statements: [string, string, string, string][], extra: Partial<Proposition> = {}): Proposition =>
  ({ id, statements, conflict: false, independent: null, why: id, ...extra });
const gold = {
  propositions: [
    prop("shot", [["d1", "Four people were shot", "4", "own"], ["d2", "Three people were shot", "3", "police"]], { conflict: true, independent: 2 }),
    prop("time", [["d1", "began at 10:45 p.m.", "22:45", "own"], ["d2", "just before 10:30", "22:30", "own"]]),
  ],
  notClaims: [["d1", "Call Crime Stoppers", "tip line"], ["d2", "not in the text", "lost"]] as [string, string, string][],
};

test("a disputed claim holding both counts: aligned, conflict found, right independent count; boilerplate and lost anchors counted", () => {
  const counts = newCounts();
  const misses: string[] = [];
  const lost = scoreRealStory(report([
    { id: "c1", status: "disputed", independentSources: 2, support: [sup("d1", D1, "Four people were shot at the club."), sup("d2", D2, "Three people were shot outside the club, police said.")] },
    { id: "c2", status: "single-source", independentSources: 1, support: [sup("d1", D1, "Call Crime Stoppers with tips.")] },
  ]), gold, counts, (m) => misses.push(m));
  expect(lost).toBe(1);
  expect(counts.supportRecall).toEqual([1, 2]); // "shot" aligned, "time" not
  expect(counts.supportPrecision).toEqual([1, 1]);
  expect(counts.conflictRecall).toEqual([1, 1]);
  expect(counts.conflictPrecision).toEqual([1, 1]);
  expect(counts.independentAccuracy).toEqual([1, 1]);
  expect(counts.boilerplateShare).toEqual([1, 2]);
  expect(misses.some((m) => m.includes("not aligned (time)"))).toBe(true);
});

test("a wrong alignment, a missed conflict, a false conflict and a wrong count are each scored as misses", () => {
  const counts = newCounts();
  scoreRealStory(report([
    // The d1 count joined with d2's time: wrongly aligned, and disputed over no labelled conflict.
    { id: "c1", status: "disputed", independentSources: 3, support: [sup("d1", D1, "Four people were shot at the club."), sup("d2", D2, "Shots rang out just before 10:30 p.m.")] },
    { id: "c2", status: "corroborated", independentSources: 3, support: [sup("d1", D1, "Four people were shot at the club."), sup("d2", D2, "Three people were shot outside the club, police said.")] },
  ]), gold, counts, () => {});
  expect(counts.supportPrecision).toEqual([1, 2]);
  expect(counts.conflictRecall).toEqual([0, 1]);
  expect(counts.conflictPrecision).toEqual([0, 1]);
  expect(counts.independentAccuracy).toEqual([0, 1]);
  expect(counts.boilerplateShare).toEqual([0, 2]);
});

test("statements marked align:false are not required to align, and a dispute between them is a false conflict", () => {
  const counts = newCounts();
  const later = { propositions: [prop("arrests", [["d1", "Four people were shot", "no", "own"], ["d2", "Three people were shot", "yes", "own"]], { align: false })], notClaims: [] };
  scoreRealStory(report([
    { id: "c1", status: "disputed", independentSources: 2, support: [sup("d1", D1, "Four people were shot at the club."), sup("d2", D2, "Three people were shot outside the club, police said.")] },
  ]), later, counts, () => {});
  expect(counts.supportRecall).toEqual([0, 0]);
  expect(counts.conflictPrecision).toEqual([0, 1]);
});
