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
 *   compare   Story + bundles       → StoryComparison (claims, drift, framing, omissions, timeline, brief)
 *   report    everything above      → Report (the versioned JSON contract, schema/report.schema.json)
 */

/** Bump the major when a field is removed or changes meaning; the minor when one is added. */
export const REPORT_SCHEMA_VERSION = "2.1.0";

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
  /**
   * Added in 1.3 (absent from articles extracted before): what extraction took out of the input as not the story,
   * each with why ("nav", "boilerplate", "byline", "bio", "furniture" …), so a reader can check it. Capped at
   * REMOVED_MAX_CHARS in all; metadata lines read into fields are listed too.
   */
  removed?: RemovedText[];
  provenance: Partial<Record<MetadataField, FieldProvenance>>;
  /** "html:content" | "text:lines" | "input" … */
  extractedBy: string;
}

export interface RemovedText {
  role: string;
  text: string;
}

/** What `Article.removed` keeps at most, in characters: enough to check a page's furniture, not a second copy of it. */
export const REMOVED_MAX_CHARS = 20_000;

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

/** "direct": words between quotation marks; "indirect": reported speech after a clear cue ("X said that …"). */
export type QuoteForm = "direct" | "indirect";
/**
 * How the speaker was found. "named": a person named at the cue ("said Geoff Ramsey"); "pronoun": "he said",
 * resolved to the person the text was about; "anonymous": an unnamed source kept with its description ("a senior
 * administration source"); "described": a described, non-anonymous speaker ("the ministry", "the White House");
 * when the description is a role or a document the text binds to someone ("the Texas governor" after "Gov. Rick
 * Perry"; "the statement" that "Devine released"), `speaker` is that name and `speakerSpan` stays on the description;
 * "embed": the author of an embedded post.
 */
export type SpeakerKind = "named" | "pronoun" | "anonymous" | "described" | "embed";
/** How precise a resolved date is: "2024-07-28" is a day, "2024-07" a month, "2024" a year. */
export type DateGranularity = "day" | "month" | "year";
/**
 * Framing cues. "loaded": a loaded or pejorative term ("Commie", "regime"); "hedge": a word that holds a claim at
 * a distance ("alleged", "reportedly"); "biased-sentence": a sentence the bias classifier reads as loaded
 * (its `score` is the classifier's probability).
 */
export type CueKind = "loaded" | "hedge" | "biased-sentence";
/**
 * How a mention names its entity. "name": the name in full; "surname": a person's surname after the full name;
 * "title": title + surname ("Mayor Smith", "Mr. Smith"); "role": a role description bound in the text ("the mayor",
 * "the Texas governor", "Venezuela's president"); "apposition": a description next to the name ("Jane Smith, the
 * mayor"); "acronym": initials ("WSJ"); "short-form": a head word or short name ("the Journal"); "outlet": an
 * outlet named through the outlets table; "pronoun": a pronoun for a speaker.
 */
export type EntityVia = "name" | "surname" | "title" | "role" | "apposition" | "acronym" | "short-form" | "outlet" | "pronoun";
/** How a label attaches to its entity: words before the name, an appositive after it, or a description standing in for it. */
export type LabelVia = "before-name" | "appositive" | "stand-in";

/*
 * Fields added after 1.0 are optional on annotations so that bundles stored by an older analyzer still read; the
 * analyzers always set them.
 */
