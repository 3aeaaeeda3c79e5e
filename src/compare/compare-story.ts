/** One story's cross-source comparison: claims, conflicts, drift, omissions, framing, timeline and brief. */
import type { ArticleBundle, Claim, Entity, Story, StoryComparison } from "../records.js";
import { writeBrief } from "./brief.js";
import { alignClaims } from "./claims/align-claims.js";
import { markConflicts } from "./conflicts.js";
import { findDrift } from "./drift.js";
import { earnIndependence } from "./independence.js";
import { compareFraming, compareOutletFraming } from "./framing.js";
import { findOmissions } from "./omissions.js";
import { buildTimeline, markDisputedDates } from "./timeline.js";

/** The steps in order, named as the benchmark reports them. */
export const COMPARE_STEPS = ["alignClaims", "earnIndependence", "markConflicts", "sort claims", "buildTimeline", "findDrift", "compareFraming", "findOmissions", "writeBrief"] as const;
export type CompareStep = (typeof COMPARE_STEPS)[number];

/** What a reader acts on first: what is established, then what is disputed, then what rests on one source. */
const STATUS_RANK: Record<Claim["status"], number> = { corroborated: 0, disputed: 1, "single-source": 2 };

/** Where a claim first appears in its articles: the lead before the background. */
const firstOffset = (claim: Claim): number => Math.min(...claim.support.map((s) => s.start));

/**
 * `bundles`: the story's own, or more (only its members are read); a caller comparing many stories passes each
 * its members, since filtering every bundle for every story is quadratic. `onStep`: told each step's wall-clock milliseconds (bench/compare-story.ts), so the steps are timed where they run. */
export function compareStory(
  story: Story,
  bundles: readonly ArticleBundle[],
  entities: readonly Entity[],
  onStep?: (step: CompareStep, ms: number) => void,
): StoryComparison {
  const step = <T>(name: CompareStep, run: () => T): T => {
    if (!onStep) return run();
    const started = performance.now();
    const out = run();
    onStep(name, performance.now() - started);
    return out;
  };
  const memberIds = new Set(story.articleIds);
  // In id order: the verdicts must not depend on the order the articles were given in (compare-story.test.ts shuffles).
  const members = bundles.filter((b) => memberIds.has(b.article.id)).sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  const aligned = step("alignClaims", () => alignClaims(story.id, members, entities));
  step("earnIndependence", () => earnIndependence(aligned, members, story.copies ?? [], entities));
  step("markConflicts", () => markConflicts(aligned, members));
  const claims = step("sort claims", () =>
    aligned
      .map((a) => a.claim)
      .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.independentSources - a.independentSources || b.outlets.length - a.outlets.length || firstOffset(a) - firstOffset(b) || (a.id < b.id ? -1 : 1)));
  const timeline = step("buildTimeline", () => {
    const entries = buildTimeline(story.id, members);
    markDisputedDates(entries, claims);
    return entries;
  });
  const drift = step("findDrift", () => findDrift(story.id, aligned, members));
  const [framing, outletFraming] = step("compareFraming", () => [compareFraming(story.id, members, entities), compareOutletFraming(story.id, members)] as const);
  const omissions = step("findOmissions", () => findOmissions(story.id, members.map((b) => b.article), claims));
  const brief = step("writeBrief", () => writeBrief(story.id, claims, members, entities, story.copies ?? []));
  return { storyId: story.id, claims, drift, framing, outletFraming, omissions, timeline, brief };
}
