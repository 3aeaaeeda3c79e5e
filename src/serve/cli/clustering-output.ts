/**
 * `triangulate cluster`'s output (schema/cluster.schema.json): the stories and storylines, and the articles they
 * name, so an article id leads back to the file, record or URL it came from.
 */
import type { Clustering } from "../../cluster/cluster-stories.js";
import type { Article, ArticleBundle, Story, Storyline } from "../../records.js";

export const CLUSTER_SCHEMA_VERSION = "1.0.0";

export type ClusteredArticle = Pick<Article, "id" | "source" | "url" | "outlet" | "title" | "publishedAt">;

export interface ClusterOutput {
  schemaVersion: string;
  stories: Story[];
  storylines: Storyline[];
  /** Every article the stories name, in the order the inputs were read. */
  articles: ClusteredArticle[];
}

export function clusterOutput({ stories, storylines }: Clustering, bundles: readonly ArticleBundle[]): ClusterOutput {
  const articles = bundles.map(({ article: a }) => ({ id: a.id, source: a.source, url: a.url, outlet: a.outlet, title: a.title, publishedAt: a.publishedAt }));
  return { schemaVersion: CLUSTER_SCHEMA_VERSION, stories, storylines, articles };
}

/** For a terminal: each storyline's stories, each story's articles with their date, outlet, title and input. */
export function renderClusterOutput({ stories, storylines, articles }: ClusterOutput): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const storyById = new Map(stories.map((s) => [s.id, s]));
  const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
  const lines = [`${count(stories.length, "story", "stories")} in ${count(storylines.length, "storyline", "storylines")}, from ${count(articles.length, "article", "articles")}`];
  for (const line of storylines) {
    lines.push("", `Storyline: ${line.title}`);
    for (const story of line.storyIds.map((id) => storyById.get(id)!)) {
      const span = story.firstPublished ? ` · ${story.firstPublished}${story.lastPublished !== story.firstPublished ? ` – ${story.lastPublished}` : ""}` : "";
      const outlets = story.outlets?.length ? ` · ${story.outlets.join(", ")}` : "";
      lines.push(`  ${story.title}`, `    ${count(story.articleIds.length, "article", "articles")}${outlets}${span} · ${story.id}`);
      for (const id of story.articleIds) {
        const a = byId.get(id)!;
        lines.push(`    - ${a.publishedAt?.slice(0, 10) ?? "undated   "}  ${a.outlet ?? "(outlet unknown)"}: ${a.title || "(untitled)"}  [${a.source}]`);
      }
    }
  }
  return lines.join("\n");
}
