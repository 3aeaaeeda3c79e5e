import { expect, test } from "vitest";
import type { Story } from "../records.js";
import { connectedComponents, earlierStoryGroups, linkComponents } from "./relink.js";

const linkAll = (items: readonly number[]) => [[...items]];

test("with nothing earlier, every component of two or more is linked, in one call", () => {
  const calls: number[][] = [];
  const result = linkComponents([[0, 2], [1], [3, 4]], null, (items) => (calls.push([...items]), [[0, 2], [3, 4]]));
  expect(result).toEqual({ groups: [[1], [0, 2], [3, 4]], relinkedItems: 4, reusedComponents: 0 });
  expect(calls).toEqual([[0, 2, 3, 4]]);
});

test("a component holding exactly earlier groups keeps them, without linking", () => {
  // Items 0,1 were one group and 2 another; the linker would merge all three, but nothing changed here.
  const earlier = { groupOf: [0, 0, 1], sizes: [2, 1] };
  expect(linkComponents([[0, 1, 2]], earlier, linkAll)).toEqual({ groups: [[0, 1], [2]], relinkedItems: 0, reusedComponents: 1 });
});

test("a component with a new item is linked again", () => {
  const earlier = { groupOf: [0, 0, undefined], sizes: [2] };
  expect(linkComponents([[0, 1, 2]], earlier, linkAll)).toEqual({ groups: [[0, 1, 2]], relinkedItems: 3, reusedComponents: 0 });
});

test("a component holding only part of an earlier group is linked again", () => {
  // Article 2 was in group 0 with 0 and 1, but is no longer clustered (it became a copy of another article).
  const earlier = { groupOf: [0, 0], sizes: [3] };
  expect(linkComponents([[0, 1]], earlier, linkAll)).toEqual({ groups: [[0, 1]], relinkedItems: 2, reusedComponents: 0 });
});

test("earlier stories count their clustered articles, not their copies", () => {
  const story = (id: string, articleIds: string[], copies: Story["copies"] = []): Story =>
    ({ id, title: id, articleIds, storylineId: "l", firstPublished: null, lastPublished: null, outlets: [], copies });
  const stories = [story("s1", ["a", "b", "b-copy"], [{ canonicalId: "b", copyIds: ["b-copy"] }]), story("s2", ["c"])];
  expect(earlierStoryGroups(stories, ["a", "b", "c", "new"])).toEqual({ groupOf: [0, 0, 1, undefined], sizes: [2, 1] });
  // An article re-saved since (new text under its id) counts as new, so its component is linked again.
  expect(earlierStoryGroups(stories, ["a", "b", "c"], new Set(["c"]))).toEqual({ groupOf: [0, 0, undefined], sizes: [2, 1] });
});

test("connected components follow the pairs, each ascending", () => {
  expect(connectedComponents(6, [[3], [], [5], [], [], []])).toEqual([[0, 3], [1], [2, 5], [4]]);
  expect(connectedComponents(0, [])).toEqual([]);
});
