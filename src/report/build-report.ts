/** Everything the stages produced → the versioned Report (schema/report.schema.json). */
import type {
  Annotation, Article, ArticleBundle, Attribution, Citation, DateMention, Entity, FramingCue, InputFailure, NumberMention, Quote, Report, Skip, Story,
  StoryComparison, Storyline,
} from "../records.js";
import { REPORT_SCHEMA_VERSION } from "../records.js";
import { shortHash } from "../_lib/hash.js";
import { foldName } from "../_lib/text.js";
import { type Clustering, clusterStories } from "../cluster/cluster-stories.js";
import { keepStableIds } from "../cluster/stable-ids.js";
import { compareStory } from "../compare/compare-story.js";
import { GENERATOR } from "../version.js";
import { comparisonKey } from "./comparison-key.js";
import { resolveEntities } from "./resolve-entities.js";

export interface ReportInputs {
  failures?: InputFailure[];
  skipped?: Skip[];
  /**
   * Stories as stored before this run: their ids are kept for the same groups of articles, and with the fingerprint
   * of the clustering that made them, those no new article touches are kept without linking them again.
   */
  previous?: { stories: readonly Story[]; storylines: readonly Storyline[]; fingerprint?: string | null; changedIds?: ReadonlySet<string> };
  /**
   * The articles the caller will report on: the quotes, numbers, citations, dates, attributions and cues sections
   * cover only the stories holding them (a rebuild of a whole store for one new article need not list every stored
   * article's quotes; a worker that only replaces the stories passes none). Default: every article.
   */
  reportOn?: ReadonlySet<string>;
  /**
   * Story id → the key (comparison-key.ts) of the comparison stored for it. A story whose key is unchanged and
   * that holds none of `reportOn` is not compared again: its stored comparison stands (`Analysis.kept`).
   */
  storedComparisons?: ReadonlyMap<string, string>;
  now?: () => string;
}

export interface Analysis {
  report: Report;
  /** The comparisons made by this run; with `storedComparisons`, not those of `kept.unchanged`. */
  comparisons: StoryComparison[];
  /**
   * Given `storedComparisons` only: every story's comparison key, and the stories whose stored comparison still
   * stands. Their claims, timeline, framing, omissions and brief are not in the report (the caller reports on
   * other stories).
   */
  kept?: KeptComparisons;
}

/** Every story's comparison key, and the stories whose stored comparison still stands (what Store.replaceStories keeps). */
export interface KeptComparisons {
  keys: ReadonlyMap<string, string>;
  unchanged: ReadonlySet<string>;
}

export function buildReport(bundles: readonly ArticleBundle[], inputs: ReportInputs = {}): Analysis {
  return completeReport(planReport(bundles, inputs), bundles, inputs);
}

/**
 * The annotation kinds `planReport` reads: entity resolution reads entities and labels, clustering entities and
 * citations, comparison keys labels. A store's rebuild loads only these for every article (a third of the
 * annotations) and the rest only for the stories it compares or reports on.
 */
export const PLANNING_KINDS = ["entity", "label", "citation"] as const satisfies readonly Annotation["kind"][];

/** What a report is made of before any story is compared: entities, stories, and which stories need their articles whole. */
export interface ReportPlan {
  articles: Article[];
  entities: Entity[];
  clustering: Clustering;
  /** With `storedComparisons` only. */
  kept?: KeptComparisons;
  /** The articles `completeReport` needs whole (every annotation): those of the stories to compare or report on. */
  detailIds: string[];
}

/** Stage one: reads the articles and `PLANNING_KINDS` annotations only. */
export function planReport(bundles: readonly ArticleBundle[], inputs: ReportInputs = {}): ReportPlan {
  const entities = resolveEntities(bundles);
  const previous = inputs.previous ?? { stories: [], storylines: [] };
  const earlier = { stories: previous.stories, fingerprint: previous.fingerprint ?? null, ...(previous.changedIds ? { changedIds: previous.changedIds } : {}) };
  const clustering = keepStableIds(clusterStories(bundles, { earlier }), previous);
  const reported = (story: Story) => !inputs.reportOn || story.articleIds.some((id) => inputs.reportOn!.has(id));
  const stored = inputs.storedComparisons;
  let kept: KeptComparisons | undefined;
  if (stored) {
    const keys = new Map<string, string>();
    const unchanged = new Set<string>();
    const membersOf = membersIn(bundles);
    for (const story of clustering.stories) {
      const key = comparisonKey(story, membersOf(story), entities);
      keys.set(story.id, key);
      if (stored.get(story.id) === key && !reported(story)) unchanged.add(story.id);
    }
    kept = { keys, unchanged };
  }
  const detailed = new Set(clustering.stories.filter((s) => reported(s) || !kept?.unchanged.has(s.id)).flatMap((s) => s.articleIds));
  const detailIds = bundles.map((b) => b.article.id).filter((id) => detailed.has(id));
  return { articles: bundles.map((b) => b.article), entities, clustering, ...(kept ? { kept } : {}), detailIds };
}

/**
 * Stage two: the comparisons of the stories to compare, and the annotation sections of those reported on.
 * `detailed`: at least the bundles of `plan.detailIds`, whole, in the order `planReport` had them (by id from a store).
 */
export function completeReport(plan: ReportPlan, detailed: readonly ArticleBundle[], inputs: ReportInputs = {}): Analysis {
  const { entities, clustering, kept } = plan;
  const membersOf = membersIn(detailed);
  const comparisons = clustering.stories.filter((s) => !kept?.unchanged.has(s.id)).map((story) => compareStory(story, membersOf(story), entities));
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: GENERATOR,
    generatedAt: (inputs.now ?? (() => new Date().toISOString()))(),
    articles: plan.articles,
    failures: inputs.failures ?? [],
    skipped: inputs.skipped ?? [],
    entities,
    ...annotationSections(inputs.reportOn ? bundlesOfStoriesHolding(inputs.reportOn, clustering.stories, detailed) : detailed, entities),
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
  return { report, comparisons, ...(kept ? { kept } : {}) };
}

/** Each story's own bundles, in input order: filtering all of them per story was quadratic. */
function membersIn(bundles: readonly ArticleBundle[]): (story: Story) => ArticleBundle[] {
  const position = new Map(bundles.map((b, i) => [b.article.id, i]));
  return (story) => story.articleIds.flatMap((id) => position.get(id) ?? []).sort((a, b) => a - b).map((i) => bundles[i]!);
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
