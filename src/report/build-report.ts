/** Everything the stages produced → the versioned Report (schema/report.schema.json). */
import type {
  ArticleBundle, Attribution, Citation, DateMention, Entity, FramingCue, InputFailure, NumberMention, Quote, Report, Skip, Story,
  StoryComparison, Storyline,
} from "../records.js";
import { REPORT_SCHEMA_VERSION } from "../records.js";
import { shortHash } from "../_lib/hash.js";
import { foldName } from "../_lib/text.js";
import { clusterStories } from "../cluster/cluster-stories.js";
import { keepStableIds } from "../cluster/stable-ids.js";
import { compareStory } from "../compare/compare-story.js";
import { GENERATOR } from "../version.js";
import { resolveEntities } from "./resolve-entities.js";

export interface ReportInputs {
  failures?: InputFailure[];
  skipped?: Skip[];
  /**
   * Stories as stored before this run: their ids are kept for the same groups of articles, and with the fingerprint
   * of the clustering that made them, those no new article touches are kept without linking them again.
   */
  previous?: { stories: readonly Story[]; storylines: readonly Storyline[]; fingerprint?: string | null };
  /**
   * The articles the caller will report on: the quotes, numbers, citations, dates, attributions and cues sections
   * cover only the stories holding them (a rebuild of a whole store for one new article need not list every stored
   * article's quotes; a worker that only replaces the stories passes none). Default: every article.
   */
  reportOn?: ReadonlySet<string>;
  now?: () => string;
}

export interface Analysis {
  report: Report;
  comparisons: StoryComparison[];
}

export function buildReport(bundles: readonly ArticleBundle[], inputs: ReportInputs = {}): Analysis {
  const entities = resolveEntities(bundles);
  const previous = inputs.previous ?? { stories: [], storylines: [] };
  const clustering = keepStableIds(clusterStories(bundles, { earlier: { stories: previous.stories, fingerprint: previous.fingerprint ?? null } }), previous);
  // Each story is handed its own bundles, in input order: filtering all of them per story was quadratic.
  const position = new Map(bundles.map((b, i) => [b.article.id, i]));
  const membersOf = (story: Story) => story.articleIds.flatMap((id) => position.get(id) ?? []).sort((a, b) => a - b).map((i) => bundles[i]!);
  const comparisons = clustering.stories.map((story) => compareStory(story, membersOf(story), entities));
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: GENERATOR,
    generatedAt: (inputs.now ?? (() => new Date().toISOString()))(),
    articles: bundles.map((b) => b.article),
    failures: inputs.failures ?? [],
    skipped: inputs.skipped ?? [],
    entities,
    ...annotationSections(inputs.reportOn ? bundlesOfStoriesHolding(inputs.reportOn, clustering.stories, bundles) : bundles, entities),
    stories: clustering.stories,
    storylines: clustering.storylines,
    claims: comparisons.flatMap((c) => c.claims),
    drift: comparisons.flatMap((c) => c.drift ?? []),
    timeline: comparisons.flatMap((c) => c.timeline),
    framing: comparisons.flatMap((c) => c.framing),
    outletFraming: comparisons.flatMap((c) => c.outletFraming ?? []),
    omissions: comparisons.flatMap((c) => c.omissions),
    brief: comparisons.flatMap((c) => c.brief),
  };
  return { report, comparisons };
}

function bundlesOfStoriesHolding(articleIds: ReadonlySet<string>, stories: readonly Story[], bundles: readonly ArticleBundle[]): ArticleBundle[] {
  const reported = new Set(stories.filter((s) => s.articleIds.some((id) => articleIds.has(id))).flatMap((s) => s.articleIds));
  return bundles.filter((b) => reported.has(b.article.id));
}

/** The report's sections read straight off the articles' annotations (a stored story's report rebuilds them too). */
export function annotationSections(bundles: readonly ArticleBundle[], entities: readonly Entity[]): Pick<Report, "quotes" | "numbers" | "citations" | "dates" | "attributions" | "cues"> {
  return {
    quotes: collectQuotes(bundles, entities),
    numbers: collectNumbers(bundles),
    citations: collectCitations(bundles),
    dates: collectDates(bundles),
    attributions: collectAttributions(bundles),
    cues: collectCues(bundles),
  };
}

