/** The report as one self-contained HTML page (no scripts, no external assets). */
import type { Report } from "../../records.js";
import { articleLabel, dateRange, describeSupport, markers, quotesBySpeaker, quoteText, type StoryView, viewReport } from "./view.js";

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export const PAGE_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1,h2,h3{line-height:1.2}.meta{color:#666;font-size:.9em}.status{font-size:.75em;padding:.1em .5em;border-radius:1em;background:#eee;white-space:nowrap}
.corroborated{background:#d7f5dd}.conflicting{background:#fde2e1}.single-source{background:#fff3cd}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}.loaded{color:#a40000}a{color:#0b57d0}`;

export function renderHtml(report: Report): string {
  const body = viewReport(report)
    .map(({ storyline, stories }) => `<section><h2>Storyline: ${escapeHtml(storyline.title)}</h2>${stories.map(renderStoryHtml).join("")}</section>`)
    .join("");
  return page("Triangulate report", `<h1>Triangulate report</h1><p class="meta">${report.articles.length} articles · ${report.stories.length} stories · ${escapeHtml(report.generatedAt)}</p>${body}`);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body>${body}</body></html>`;
}

export function renderStoryHtml(view: StoryView): string {
  const { story } = view;
  const e = escapeHtml;
  const articles = view.articles.map((a) => `<li>${e(articleLabel(a))}${a.publishedAt ? ` <span class="meta">(${e(a.publishedAt.slice(0, 10))})</span>` : ""}</li>`).join("");
  const brief = view.brief.map((b) => `<li>${e(b.sentence)} <span class="meta">${e(markers(b.articleIds, story))}</span></li>`).join("");
  const claims = view.claims
    .map((c) => `<tr><td><span class="status ${c.status}">${c.status}</span></td><td>${e(c.text)}</td><td class="meta">${e(describeSupport(c))} ${e(markers(c.support.map((s) => s.articleId), story))}</td></tr>`)
    .join("");
  const framing = view.framing
    .map((f) => `<li><strong>${e(f.name)}</strong>: ${f.labels.map((l) => `<span class="${l.loaded ? "loaded" : ""}">“${e(l.term)}”</span> (${e(l.outlet)})`).join(", ")}</li>`)
    .join("");
  const timeline = view.timeline.map((t) => `<li><strong>${e(t.date)}</strong> ${e(t.text)} <span class="meta">${e(markers(t.articleIds, story))}</span></li>`).join("");
  const quotes = quotesBySpeaker(view.quotes)
    .map(({ speaker, quotes: said }) => `<li><strong>${e(speaker)}</strong>: ${said.map((q) => `${e(quoteText(q))} <span class="meta">${e(markers([q.articleId], story))}</span>`).join("; ")}</li>`)
    .join("");
  const omissions = view.omissions.map((o) => `<li>${e(o.outlet)} does not carry ${o.missingClaimIds.length} claim(s) carried by other outlets</li>`).join("");
  return `<article id="${e(story.id)}"><h3>${e(story.title)}</h3><p class="meta">${e(dateRange(story))} · ${story.articleIds.length} articles · ${e(story.id)}</p>
<ol>${articles}</ol>${brief ? `<h4>Brief</h4><ul>${brief}</ul>` : ""}${claims ? `<h4>Claims</h4><table><tr><th>status</th><th>claim</th><th>support</th></tr>${claims}</table>` : ""}
${framing ? `<h4>Framing</h4><ul>${framing}</ul>` : ""}${quotes ? `<h4>Who said what</h4><ul>${quotes}</ul>` : ""}${omissions ? `<h4>Omissions</h4><ul>${omissions}</ul>` : ""}${timeline ? `<h4>Timeline</h4><ul>${timeline}</ul>` : ""}</article>`;
}
