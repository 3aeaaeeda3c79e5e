/**
 * Adding articles re-links only what they touch. Average linkage never merges across the connected components of
 * the threshold graph, and inside one component its result depends on nothing outside it. Article vectors do not
 * depend on the rest of the corpus (vectors.ts), so a component whose items are exactly the members of some
 * earlier stories, none of them new, comes out as those stories again, provided the same clustering made them (the
 * caller checks its fingerprint). Those groups are reused; the linkage runs only on the components that changed,
 * and the result is the same as clustering everything again (up to exact ties between two candidate merges, which
 * are broken by item order).
 */
import type { Story } from "../records.js";

export interface EarlierGroups {
  /** For each item, the earlier group it was in; undefined for an item that is new or was not clustered then. */
  groupOf: readonly (number | undefined)[];
  /** Members each earlier group had then. */
  sizes: readonly number[];
}

export interface LinkedComponents {
  groups: number[][];
  /** Items in components that were linked again, and components whose earlier groups were kept. */
  relinkedItems: number;
  reusedComponents: number;
}

/**
 * Each component's groups: the earlier ones where it holds exactly them, else what `link` makes of it. `link` is
 * called once, with the items of every component to link, ascending, and returns groups of those items.
 */
export function linkComponents(
  components: readonly (readonly number[])[],
  earlier: EarlierGroups | null,
  link: (items: readonly number[]) => number[][],
): LinkedComponents {
  const groups: number[][] = [];
  const toLink: number[] = [];
  let reusedComponents = 0;
  for (const component of components) {
    const kept = earlier && earlierGroupsOf(component, earlier);
    if (kept) {
      groups.push(...kept);
      reusedComponents++;
    } else if (component.length === 1) {
      groups.push([component[0]!]);
    } else {
      toLink.push(...component);
    }
  }
  toLink.sort((a, b) => a - b);
  if (toLink.length) groups.push(...link(toLink));
  return { groups, relinkedItems: toLink.length, reusedComponents };
}

/**
 * Earlier stories as groups of the items clustered now (`ids`: the clustered articles, by item). A `changed` article
 * counts as new: its vector may not be the one the earlier stories were linked with.
 */
export function earlierStoryGroups(stories: readonly Story[], ids: readonly string[], changed: ReadonlySet<string> = new Set()): EarlierGroups {
  const groupOfId = new Map<string, number>();
  const sizes = stories.map((story, g) => {
    const copies = new Set((story.copies ?? []).flatMap((c) => c.copyIds));
    const clustered = story.articleIds.filter((id) => !copies.has(id));
    for (const id of clustered) groupOfId.set(id, g);
    return clustered.length;
  });
  return { groupOf: ids.map((id) => (changed.has(id) ? undefined : groupOfId.get(id))), sizes };
}

/** Connected components of the graph whose edges are `pairs` (for each i, some j), each ascending. */
export function connectedComponents(n: number, pairs: readonly (readonly number[])[]): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  pairs.forEach((js, i) => js.forEach((j) => (parent[find(j)] = find(i))));
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.values()];
}

/** The component split by earlier group, or null when an item is new or an earlier group is not all here. */
function earlierGroupsOf(component: readonly number[], earlier: EarlierGroups): number[][] | null {
  const byGroup = new Map<number, number[]>();
  for (const item of component) {
    const group = earlier.groupOf[item];
    if (group === undefined) return null;
    const members = byGroup.get(group);
    if (members) members.push(item);
    else byGroup.set(group, [item]);
  }
  for (const [group, members] of byGroup) if (members.length !== earlier.sizes[group]) return null;
  return [...byGroup.values()];
}
