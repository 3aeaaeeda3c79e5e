/** One story's cross-source comparison: claims, conflicts, omissions, framing, timeline and brief. */
import type { ArticleBundle, Claim, Entity, Story, StoryComparison } from "../records.js";
import { writeBrief } from "./brief.js";
import { alignClaims } from "./claims/align-claims.js";
import { markConflicts } from "./conflicts.js";
import { findDrift } from "./drift.js";
import { compareFraming, compareOutletFraming } from "./framing.js";
import { findOmissions } from "./omissions.js";
import { buildTimeline, markDisputedDates } from "./timeline.js";

/** Where a claim first appears in its articles: the lead before the background. */
const firstOffset = (claim: Claim): number => Math.min(...claim.support.map((s) => s.start));

export function compareStory(story: Story, bundles: readonly ArticleBundle[], entities: readonly Entity[]): StoryComparison {
  const members = bundles.filter((b) => story.articleIds.includes(b.article.id));
  const aligned = alignClaims(story.id, members, story.copies ?? []);
  markConflicts(aligned, members);
  const claims = aligned
    .map((a) => a.claim)
    .sort((a, b) => b.independentSources - a.independentSources || b.outlets.length - a.outlets.length || firstOffset(a) - firstOffset(b) || (a.id < b.id ? -1 : 1));
  const timeline = buildTimeline(story.id, members);
  markDisputedDates(timeline, claims);
  return {
    storyId: story.id,
    claims,
    drift: findDrift(story.id, aligned, members),
    framing: compareFraming(story.id, members, entities),
    outletFraming: compareOutletFraming(story.id, members),
    omissions: findOmissions(story.id, members.map((b) => b.article), claims),
    timeline,
    brief: writeBrief(story.id, claims, members, entities),
  };
}
