import { expect, test } from "vitest";
import type { Annotation, Article } from "../../records.js";
import { analyzeArticle } from "../index.js";

function attributions(text: string) {
  const article: Article = {
    id: "a", source: "a", url: null, outlet: "Example News", title: "", authors: [], publishedAt: "2024-08-12", modifiedAt: null,
    language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input",
  };
  return analyzeArticle(article)
    .filter((a): a is Extract<Annotation, { kind: "attribution" }> => a.kind === "attribution")
    .map((a) => [text.slice(a.span[0], a.span[1]).slice(0, 30), a.source, a.sourceKind]);
}

test("each attributed sentence names its source and its kind", () => {
  const text = [
    "According to The Wall Street Journal, the United States offered Maduro amnesty in secret talks.",
    "The offer was made in Qatar, people familiar with the matter said.",
    "“We will not leave,” Maduro said on Sunday.",
    "The Post has learned that the talks stalled in December.",
    "Venezuela held a presidential election in July.",
  ].join(" ");
  expect(attributions(text)).toEqual([
    ["According to The Wall Street J", "The Wall Street Journal", "outlet"],
    ["The offer was made in Qatar, p", "people familiar with the matter", "anonymous"],
    ["“We will not leave,” Maduro sa", "Maduro", "person"],
    ["The Post has learned that the ", "The Post", "own-reporting"],
  ]);
});

test("narration without a cue is not attributed", () => {
  expect(attributions("Venezuela held a presidential election in July. The opposition disputed the result.")).toEqual([]);
});
