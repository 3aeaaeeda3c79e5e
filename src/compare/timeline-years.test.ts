import { describe, expect, test } from "vitest";
import type { Annotation, ArticleBundle } from "../records.js";
import { buildTimeline } from "./timeline.js";

/** An article whose sentences each carry one date mention (the date as the analyzer resolved it). */
function bundle(id: string, publishedAt: string | null, sentences: [text: string, date: string][]): ArticleBundle {
  let text = "";
  const annotations: Annotation[] = [];
  for (const [sentence, date] of sentences) {
    const start = text.length;
    text += `${sentence} `;
    annotations.push({ kind: "sentence", span: [start, start + sentence.length] } as unknown as Annotation);
    annotations.push({ kind: "date", span: [start, start + 4], text: sentence.slice(0, 4), date, granularity: date.length > 7 ? "day" : "month" } as unknown as Annotation);
  }
  const article = { id, source: `${id}.txt`, url: null, outlet: id, title: id, authors: [], publishedAt, modifiedAt: null, language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "test" };
  return { article, annotations } as unknown as ArticleBundle;
}

describe("timeline: years from the story's publication dates", () => {
  test("a month with no year takes the year the articles bound, and merges with the same event dated elsewhere", () => {
    const timeline = buildTimeline("s", [
      bundle("herald", "2024-08-11T09:30:00", [["The deadline for the pardon offer expires in January 2025, officials said.", "2025-01"]]),
      bundle("tribune", null, [["The pardon offer deadline expires in January, officials said.", "--01"]]),
    ]);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ date: "2025-01", articleIds: ["herald", "tribune"] });
    expect(timeline[0]!.yearInferred).toBeUndefined();
  });

  test("a day with no year alone is dated and marked inferred", () => {
    const [entry] = buildTimeline("s", [bundle("herald", "2024-08-12", [["A report from August 11 revealed the talks.", "--08-11"]])]);
    expect(entry).toMatchObject({ date: "2024-08-11", yearInferred: true });
  });

  test("no dated article, or first and last publication dates pointing at different years: the year stays unknown", () => {
    expect(buildTimeline("s", [bundle("a", null, [["Talks began on March 3.", "--03-03"]])])[0]!.date).toBe("--03-03");
    const wide = buildTimeline("s", [
      bundle("a", "2024-01-05", [["Talks began on July 3.", "--07-03"]]),
      bundle("b", "2025-01-20", [["The talks resumed on Monday.", "2025-01-20"]]),
    ]);
    expect(wide.find((e) => e.text.includes("July"))!.date).toBe("--07-03");
  });

  test("different events on one inferred date stay apart", () => {
    const timeline = buildTimeline("s", [
      bundle("a", "2024-08-11", [["Voters queued at dawn on July 28 in Caracas.", "2024-07-28"]]),
      bundle("b", "2024-08-11", [["The oil minister resigned on July 28 after the audit.", "--07-28"]]),
    ]);
    expect(timeline.map((e) => [e.date, e.yearInferred ?? false])).toEqual([["2024-07-28", false], ["2024-07-28", true]]);
  });
});
