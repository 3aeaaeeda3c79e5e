/** The report as a terminal reads it: what is established, per storyline and story, briefly. */
import type { Report } from "../../records.js";
import { articleOutlet, bottomLine, describeCounts } from "../bottom-line.js";
import { articleLabel, claimText, dateRange, describeDrift, describeSupport, markers, describeSide, sideArticles, storyDisputes, timelineDate, viewReport } from "./view.js";

const MAX_CLAIMS = 6;
const MAX_TIMELINE = 8;
const MAX_FRAMING_PEOPLE = 3;

export function renderSummary(input: Report, color = false): string {
  const report = terminalSafe(input);
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const lines: string[] = [];
  // One count of outlets everywhere: an article with no known outlet counts as its own (bottom-line.ts).
  const outlets = new Set(report.articles.map(articleOutlet));
  const from = `${outlets.size} outlet${outlets.size === 1 ? "" : "s"}`;
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  lines.push(bold(`Triangulate: ${count(report.articles.length, "article")} from ${from} → ${count(report.stories.length, "story", "stories")} in ${count(report.storylines.length, "storyline")}`));
  for (const { storyline, stories } of viewReport(report)) {
    lines.push("", bold(`Storyline: ${storyline.title}`));
    for (const view of stories) {
      const { story } = view;
      lines.push("", bold(`  Story: ${story.title}`), dim(`  ${story.id} · ${dateRange(story)} · ${story.articleIds.length} articles`));
      const line = bottomLine(view.claims, view.articles);
      lines.push("", bold(`  Bottom line: ${line.sentences.join(" ")}`), dim(`  ${describeCounts(line.counts)}`), "");
      view.articles.forEach((a, i) => lines.push(`    [${i + 1}] ${articleLabel(a)}${a.publishedAt ? ` (${a.publishedAt.slice(0, 10)})` : ""}`));
      if (view.brief.length) {
        lines.push("", "  Brief:");
        for (const b of view.brief) lines.push(`    • ${b.sentence} ${markers(b.articleIds, story)}`);
      }
      const claims = view.claims.slice(0, MAX_CLAIMS);
      if (claims.length) {
        lines.push("", "  Key claims:");
        for (const c of claims) lines.push(`    [${c.status}] ${claimText(c)}`, dim(`        ${describeSupport(c)} ${markers(c.support.map((s) => s.articleId), story)}`));
      }
      const disputes = storyDisputes(view);
      if (disputes.length) {
        lines.push("", "  Disputes:");
        for (const { claim, dispute } of disputes.slice(0, MAX_CLAIMS)) {
          const sides = dispute.sides.map((x) => `${describeSide(x)} ${markers(sideArticles(claim, x), story)}`.trim());
          lines.push(`    ${dispute.about}: ${sides.join(" · ")}`);
        }
      }
      if (view.drift.length) {
        lines.push("", "  Drift between versions:");
        for (const d of view.drift.slice(0, MAX_CLAIMS)) lines.push(`    ${describeDrift(d, story)}`);
      }
      const people = view.framing.slice(0, MAX_FRAMING_PEOPLE);
      if (people.length) {
        lines.push("", "  Framing:");
        for (const f of people) {
          const terms = f.labels.map((l) => `${l.loaded ? "⚑ " : ""}"${l.term}" (${l.outlet})`);
          lines.push(`    ${f.name}: ${terms.join(", ")}`);
        }
      }
      for (const o of view.omissions) lines.push(dim(`  ${o.outlet} does not carry ${o.missingClaimIds.length} claim(s) other outlets report`));
      if (view.timeline.length) {
        lines.push("", "  Timeline:");
        for (const t of view.timeline.slice(0, MAX_TIMELINE)) lines.push(`    ${timelineDate(t).padEnd(12)}  ${truncate(t.text, 110)} ${markers(t.articleIds, story)}`);
      }
    }
  }
  if (report.failures.length || report.skipped.length) lines.push("");
  for (const f of report.failures) lines.push(`✗ ${f.source}: ${f.error}`);
  for (const s of report.skipped) lines.push(`– skipped ${s.source}: ${s.skip}${s.detail ? ` (${s.detail})` : ""}`);
  return `${lines.join("\n")}\n`;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Every string of the report that came from an input reaches the terminal: its escape sequences and control
 * characters ("\u001b]0;…" retitles the window, "\u001b[2J" clears the screen, "\r" overwrites the line) would act
 * on it. Each C0/C1 control but newline and tab becomes U+FFFD, one code unit for one, so the text offsets that
 * claims and spans carry still point at the same words; what follows an ESC ("[2J") is then printed as text.
 */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function terminalSafe<T>(value: T): T {
  if (typeof value === "string") return value.replace(TERMINAL_CONTROL, "\ufffd") as T;
  if (Array.isArray(value)) return value.map(terminalSafe) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, terminalSafe(v)])) as T;
  return value;
}