export type Annotation =
  | { kind: "sentence"; span: Span; by: string }
  /**
   * A name found in the text (no `via`), or a mention bound to a named entity of the article (`via` set): "the
   * mayor", "Mayor Smith", "Smith", "the Journal" with `name` the full name it refers to ("Jane Smith", "The Wall
   * Street Journal"), `evidence` the words that bind it ("Mayor Jane Smith", "Jane Smith, the city's mayor") and
   * `confidence` 0–1. Speakers given by role read these (quotes analyzer).
   */
  | { kind: "entity"; span: Span; type: EntityType; name: string; via?: EntityVia; confidence?: number; evidence?: Span | null; evidenceSentence?: Span | null; by: string }
  | {
      kind: "quote";
      span: Span;
      /** A person's name, or the description of an unnamed or non-person speaker. */
      speaker: string | null;
      speakerSpan: Span | null;
      form?: QuoteForm;
      speakerKind?: SpeakerKind | null;
      by: string;
    }
  | {
      kind: "number";
      span: Span;
      value: number;
      unit: string | null;
      counts: string | null;
      /** "at least", "nearly", "about", "more than": the words that qualify the value, as written. */
      hedge?: string | null;
      by: string;
    }
  /** `date`: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD / --MM when the year is unknown. `relative`: "last month", "on Thursday". */
  | { kind: "date"; span: Span; date: string; granularity?: DateGranularity; relative?: boolean; by: string }
  | { kind: "citation"; span: Span; source: string; sourceKind: SourceKind; by: string }
  /**
   * Whom one sentence relies on (`span` is the sentence); `cueSpan` is the words that say so, null for own reporting;
   * it may lie outside the sentence when the cue's scope carries over ("The Journal reports:" before the paragraphs it
   * introduces). Added in issue 22: `sourceSpan`, the words naming the source ("Mayor Jane Doe", "the city's
   * engineers"), null when none are in the text; `nonResponse`, the sentence only says someone did not answer ("did
   * not immediately respond to a request for comment"): not a claim.
   */
  | { kind: "attribution"; span: Span; source: string; sourceKind: SourceKind; cueSpan: Span | null; sourceSpan?: Span | null; nonResponse?: boolean; by: string }
  | { kind: "cue"; span: Span; cue: CueKind; term: string; score?: number; by: string }
  /** `field: "title"`: a label in the headline ("Commie Dictator"); its span is then into `Article.title`. */
  | { kind: "label"; span: Span; entityName: string; term: string; loaded: boolean; field?: "title"; via?: LabelVia; by: string };

export type AnnotationKind = Annotation["kind"];
export type AnnotationOf<K extends AnnotationKind> = Extract<Annotation, { kind: K }>;

/** One article and what the analyzers found in it: the unit clustering and comparison work on. */
export interface ArticleBundle {
  article: Article;
  annotations: Annotation[];
}

// --- cluster --------------------------------------------------------------------------------------------

/** Copies of one text (a wire report on several sites, trimmed or re-headlined): one article with echoes. */
export interface CopyGroup {
  /** The earliest published copy; the fullest when dates tie or are unknown. */
  canonicalId: string;
  copyIds: string[];
}

export interface Story {
  id: string;
  /** A neutral headline: the most central member title without loaded words, when one has none. */
  title: string;
  /** Its clustered articles as they were published (undated last, then by id), then the copies of those (`copies`). */
  articleIds: string[];
  storylineId: string;
  /** Earliest and latest known publication dates of its articles (ISO dates), null when none is known. */
  firstPublished: string | null;
  lastPublished: string | null;
  /** Added in 1.2 (absent from stories stored before): the distinct outlets of its articles, sorted. */
  outlets?: string[];
  /** Added in 1.2: its articles that are copies of one another. */
  copies?: CopyGroup[];
}

export interface Storyline {
  id: string;
  title: string;
  storyIds: string[];
}

// --- compare --------------------------------------------------------------------------------------------

export interface TextSupport {
  articleId: string;
  /** Offsets into `Article.text`, or into `Article.title` when `field` is "title". */
  start: number;
  end: number;
  text: string;
  /** Added in 1.3: "title" when the support is the article's headline. */
  field?: "title";
  /** Added in 2.0 (claims only): the outlet that published it. */
  outlet?: string;
  /** Added in 2.0 (claims only): whom this sentence relies on, resolved to one source of the story. */
  source?: SourceIdentity;
  /** Added in 2.0 (claims only): how it reached the outlet (see SourceVia). */
  via?: SourceVia;
  /** Added in 2.0 (claims only): how the sentence holds the proposition. */
  modality?: Modality;
  /** Added in 2.0 (claims only): the values this wording gives (numbers with what they count, dates, places, names). */
  values?: ClaimValue[];
}

