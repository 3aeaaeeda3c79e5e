import { test } from "vitest";
import type { Article, ArticleBundle, Story } from "../records.js";
import { analyzeArticle } from "../analyze/index.js";
import { resolveEntities } from "../report/resolve-entities.js";
import { compareStory } from "../compare/compare-story.js";
function bundle(id: string, outlet: string, text: string): ArticleBundle {
  const article: Article = { id, source: `${id}.txt`, url: null, outlet, title: `Article ${id}`, authors: [], publishedAt: "2023-05-02", modifiedAt: null, language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input" };
  return { article, annotations: analyzeArticle(article) };
}
test("dbg", () => {
  const bundles = JSON.parse(process.env.H7_TEXTS!).map(([id, o, t]: string[]) => bundle(id!, o!, t!));
  const story: Story = { id: "s", title: "t", articleIds: bundles.map((b: ArticleBundle) => b.article.id), storylineId: "l", firstPublished: null, lastPublished: null };
  const c = compareStory(story, bundles, resolveEntities(bundles));
  for (const b of bundles) console.log(JSON.stringify(b.annotations.filter((a: any) => ["number","date","attribution","citation","quote"].includes(a.kind))));
  console.log(JSON.stringify(c.claims.map((x) => ({ t: x.text, st: x.status, n: x.independentSources, src: x.sources!.map((s) => s.name + "/" + s.via), sup: x.support.map((s) => [s.articleId, s.modality, s.source?.name]), d: x.dispute, conf: x.conflicts, corr: x.corrections })), null, 1));
  console.log(c.brief.map((b) => b.sentence));
});
