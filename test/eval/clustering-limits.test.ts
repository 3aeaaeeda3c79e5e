import { expect, test } from "vitest";
import { analyzeArticle } from "../../src/analyze/index.js";
import type { Article, ArticleBundle } from "../../src/records.js";
import { buildDendrogram } from "../../eval/clustering-sweep.js";
import { nearestNeighbourSameStory } from "../../eval/clustering.js";

function bundle(id: string, title: string, text: string): ArticleBundle {
  const article: Article = {
    id, source: id, url: null, outlet: `Outlet ${id}`, title, authors: [], publishedAt: null, modifiedAt: null, language: "en",
    text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return { article, annotations: analyzeArticle(article) };
}

const bundles = [
  bundle("napa1", "Magnitude 6.1 earthquake strikes Napa Valley", "A magnitude 6.1 earthquake struck the Napa Valley in California early Sunday, injuring dozens and damaging historic buildings in downtown Napa."),
  bundle("chile1", "Strong earthquake hits Chile's north coast", "An 8.2 magnitude earthquake struck off the northern coast of Chile near Iquique on Tuesday night, triggering a tsunami warning."),
  bundle("napa2", "Napa earthquake injures dozens, damages wineries", "The earthquake that hit Napa on Sunday injured more than 100 people and damaged wineries across the Napa Valley."),
  bundle("chile2", "Chile tsunami warning lifted after Iquique quake", "Chile lifted its tsunami warning on Wednesday after the powerful earthquake near Iquique, where residents had fled."),
  bundle("summit", "Leaders meet for climate summit in Glasgow", "World leaders gathered in Glasgow for the climate summit, where negotiators debated coal and finance."),
];

test("the nearest article's story is counted for articles whose story has another", () => {
  const dendrogram = buildDendrogram(bundles);
  // The summit report is alone in its story: not asked. The other four each find their own event first.
  expect(nearestNeighbourSameStory({ dendrogram, event: ["napa", "chile", "napa", "chile", "summit"] })).toBe(1);
  // Gold that pairs each Napa report with a Chile one: no article's nearest is of its gold story.
  expect(nearestNeighbourSameStory({ dendrogram, event: ["x", "x", "y", "y", "summit"] })).toBe(0);
  expect(nearestNeighbourSameStory({ dendrogram, event: ["a", "b", "c", "d", "e"] })).toBe(1);
});
