/**
 * The records passed between stages. Read this file first.
 *
 * Every record is plain JSON-safe data: no classes, no `Date`s, no DOM nodes. Offsets (`Span`, `start`/`end`)
 * are UTF-16 code-unit offsets into `Article.text`, so `article.text.slice(start, end)` is the quoted text.
 *
 *   ingest    path | "-"            → RawDocument[]
 *   extract   RawDocument           → Article | Skip
 *   analyze   Article               → Annotation[]
 *   cluster   ArticleBundle[]       → { stories: Story[], storylines: Storyline[] }
 *   compare   Story + bundles       → StoryComparison (claims, framing, omissions, timeline, brief)
 *   report    everything above      → Report (the versioned JSON contract, schema/report.schema.json)
 */

/** Bump the major when a field is removed or changes meaning; the minor when one is added. */
export const REPORT_SCHEMA_VERSION = "1.0.0";

export type Span = readonly [start: number, end: number];

// --- ingest ---------------------------------------------------------------------------------------------

/** Metadata that came with the input itself (a .json/.jsonl record), trusted over anything we infer. */
export interface InputHints {
  id?: string;
  title?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
  authors?: string[];
}

export interface RawDocument {
  /** The input as the user gave it: a path, a URL, "-" for stdin, or "file.jsonl#3" for a record. */
  source: string;
  format: "html" | "text";
  /** Decoded text (never bytes): charset sniffing happens in ingest. */
  body: string;
  hints: InputHints;
  /** When we read it. Never used as a publication date. */
  fetchedAt: string;
}

/** An input that could not be read at all (missing file, binary, bad JSON). Outcomes are values. */
export interface InputFailure {
  source: string;
  error: string;
}

// --- extract --------------------------------------------------------------------------------------------

export type MetadataField = "outlet" | "title" | "authors" | "publishedAt" | "modifiedAt" | "language" | "url";

/** Where a metadata value came from ("input", "meta:og:title", "text:byline-line", …) and how sure we are (0–1). */
export interface FieldProvenance {
  from: string;
  confidence: number;
}

/** A post embedded in the article (a tweet, an Instagram post): set aside, not part of the body. */
export interface Embed {
  kind: "post";
  platform: string | null;
  author: string | null;
  handle: string | null;
  text: string;
  date: string | null;
  url: string | null;
}

export interface Article {
  /** The .jsonl record's `id` unchanged; otherwise a hash of the URL or, lacking one, of the raw input (stable across extractor versions). */
  id: string;
  source: string;
  url: string | null;
  /** null: looked, found nothing trustworthy. Never the employer in an author bio. */
  outlet: string | null;
  title: string;
  authors: string[];
  /** ISO 8601 (date or date-time). Never the scrape date. */
  publishedAt: string | null;
  modifiedAt: string | null;
  /** ISO 639-1, or null when unsure. */
  language: string | null;
  /** The clean body: all offsets point here. */
  text: string;
  captions: string[];
  embeds: Embed[];
  provenance: Partial<Record<MetadataField, FieldProvenance>>;
  /** "html:content" | "text:lines" | "input" … */
  extractedBy: string;
}

export type SkipReason = "empty" | "too-short" | "not-article" | "binary" | "duplicate";
export interface Skip {
  skip: SkipReason;
  source: string;
  detail?: string;
}

export const isSkip = <T extends object>(x: T | Skip): x is Skip => "skip" in x;

// --- analyze --------------------------------------------------------------------------------------------

export type EntityType = "person" | "org" | "place" | "other";
export type SourceKind = "outlet" | "person" | "anonymous" | "document" | "own-reporting";

export type Annotation =
  | { kind: "sentence"; span: Span; by: string }
  | { kind: "entity"; span: Span; type: EntityType; name: string; by: string }
  | { kind: "quote"; span: Span; speaker: string | null; speakerSpan: Span | null; by: string }
  | { kind: "number"; span: Span; value: number; unit: string | null; counts: string | null; by: string }
  | { kind: "date"; span: Span; date: string; by: string }
  | { kind: "citation"; span: Span; source: string; sourceKind: SourceKind; by: string }
  /** `field: "title"`: a label in the headline ("Commie Dictator"); its span is then into `Article.title`. */
  | { kind: "label"; span: Span; entityName: string; term: string; loaded: boolean; field?: "title"; by: string };

export type AnnotationKind = Annotation["kind"];
export type AnnotationOf<K extends AnnotationKind> = Extract<Annotation, { kind: K }>;

/** One article and what the analyzers found in it: the unit clustering and comparison work on. */
export interface ArticleBundle {
  article: Article;
  annotations: Annotation[];
}

// --- cluster --------------------------------------------------------------------------------------------

export interface Story {
  id: string;
  title: string;
  articleIds: string[];
  storylineId: string;
  /** Earliest and latest known publication dates of its articles (ISO dates), null when none is known. */
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface Storyline {
  id: string;
  title: string;
  storyIds: string[];
}

// --- compare --------------------------------------------------------------------------------------------

export interface TextSupport {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

export type ClaimStatus = "corroborated" | "single-source" | "conflicting";

export interface ClaimConflict {
  /** The value this support gives, e.g. "52%" against "67%". */
  value: string;
  otherValue: string;
  articleId: string;
  otherArticleId: string;
  /** Who says which: the citation behind each side when known. */
  source: string | null;
  otherSource: string | null;
}

export interface Claim {
  id: string;
  storyId: string;
  text: string;
  support: TextSupport[];
  outlets: string[];
  /** Distinct primary sources: echoes of one source count once. */
  independentSources: number;
  primarySources: string[];
  status: ClaimStatus;
  conflicts: ClaimConflict[];
}

export interface TimelineEntry {
  /** YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when the year is unknown. */
  date: string;
  text: string;
  storyId: string;
  articleIds: string[];
  support: TextSupport[];
}

export interface FramingLabel {
  outlet: string;
  articleId: string;
  term: string;
  loaded: boolean;
}

export interface Framing {
  storyId: string;
  entityId: string;
  name: string;
  labels: FramingLabel[];
}

export interface Omission {
  storyId: string;
  outlet: string;
  articleIds: string[];
  missingClaimIds: string[];
}

export interface BriefSentence {
  storyId: string;
  sentence: string;
  claimIds: string[];
  articleIds: string[];
}

export interface StoryComparison {
  storyId: string;
  claims: Claim[];
  framing: Framing[];
  omissions: Omission[];
  timeline: TimelineEntry[];
  brief: BriefSentence[];
}

// --- report ---------------------------------------------------------------------------------------------

export interface EntityMention {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

/** One real-world entity across all articles: "Nicolás Maduro", "Nicolas Maduro" and "Maduro" are one. */
export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: EntityMention[];
}

export interface Quote {
  id: string;
  articleId: string;
  text: string;
  speaker: string | null;
  speakerEntityId: string | null;
  start: number;
  end: number;
}

export interface NumberMention {
  articleId: string;
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string | null;
  counts: string | null;
}

export interface Citation {
  articleId: string;
  start: number;
  end: number;
  text: string;
  source: string;
  kind: SourceKind;
}

export interface Report {
  schemaVersion: string;
  generator: { name: string; version: string };
  generatedAt: string;
  articles: Article[];
  failures: InputFailure[];
  skipped: Skip[];
  entities: Entity[];
  quotes: Quote[];
  numbers: NumberMention[];
  citations: Citation[];
  stories: Story[];
  storylines: Storyline[];
  claims: Claim[];
  timeline: TimelineEntry[];
  framing: Framing[];
  omissions: Omission[];
  brief: BriefSentence[];
}
