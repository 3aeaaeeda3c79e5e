/**
 * The report as a terminal reads it: per storyline and story, the sections of STORY_SECTIONS in their one order
 * (sections.ts), in the same words as the web page, Markdown and HTML; long lists cut with a count of the rest.
 */
import type { Report } from "../../records.js";
import { articleOutlet, bottomLine, describeCounts } from "../bottom-line.js";
import type { OutletDirectory } from "../outlet-info.js";
import { readerDate } from "../../_lib/reader-dates.js";
import {
  articleLabel, coverageMatrix, dateRange, describeDrift, describeWording, leanSpread, markers, omittedClaims, quotesBySpeaker, quoteText, sideArticles, storyDisputes,
  timelineDate, viewReport, type StoryView,
} from "./view.js";
import { CELL_LEGEND, CELL_MARK, claimText, describeChain, describeEstablished, describeOmission, describeSide, inSectionOrder, NONE_ESTABLISHED, sectionTitle, singleSourceChains, VERDICT, type SectionId } from "./sections.js";

const MAX_ITEMS = 6;
const MAX_TIMELINE = 8;
const MAX_QUOTES_PER_SPEAKER = 2;
const TEXT_WIDTH = 110;

export interface SummaryOptions {
  color?: boolean;
  outlets?: OutletDirectory | null;
}

