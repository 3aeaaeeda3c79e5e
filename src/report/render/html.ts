/** The report as one self-contained HTML page (no scripts, no external assets). */
import type { Claim, Report } from "../../records.js";
import type { OutletDirectory } from "../outlet-info.js";
import {
  articleLabel, coverageMatrix, dateRange, describeDrift, describeSupport, describeWording, leanSpread, omittedClaims, quotesBySpeaker, quoteText,
  sideArticles, storyDisputes, type StoryView, timelineDate, viewReport,
} from "./view.js";
import { CELL_LEGEND, CELL_MARK, claimText, describeChain, describeEstablished, describeOmission, describeSide, NONE_ESTABLISHED, sideSupports, orderedSections, singleSourceChains, VERDICT } from "./sections.js";
import { bottomLine, describeCounts } from "../bottom-line.js";
import { htmlCitations } from "./html-citations.js";
import { readerDate } from "../../_lib/reader-dates.js";

/** A speaker with more quotes than this is folded, as on the web page. */
const QUOTES_OPEN = 2;

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export const PAGE_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1,h2,h3{line-height:1.2}.meta{color:#666;font-size:.9em}.status{font-size:.75em;padding:.1em .5em;border-radius:1em;background:#eee;white-space:nowrap}
.corroborated{background:#d7f5dd}.status.disputed{background:#fde2e1}.single-source{background:#fff3cd}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}.loaded{color:#a40000}a{color:#0b57d0}
.matrix td.cell{text-align:center}.cite{text-decoration:none;font-size:.85em}.source-article .article-text{white-space:pre-wrap;font-family:Georgia,serif}mark:target{outline:2px solid #c25e00}.supports{background:#d7f5dd}.conflicts{background:#fde2e1}.silent{color:#999}.disputed{color:#a40000}`;


export function renderHtml(report: Report, outlets: OutletDirectory | null = null): string {
  const body = viewReport(report, outlets)
    .map(({ storyline, stories }) => `<section><h2>Storyline: ${escapeHtml(storyline.title)}</h2>${stories.map(renderStoryHtml).join("")}</section>`)
    .join("");
  return page("Triangulate report", `<h1>Triangulate report</h1><p class="meta">${report.articles.length} article${report.articles.length === 1 ? "" : "s"} · ${report.stories.length} ${report.stories.length === 1 ? "story" : "stories"} · generated ${escapeHtml(readerDate(report.generatedAt.slice(0, 10)))}</p>${body}`);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body>${body}</body></html>`;
}

export function renderStoryHtml(view: StoryView): string {
  const { story } = view;
  const e = escapeHtml;
  const citations = htmlCitations(view);
  const cite = citations.cite;
  const line = bottomLine(view.claims, view.articles);
  const disputes = storyDisputes(view);
  const established = view.claims.filter((c) => c.status === "corroborated");
  const chains = singleSourceChains(view.claims);
  const { outlets, rows } = coverageMatrix(view);
  const badge = (status: Claim["status"]) => `<span class="status ${status}">${VERDICT[status].mark} ${VERDICT[status].word}</span>`;
  const list = (items: readonly string[], cls = "") => (items.length ? `<ul${cls ? ` class="${cls}"` : ""}>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : "");
  const spread = leanSpread(view);
  const sections = orderedSections<string>({
    "bottom-line": () => `<p class="bottom-line"><strong>${e(line.sentences.join(" "))}</strong></p><p class="meta">${e(describeCounts(line.counts))}</p>`,
    coverage: () => `<ol>${view.articles.map((a) => `<li>${e(articleLabel(a, view.outletInfo))}${a.publishedAt ? ` <span class="meta">(${e(readerDate(a.publishedAt.slice(0, 10)))})</span>` : ""}</li>`).join("")}</ol>${spread ? `<p class="meta">${e(spread)}</p>` : ""}`,
    brief: () => list(view.brief.map((b) => `${e(b.sentence)} ${cite(b.articleIds)}`)) || null,
    disputes: () => list(disputes.map(({ claim: c, dispute }) => `${badge("disputed")} <strong>${e(dispute.about)}</strong>${list(dispute.sides.map((x) => {
      const d = describeSide(x);
      return `<strong>${e(d.value)}</strong> — ${e(d.by)} ${cite(sideArticles(view, c, x), sideSupports(view.claims, c, x))}`;
    }))}<span class="meta">in “${e(c.text)}”</span>`)) || null,
    established: () => (established.length
      ? list(established.map((c) => `${badge("corroborated")} ${e(claimText(c))} ${cite(c.support.map((s) => s.articleId), c.support)}<br><span class="meta">${e(describeEstablished(c))}</span>`))
      : `<p class="meta">${e(NONE_ESTABLISHED)}</p>`),
    chains: () => list(chains.map((chain) => `${badge("single-source")} <strong>${e(describeChain(chain))}</strong>${list(chain.claims.map((c) => `${e(claimText(c))} ${cite(c.support.map((s) => s.articleId), c.support)}`))}`)) || null,
    drift: () => list(view.drift.map((d) => `${e(describeDrift(d, story))}: “${e(d.from.text)}” → “${e(d.to.text)}”`)) || null,
    claims: () => (view.claims.length ? `${rows.length ? `<p class="meta">${e(CELL_LEGEND)}</p><table class="matrix"><tr><th>claim</th><th>verdict</th><th>independent sources</th>${outlets.map((o) => `<th>${e(o)}</th>`).join("")}</tr>${rows
      .map(({ claim, cells }) => `<tr><td>${e(claimText(claim))}</td><td>${badge(claim.status)}</td><td>${claim.independentSources}</td>${cells.map((c) => `<td class="cell ${c}" title="${c}">${CELL_MARK[c]}</td>`).join("")}</tr>`).join("")}</table>` : ""}
<details><summary>All ${view.claims.length} claims with their sources</summary><table><tr><th>verdict</th><th>claim</th><th>support</th></tr>${view.claims
      .map((c) => `<tr><td>${badge(c.status)}</td><td>${e(claimText(c))}</td><td class="meta">${e(describeSupport(c))} ${cite(c.support.map((s) => s.articleId), c.support)}</td></tr>`).join("")}</table></details>` : null),
    omissions: () => list(view.omissions.map((o) => `${e(describeOmission(o))}${list(omittedClaims(view, o).map((c) => `${e(claimText(c))} ${cite(c.support.map((s) => s.articleId), c.support)}`))}`)) || null,
    framing: () => list(view.framing.map((f) => `<strong>${e(f.name)}</strong>: ${f.labels.map((l) => `<span class="${l.loaded ? "loaded" : ""}">“${e(l.term)}”${l.loaded ? " ⚑" : ""}</span> (${e(l.outlet)})`).join(", ")}`)) || null,
    wording: () => (view.outletFraming.length ? `<table><tr><th>outlet</th><th>loaded terms</th><th>hedges</th><th>sentences read as loaded</th></tr>${view.outletFraming.map((f) => {
      const w = describeWording(f);
      return `<tr><td>${e(f.outlet)} ${cite(f.articleIds)}</td><td class="${f.loadedCount ? "loaded" : ""}">${e(w.loaded)}</td><td>${e(w.hedges)}</td><td>${e(w.biased)}</td></tr>`;
    }).join("")}</table>` : null),
    timeline: () => list(view.timeline.map((t) => `<strong class="${t.conflictingDates?.length ? "disputed" : ""}">${e(timelineDate(t))}</strong> ${e(t.text)} ${cite(t.articleIds, t.support)}`)) || null,
    quotes: () => list(quotesBySpeaker(view.quotes).map(({ speaker, quotes: said }) =>
      `<details${said.length <= QUOTES_OPEN ? " open" : ""}><summary><strong>${e(speaker)}</strong> · ${said.length} quote${said.length === 1 ? "" : "s"}</summary>${list(said.map((q) => `${e(quoteText(q))} ${cite([q.articleId], [{ articleId: q.articleId, start: q.start, end: q.end }])}`))}</details>`)) || null,
  });
  return `<article id="${e(story.id)}"><h3>${e(story.title)}</h3><p class="meta">${e(dateRange(story))} · ${story.articleIds.length} article${story.articleIds.length === 1 ? "" : "s"} · ${e(story.id)}</p>
${sections.map((x) => `<section data-section="${x.id}"><h4>${e(x.title)}</h4>${x.body}</section>`).join("\n")}${citations.articles()}</article>`;
}

