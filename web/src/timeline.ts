/**
 * The timeline, drawn: each dated entry placed on a time axis that spans the story's own events, with long
 * quiet stretches collapsed (a gap longer than GAP_CAP_DAYS is drawn as that long and broken with ≈), each mark
 * numbered and labelled with its date as a reader writes it; the list under it cites the articles. Disputed dates
 * are marked with a word and a shape, inferred years are said. Entries whose year stays unknown are listed apart.
 * On a phone the list is the timeline (the drawing is hidden by the stylesheet below 600 px).
 */
import type { TimelineEntry } from "../../src/records.ts";
import { readerDate } from "../../src/_lib/reader-dates.ts";
import { h, s, storySection } from "./dom.ts";
import { spanHref } from "./links.ts";
import { cite, type StoryContext } from "./story-context.ts";

const WIDTH = 800;
const PAD = 40;
const LANE = 34;
/** Labels need about this many SVG units; marks closer than this go on different lanes. */
const LABEL_WIDTH = 92;
const DAY = 86_400_000;
/** Calibration: a news story's own events fall within weeks; years of background between them are drawn as ~2 months. */
const GAP_CAP_DAYS = 60;

/** The interval a date covers: "2024" is the whole year, "2024-07" the month. Null when the year is unknown. */
function interval(date: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) - 1 : null, m[3] ? Number(m[3]) : null];
  if (mo === null) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d === null) return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1)];
  return [Date.UTC(y, mo, d), Date.UTC(y, mo, d) + DAY];
}

export const entryDate = (e: TimelineEntry, contextYear: number | null = null): string => readerDate(e.date, { yearInferred: e.yearInferred, contextYear });

export function renderTimeline(ctx: StoryContext): HTMLElement | null {
  const entries = ctx.comparison.timeline;
  if (entries.length === 0) return null;
  const placed = entries.map((e) => ({ e, span: interval(e.date) })).filter((x): x is { e: TimelineEntry; span: [number, number] } => x.span !== null)
    .sort((a, b) => a.span[0] - b.span[0]);
  const unplaced = entries.filter((e) => interval(e.date) === null);
  return storySection("timeline",
    placed.length ? h("div", { class: "timeline-chart" }, drawTimeline(placed)) : null,
    placed.length ? h("ol", { class: "timeline-list", "data-testid": "timeline-list" }, placed.map(({ e }) => entryItem(ctx, e))) : null,
    unplaced.length ? [h("h3", {}, "Year unknown"), h("p", { class: "meta" }, "No dated article of the story bounds these dates, so their year is not given."),
      h("ul", { class: "timeline-list", "data-testid": "timeline-unplaced" }, unplaced.map((e) => entryItem(ctx, e)))] : null);
}

/**
 * Time to a compressed axis: each stretch between consecutive event edges counts as at most GAP_CAP_DAYS. A
 * collapsed stretch no event covers is a gap in the story, marked ≈; one inside a year- or month-long mark is not.
 */
function compressedScale(spans: [number, number][]): { x: (t: number) => number; breaks: number[] } {
  const points = [...new Set(spans.flat())].sort((a, b) => a - b);
  const cap = GAP_CAP_DAYS * DAY;
  const at: number[] = [0];
  const breaks: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const gap = points[i]! - points[i - 1]!;
    at.push(at[i - 1]! + Math.min(gap, cap));
    if (gap > cap && !spans.some(([a, b]) => a <= points[i - 1]! && b >= points[i]!)) breaks.push(i);
  }
  const total = at.at(-1) || DAY;
  const scale = (v: number) => PAD + (v / total) * (WIDTH - 2 * PAD);
  const x = (t: number): number => {
    const i = points.findIndex((p) => p >= t);
    if (i <= 0) return scale(0);
    const [p0, p1] = [points[i - 1]!, points[i]!];
    return scale(at[i - 1]! + ((t - p0) / (p1 - p0)) * (at[i]! - at[i - 1]!));
  };
  return { x, breaks: breaks.map((i) => scale((at[i - 1]! + at[i]!) / 2)) };
}

function drawTimeline(placed: { e: TimelineEntry; span: [number, number] }[]): SVGSVGElement {
  const { x, breaks } = compressedScale(placed.map((p) => p.span));
  const laneEnds: number[] = [];
  const marks = placed.map(({ e, span }, i) => {
    const [x0, x1] = [x(span[0]), Math.max(x(span[1]), x(span[0]) + 6)];
    let lane = laneEnds.findIndex((end) => end <= x0);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = Math.max(x0 + LABEL_WIDTH, x1 + 4);
    const y = 24 + lane * LANE;
    const disputed = !!e.conflictingDates?.length;
    const date = entryDate(e);
    const label = `${i + 1}. ${date}${disputed ? ` (disputed: also ${e.conflictingDates!.map((d) => readerDate(d)).join(", ")})` : ""}: ${e.text}`;
    const first = e.support[0];
    return s("a", { href: first ? spanHref(first) : "#", "aria-label": label, class: disputed ? "mark disputed" : "mark", "data-testid": "timeline-mark" },
      s("title", {}, label),
      s("rect", { x: x0, y: y - 4, width: x1 - x0, height: 8, rx: 4 }),
      s("text", { x: x0, y: y - 9 }, `${i + 1} · ${date.replace(" (year inferred)", "*")}${disputed ? " ✕" : ""}`));
  });
  const axisY = 30 + laneEnds.length * LANE;
  return s("svg", { class: "timeline", viewBox: `0 0 ${WIDTH} ${axisY + 18}`, role: "group", "aria-label": "timeline of dated entries; long gaps collapsed (≈); * year inferred", "data-testid": "timeline-svg" },
    s("line", { class: "axis", x1: PAD, x2: WIDTH - PAD, y1: axisY, y2: axisY }),
    breaks.map((bx) => s("text", { class: "break", x: bx, y: axisY + 5 }, "≈")),
    marks);
}

function entryItem(ctx: StoryContext, e: TimelineEntry): HTMLElement {
  const disputed = !!e.conflictingDates?.length;
  return h("li", { class: disputed ? "disputed" : "", "data-testid": "timeline-entry", "data-inferred": e.yearInferred ? "true" : null },
    h("strong", { class: "date" }, entryDate(e)),
    disputed ? h("span", { class: "badge conflicting" }, ` ✕ disputed: also given as ${e.conflictingDates!.map((d) => readerDate(d)).join(", ")}`) : null, " ",
    e.text, " ", e.support.map((sup) => cite(ctx, sup.articleId, sup)));
}
