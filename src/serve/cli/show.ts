import type { ArticleBundle } from "../../records.js";
import type { OutletDirectory } from "../../report/outlet-info.js";
import type { StoredStory } from "../../store/types.js";
import { renderMarkdown } from "../../report/render/markdown.js";
import { renderSummary } from "../../report/render/summary.js";
import { storedStoryReport } from "../../report/stored-story.js";

export function renderStoredStory(stored: StoredStory, bundles: readonly ArticleBundle[], format: "json" | "md" | "summary", color: boolean, outlets: OutletDirectory | null = null): string {
  if (format === "json") return `${JSON.stringify({ story: stored.story, comparison: stored.comparison, articles: stored.articles }, null, 2)}\n`;
  const report = storedStoryReport(stored, bundles);
  return format === "md" ? renderMarkdown(report, outlets) : renderSummary(report, { color, outlets });
}
