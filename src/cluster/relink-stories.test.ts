/** clusterStories with the stories of an earlier run: the same result as clustering everything, with less linking. */
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import type { Article, ArticleBundle } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { processInputs } from "../pipeline.js";
import { type ClusterStats, type Clustering, clusterStories, clusteringFingerprint, STORY_THRESHOLD, STORYLINE_THRESHOLD } from "./cluster-stories.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const FINGERPRINT = clusteringFingerprint(STORY_THRESHOLD, STORYLINE_THRESHOLD);

function bundle(id: string, title: string, text: string, publishedAt: string): ArticleBundle {
  const article: Article = {
    id, source: id, url: null, outlet: `Outlet ${id}`, title, authors: [], publishedAt, modifiedAt: null, language: "en",
    text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}

const quakes = [
  bundle("a1", "Magnitude 6.1 earthquake strikes Napa Valley", "A magnitude 6.1 earthquake struck the Napa Valley in California early Sunday, injuring dozens and damaging historic buildings in downtown Napa, the U.S. Geological Survey said.", "2014-08-24"),
  bundle("a2", "Napa earthquake injures dozens, damages wineries", "The earthquake that hit Napa on Sunday injured more than 100 people and damaged wineries across the valley, officials in Napa County said as aftershocks continued.", "2014-08-25"),
  bundle("b1", "Strong earthquake hits Chile's north coast", "An 8.2 magnitude earthquake struck off the northern coast of Chile near Iquique on Tuesday night, triggering a tsunami warning and killing six people, Chilean officials said.", "2014-04-01"),
  bundle("b2", "Chile tsunami warning lifted after Iquique quake", "Chile lifted its tsunami warning on Wednesday after the powerful earthquake near Iquique, where thousands of residents had fled to higher ground overnight.", "2014-04-02"),
];

async function corpus(): Promise<ArticleBundle[]> {
  const { bundles } = await processInputs([EXAMPLES], { maxInputBytes: 10_000_000, maxArticleChars: 1_000_000 });
  expect(bundles).toHaveLength(5);
  return [...bundles, ...quakes];
}

const shape = (c: Clustering) => ({
  stories: c.stories.map((s) => `${s.id} ${[...s.articleIds].sort().join(",")} ${s.storylineId}`).sort(),
  storylines: c.storylines.map((l) => `${l.id} ${[...l.storyIds].sort().join(",")}`).sort(),
});

function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 48271) % 2147483647;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test("adding articles to earlier stories gives what clustering them all at once gives", async () => {
  const all = await corpus();
  const batch = clusterStories(all);
  for (let seed = 1; seed <= 8; seed++) {
    const shuffled = seededShuffle(all, seed);
    const cut = 1 + (seed % (all.length - 1));
    const first = clusterStories(shuffled.slice(0, cut));
    const grown = clusterStories(shuffled, { earlier: { stories: first.stories, fingerprint: FINGERPRINT } });
    expect(shape(grown), `seed ${seed}, first ${cut} articles`).toEqual(shape(batch));
  }
});

test("stories no new article touches are kept without linking; a new article's part of the graph is linked again", async () => {
  const all = await corpus();
  const seeds = all.slice(0, 5);
  const first = clusterStories(seeds);
  const stats = {} as ClusterStats;
  clusterStories(all, { earlier: { stories: first.stories, fingerprint: FINGERPRINT }, stats });
  // The seeds' two stories are one connected part of the graph (pairs across them reach the threshold, their
  // average does not), kept whole; the earthquakes are new, and only the two pairs of them are linked.
  expect(stats.relinked).toEqual({ articles: 4, keptComponents: 1 });

  const napa = quakes.slice(0, 1);
  const withNapa = clusterStories([...seeds, ...napa]);
  const again = {} as ClusterStats;
  clusterStories([...seeds, ...quakes.slice(0, 2)], { earlier: { stories: withNapa.stories, fingerprint: FINGERPRINT }, stats: again });
  expect(again.relinked).toEqual({ articles: 2, keptComponents: 1 });
});

test("stories made by another clustering (another version or thresholds) are all linked again", async () => {
  const all = await corpus();
  const first = clusterStories(all.slice(0, 5));
  const stats = {} as ClusterStats;
  clusterStories(all, { earlier: { stories: first.stories, fingerprint: "triangulate 0.0.1; story 0.14; storyline 0.07; spread 14 days" }, stats });
  expect(stats.relinked.keptComponents).toBe(0);
  expect(stats.relinked.articles).toBe(all.length);
});
