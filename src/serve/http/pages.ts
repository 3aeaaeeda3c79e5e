/**
 * Server-rendered pages, the stand-in when the app is not built: the list of stories and one story. A story's page
 * shows what the user's outlet file (`serve --outlets FILE`) says of each outlet, as every report does.
 */
import type { ArticleBundle, Story } from "../../records.js";
import type { StoredStory } from "../../store/types.js";
import { escapeHtml as e, page, renderStoryHtml } from "../../report/render/html.js";
import { storedStoryReport } from "../../report/stored-story.js";
import { dateRange, viewReport } from "../../report/render/view.js";
import { outletDirectory, type OutletInfo } from "../../report/outlet-info.js";
import { outletsFromEnv } from "./outlet-file.js";

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function storiesPage(stories: readonly Story[], counts: { articles: number; stories: number; storylines: number }): string {
  const byLine = new Map<string, Story[]>();
  for (const s of stories) byLine.set(s.storylineId, [...(byLine.get(s.storylineId) ?? []), s]);
  const lines = [...byLine.values()]
    .map((group) => `<section><h2>Storyline: ${e(group[0]!.title)}</h2><ul>${group
      .map((s) => `<li><a href="/stories/${encodeURIComponent(s.id)}">${e(s.title)}</a> <span class="meta">${e(dateRange(s))} · ${count(s.articleIds.length, "article")}</span></li>`)
      .join("")}</ul></section>`)
    .join("");
  const empty = `<p>No stories yet. Add articles with <code>triangulate ingest &lt;files&gt;</code> (stop this server first) or POST them to <code>/api/articles</code>.</p>`;
  return page("Triangulate — stories", `<h1>Stories</h1><p class="meta">${count(counts.articles, "article")} · ${count(counts.stories, "story", "stories")} · ${count(counts.storylines, "storyline")}</p>${stories.length ? lines : empty}`);
}

export function storyPage(stored: StoredStory, bundles: readonly ArticleBundle[], outlets: readonly OutletInfo[] = outletsFromEnv()): string {
  const view = viewReport(storedStoryReport(stored, bundles), outlets.length ? outletDirectory(outlets) : null)[0]!.stories[0]!;
  return page(`Triangulate — ${stored.story.title}`, `<p><a href="/">← all stories</a></p>${renderStoryHtml(view)}`);
}

export function notFoundPage(what: string): string {
  return page("Not found", `<h1>Not found</h1><p>Nothing at ${e(what)}. <a href="/">See all stories</a>.</p>`);
}
