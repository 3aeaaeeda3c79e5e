/**
 * Re-clustering after new articles arrive must update stories in place: a story keeps the id of the stored
 * story it overlaps most (Jaccard of article ids ≥ MIN_OVERLAP), so links and bookmarks keep working.
 */
import type { Story, Storyline } from "../records.js";
import type { Clustering } from "./cluster-stories.js";

const MIN_OVERLAP = 0.5;

export function keepStableIds(next: Clustering, previous: { stories: readonly Story[]; storylines: readonly Storyline[] }): Clustering {
  const storyIds = matchIds(next.stories, previous.stories, (s) => s.articleIds);
  const stories = next.stories.map((s) => ({ ...s, id: storyIds.get(s.id) ?? s.id }));
  const renamedStorylines = next.storylines.map((l) => ({ ...l, storyIds: l.storyIds.map((id) => storyIds.get(id) ?? id) }));
  const lineIds = matchIds(renamedStorylines, previous.storylines, (l) => l.storyIds);
  return {
    stories: stories.map((s) => ({ ...s, storylineId: lineIds.get(s.storylineId) ?? s.storylineId })),
    storylines: renamedStorylines.map((l) => ({ ...l, id: lineIds.get(l.id) ?? l.id })),
  };
}

function matchIds<T extends { id: string }>(next: readonly T[], previous: readonly T[], members: (x: T) => readonly string[]): Map<string, string> {
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const item of next) {
    const mine = new Set(members(item));
    let best: { id: string; score: number } | null = null;
    for (const old of previous) {
      if (taken.has(old.id)) continue;
      const theirs = members(old);
      const shared = theirs.filter((x) => mine.has(x)).length;
      const score = shared / (mine.size + theirs.length - shared);
      if (score >= MIN_OVERLAP && (!best || score > best.score)) best = { id: old.id, score };
    }
    if (best) {
      renamed.set(item.id, best.id);
      taken.add(best.id);
    }
  }
  return renamed;
}