/**
 * 2.0: "disputed" replaces 1.x's "conflicting". corroborated: ≥ 2 independent sources and no dispute;
 * single-source: one independent source, however many outlets carry it; disputed: values that cannot both be
 * true, or a denial.
 */
export type ClaimStatus = "corroborated" | "single-source" | "disputed";

/** Added in 2.0: how a sentence holds what it states ("may", "denied that", "will", "if"). */
export type Modality = "asserted" | "hedged" | "negated" | "denied" | "predicted" | "conditional";

/** Added in 2.0: one value a wording gives. `value`: the normalised form (a number, an ISO date, a folded name). */
export interface ClaimValue {
  kind: "number" | "date" | "place" | "name";
  text: string;
  value: string;
  /** For a number: what it counts ("jobs", "votes"), when the analyzer says. */
  counts?: string | null;
}

/** Added in 2.0: a source resolved to one identity across the story (an entity id, an outlet id, or a body). */
export interface SourceIdentity {
  id: string;
  name: string;
  kind: SourceKind;
}

/** Added in 2.0: one side of a dispute: the value it gives, who gives it, and where. */
export interface DisputeSide {
  value: string;
  sources: string[];
  outlets: string[];
  /** Indexes into the claim's `support`. */
  support: number[];
}

/** Added in 2.0: what a disputed claim's sources disagree on ("the date", "who won", "whether it happened"). */
export interface Dispute {
  about: string;
  sides: DisputeSide[];
}

/** Added in 2.0: a value one outlet later gave differently, saying it corrects itself: not a dispute. */
export interface ClaimCorrection {
  outlet: string;
  value: string;
  correctedValue: string;
  /** Indexes into the claim's `support`: the corrected wording, then the correction. */
  support: [number, number];
}

export interface ClaimConflict {
  /** The value this support gives, e.g. "52%" against "67%". */
  value: string;
  otherValue: string;
  articleId: string;
  otherArticleId: string;
  /** Who says which: the citation behind each side when known. */
  source: string | null;
  otherSource: string | null;
  /** Added in 1.3: what is disputed, a counted value or a date (absent: a number, as before 1.3); 2.0 adds "denial". */
  kind?: "number" | "date" | "denial";
  /** Added in 1.3, for a date: the two resolved dates (YYYY-MM-DD, YYYY-MM, --MM-DD), this side's first. */
  dates?: [string, string];
}

/**
 * How a support reached its outlet. "cited": the sentence names its source ("according to the WSJ", "said
 * Rubio"); "echo": the article as a whole relays another outlet's report, and the sentence names no other source;
 * "own": the outlet's own reporting, including the unnamed people it spoke to.
 */
export type SourceVia = "cited" | "echo" | "own";

/** One primary source of a claim and the supports that rest on it. */
export interface ClaimSource {
  /** Added in 2.0: the resolved source's id (one person named three ways has one). */
  id?: string;
  name: string;
  kind: SourceKind;
  via: SourceVia;
  /** Indexes into the claim's `support`. */
  support: number[];
  outlets: string[];
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
  /** Added in 1.3 (absent from comparisons stored before): each primary source with the supports resting on it. */
  sources?: ClaimSource[];
  /** Added in 2.0: what is asserted, and of whom. */
  proposition?: { predicate: string; participants: string[] };
  /** Added in 2.0: for a disputed claim, each side with its sources and outlets; null otherwise. */
  dispute?: Dispute | null;
  /** Added in 2.0: values an outlet corrected itself on (not disputes). */
  corrections?: ClaimCorrection[];
}

/**
 * What changed as a statement travelled between articles (DOMAIN.md "drift"). "hedge-dropped": a qualifier one
 * version has and another lacks ("alleged drug boats" → "drug boats"); "number-changed": one counted thing given
 * as a rounded or different value; "quote-trimmed": one speaker's quotation cut shorter in another article.
 * `from` is the earlier or fuller version (by publication date, else the one naming the primary source).
 */
