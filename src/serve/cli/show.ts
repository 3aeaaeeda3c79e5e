import type { ArticleBundle } from "../../records.js";
import type { OutletDirectory } from "../../report/outlet-info.js";
import type { StoredStory } from "../../store/types.js";
import { renderReport } from "./output.js";

/** `show`'s output; the report and its renderer load here, only for `show` (loaded by commands.ts when it runs). */
export async function renderStoredStory(stored: StoredStory, bundles: readonly ArticleBundle[], format: "json" | "md" | "summary", color: boolean, outlets: OutletDirectory | null = null): Promise<string> {
  if (format === "json") return `${JSON.stringify({ story: stored.story, comparison: stored.comparison, articles: stored.articles }, null, 2)}\n`;
  const { storedStoryReport } = await import("../../report/stored-story.js");
  return renderReport(storedStoryReport(stored, bundles), format, color, outlets);
}
