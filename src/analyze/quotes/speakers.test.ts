/**
 * Speakers through the whole analysis (entities, then quotes as index.ts composes them), on sentences from political
 * news (PolNeAR's train and dev articles, where these shapes were missed) and from the issue (21).
 */
import { expect, test } from "vitest";
import type { AnnotationOf, Article } from "../../records.js";
import { analyzeArticle } from "../index.js";

function speakers(text: string): [string, string | null][] {
  const article = { id: "t", source: "t", url: null, outlet: null, title: "", authors: [], publishedAt: null, modifiedAt: null, language: "en", text, captions: [], embeds: [], provenance: {}, extractedBy: "input" } as Article;
  return analyzeArticle(article)
    .filter((a): a is AnnotationOf<"quote"> => a.kind === "quote")
    .map((q) => [text.slice(q.span[0], q.span[1]).split(" ").slice(0, 3).join(" "), q.speaker]);
}

test.each([
  ["a quote opening the sentence after reported speech carries it on",
    `The administration may be reluctant to act while Secretary of State John Kerry negotiates with Russia over Syria, Schiff said. "The other factor the administration may be considering is whether it would tip the scales."`,
    [["The administration may", "Schiff"], ["The other factor", "Schiff"]]],
  ["…also when the reported sentence opens on its speaker",
    `Carter said that for decades some critics had been predicting an impending U.S. withdrawal from the region. “That’s because this region remains the most consequential for America’s own security.”`,
    [["for decades some", "Carter"], ["That’s because this", "Carter"]]],
  ["a relative clause between the subject and the verb",
    `Rep. Zoe Lofgren (D-Calif.), who introduced a bill this month aimed at improving conditions in Central America, said in a statement that the announcements were “important preliminary steps to treating those escaping violence.”`,
    [["important preliminary steps", "Zoe Lofgren"]]],
  ["a partitive appositive (“one of the states …”) is not the subject",
    `“It’s an invasion, in our estimation, of the state regulatory domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said at a Washington event this month.`,
    [["It’s an invasion,", "Scott Pruitt"]]],
  ["a relative pronoun speaks for the name before it",
    `The crowd cheered for Clinton, who said "we are not going back to those days" before she left the stage.`,
    [["we are not", "Clinton"]]],
])("%s", (_, text, expected) => {
  expect(speakers(text)).toEqual(expected);
});

test("a quote after reported speech in a paragraph that goes on after it is not carried over", () => {
  const text = `Schiff said the vote would be close.\n“We will see what happens,” a spokesman for the leadership said later.`;
  expect(speakers(text)).toEqual([["the vote would", "Schiff"], ["We will see", "a spokesman for the leadership"]]);
});
