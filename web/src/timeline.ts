/**
 * The timeline, drawn: an SVG time axis with each dated entry placed by its date (a day as a dot, a month or a
 * year as a bar as wide as it), numbered to the list under it. Disputed dates are marked. Entries whose year is
 * unknown ("--11-21") cannot be placed and are listed apart.
 */
import type { TimelineEntry } from "../../src/records.ts";
import { h, s, section } from "./dom.ts";
import { spanHref } from "./links.ts";
import { cite, type StoryContext } from "./story-context.ts";

const WIDTH = 800;
const PAD = 30;
const LANE = 24;
/** Two entries closer than this (in SVG units) go on different lanes, so their numbers do not overlap. */
const MIN_GAP = 26;
const DAY = 86_400_000;

/** The interval a date covers: "2024" is the whole year, "2024-07" the month. Null when the year is unknown. */
function interval(date: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) - 1 : null, m[3] ? Number(m[3]) : null];
  if (mo === null) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d === null) return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1)];
  return [Date.UTC(y, mo, d), Date.UTC(y, mo, d) + DAY];
}

function ticks(from: number, to: number): { t: number; label: string }[] {
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear();
  if (last - first >= 2) {
    const step = Math.ceil((last - first + 1) / 10);
    return Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, i) => first + i * step).map((y) => ({ t: Date.UTC(y, 0, 1), label: String(y) }));
  }
  const out: { t: number; label: string }[] = [];
  const months = (last - first) * 12 + new Date(to).getUTCMonth() - new Date(from).getUTCMonth() + 1;
  const step = Math.ceil(months / 12);
  for (let i = 0; i < months; i += step) {
    const t = Date.UTC(first, new Date(from).getUTCMonth() + i, 1);
    out.push({ t, label: new Date(t).toISOString().slice(0, 7) });
  }
  return out;
}

export function renderTimeline(ctx: StoryContext): HTMLElement | null {
  const entries = ctx.comparison.timeline;
  if (entries.length === 0) return null;
  const placed = entries.map((e) => ({ e, span: interval(e.date) })).filter((x): x is { e: TimelineEntry; span: [number, number] } => x.span !== null)
    .sort((a, b) => a.span[0] - b.span[0]);
  const unplaced = entries.filter((e) => interval(e.date) === null);
  return section("Timeline", "timeline",
    placed.length ? h("div", { class: "scroll" }, drawTimeline(placed)) : null,
    placed.length ? h("ol", { class: "timeline-list", "data-testid": "timeline-list" }, placed.map(({ e }) => entryItem(ctx, e))) : null,
    unplaced.length ? [h("h3", {}, "Year unknown"), h("p", { class: "meta" }, "The articles giving these dates have no known publication date, so the year cannot be resolved."),
      h("ul", { class: "timeline-list", "data-testid": "timeline-unplaced" }, unplaced.map((e) => entryItem(ctx, e)))] : null);
}

function drawTimeline(placed: { e: TimelineEntry; span: [number, number] }[]): SVGSVGElement {
  const from = Math.min(...placed.map((p) => p.span[0]));
  const to = Math.max(...placed.map((p) => p.span[1]));
  const margin = (to - from) * 0.03 || DAY;
  const x = (t: number) => PAD + ((t - (from - margin)) / (to - from + 2 * margin)) * (WIDTH - 2 * PAD);
  const laneEnds: number[] = [];
  const marks = placed.map(({ e, span }, i) => {
    const [x0, x1] = [x(span[0]), Math.max(x(span[1]), x(span[0]) + 4)];
    let lane = laneEnds.findIndex((end) => end + MIN_GAP <= x0);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = Math.max(x0, x1 - MIN_GAP + 12);
    const y = 20 + lane * LANE;
    const disputed = !!e.conflictingDates?.length;
    const first = e.support[0];
    const label = `${i + 1}. ${e.date}${disputed ? ` (disputed: also ${e.conflictingDates!.join(", ")})` : ""}: ${e.text}`;
    return s("a", { href: first ? spanHref(first) : "#", "aria-label": label, class: disputed ? "mark disputed" : "mark" },
      s("title", {}, label),
      s("rect", { x: x0, y: y - 5, width: x1 - x0, height: 10, rx: 5 }),
      s("text", { x: x0, y: y - 8 }, String(i + 1)));
  });
  const axisY = 30 + laneEnds.length * LANE;
  return s("svg", { class: "timeline", viewBox: `0 0 ${WIDTH} ${axisY + 24}`, role: "group", "aria-label": "timeline of dated entries", "data-testid": "timeline-svg" },
    s("line", { class: "axis", x1: PAD, x2: WIDTH - PAD, y1: axisY, y2: axisY }),
    ticks(from, to).map(({ t, label }) => s("g", { class: "tick" },
      s("line", { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 5 }),
      s("text", { x: x(t), y: axisY + 18 }, label))),
    marks);
}

function entryItem(ctx: StoryContext, e: TimelineEntry): HTMLElement {
  const disputed = !!e.conflictingDates?.length;
  return h("li", { class: disputed ? "disputed" : "" },
    h("strong", {}, e.date), disputed ? h("span", { class: "badge conflicting" }, ` disputed: also given as ${e.conflictingDates!.join(", ")}`) : null, " ",
    e.text, " ", e.support.map((sup) => cite(ctx, sup.articleId, sup)));
}