export function renderSummary(input: Report, options: SummaryOptions | boolean = {}): string {
  const { color = false, outlets = null } = typeof options === "boolean" ? { color: options } : options;
  const report = terminalSafe(input);
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const lines: string[] = [];
  // One count of outlets everywhere: an article with no known outlet counts as its own (bottom-line.ts).
  const outletCount = new Set(report.articles.map(articleOutlet)).size;
  lines.push(bold(`Triangulate: ${count(report.articles.length, "article")} from ${count(outletCount, "outlet")} → ${count(report.stories.length, "story", "stories")} in ${count(report.storylines.length, "storyline")}`));
  for (const { storyline, stories } of viewReport(report, outlets)) {
    lines.push("", bold(`Storyline: ${storyline.title}`));
    for (const view of stories) {
      lines.push("", bold(`  Story: ${view.story.title}`), dim(`  ${view.story.id} · ${dateRange(view.story)} · ${count(view.story.articleIds.length, "article")}`));
      for (const block of storySections(view, dim)) lines.push("", ...block);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Each section as lines, headed by its title as every renderer names it. */
function storySections(view: StoryView, dim: (s: string) => string): string[][] {
  const { story } = view;
  const head = (id: SectionId) => `  ${sectionTitle(id)}:`;
  const more = (n: number, one: string, many = `${one}s`) => (n > 0 ? [dim(`    … and ${n} more ${n === 1 ? one : many} (--md or --html for all)`)] : []);
  const cite = (ids: readonly string[]) => markers([...new Set(ids)], story);
  const listed = <T>(id: SectionId, items: readonly T[], max: number, line: (item: T) => string[], one = "entry", many = one === "entry" ? "entries" : `${one}s`) =>
    (items.length ? [head(id), ...items.slice(0, max).flatMap(line), ...more(items.length - max, one, many)] : null);
  const line = bottomLine(view.claims, view.articles);
  const disputes = storyDisputes(view);
  const established = view.claims.filter((c) => c.status === "corroborated");
  const matrix = coverageMatrix(view);
  return inSectionOrder<string[]>({
    "bottom-line": () => [`  ${sectionTitle("bottom-line")}: ${line.sentences.join(" ")}`, dim(`  ${describeCounts(line.counts)}`)],
    coverage: () => [head("coverage"), ...view.articles.map((a, i) => `    [${i + 1}] ${articleLabel(a, view.outletInfo)}${a.publishedAt ? ` (${readerDate(a.publishedAt.slice(0, 10))})` : ""}`),
      ...[leanSpread(view)].filter((s): s is string => !!s).map((s) => dim(`    ${s}`))],
    brief: () => listed("brief", view.brief, view.brief.length, (b) => [`    • ${b.sentence} ${cite(b.articleIds)}`]),
    disputes: () => listed("disputes", disputes, MAX_ITEMS, ({ claim, dispute }) => [
      `    ${VERDICT.disputed.mark} ${dispute.about}`,
      ...dispute.sides.map((side) => `      ${describeSide(side).text} ${cite(sideArticles(view, claim, side))}`.trimEnd()),
      dim(`      in “${truncate(claim.text, TEXT_WIDTH)}”`)], "dispute"),
    established: () => [head("established"), ...(established.length
      ? established.slice(0, MAX_ITEMS).flatMap((c) => [`    ${VERDICT.corroborated.mark} ${claimText(c)} ${cite(c.support.map((s) => s.articleId))}`, dim(`      ${describeEstablished(c)}`)])
      : [`    ${NONE_ESTABLISHED}`]), ...more(established.length - MAX_ITEMS, "claim")],
    chains: () => listed("chains", singleSourceChains(view.claims), MAX_ITEMS, (chain) => [
      `    ${VERDICT["single-source"].mark} ${describeChain(chain)}`,
      ...chain.claims.slice(0, MAX_ITEMS).map((c) => `      • ${truncate(claimText(c), TEXT_WIDTH)} ${cite(c.support.map((s) => s.articleId))}`),
      ...more(chain.claims.length - MAX_ITEMS, "claim").map((l) => `  ${l}`)], "source"),
    drift: () => listed("drift", view.drift, MAX_ITEMS, (d) => [`    ${describeDrift(d, story)}`]),
    claims: () => (!view.claims.length ? null : !matrix.rows.length ? [head("claims"), dim(`    ${view.claims.length === 1 ? "The one claim is" : `Each of the ${view.claims.length} claims is`} carried by one outlet only (--md or --html for all)`)] : [head("claims"), dim(`    ${CELL_LEGEND}; columns: ${matrix.outlets.join(" · ")}`),
      ...matrix.rows.slice(0, MAX_ITEMS).map(({ claim, cells }) => `    ${cells.map((c) => CELL_MARK[c]).join(" ")}  ${VERDICT[claim.status].word}, ${count(claim.independentSources, "independent source")}: ${truncate(claimText(claim), TEXT_WIDTH)}`),
      ...more(matrix.rows.length - MAX_ITEMS, "claim"), ...more(view.claims.length - matrix.rows.length, "claim carried by one outlet", "claims carried by one outlet")]),
    omissions: () => listed("omissions", view.omissions, MAX_ITEMS, (o) => [`    ${describeOmission(o)}`,
      ...omittedClaims(view, o).map((c) => `      • ${truncate(claimText(c), TEXT_WIDTH)} ${cite(c.support.map((s) => s.articleId))}`)]),
    framing: () => listed("framing", view.framing, MAX_ITEMS, (f) => [`    ${f.name}: ${f.labels.map((l) => `“${l.term}”${l.loaded ? " ⚑" : ""} (${l.outlet})`).join(", ")}`], "person", "people"),
    wording: () => listed("wording", view.outletFraming, MAX_ITEMS, (f) => {
      const w = describeWording(f);
      return [`    ${f.outlet}: loaded terms ${w.loaded} · hedges ${w.hedges} · ${w.biased} sentences read as loaded`];
    }),
    timeline: () => listed("timeline", view.timeline, MAX_TIMELINE, (t) => [`    ${timelineDate(t)} · ${truncate(t.text, TEXT_WIDTH)} ${cite(t.articleIds)}`]),
    quotes: () => listed("quotes", quotesBySpeaker(view.quotes), MAX_ITEMS, ({ speaker, quotes }) => [`    ${speaker}:`,
      ...quotes.slice(0, MAX_QUOTES_PER_SPEAKER).map((q) => `      ${truncate(quoteText(q), TEXT_WIDTH)} ${cite([q.articleId])}`),
      ...more(quotes.length - MAX_QUOTES_PER_SPEAKER, "quote").map((l) => `  ${l}`)], "speaker"),
  });
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Every string of the report that came from an input reaches the terminal: its escape sequences and control
 * characters ("\u001b]0;…" retitles the window, "\u001b[2J" clears the screen, "\r" overwrites the line) would act
 * on it. Each C0/C1 control but newline and tab becomes U+FFFD, one code unit for one, so the text offsets that
 * claims and spans carry still point at the same words; what follows an ESC ("[2J") is then printed as text.
 */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe<T>(value: T): T {
  if (typeof value === "string") return value.replace(TERMINAL_CONTROL, "\ufffd") as T;
  if (Array.isArray(value)) return value.map(terminalSafe) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, terminalSafe(v)])) as T;
  return value;
}
