/** The report as Markdown: a document a journalist can paste, every claim with its sources. */
import type { Report } from "../../records.js";
import { articleLabel, dateRange, describeSupport, markers, quotesBySpeaker, quoteText, viewReport } from "./view.js";

export function renderMarkdown(report: Report): string {
  const out: string[] = [`# Triangulate report`, "", `${report.articles.length} articles · ${report.stories.length} stories · generated ${report.generatedAt}`];
  for (const { storyline, stories } of viewReport(report)) {
    out.push("", `## Storyline: ${storyline.title}`);
    for (const view of stories) {
      const { story } = view;
      out.push("", `### ${story.title}`, "", `*${dateRange(story)} · ${story.articleIds.length} articles · \`${story.id}\`*`, "");
      view.articles.forEach((a, i) => out.push(`${i + 1}. ${articleLabel(a)}${a.authors.length ? ` — ${a.authors.join(", ")}` : ""}${a.publishedAt ? ` (${a.publishedAt.slice(0, 10)})` : ""}`));
      if (view.brief.length) out.push("", "#### Brief", "", ...view.brief.map((b) => `- ${b.sentence} ${markers(b.articleIds, story)}`));
      if (view.claims.length) {
        out.push("", "#### Claims", "", "| status | claim | support |", "|---|---|---|");
        for (const c of view.claims) out.push(`| ${c.status} | ${cell(c.text)} | ${cell(describeSupport(c))} ${markers(c.support.map((s) => s.articleId), story)} |`);
      }
      if (view.framing.length) {
        out.push("", "#### Framing", "");
        for (const f of view.framing) out.push(`- **${f.name}**: ${f.labels.map((l) => `${l.loaded ? "⚑ " : ""}“${l.term}” (${l.outlet})`).join(", ")}`);
      }
      if (view.quotes.length) {
        out.push("", "#### Who said what", "");
        for (const { speaker, quotes } of quotesBySpeaker(view.quotes)) {
          out.push(`- **${speaker}**: ${quotes.map((q) => `${quoteText(q)} ${markers([q.articleId], story)}`).join("; ")}`);
        }
      }
      if (view.omissions.length) {
        out.push("", "#### Omissions", "");
        for (const o of view.omissions) out.push(`- ${o.outlet} does not carry ${o.missingClaimIds.length} claim(s) carried by other outlets`);
      }
      if (view.timeline.length) {
        out.push("", "#### Timeline", "");
        for (const t of view.timeline) out.push(`- **${t.date}** ${t.text} ${markers(t.articleIds, story)}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
