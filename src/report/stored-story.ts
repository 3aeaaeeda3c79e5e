import type { ArticleBundle, Report } from "../records.js";
import { REPORT_SCHEMA_VERSION } from "../records.js";
import type { StoredStory } from "../store/types.js";
import { GENERATOR } from "../version.js";
import { annotationSections } from "./build-report.js";
import { resolveEntities } from "./resolve-entities.js";

/**
 * A stored story as a one-story Report, so `show` prints what `analyze` would: the comparison as stored, and the
 * entities, quotes, numbers, citations, dates and cues rebuilt from its articles' stored annotations (`bundles`,
 * the story's own; entities resolved across them, as the API's story endpoint does).
 */
export function storedStoryReport(stored: StoredStory, bundles: readonly ArticleBundle[]): Report {
  const c = stored.comparison;
  const entities = resolveEntities(bundles);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: GENERATOR,
    generatedAt: new Date().toISOString(),
    articles: stored.articles,
    failures: [],
    skipped: [],
    entities,
    ...annotationSections(bundles, entities),
    stories: [stored.story],
    storylines: [{ id: stored.story.storylineId, title: stored.story.title, storyIds: [stored.story.id] }],
    claims: c?.claims ?? [],
    drift: c?.drift ?? [],
    timeline: c?.timeline ?? [],
    framing: c?.framing ?? [],
    outletFraming: c?.outletFraming ?? [],
    omissions: c?.omissions ?? [],
    brief: c?.brief ?? [],
  };
}
