/** The report as Markdown: a document a journalist can paste, every claim with its sources, in STORY_SECTIONS order. */
import type { Report } from "../../records.js";
import {
  articleLabel, coverageMatrix, dateRange, describeDrift, describeSupport, describeWording, leanSpread, markers, omittedClaims, quotesBySpeaker, quoteText,
  sideArticles, storyDisputes, type StoryView, timelineDate, viewReport,
} from "./view.js";
import { bottomLine, describeCounts } from "../bottom-line.js";
import type { OutletDirectory } from "../outlet-info.js";
import { readerDate } from "../../_lib/reader-dates.js";
import { CELL_LEGEND, CELL_MARK, claimText, describeChain, describeEstablished, describeOmission, describeSide, inSectionOrder, NONE_ESTABLISHED, sectionTitle, singleSourceChains, VERDICT, type SectionId } from "./sections.js";

export function renderMarkdown(report: Report, outlets: OutletDirectory | null = null): string {
  const out: string[] = [`# Triangulate report`, "", `${report.articles.length} article${report.articles.length === 1 ? "" : "s"} · ${report.stories.length} ${report.stories.length === 1 ? "story" : "stories"} · generated ${readerDate(report.generatedAt.slice(0, 10))}`];
  for (const { storyline, stories } of viewReport(report, outlets)) {
    out.push("", `## Storyline: ${md(storyline.title)}`);
    for (const view of stories) out.push(...storyMarkdown(view));
  }
  return `${out.join("\n")}\n`;
}

function storyMarkdown(view: StoryView): string[] {
  const { story } = view;
  const out = ["", `### ${md(story.title)}`, "", `*${dateRange(story)} · ${story.articleIds.length} article${story.articleIds.length === 1 ? "" : "s"} · \`${story.id}\`*`];
  const head = (id: SectionId) => ["", `#### ${sectionTitle(id)}`, ""];
  const cite = (ids: readonly string[]) => markers([...new Set(ids)], story);
  const line = bottomLine(view.claims, view.articles);
  const established = view.claims.filter((c) => c.status === "corroborated");
  const chains = singleSourceChains(view.claims);
  const matrix = coverageMatrix(view);
  const disputes = storyDisputes(view);
  for (const block of inSectionOrder<string[]>({
    "bottom-line": () => [...head("bottom-line"), `**${md(line.sentences.join(" "))}**`, "", `*${describeCounts(line.counts)}*`],
    coverage: () => [...head("coverage"), ...view.articles.map((a, i) => `${i + 1}. ${md(articleLabel(a, view.outletInfo))}${a.authors.length ? ` — ${md(a.authors.join(", "))}` : ""}${a.publishedAt ? ` (${md(readerDate(a.publishedAt.slice(0, 10)))})` : ""}`),
      ...[leanSpread(view)].filter((s): s is string => !!s).flatMap((s) => ["", `*${md(s)}*`])],
    brief: () => (view.brief.length ? [...head("brief"), ...view.brief.map((b) => `- ${md(b.sentence)} ${cite(b.articleIds)}`)] : null),
    disputes: () => (disputes.length ? [...head("disputes"), ...disputes.flatMap(({ claim: c, dispute }) => [
      `- ${VERDICT.disputed.mark} **${md(dispute.about)}** — in “${md(c.text)}”`,
      ...dispute.sides.map((side) => { const d = describeSide(side); return `  - **${md(d.value)}** — ${md(d.by)} ${cite(sideArticles(view, c, side))}`.trimEnd(); })])] : null),
    established: () => [...head("established"), ...(established.length
      ? established.map((c) => `- ${VERDICT.corroborated.mark} ${md(claimText(c))} ${cite(c.support.map((s) => s.articleId))} — *${md(describeEstablished(c))}*`)
      : [NONE_ESTABLISHED])],
    chains: () => (chains.length ? [...head("chains"), ...chains.flatMap((chain) => [`- ${VERDICT["single-source"].mark} **${md(describeChain(chain))}**`,
      ...chain.claims.map((c) => `  - ${md(claimText(c))} ${cite(c.support.map((s) => s.articleId))}`)])] : null),
    drift: () => (view.drift.length ? [...head("drift"), ...view.drift.map((d) => `- ${md(describeDrift(d, story))}: “${md(d.from.text)}” → “${md(d.to.text)}”`)] : null),
    claims: () => (view.claims.length ? [...head("claims"), ...(matrix.rows.length ? [CELL_LEGEND, "",
      `| claim | verdict | independent sources | ${matrix.outlets.map(cell).join(" | ")} |`, `|---|---|:-:|${matrix.outlets.map(() => ":-:").join("|")}|`,
      ...matrix.rows.map(({ claim, cells }) => `| ${cell(claimText(claim))} | ${VERDICT[claim.status].word} | ${claim.independentSources} | ${cells.map((c) => CELL_MARK[c]).join(" | ")} |`), ""] : []),
    "All claims:", "", "| verdict | claim | support |", "|---|---|---|",
    ...view.claims.map((c) => `| ${VERDICT[c.status].word} | ${cell(claimText(c))} | ${cell(describeSupport(c))} ${cite(c.support.map((s) => s.articleId))} |`)] : null),
    omissions: () => (view.omissions.length ? [...head("omissions"), ...view.omissions.flatMap((o) => [`- ${md(describeOmission(o))}`,
      ...omittedClaims(view, o).map((c) => `  - ${md(claimText(c))} ${cite(c.support.map((s) => s.articleId))}`)])] : null),
    framing: () => (view.framing.length ? [...head("framing"), ...view.framing.map((f) => `- **${md(f.name)}**: ${f.labels.map((l) => `“${md(l.term)}”${l.loaded ? " ⚑" : ""} (${md(l.outlet)})`).join(", ")}`)] : null),
    wording: () => (view.outletFraming.length ? [...head("wording"), "| outlet | loaded terms | hedges | sentences read as loaded |", "|---|---|---|---|",
      ...view.outletFraming.map((f) => { const w = describeWording(f); return `| ${cell(f.outlet)} ${cite(f.articleIds)} | ${cell(w.loaded)} | ${cell(w.hedges)} | ${cell(w.biased)} |`; })] : null),
    timeline: () => (view.timeline.length ? [...head("timeline"), ...view.timeline.map((t) => `- **${md(timelineDate(t))}** ${md(t.text)} ${cite(t.articleIds)}`)] : null),
    quotes: () => (view.quotes.length ? [...head("quotes"), ...quotesBySpeaker(view.quotes).map(({ speaker, quotes }) =>
      `- **${md(speaker)}**: ${quotes.map((q) => `${md(quoteText(q))} ${cite([q.articleId])}`).join("; ")}`)] : null),
  })) out.push(...block);
  return out;
}

/**
 * Text from articles as Markdown that shows it and does nothing else: every character CommonMark or GFM could read as
 * markup (raw HTML such as <script>, links and images, emphasis, code, tables, strikethrough, entities) is backslash-
 * escaped, which CommonMark defines for any ASCII punctuation, and line breaks become spaces so no text starts a
 * heading, list or block of its own.
 */
const md = (s: string): string => s.replace(/[\\`*_[\]<>&|~!#]/g, "\\$&").replace(/[\r\n]+/g, " ");
/** A table cell: md() escapes `|` too. */
const cell = md;
