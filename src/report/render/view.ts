/**
 * The report regrouped for reading: per storyline, per story, its articles, brief, claims, conflicts,
 * omissions, framing and timeline. Every renderer (terminal, Markdown, HTML, the web page) reads this, so they
 * all say the same thing.
 */
import type { Article, BriefSentence, Claim, Framing, Omission, Quote, Report, Story, Storyline, TimelineEntry } from "../../records.js";

export interface StoryView {
  story: Story;
  articles: Article[];
  brief: BriefSentence[];
  claims: Claim[];
  framing: Framing[];
  omissions: Omission[];
  timeline: TimelineEntry[];
  /** Its articles' quotes, direct and reported, in article order. */
  quotes: Quote[];
}

export interface StorylineView {
  storyline: Storyline;
  stories: StoryView[];
}

export function viewReport(report: Report): StorylineView[] {
  const articles = new Map(report.articles.map((a) => [a.id, a]));
  const storyView = (story: Story): StoryView => ({
    story,
    articles: story.articleIds.map((id) => articles.get(id)).filter((a): a is Article => !!a),
    brief: report.brief.filter((b) => b.storyId === story.id),
    claims: report.claims.filter((c) => c.storyId === story.id),
    framing: report.framing.filter((f) => f.storyId === story.id),
    omissions: report.omissions.filter((o) => o.storyId === story.id),
    timeline: report.timeline.filter((t) => t.storyId === story.id),
    quotes: story.articleIds.flatMap((id) => report.quotes.filter((q) => q.articleId === id)),
  });
  return report.storylines.map((storyline) => ({
    storyline,
    stories: storyline.storyIds.map((id) => report.stories.find((s) => s.id === id)).filter((s): s is Story => !!s).map(storyView),
  }));
}

/** "2 outlets, 1 independent source (The Wall Street Journal)". */
export function describeSupport(claim: Claim): string {
  const outlets = `${claim.outlets.length} outlet${claim.outlets.length === 1 ? "" : "s"}`;
  const sources = `${claim.independentSources} independent source${claim.independentSources === 1 ? "" : "s"}`;
  return `${outlets}, ${sources} (${claim.primarySources.join("; ")})`;
}

export function dateRange(story: Story): string {
  if (!story.firstPublished) return "publication dates unknown";
  return story.firstPublished === story.lastPublished ? story.firstPublished : `${story.firstPublished} – ${story.lastPublished}`;
}

export const articleLabel = (a: Article): string => `${a.outlet ?? "unknown outlet"}: ${a.title || a.source}`;

/** Citation markers: the article's 1-based position in the story, "[1][3]". */
export function markers(articleIds: readonly string[], story: Story): string {
  return articleIds.map((id) => `[${story.articleIds.indexOf(id) + 1}]`).join("");
}

/**
 * Quotes grouped by who said them, the most quoted first: "Geoff Ramsey", "a senior official (anonymous)",
 * "unattributed". Reported speech is marked, since its words are the outlet's paraphrase.
 */
export function quotesBySpeaker(quotes: readonly Quote[]): { speaker: string; quotes: Quote[] }[] {
  const groups = new Map<string, Quote[]>();
  for (const q of quotes) {
    const speaker = !q.speaker ? "unattributed" : q.speakerKind === "anonymous" ? `${q.speaker} (anonymous)` : q.speaker;
    groups.set(speaker, [...(groups.get(speaker) ?? []), q]);
  }
  return [...groups.entries()]
    .map(([speaker, list]) => ({ speaker, quotes: list }))
    .sort((a, b) => Number(a.speaker === "unattributed") - Number(b.speaker === "unattributed") || b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker));
}

export const quoteText = (q: Quote): string => (q.form === "indirect" ? `(reported) ${q.text}` : `“${q.text}”`);
