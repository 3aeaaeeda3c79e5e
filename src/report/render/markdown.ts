/** The report as Markdown: a document a journalist can paste, every claim with its sources. */
import type { Report } from "../../records.js";
import {
  articleLabel, claimText, coverageMatrix, dateRange, describeDrift, describeSupport, describeWording, markers, omittedClaims, quotesBySpeaker, quoteText,
  describeSide, sideArticles, storyDisputes, type StoryView, timelineDate, viewReport,
} from "./view.js";
import { bottomLine, describeCounts } from "../bottom-line.js";

const CELL = { supports: "✓", conflicts: "≠", silent: "–" } as const;

export function renderMarkdown(report: Report): string {
  const out: string[] = [`# Triangulate report`, "", `${report.articles.length} articles · ${report.stories.length} stories · generated ${report.generatedAt}`];
  for (const { storyline, stories } of viewReport(report)) {
    out.push("", `## Storyline: ${md(storyline.title)}`);
    for (const view of stories) out.push(...storyMarkdown(view));
  }
  return `${out.join("\n")}\n`;
}

function storyMarkdown(view: StoryView): string[] {
  const { story } = view;
  const out = ["", `### ${md(story.title)}`, "", `*${dateRange(story)} · ${story.articleIds.length} articles · \`${story.id}\`*`, ""];
  const line = bottomLine(view.claims, view.articles);
  out.push(`**Bottom line:** ${md(line.sentences.join(" "))}`, "", `*${describeCounts(line.counts)}*`, "");
  view.articles.forEach((a, i) => out.push(`${i + 1}. ${md(articleLabel(a))}${a.authors.length ? ` — ${md(a.authors.join(", "))}` : ""}${a.publishedAt ? ` (${md(a.publishedAt.slice(0, 10))})` : ""}`));
  if (view.brief.length) out.push("", "#### Brief", "", ...view.brief.map((b) => `- ${md(b.sentence)} ${markers(b.articleIds, story)}`));
  const matrix = coverageMatrix(view);
  if (matrix.rows.length) {
    out.push("", "#### Who carries what", "", "✓ states it · ≠ gives a conflicting value · – silent", "");
    out.push(`| claim | ${matrix.outlets.map(cell).join(" | ")} | independent sources |`, `|---|${matrix.outlets.map(() => ":-:").join("|")}|---|`);
    for (const { claim, cells } of matrix.rows) out.push(`| ${cell(claimText(claim))} | ${cells.map((c) => CELL[c]).join(" | ")} | ${claim.independentSources} |`);
  }
  if (view.claims.length) {
    out.push("", "#### Claims", "", "| status | claim | support |", "|---|---|---|");
    for (const c of view.claims) out.push(`| ${c.status} | ${cell(claimText(c))} | ${cell(describeSupport(c))} ${markers(c.support.map((s) => s.articleId), story)} |`);
  }
  const disputes = storyDisputes(view);
  if (disputes.length) {
    out.push("", "#### Disputes", "");
    for (const { claim: c, dispute } of disputes) {
      const sides = dispute.sides.map((x) => `${md(describeSide(x)).replace(/: ([^:]*)$/, ": **$1**")} ${markers(sideArticles(c, x), story)}`.trim());
      out.push(`- ${md(dispute.about)}: ${sides.join(" · ")} — in “${md(c.text)}”`);
    }
  }
  if (view.drift.length) {
    out.push("", "#### Drift between versions", "");
    for (const d of view.drift) out.push(`- ${md(describeDrift(d, story))}: “${md(d.from.text)}” → “${md(d.to.text)}”`);
  }
  if (view.framing.length) {
    out.push("", "#### Framing", "");
    for (const f of view.framing) out.push(`- **${md(f.name)}**: ${f.labels.map((l) => `${l.loaded ? "⚑ " : ""}“${md(l.term)}” (${md(l.outlet)})`).join(", ")}`);
  }
  if (view.outletFraming.length) {
    out.push("", "#### Wording by outlet", "", "| outlet | loaded terms | hedges | sentences read as loaded |", "|---|---|---|---|");
    for (const f of view.outletFraming) {
      const w = describeWording(f);
      out.push(`| ${cell(f.outlet)} ${markers(f.articleIds, story)} | ${cell(w.loaded)} | ${cell(w.hedges)} | ${cell(w.biased)} |`);
    }
  }
  if (view.quotes.length) {
    out.push("", "#### Who said what", "");
    for (const { speaker, quotes } of quotesBySpeaker(view.quotes)) {
      out.push(`- **${md(speaker)}**: ${quotes.map((q) => `${md(quoteText(q))} ${markers([q.articleId], story)}`).join("; ")}`);
    }
  }
  if (view.omissions.length) {
    out.push("", "#### Omissions", "");
    for (const o of view.omissions) {
      out.push(`- ${md(o.outlet)} does not carry ${o.missingClaimIds.length} claim(s) other outlets carry, among them:`);
      for (const c of omittedClaims(view, o)) out.push(`  - ${md(claimText(c))} ${markers([...new Set(c.support.map((s) => s.articleId))], story)}`);
    }
  }
  if (view.timeline.length) {
    out.push("", "#### Timeline", "");
    for (const t of view.timeline) out.push(`- **${md(timelineDate(t))}** ${md(t.text)} ${markers(t.articleIds, story)}`);
  }
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
