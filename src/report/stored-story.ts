import type { Report } from "../records.js";
import { REPORT_SCHEMA_VERSION } from "../records.js";
import type { StoredStory } from "../store/types.js";
import { GENERATOR } from "../version.js";

/** A stored story as a one-story Report, so `show` prints exactly what `analyze` would. */
export function storedStoryReport(stored: StoredStory): Report {
  const c = stored.comparison;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: GENERATOR,
    generatedAt: new Date().toISOString(),
    articles: stored.articles,
    failures: [],
    skipped: [],
    entities: [],
    quotes: [],
    numbers: [],
    citations: [],
    dates: [],
    attributions: [],
    cues: [],
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