function collectQuotes(bundles: readonly ArticleBundle[], entities: readonly Entity[]): Quote[] {
  const mentionOwner = new Map<string, Entity>();
  for (const e of entities) for (const m of e.mentions) mentionOwner.set(`${m.articleId}:${m.start}`, e);
  const byName = new Map<string, Entity>();
  for (const e of entities) if (e.type === "person") for (const n of [e.name, ...e.aliases]) if (!byName.has(foldName(n))) byName.set(foldName(n), e);
  return bundles.flatMap(({ article, annotations }) =>
    annotations.flatMap((a): Quote[] => {
      if (a.kind !== "quote") return [];
      const entity = (a.speakerSpan && mentionOwner.get(`${article.id}:${a.speakerSpan[0]}`)) || (a.speaker ? byName.get(foldName(a.speaker)) : undefined);
      // A person or an organisation ("the WSJ" and "The Wall Street Journal" are one speaker); places speak through
      // their governments ("Russia insisted") and keep their name too.
      const person = entity;
      return [{
        id: `quote-${shortHash(article.id, String(a.span[0]))}`,
        articleId: article.id,
        text: article.text.slice(a.span[0], a.span[1]),
        speaker: person?.name ?? a.speaker,
        speakerEntityId: person?.id ?? null,
        speakerKind: a.speakerKind ?? (a.speaker ? "named" : null),
        form: a.form ?? "direct",
        start: a.span[0],
        end: a.span[1],
      }];
    }),
  );
}

function collectNumbers(bundles: readonly ArticleBundle[]): NumberMention[] {
  return bundles.flatMap(({ article, annotations }) =>
    annotations.flatMap((a): NumberMention[] =>
      a.kind === "number"
        ? [{ articleId: article.id, start: a.span[0], end: a.span[1], text: article.text.slice(a.span[0], a.span[1]), value: a.value, unit: a.unit, counts: a.counts, hedge: a.hedge ?? null }]
        : [],
    ),
  );
}

function collectCitations(bundles: readonly ArticleBundle[]): Citation[] {
  return bundles.flatMap(({ article, annotations }) =>
    annotations.flatMap((a): Citation[] =>
      a.kind === "citation"
        ? [{ articleId: article.id, start: a.span[0], end: a.span[1], text: article.text.slice(a.span[0], a.span[1]), source: a.source, kind: a.sourceKind }]
        : [],
    ),
  );
}

/** Granularity from the value's shape when an older analyzer did not say: "2024-07-28" day, "2024-07" month, "2024" year. */
const granularityOf = (date: string): DateMention["granularity"] =>
  /^(\d{4}|-)-\d{2}-\d{2}$/.test(date) ? "day" : /^(\d{4}-|--)\d{2}$/.test(date) ? "month" : "year";

function collectDates(bundles: readonly ArticleBundle[]): DateMention[] {
  return bundles.flatMap(({ article, annotations }) =>
    annotations.flatMap((a): DateMention[] =>
      a.kind === "date"
        ? [{
            articleId: article.id, start: a.span[0], end: a.span[1], text: article.text.slice(a.span[0], a.span[1]), date: a.date,
            granularity: a.granularity ?? granularityOf(a.date), relative: a.relative ?? false,
          }]
        : [],
    ),
  );
}

function collectAttributions(bundles: readonly ArticleBundle[]): Attribution[] {
  return bundles.flatMap(({ article, annotations }) =>
    annotations.flatMap((a): Attribution[] =>
      a.kind === "attribution"
        ? [{
            articleId: article.id, start: a.span[0], end: a.span[1], source: a.source, kind: a.sourceKind,
            cue: a.cueSpan ? { start: a.cueSpan[0], end: a.cueSpan[1], text: article.text.slice(a.cueSpan[0], a.cueSpan[1]) } : null,
          }]
        : [],
    ),
  );
}

function collectCues(bundles: readonly ArticleBundle[]): FramingCue[] {
  return bundles.flatMap(({ article, annotations }) =>
    annotations.flatMap((a): FramingCue[] =>
      a.kind === "cue"
        ? [{ articleId: article.id, start: a.span[0], end: a.span[1], text: article.text.slice(a.span[0], a.span[1]), cue: a.cue, score: a.score ?? null }]
        : [],
    ),
  );
}