export type DriftKind = "hedge-dropped" | "number-changed" | "quote-trimmed";

export interface Drift {
  storyId: string;
  kind: DriftKind;
  /** The aligned claim it happened in; null for a quote outside any claim. */
  claimId: string | null;
  from: TextSupport;
  to: TextSupport;
  /** What changed, in words: "“alleged” dropped", "7.3 million → 7 million", "quote cut from 31 to 12 words". */
  detail: string;
}

export interface TimelineEntry {
  /** YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD / --MM when the year is unknown (--MM since 1.1). */
  date: string;
  text: string;
  storyId: string;
  articleIds: string[];
  support: TextSupport[];
  /** Added in 1.3: other dates the story's articles give for this same happening (a disputed date). */
  conflictingDates?: string[];
  /** Added in 2.0: the text gave no year; `date`'s year is inferred from the story's publication dates (timeline.ts). */
  yearInferred?: boolean;
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

/** Added in 1.3: how one outlet's articles of a story word it, from the cue analyzer (narration only, not quotes). */
export interface OutletFraming {
  storyId: string;
  outlet: string;
  articleIds: string[];
  /** Loaded terms it used, most used first, each once ("regime", "lackeys", "Commie"). */
  loadedTerms: string[];
  loadedCount: number;
  /** Hedges it used ("alleged", "reportedly"), most used first. */
  hedges: string[];
  /** Sentences the bias classifier reads as loaded, of all its sentences. */
  biasedSentences: number;
  sentences: number;
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
  /** Added in 1.3 (absent from comparisons stored before). */
  drift?: Drift[];
  framing: Framing[];
  /** Added in 1.3 (absent from comparisons stored before). */
  outletFraming?: OutletFraming[];
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
  /** Added in 2.0: how this mention was linked to its entity (absent: by its spelling, as before). */
  via?: EntityVia;
  /** Added in 2.0: how sure the link is, 0–1. */
  confidence?: number;
  /** Added in 2.0: the words that made the link ("Mayor Jane Smith" binding a later "the mayor"), in the same article. */
  evidence?: EntityEvidence | null;
}

export interface EntityEvidence {
  articleId: string;
  start: number;
  end: number;
  text: string;
  /** Added in 2.1: the sentence (or sentences) the evidence words are in, as the article's sentence splitter cut it. */
  sentence?: { start: number; end: number; text: string };
}

/** One real-world entity across all articles: "Nicolás Maduro", "Nicolas Maduro" and "Maduro" are one. */
export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Role nouns and appositives the articles give it ("a Venezuela expert at the Atlantic Council"), most used first. */
  descriptions: string[];
  mentions: EntityMention[];
}

export interface Quote {
  id: string;
  articleId: string;
  text: string;
  speaker: string | null;
  speakerEntityId: string | null;
  speakerKind: SpeakerKind | null;
  form: QuoteForm;
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
  hedge: string | null;
}

export interface DateMention {
  articleId: string;
  start: number;
  end: number;
  text: string;
  date: string;
  granularity: DateGranularity;
  relative: boolean;
}

/** One sentence and whom it relies on. */
export interface Attribution {
  articleId: string;
  start: number;
  end: number;
  source: string;
  kind: SourceKind;
  /** The words that attribute ("according to The Wall Street Journal"), null when the sentence is the outlet's own. */
  cue: { start: number; end: number; text: string } | null;
}

export interface FramingCue {
  articleId: string;
  start: number;
  end: number;
  text: string;
  cue: CueKind;
  /** The bias classifier's probability for "biased-sentence"; null for lexicon cues. */
  score: number | null;
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
  /** Added in 1.1. */
  dates: DateMention[];
  attributions: Attribution[];
  cues: FramingCue[];
  stories: Story[];
  storylines: Storyline[];
  claims: Claim[];
  /** Added in 1.3. */
  drift: Drift[];
  timeline: TimelineEntry[];
  framing: Framing[];
  /** Added in 1.3. */
  outletFraming: OutletFraming[];
  omissions: Omission[];
  brief: BriefSentence[];
}
