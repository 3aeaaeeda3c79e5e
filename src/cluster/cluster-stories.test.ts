import { expect, test } from "vitest";
import type { Article, ArticleBundle } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { clusterStories, eventDayWeight } from "./cluster-stories.js";
import { keepStableIds } from "./stable-ids.js";

function bundle(id: string, title: string, text: string, publishedAt: string | null = null): ArticleBundle {
  const article: Article = {
    id, source: id, url: null, outlet: `Outlet ${id}`, title, authors: [], publishedAt, modifiedAt: null, language: "en",
    text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}

const quakeA1 = bundle("a1", "Magnitude 6.1 earthquake strikes Napa Valley", "A magnitude 6.1 earthquake struck the Napa Valley in California early Sunday, injuring dozens and damaging historic buildings in downtown Napa, the U.S. Geological Survey said.", "2014-08-24");
const quakeA2 = bundle("a2", "Napa earthquake injures dozens, damages wineries", "The earthquake that hit Napa on Sunday injured more than 100 people and damaged wineries across the valley, officials in Napa County said as aftershocks continued.", "2014-08-25");
const quakeB1 = bundle("b1", "Strong earthquake hits Chile's north coast", "An 8.2 magnitude earthquake struck off the northern coast of Chile near Iquique on Tuesday night, triggering a tsunami warning and killing six people, Chilean officials said.", "2014-04-01");
const quakeB2 = bundle("b2", "Chile tsunami warning lifted after Iquique quake", "Chile lifted its tsunami warning on Wednesday after the powerful earthquake near Iquique, where thousands of residents had fled to higher ground overnight.", "2014-04-02");

test("two look-alike events are two stories", () => {
  const { stories } = clusterStories([quakeA1, quakeB1, quakeA2, quakeB2]);
  expect(stories.map((s) => [...s.articleIds].sort())).toEqual(expect.arrayContaining([["a1", "a2"], ["b1", "b2"]]));
  expect(stories).toHaveLength(2);
});

test("articles published months apart are never one event", () => {
  const later = bundle("a3", quakeA1.article.title, quakeA1.article.text, "2015-03-01");
  const { stories } = clusterStories([quakeA1, later]);
  expect(stories).toHaveLength(2);
});

test("reports further apart in time need more in common to be one event", () => {
  // The two Napa reports' cosine is 0.36: a day apart it counts 13/14 (0.34, over 0.26); five days apart 9/14 (0.23).
  const at = (b: ArticleBundle, publishedAt: string | null) => ({ ...b, article: { ...b.article, publishedAt } });
  const storiesOf = (a2Date: string | null) => clusterStories([at(quakeA1, "2014-08-24"), at(quakeA2, a2Date)]).stories.length;
  expect(storiesOf("2014-08-25")).toBe(1);
  expect(storiesOf("2014-08-29")).toBe(2);
  expect(storiesOf(null)).toBe(1);
  expect([0, 1, 7, 14, 30].map((d) => eventDayWeight(d))).toEqual([1, 13 / 14, 0.5, 0, 0]);
});

test("every story belongs to exactly one storyline", () => {
  const { stories, storylines } = clusterStories([quakeA1, quakeB1, quakeA2, quakeB2]);
  for (const s of stories) expect(storylines.filter((l) => l.storyIds.includes(s.id))).toHaveLength(1);
});

test("re-clustering keeps the ids of stories that continue", () => {
  const first = clusterStories([quakeA1, quakeB1]);
  const grown = clusterStories([quakeA1, quakeB1, quakeA2, quakeB2]);
  const stable = keepStableIds(grown, first);
  const napa = (c: typeof first) => c.stories.find((s) => s.articleIds.includes("a1"))!.id;
  expect(napa(stable)).toBe(napa(first));
  expect(new Set(stable.stories.map((s) => s.id)).size).toBe(2);
});

test("no articles, no stories", () => {
  expect(clusterStories([])).toEqual({ stories: [], storylines: [] });
});

test("a story's title is its most central member's headline without loaded words, and it lists its outlets", () => {
  const loaded = bundle("l1", "Napa regime's thugs ignore quake victims", quakeA2.article.text, "2014-08-25");
  const { stories } = clusterStories([quakeA1, loaded, quakeB1]);
  const napa = stories.find((s) => s.articleIds.includes("a1"))!;
  expect(napa.articleIds.sort()).toEqual(["a1", "l1"]);
  expect(napa.title).toBe(quakeA1.article.title);
  expect(napa.outlets).toEqual(["Outlet a1", "Outlet l1"]);
});

test("the stories do not depend on the order of the input: members, ids, titles and storylines alike", () => {
  const ordered = [quakeA1, quakeA2, quakeB1, quakeB2];
  const clustering = clusterStories(ordered);
  // Each two-article story's members are equally central to each other: its title is the first published one's.
  expect(clustering.stories.map((s) => s.title).sort()).toEqual([quakeA1.article.title, quakeB1.article.title].sort());
  expect(clusterStories([...ordered].reverse())).toEqual(clustering);
  expect(clusterStories([quakeB2, quakeA1, quakeB1, quakeA2])).toEqual(clustering);
});

test("a story lists its articles as they were published, undated ones last", () => {
  const undated = bundle("a0", "Napa earthquake: wineries count the damage", "Wineries across the Napa Valley counted broken barrels and damaged buildings after Sunday's earthquake, which injured dozens in Napa, county officials said.", null);
  const { stories } = clusterStories([undated, quakeA2, quakeA1]);
  expect(stories.find((s) => s.articleIds.includes("a1"))!.articleIds).toEqual(["a1", "a2", "a0"]);
});

test("a syndicated copy is one article with echoes: it follows its canonical and is listed as its copy", () => {
  const wire = bundle("w1", "Earthquake hits Napa", `${quakeA1.article.text} ${quakeA2.article.text} Rescue teams searched damaged buildings through the night, and the governor declared a state of emergency for the region.`, "2014-08-24");
  const copy = bundle("w2", "Napa quake: what we know", `${wire.article.text} Related: Read more stories from our region.`, "2014-08-25");
  const rerun = bundle("w3", "From the archive: the Napa quake", wire.article.text, "2015-08-24");
  const { stories } = clusterStories([quakeB1, copy, wire, rerun]);
  const napa = stories.find((s) => s.articleIds.includes("w1"))!;
  expect([...napa.articleIds].sort()).toEqual(["w1", "w2"]);
  expect(napa.copies).toEqual([{ canonicalId: "w1", copyIds: ["w2"] }]);
  expect(stories.find((s) => s.articleIds.includes("w3"))!.articleIds).toEqual(["w3"]); // a year later: its own story
});
