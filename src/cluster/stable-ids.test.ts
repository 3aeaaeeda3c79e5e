/** keepStableIds finds the same ids through its member index as by testing every earlier story against every new one. */
import { expect, test } from "vitest";
import type { Story, Storyline } from "../records.js";
import type { Clustering } from "./cluster-stories.js";
import { keepStableIds } from "./stable-ids.js";

/** The rule stated plainly: each new item, in order, takes the best untaken earlier item at ≥ 0.5 Jaccard, the first on ties. */
function allPairsIds(next: readonly { id: string; members: readonly string[] }[], previous: readonly { id: string; members: readonly string[] }[]): Map<string, string> {
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const item of next) {
    const mine = new Set(item.members);
    let best: { id: string; score: number } | null = null;
    for (const old of previous) {
      if (taken.has(old.id)) continue;
      const shared = old.members.filter((x) => mine.has(x)).length;
      const score = shared / (mine.size + old.members.length - shared);
      if (score >= 0.5 && (!best || score > best.score)) best = { id: old.id, score };
    }
    if (best) {
      renamed.set(item.id, best.id);
      taken.add(best.id);
    }
  }
  return renamed;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

/** Articles 0..n-1 split into random groups, storylines of random consecutive stories. */
function randomClustering(random: () => number, articles: number, tag: string): Clustering {
  const stories: Story[] = [];
  let group: string[] = [];
  for (let a = 0; a < articles; a++) {
    group.push(`a${a}`);
    if (random() < 0.4 || a === articles - 1) {
      stories.push({ id: `${tag}-s${stories.length}`, title: "", articleIds: group, storylineId: "", firstPublished: null, lastPublished: null, outlets: [] });
      group = [];
    }
  }
  // Shuffled, so an earlier story's members are not in order of the next one's.
  stories.sort(() => random() - 0.5);
  const storylines: Storyline[] = [];
  for (let k = 0; k < stories.length;) {
    const size = 1 + Math.floor(random() * 3);
    const id = `${tag}-l${storylines.length}`;
    const members = stories.slice(k, k + size);
    for (const s of members) s.storylineId = id;
    storylines.push({ id, title: "", storyIds: members.map((s) => s.id) });
    k += size;
  }
  return { stories, storylines };
}

test("ids kept through the member index equal those of the all-pairs rule, for stories and storylines", () => {
  let [keptStories, keptLines, newStories] = [0, 0, 0];
  for (let seed = 1; seed <= 40; seed++) {
    const random = seeded(seed);
    const previous = randomClustering(random, 60, "old");
    const next = randomClustering(random, 66, "new");
    const stable = keepStableIds(next, previous);

    const storyIds = allPairsIds(next.stories.map((s) => ({ id: s.id, members: s.articleIds })), previous.stories.map((s) => ({ id: s.id, members: s.articleIds })));
    expect(stable.stories.map((s) => s.id)).toEqual(next.stories.map((s) => storyIds.get(s.id) ?? s.id));
    const renamedLines = next.storylines.map((l) => ({ id: l.id, members: l.storyIds.map((id) => storyIds.get(id) ?? id) }));
    const lineIds = allPairsIds(renamedLines, previous.storylines.map((l) => ({ id: l.id, members: l.storyIds })));
    expect(stable.storylines.map((l) => l.id)).toEqual(next.storylines.map((l) => lineIds.get(l.id) ?? l.id));
    expect(stable.stories.map((s) => s.storylineId)).toEqual(next.stories.map((s) => lineIds.get(s.storylineId) ?? s.storylineId));
    keptStories += stable.stories.filter((s) => s.id.startsWith("old")).length;
    newStories += stable.stories.filter((s) => s.id.startsWith("new")).length;
    keptLines += stable.storylines.filter((l) => l.id.startsWith("old")).length;
  }
  // Both outcomes occur often: the comparison is not vacuous.
  expect(Math.min(keptStories, keptLines, newStories)).toBeGreaterThan(40);
});
