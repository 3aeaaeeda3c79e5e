import { afterEach, describe, expect, test } from "vitest";
import type { Store } from "../../src/store/types.js";
import { annotations, bundle, comparison, HARD_TEXT, story, storyline } from "./fixtures.js";

export interface StoreFactory {
  /** A fresh, empty store. */
  open: () => Promise<Store>;
  /** Close `store` and open the same database again, when the backend persists (omit for in-memory). */
  reopen?: (store: Store) => Promise<Store>;
  /** Per test; opening PGlite takes seconds on a small machine. */
  timeout?: number;
}

/** What every Store backend must do. Each test gets a fresh store from `open` and closes it. */
export function testStore(name: string, factory: StoreFactory): void {
  const { open, reopen, timeout = 60_000 } = factory;
  const opened: Store[] = [];
  const fresh = async () => {
    const store = await open();
    opened.push(store);
    return store;
  };

  describe(`store contract: ${name}`, { timeout }, () => {
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    test("an empty store has nothing, and says so without failing", async () => {
      const store = await fresh();
      expect(await store.counts()).toEqual({ articles: 0, stories: 0, storylines: 0 });
      expect(await store.loadBundles()).toEqual([]);
      expect(await store.loadBundles(["missing"])).toEqual([]);
      expect(await store.loadBundles([])).toEqual([]);
      expect(await store.listStories()).toEqual([]);
      expect(await store.listStorylines()).toEqual([]);
      expect(await store.getStory("missing")).toBeNull();
      await store.saveBundles([]);
      await store.replaceStories([], [], []);
      expect(await store.counts()).toEqual({ articles: 0, stories: 0, storylines: 0 });
    });

    test("saved bundles load back equal to the input, ordered by id", async () => {
      const store = await fresh();
      const input = [bundle("b"), bundle("a", { url: null, outlet: null, publishedAt: null }), bundle("c")];
      await store.saveBundles(input);
      const loaded = await store.loadBundles();
      expect(loaded).toEqual([input[1], input[0], input[2]]);
      // Byte-exact, key order included: a report built from the store matches one built fresh.
      expect(JSON.stringify(loaded)).toBe(JSON.stringify([input[1], input[0], input[2]]));
      expect(await store.loadBundles(["c", "missing", "a", "c"])).toEqual([input[1], input[2]]);
      expect((await store.counts()).articles).toBe(3);
    });

    test("bundles and annotations load with only the kinds asked for, in their stored order", async () => {
      const store = await fresh();
      const input = [bundle("b"), bundle("a")];
      await store.saveBundles(input);
      const kinds = [...new Set(input[0]!.annotations.map((a) => a.kind))];
      expect(kinds.length).toBeGreaterThan(1);
      const some = kinds.slice(0, -1);
      const only = (b: (typeof input)[number]) => ({ ...b, annotations: b.annotations.filter((a) => some.includes(a.kind)) });
      expect(await store.loadBundles(undefined, { kinds: some })).toEqual([only(input[1]!), only(input[0]!)]);
      expect(await store.loadBundles(["a"], { kinds: [] })).toEqual([{ ...input[1]!, annotations: [] }]);
      expect(await store.loadAnnotations(["a", "missing", "a"])).toEqual(new Map([["a", input[1]!.annotations]]));
      expect(await store.loadAnnotations(["b"], { kinds: some })).toEqual(new Map([["b", only(input[0]!).annotations]]));
      await expect(store.loadBundles(undefined, { kinds: ["entity' OR true --" as never] })).rejects.toThrow(/loadBundles.*not an annotation kind/);
    });

    test("re-saving is idempotent, and an article's annotations are replaced, never duplicated", async () => {
      const store = await fresh();
      const first = [bundle("a"), bundle("b")];
      await store.saveBundles(first);
      await store.saveBundles(first);
      expect(await store.counts()).toEqual({ articles: 2, stories: 0, storylines: 0 });
      expect(await store.loadBundles()).toEqual(first);

      const reanalyzed = { article: { ...first[0]!.article, title: "Corrected title" }, annotations: annotations("short").slice(0, 2) };
      await store.saveBundles([reanalyzed]);
      expect(await store.loadBundles()).toEqual([reanalyzed, first[1]]);
      await store.saveBundles([{ article: reanalyzed.article, annotations: [] }]);
      expect((await store.loadBundles(["a"]))[0]?.annotations).toEqual([]);
      expect((await store.counts()).articles).toBe(2);
    });

    test("savedSince a save mark names the articles saved after it, re-saves included, and nothing before it", async () => {
      const store = await fresh();
      await store.saveBundles([bundle("a"), bundle("b")]);
      const mark = await store.saveMark();
      expect(await store.savedSince(mark)).toEqual([]);
      await store.saveBundles([bundle("c")]);
      await store.saveBundles([bundle("a", { title: "Updated by its outlet" })]);
      expect(await store.savedSince(mark)).toEqual(["a", "c"]);
      const later = await store.saveMark();
      expect(await store.savedSince(later)).toEqual([]);
      await expect(store.savedSince("1; DROP TABLE articles")).rejects.toThrow(/savedSince.*not a save mark/);
      expect((await store.counts()).articles).toBe(3);
    });

    test("the last of several bundles with one id wins", async () => {
      const store = await fresh();
      const older = bundle("a", { title: "older" });
      const newer = bundle("a", { title: "newer" });
      await store.saveBundles([older, newer]);
      expect(await store.loadBundles()).toEqual([newer]);
    });

    test("replaceStories replaces stories, storylines and comparisons as a whole", async () => {
      const store = await fresh();
      await store.saveBundles([bundle("a"), bundle("b")]);
      await store.replaceStories([story("s1", ["a"]), story("s2", ["b"])], [storyline("line-1", ["s1", "s2"])], [comparison("s1", ["a"])]);
      expect(await store.counts()).toEqual({ articles: 2, stories: 2, storylines: 1 });

      const s3 = story("s3", ["a", "b"], "line-2");
      await store.replaceStories([s3], [storyline("line-2", ["s3"])], [comparison("s3", ["a", "b"])]);
      expect(await store.getStory("s1")).toBeNull();
      expect(await store.listStories()).toEqual([s3]);
      expect(await store.listStorylines()).toEqual([storyline("line-2", ["s3"])]);
      expect(await store.counts()).toEqual({ articles: 2, stories: 1, storylines: 1 });
    });

    test("replaceStories keeps the stored comparisons of unchanged stories, and only those, with their keys", async () => {
      const store = await fresh();
      await store.saveBundles([bundle("a"), bundle("b"), bundle("c")]);
      const [s1, s2, s3] = [story("s1", ["a"]), story("s2", ["b"]), story("s3", ["c"])];
      const keys = new Map([["s1", "k1"], ["s2", "k2"], ["s3", "k3"]]);
      await store.replaceStories([s1, s2, s3], [storyline("line-1", ["s1", "s2", "s3"])], [comparison("s1", ["a"]), comparison("s2", ["b"]), comparison("s3", ["c"])], {}, { keys, unchanged: new Set() });
      expect(await store.comparisonKeys()).toEqual(keys);

      // s1 unchanged; s2 compared again (new key); s3 is gone; "ghost" is claimed unchanged but is no story.
      const redone = { ...comparison("s2", ["b"]), brief: [] };
      const s4 = story("s4", ["c"]);
      await store.replaceStories([s1, s2, s4], [storyline("line-1", ["s1", "s2", "s4"])], [redone], {}, {
        keys: new Map([["s1", "k1"], ["s2", "k2-new"], ["s4", "k4"]]),
        unchanged: new Set(["s1", "s4", "ghost"]),
      });
      expect((await store.getStory("s1"))?.comparison).toEqual(comparison("s1", ["a"]));
      expect((await store.getStory("s2"))?.comparison).toEqual(redone);
      expect(await store.getStory("s3")).toBeNull();
      // s4 was never stored with a comparison: unchanged or not, it has none.
      expect((await store.getStory("s4"))?.comparison).toBeNull();
      expect(await store.comparisonKeys()).toEqual(new Map([["s1", "k1"], ["s2", "k2-new"]]));

      // Without `kept`, every comparison is replaced as before, and stored without a key.
      await store.replaceStories([s1], [storyline("line-1", ["s1"])], []);
      expect((await store.getStory("s1"))?.comparison).toBeNull();
      expect(await store.comparisonKeys()).toEqual(new Map());
    });

    test("a failed replaceStories leaves the previous stories in place", async () => {
      const store = await fresh();
      await store.replaceStories([story("s1", [])], [storyline("line-1", ["s1"])], []);
      // Two stories with one id: a caller's bug, which must not leave the store half-replaced.
      await expect(store.replaceStories([story("s2", []), story("s2", [])], [], [])).rejects.toThrow(/\[triangulate\] \[store\] replaceStories/);
      expect(await store.listStories()).toEqual([story("s1", [])]);
    });

    test("meta set with the stories is read back, overwritten by the next rebuild, and kept when a rebuild fails", async () => {
      const store = await fresh();
      expect(await store.getMeta("clustering")).toBeNull();
      await store.replaceStories([story("s1", [])], [storyline("line-1", ["s1"])], [], { clustering: "v1" });
      expect(await store.getMeta("clustering")).toBe("v1");
      await expect(store.replaceStories([story("s2", []), story("s2", [])], [], [], { clustering: "v2" })).rejects.toThrow(/replaceStories/);
      expect(await store.getMeta("clustering")).toBe("v1");
      await store.replaceStories([], [], [], { clustering: "v3" });
      expect(await store.getMeta("clustering")).toBe("v3");
      // A rebuild that names no meta leaves it as it was.
      await store.replaceStories([], [], []);
      expect(await store.getMeta("clustering")).toBe("v3");
    });

    test("getStory returns the story, its comparison and its articles in the story's order", async () => {
      const store = await fresh();
      const input = [bundle("a"), bundle("b"), bundle("c")];
      await store.saveBundles(input);
      const s1 = story("s1", ["c", "missing", "a"]);
      const s2 = story("s2", ["b"]);
      await store.replaceStories([s1, s2], [storyline("line-1", ["s1", "s2"])], [comparison("s1", ["c", "a"])]);
      expect(await store.getStory("s1")).toEqual({ story: s1, comparison: comparison("s1", ["c", "a"]), articles: [input[2]!.article, input[0]!.article] });
      expect(await store.getStory("s2")).toEqual({ story: s2, comparison: null, articles: [input[1]!.article] });
    });

    test("claim counts per story and the story of an article come from the stored comparisons", async () => {
      const store = await fresh();
      await store.saveBundles([bundle("a"), bundle("b"), bundle("c")]);
      const counted = comparison("s1", ["a", "b"]);
      // Schema 2.0 names a claim in dispute "disputed"; the count keeps its public name `conflicting` (store API shape).
      counted.claims.push({ ...counted.claims[0]!, id: "s1-c2", status: "corroborated" }, { ...counted.claims[0]!, id: "s1-c3", status: "disputed" });
      await store.replaceStories([story("s1", ["a", "b"]), story("s2", ["c"])], [storyline("line-1", ["s1", "s2"])], [counted]);
      expect(await store.claimCounts()).toEqual(new Map([["s1", { total: 3, corroborated: 1, conflicting: 1 }]]));
      expect(await store.storyIdOf("b")).toBe("s1");
      expect(await store.storyIdOf("c")).toBe("s2");
      expect(await store.storyIdOf("nowhere")).toBeNull();
      const withUrl = bundle("d", { url: "https://news.example/d" });
      await store.saveBundles([withUrl]);
      expect(await store.knownUrls(["https://news.example/d", "https://news.example/new"])).toEqual(new Set(["https://news.example/d"]));
      // A feed link that redirected: stored under its final url, known by the link too.
      await store.saveBundles([bundle("e", { source: "https://feeds.example/link/7", url: "https://news.example/e" })]);
      expect(await store.knownUrls(["https://feeds.example/link/7", "https://news.example/e", "https://feeds.example/link/8"])).toEqual(new Set(["https://feeds.example/link/7", "https://news.example/e"]));
      expect(await store.knownUrls([])).toEqual(new Set());
      const outletOf = (id: string) => ({ outlet: bundle(id).article.outlet, source: bundle(id).article.source });
      expect(await store.outletsOf(["a", "c", "nowhere"])).toEqual(new Map([["a", outletOf("a")], ["c", outletOf("c")]]));
    });

    test("exclusive runs one holder of a key at a time, and lets the next in when one fails", async () => {
      const store = await fresh();
      const events: string[] = [];
      const hold = (name: string, fail = false) =>
        store.exclusive("contract-test", async () => {
          events.push(`${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 50));
          events.push(`${name} out`);
          if (fail) throw new Error(`${name} failed`);
          return name;
        });
      const results = await Promise.allSettled([hold("a", true), hold("b")]);
      expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
      // Whichever got the lock first, the other came in only after it went out.
      const first = events[0]!.split(" ")[0]!;
      const second = first === "a" ? "b" : "a";
      expect(events).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
    });

    test("stories and storylines list in the order they were given, not by id", async () => {
      const store = await fresh();
      const stories = [story("z", []), story("a", []), story("m", [])];
      const lines = [storyline("line-9", ["z"]), storyline("line-1", ["a", "m"])];
      await store.replaceStories(stories, lines, []);
      expect(await store.listStories()).toEqual(stories);
      expect(await store.listStorylines()).toEqual(lines);
    });

    test("unicode survives exactly, NUL and unpaired surrogates included (offsets stay valid)", async () => {
      const store = await fresh();
      const input = bundle("ü-北京-😀", { title: HARD_TEXT, outlet: "Zoë Times", text: HARD_TEXT, authors: ["محمد"] });
      await store.saveBundles([input]);
      const [loaded] = await store.loadBundles(["ü-北京-😀"]);
      expect(loaded).toEqual(input);
      expect(loaded!.article.text.length).toBe(HARD_TEXT.length);
      await store.replaceStories([story("😀", ["ü-北京-😀"])], [storyline("line-1", ["😀"])], []);
      expect((await store.getStory("😀"))?.articles).toEqual([input.article]);
    });

    test("large saves are split into statements without losing rows", async () => {
      const store = await fresh();
      // 12k annotations x 6 parameters: past the protocol's 65,535-parameter limit for one statement.
      const many = Array.from({ length: 200 }, (_, i) => {
        const b = bundle(`id-${String(i).padStart(3, "0")}`);
        return { ...b, annotations: Array.from({ length: 60 }, (_, k) => b.annotations[k % b.annotations.length]!) };
      });
      await store.saveBundles(many);
      const loaded = await store.loadBundles();
      expect(loaded.length).toBe(200);
      expect(loaded).toEqual(many);
    });

    test("close is idempotent, and a closed store refuses with a clear error", async () => {
      const store = await fresh();
      await store.close();
      await store.close();
      await expect(store.counts()).rejects.toThrow(/\[triangulate\] \[store\] counts: .* is already closed/);
    });

    if (reopen) {
      test("data persists across close and reopen", async () => {
        const store = await fresh();
        const input = [bundle("a"), bundle("b", { text: HARD_TEXT })];
        await store.saveBundles(input);
        await store.replaceStories([story("s1", ["a", "b"])], [storyline("line-1", ["s1"])], [comparison("s1", ["a", "b"])]);
        const again = await reopen(store);
        opened.push(again);
        expect(await again.loadBundles()).toEqual(input);
        expect(await again.getStory("s1")).toEqual({ story: story("s1", ["a", "b"]), comparison: comparison("s1", ["a", "b"]), articles: input.map((b) => b.article) });
      });
    }
  });
}
