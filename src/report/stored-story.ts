import type { ArticleBundle, Claim, Report } from "../records.js";
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
    claims: (c?.claims ?? []).map(asClaim2),
    drift: c?.drift ?? [],
    timeline: c?.timeline ?? [],
    framing: c?.framing ?? [],
    outletFraming: c?.outletFraming ?? [],
    omissions: c?.omissions ?? [],
    brief: c?.brief ?? [],
  };
}

/** A claim stored by a 1.x comparison read as 2.0: "conflicting" is now "disputed" (its conflicts are kept). */
function asClaim2(claim: Claim): Claim {
  return (claim.status as string) === "conflicting" ? { ...claim, status: "disputed" } : claim;
}
