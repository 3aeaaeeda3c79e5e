/**
 * A claim-level pass beside align-propositions.ts (issue 22): two reports that give the time of day of one happening
 * in other words ("The fire broke out shortly after 2 a.m." / "The fire at the warehouse began around 2 a.m.";
 * "ruptured around 6 a.m." / "happened shortly after 6 a.m.") share too few words for the pair model, which leaves
 * times out of the words it compares. Their groups are joined when, in different articles, a sentence of each gives
 * a time whose hedged spans meet, each is the only sentence of its article giving a time that meets the other's,
 * the time is said of an occurrence or onset ("happened", "began", "broke out": WordNet classes of ONSET_VERBS) on
 * one side or the two share a predicate or a participant, and the pair is on the story's topic (TIME_FLOOR).
 *
 * Times that do not meet are never joined here: two times of one happening that cannot both hold are a dispute,
 * merged by dispute-merge.ts only where the words say what happened then (point-values.ts).
 */
import { predicateClasses } from "../../_lib/wordnet-senses.js";
import { pairFeatures, type Statement } from "./statement-features.js";
import { probabilityOf } from "./statement-model.js";

/**
 * Pair-model probability a pair stating one time needs to join. Calibration (`node dist-align2/eval/main.js --only
 * verdicts`, every candidate passing the other guards printed): same-happening pairs of the suite and the GVC
 * stories scored 0.13–0.32 ("ruptured around 6 a.m." / "happened shortly after 6 a.m." 0.17); the one lower,
 * "it happened around 1:45 a.m." / "was charged with manslaughter … in the 1:45 a.m. shooting" (0.11), times the
 * shooting in a sentence about the charge. Suite and real-story scores are the same anywhere in 0.05–0.15.
 */
export const TIME_FLOOR = 0.12;

/** How far a hedge reaches around a time, in minutes; an unhedged time is read as given to the nearest few minutes. */
const ABOUT_MINUTES = 15;
const AFTER_MINUTES = 20;
const EXACT_MINUTES = 5;

/**
 * A time of day with its hedge: "shortly after 2 a.m.", "about 7:15 a.m.", "10:45 p.m.", "noon". One bounded
 * alternation per match (linear time). point-values.ts reads times too, but only those next to words of harm.
 */
const CLOCK = /\b(?:(about|around|approximately|roughly|shortly after|just after|soon after|shortly before|just before)\s+)?(?:(\d{1,2})(?::(\d{2}))?\s?([ap])\.?\s?m\b\.?|(noon|midnight)\b)/gi;

export interface ClockTime { lo: number; hi: number }

/** The times of day a sentence gives, as spans of minutes after midnight that their hedges allow, in text order. */
export function clockTimesOf(text: string): ClockTime[] {
  const out: ClockTime[] = [];
  for (const m of text.matchAll(CLOCK)) {
    let minutes: number;
    if (m[5]) minutes = m[5].toLowerCase() === "noon" ? 12 * 60 : 0;
    else {
      if (Number(m[2]) > 12 || Number(m[2]) === 0 || Number(m[3] ?? 0) > 59) continue;
      minutes = (Number(m[2]) % 12 + (m[4]!.toLowerCase() === "p" ? 12 : 0)) * 60 + Number(m[3] ?? 0);
    }
    const hedge = (m[1] ?? "").toLowerCase();
    out.push(/after/.test(hedge) ? { lo: minutes, hi: minutes + AFTER_MINUTES }
      : /before/.test(hedge) ? { lo: minutes - AFTER_MINUTES, hi: minutes }
      : hedge ? { lo: minutes - ABOUT_MINUTES, hi: minutes + ABOUT_MINUTES }
      : { lo: minutes - EXACT_MINUTES, hi: minutes + EXACT_MINUTES });
  }
  return out;
}

const meet = (a: ClockTime, b: ClockTime) => a.lo <= b.hi && b.lo <= a.hi;
/** The same times in the same order ("between 6 a.m. and 2 p.m." in both), each pair within its hedges. */
const sameTimes = (a: readonly ClockTime[], b: readonly ClockTime[]) => a.length > 0 && a.length === b.length && a.every((t, k) => meet(t, b[k]!));

/**
 * Verbs whose subject is the happening itself, so that the time they give is the time of the event the story is
 * about: "the crash happened at about 7:15 a.m.", "the fire began around 2 a.m.". Read as their WordNet classes
 * (predicateClasses), so "occurred", "took place", "erupted" and the event nouns derived from them meet too.
 */
const ONSET_VERBS = ["happen", "occur", "take_place", "begin", "break_out", "erupt", "unfold"];
let onsetClasses: Set<string> | null = null;
const isOnset = (s: Statement) => {
  onsetClasses ??= new Set(ONSET_VERBS.flatMap((v) => predicateClasses(v, "verb")));
  for (const p of s.proposition.predicates) if (onsetClasses.has(p)) return true;
  return false;
};

/**
 * `groups`: indexes into `statements`; `texts`: each statement's sentence; `articleOf`: its article. `score(i, j)`: the
 * model's probability where the grouping scored the pair (else undefined).
 */
export function joinSameTime(
  groups: readonly number[][],
  statements: readonly Statement[],
  texts: readonly string[],
  articleOf: readonly string[],
  score: (i: number, j: number) => number | undefined,
): number[][] {
  const times = texts.map(clockTimesOf);
  const timed = times.flatMap((t, i) => (t.length ? [i] : []));
  if (timed.length < 2) return groups.map((g) => [...g]);
  const groupOf = new Map(groups.flatMap((g, k) => g.map((i) => [i, k] as const)));
  const parent = groups.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const members = new Map(groups.map((g, k) => [k, [...g]] as const));
  // The sentences of `article` giving a time that meets one of `i`'s: one alone is unambiguous.
  const meeting = (i: number, article: string) => timed.filter((k) => articleOf[k] === article && times[k]!.some((t) => times[i]!.some((u) => meet(t, u))));
  for (let x = 0; x < timed.length; x++) {
    for (let y = x + 1; y < timed.length; y++) {
      const [i, j] = [timed[x]!, timed[y]!];
      if (articleOf[i] === articleOf[j] || !sameTimes(times[i]!, times[j]!)) continue;
      const [gi, gj] = [groupOf.get(i), groupOf.get(j)];
      if (gi === undefined || gj === undefined || find(gi) === find(gj)) continue;
      if (meeting(j, articleOf[i]!).length !== 1 || meeting(i, articleOf[j]!).length !== 1) continue;
      const [a, b] = [statements[i]!, statements[j]!];
      if (!isOnset(a) && !isOnset(b) && !shareParticipantOrPredicate(a, b)) continue;
      if ((score(i, j) ?? probabilityOf(pairFeatures(a, b))) < TIME_FLOOR) continue;
      // A group already holding another time is about another moment too: joining would mix two times in one claim.
      const union = [...members.get(find(gi))!, ...members.get(find(gj))!];
      if (!union.every((k) => times[k]!.length === 0 || sameTimes(times[k]!, times[i]!))) continue;
      members.set(find(gi), union);
      parent[find(gj)] = find(gi);
    }
  }
  const merged = new Map<number, number[]>();
  groups.forEach((g, k) => merged.set(find(k), [...(merged.get(find(k)) ?? []), ...g]));
  return [...merged.values()];
}

function shareParticipantOrPredicate(a: Statement, b: Statement): boolean {
  for (const e of a.entities) if (b.entities.has(e)) return true;
  for (const p of a.proposition.predicates) if (b.proposition.predicates.has(p)) return true;
  return false;
}
