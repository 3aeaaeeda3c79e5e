import { expect, test } from "vitest";
import type { Clustering } from "../../cluster/cluster-stories.js";
import type { Article, ArticleBundle } from "../../records.js";
import { clusterOutput, renderClusterOutput } from "./clustering-output.js";

const article = (id: string, title: string, outlet: string | null, publishedAt: string | null): ArticleBundle => ({
  article: { id, source: `in/${id}.html`, url: null, outlet, title, authors: [], publishedAt, modifiedAt: null, language: "en", text: "x", captions: [], embeds: [], provenance: {}, extractedBy: "input" } as Article,
  annotations: [],
});

const bundles = [article("a", "Quake hits Napa", "SFGate", "2014-08-24T10:20:00"), article("b", "Napa counts the damage", null, null), article("c", "Chile lifts tsunami warning", "AP", "2014-04-02")];
const clustering: Clustering = {
  stories: [
    { id: "story-1", title: "Quake hits Napa", articleIds: ["a", "b"], storylineId: "line-1", firstPublished: "2014-08-24", lastPublished: "2014-08-24", outlets: ["SFGate"], copies: [] },
    { id: "story-2", title: "Chile lifts tsunami warning", articleIds: ["c"], storylineId: "line-1", firstPublished: "2014-04-02", lastPublished: "2014-04-02", outlets: ["AP"], copies: [] },
  ],
  storylines: [{ id: "line-1", title: "Chile lifts tsunami warning", storyIds: ["story-2", "story-1"] }],
};

test("the output names every article's input, with no text", () => {
  const output = clusterOutput(clustering, bundles);
  expect(output.articles).toEqual([
    { id: "a", source: "in/a.html", url: null, outlet: "SFGate", title: "Quake hits Napa", publishedAt: "2014-08-24T10:20:00" },
    { id: "b", source: "in/b.html", url: null, outlet: null, title: "Napa counts the damage", publishedAt: null },
    { id: "c", source: "in/c.html", url: null, outlet: "AP", title: "Chile lifts tsunami warning", publishedAt: "2014-04-02" },
  ]);
});

test("on a terminal: storylines, their stories in order, each article with date, outlet, title and input", () => {
  expect(renderClusterOutput(clusterOutput(clustering, bundles)).split("\n")).toEqual([
    "2 stories in 1 storyline, from 3 articles",
    "",
    "Storyline: Chile lifts tsunami warning",
    "  Chile lifts tsunami warning",
    "    1 article · AP · 2014-04-02 · story-2",
    "    - 2014-04-02  AP: Chile lifts tsunami warning  [in/c.html]",
    "  Quake hits Napa",
    "    2 articles · SFGate · 2014-08-24 · story-1",
    "    - 2014-08-24  SFGate: Quake hits Napa  [in/a.html]",
    "    - undated     (outlet unknown): Napa counts the damage  [in/b.html]",
  ]);
});
