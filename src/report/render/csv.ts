/**
 * The report as CSV for a spreadsheet: one row per claim, with its story, verdict, independent sources, the
 * dispute's sides, and one column per outlet saying what that outlet does with the claim ("states", "disputes",
 * "silent"; empty when the outlet is not in the claim's story). RFC 4180 quoting by csv-stringify; a cell a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe (OWASP's CSV injection advice).
 */
import { stringify } from "csv-stringify/sync";
import type { Claim, Report } from "../../records.js";
import { articleOutlet, bottomLine } from "../bottom-line.js";
import { claimText, describeSources, markers, viewReport, type StoryView } from "./view.js";

const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (cell: string | number): string | number => (typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell);

type Cell = "states" | "disputes" | "silent";

/** What each of the story's outlets does with the claim; an outlet giving only a side other than the claim's own disputes it. */
function outletCells(view: StoryView, claim: Claim): Map<string, Cell> {
  const outletOf = new Map(view.articles.map((a) => [a.id, articleOutlet(a)]));
  const outletAt = (k: number) => outletOf.get(claim.support[k]?.articleId ?? "");
  const carrying = new Set(claim.support.map((s) => outletOf.get(s.articleId)));
  const [own, ...others] = claim.dispute?.sides ?? [];
  const ownOutlets = new Set(own?.support.map(outletAt));
  const disputing = new Set(others.flatMap((side) => side.support.map(outletAt)).filter((o) => !ownOutlets.has(o)));
  return new Map(view.articles.map((a) => {
    const o = articleOutlet(a);
    return [o, disputing.has(o) ? "disputes" : carrying.has(o) ? "states" : "silent"];
  }));
}

export function renderCsv(report: Report): string {
  const stories = viewReport(report).flatMap((s) => s.stories);
  const outlets = [...new Set(stories.flatMap((v) => v.articles.map(articleOutlet)))];
  const header = ["story id", "story", "story bottom line", "claim id", "claim", "verdict", "independent sources", "sources", "dispute", "articles", ...outlets];
  const rows = stories.flatMap((view) => {
    const line = bottomLine(view.claims, view.articles).sentences.join(" ");
    return view.claims.map((claim) => {
      const cells = outletCells(view, claim);
      const dispute = claim.dispute ? `${claim.dispute.about}: ${claim.dispute.sides.map((s) => `${s.sources.join(" and ") || "unnamed"}: ${s.value}`).join(" / ")}` : "";
      const articles = `${markers([...new Set(claim.support.map((s) => s.articleId))], view.story)} ${[...new Set(claim.support.map((s) => s.articleId))].join(" ")}`;
      return [view.story.id, view.story.title, line, claim.id, claimText(claim), claim.status, claim.independentSources, describeSources(claim), dispute, articles, ...outlets.map((o) => cells.get(o) ?? "")];
    });
  });
  return stringify([header, ...rows].map((row) => row.map(safe)), { record_delimiter: "\r\n" });
}

/**
 * Who said what, as CSV beside the claims (`--csv --out FILE` writes it to FILE's `.quotes.csv`): one row per quote,
 * with its story, speaker (and whether anonymous), the words, direct or reported, and the outlet and article.
 */
export function renderQuotesCsv(report: Report): string {
  const header = ["story id", "story", "speaker", "speaker kind", "quote", "form", "outlet", "article", "article id"];
  const rows = viewReport(report).flatMap((s) => s.stories).flatMap((view) =>
    view.quotes.map((q) => {
      const article = view.articles.find((a) => a.id === q.articleId);
      return [view.story.id, view.story.title, q.speaker ?? "unattributed", q.speakerKind ?? "", q.text, q.form === "indirect" ? "reported" : "direct",
        article ? articleOutlet(article) : "", markers([q.articleId], view.story), q.articleId];
    }));
  return stringify([header, ...rows].map((row) => row.map(safe)), { record_delimiter: "\r\n" });
}
