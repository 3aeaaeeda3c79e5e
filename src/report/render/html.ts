/** The report as one self-contained HTML page (no scripts, no external assets). */
import type { Report } from "../../records.js";
import {
  articleLabel, claimText, coverageMatrix, dateRange, describeDrift, describeSupport, describeWording, markers, omittedClaims, quotesBySpeaker, quoteText,
  describeSide, sideArticles, storyDisputes, type StoryView, timelineDate, viewReport,
} from "./view.js";
import { bottomLine, describeCounts } from "../bottom-line.js";
import { htmlCitations } from "./html-citations.js";
import { readerDate } from "../../_lib/reader-dates.js";

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export const PAGE_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1,h2,h3{line-height:1.2}.meta{color:#666;font-size:.9em}.status{font-size:.75em;padding:.1em .5em;border-radius:1em;background:#eee;white-space:nowrap}
.corroborated{background:#d7f5dd}.status.disputed{background:#fde2e1}.single-source{background:#fff3cd}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}.loaded{color:#a40000}a{color:#0b57d0}
.matrix td.cell{text-align:center}.cite{text-decoration:none;font-size:.85em}.source-article .article-text{white-space:pre-wrap;font-family:Georgia,serif}mark:target{outline:2px solid #c25e00}.supports{background:#d7f5dd}.conflicts{background:#fde2e1}.silent{color:#999}.disputed{color:#a40000}`;

const CELL = { supports: "✓", conflicts: "≠", silent: "–" } as const;

export function renderHtml(report: Report): string {
  const body = viewReport(report)
    .map(({ storyline, stories }) => `<section><h2>Storyline: ${escapeHtml(storyline.title)}</h2>${stories.map(renderStoryHtml).join("")}</section>`)
    .join("");
  return page("Triangulate report", `<h1>Triangulate report</h1><p class="meta">${report.articles.length} articles · ${report.stories.length} stories · generated ${escapeHtml(readerDate(report.generatedAt.slice(0, 10)))}</p>${body}`);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body>${body}</body></html>`;
}

export function renderStoryHtml(view: StoryView): string {
  const { story } = view;
  const e = escapeHtml;
  const citations = htmlCitations(view);
  const cite = citations.cite;
  const articles = view.articles.map((a) => `<li>${e(articleLabel(a))}${a.publishedAt ? ` <span class="meta">(${e(readerDate(a.publishedAt.slice(0, 10)))})</span>` : ""}</li>`).join("");
  const brief = view.brief.map((b) => `<li>${e(b.sentence)} ${cite(b.articleIds)}</li>`).join("");
  const { outlets, rows } = coverageMatrix(view);
  const matrix = rows
    .map(({ claim, cells }) => `<tr><td>${e(claimText(claim))}</td>${cells.map((c) => `<td class="cell ${c}" title="${c}">${CELL[c]}</td>`).join("")}<td>${claim.independentSources}</td></tr>`)
    .join("");
  const claims = view.claims
    .map((c) => `<tr><td><span class="status ${c.status}">${c.status}</span></td><td>${e(claimText(c))}</td><td class="meta">${e(describeSupport(c))} ${cite(c.support.map((s) => s.articleId), c.support)}</td></tr>`)
    .join("");
  const conflicts = storyDisputes(view)
    .map(({ claim: c, dispute }) => `<li>${e(dispute.about)}: ${dispute.sides.map((x) => `${e(describeSide(x))} ${cite(sideArticles(c, x))}`).join(" · ")} <span class="meta">in “${e(c.text)}”</span></li>`)
    .join("");
  const drift = view.drift.map((d) => `<li>${e(describeDrift(d, story))}: “${e(d.from.text)}” → “${e(d.to.text)}”</li>`).join("");
  const framing = view.framing
    .map((f) => `<li><strong>${e(f.name)}</strong>: ${f.labels.map((l) => `<span class="${l.loaded ? "loaded" : ""}">“${e(l.term)}”</span> (${e(l.outlet)})`).join(", ")}</li>`)
    .join("");
  const wording = view.outletFraming
    .map((f) => {
      const w = describeWording(f);
      return `<tr><td>${e(f.outlet)} ${cite(f.articleIds)}</td><td class="${f.loadedCount ? "loaded" : ""}">${e(w.loaded)}</td><td>${e(w.hedges)}</td><td>${e(w.biased)}</td></tr>`;
    })
    .join("");
  const timeline = view.timeline
    .map((t) => `<li><strong class="${t.conflictingDates?.length ? "disputed" : ""}">${e(timelineDate(t))}</strong> ${e(t.text)} ${cite(t.articleIds, t.support)}</li>`)
    .join("");
  const quotes = quotesBySpeaker(view.quotes)
    .map(({ speaker, quotes: said }) => `<li><strong>${e(speaker)}</strong>: ${said.map((q) => `${e(quoteText(q))} ${cite([q.articleId], [{ articleId: q.articleId, start: q.start, end: q.end }])}`).join("; ")}</li>`)
    .join("");
  const omissions = view.omissions
    .map((o) => `<li>${e(o.outlet)} does not carry ${o.missingClaimIds.length} claim(s) other outlets carry, among them:<ul>${omittedClaims(view, o).map((c) => `<li>${e(claimText(c))} ${cite(c.support.map((s) => s.articleId), c.support)}</li>`).join("")}</ul></li>`)
    .join("");
  const section = (title: string, html: string) => (html ? `<h4>${title}</h4>${html}` : "");
  const line = bottomLine(view.claims, view.articles);
  return `<article id="${e(story.id)}"><h3>${e(story.title)}</h3><p class="meta">${e(dateRange(story))} · ${story.articleIds.length} articles · ${e(story.id)}</p>
<p class="bottom-line"><strong>Bottom line:</strong> ${e(line.sentences.join(" "))}</p><p class="meta">${e(describeCounts(line.counts))}</p>
<ol>${articles}</ol>${section("Brief", brief && `<ul>${brief}</ul>`)}
${section("Who carries what", matrix && `<p class="meta">✓ states it · ≠ gives a conflicting value · – silent</p><table class="matrix"><tr><th>claim</th>${outlets.map((o) => `<th>${e(o)}</th>`).join("")}<th>independent sources</th></tr>${matrix}</table>`)}
${section("Claims", claims && `<table><tr><th>status</th><th>claim</th><th>support</th></tr>${claims}</table>`)}
${section("Disputes", conflicts && `<ul>${conflicts}</ul>`)}${section("Drift between versions", drift && `<ul>${drift}</ul>`)}
${section("Framing", framing && `<ul>${framing}</ul>`)}${section("Wording by outlet", wording && `<table><tr><th>outlet</th><th>loaded terms</th><th>hedges</th><th>sentences read as loaded</th></tr>${wording}</table>`)}${section("Who said what", quotes && `<ul>${quotes}</ul>`)}${section("Omissions", omissions && `<ul>${omissions}</ul>`)}${section("Timeline", timeline && `<ul>${timeline}</ul>`)}${citations.articles()}</article>`;
}
