/**
 * Who says what in the five seeds (issues 21 and 22), written by reading the seeds before running the analyzers:
 *   - every quote and reported statement has its right speaker, found by an anchor in the seed's text (the quote
 *     annotation, direct or reported, that covers the anchor);
 *   - each seed's sentences are attributed where a journalist would attribute them: the sentences relying on The Wall
 *     Street Journal to the Journal, and the outlet's own commentary around the citation ("Such an offer of amnesty
 *     would be typical of Joe Biden", "This development underscores the success of Trump's foreign policy") to no
 *     one: it stays the outlet's own voice.
 * A change that breaks one of these is wrong, not merely different.
 */
import { expect, test } from "vitest";
import type { Annotation, ArticleBundle } from "../../src/records.js";
import { processInputs } from "../../src/pipeline.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const processed = await processInputs([examples], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const seed = (prefix: string): ArticleBundle => processed.bundles.find((b) => b.article.source.split("/").at(-1)!.startsWith(prefix))!;
const of = <K extends Annotation["kind"]>(b: ArticleBundle, kind: K) => b.annotations.filter((a): a is Extract<Annotation, { kind: K }> => a.kind === kind);

function at(b: ArticleBundle, anchor: string): number {
  const found = b.article.text.indexOf(anchor);
  if (found < 0) throw new Error(`anchor not in the seed's text: ${anchor}`);
  return found;
}

/** [seed, anchor in the quoted or reported words, speaker a journalist would name] */
const SPEAKERS: readonly (readonly [string, string, string])[] = [
  ["000", "everything on the table", "One of the people"],
  ["000", "pursuing a long-shot bid", "people familiar with the matter"],
  ["000", "would be open to providing guarantees", "Another person familiar with the talks"],
  ["001", "everything on the table", "One source"],
  ["001", "focusing on carrots", "Geoff Ramsey"],
  ["001", "We were able to show the world", "María Corina Machado"],
  ["001", "There will be no forgiveness", "Nicolás Maduro"],
  ["001", "This is a moment to remain calm", "Juan Barreto"],
  ["001", "would consider providing guarantees", "Another person familiar with the talks"],
  ["003", "We agreed that, after resolving", "Alexander Lukashenko"],
  ["003", "His days are numbered", "Donald Trump"],
  ["004", "Qatar, Saudi Arabia and the UAE love", "a source close to the administration"],
  ["004", "All three compete against each other", "a source close to the administration"],
  ["004", "It is untrue that Maduro is fleeing", "this person"],
  ["004", "responsible for terrorist violence", "Marco Rubio"],
  ["004", "self-defense to protect", "Karoline Leavitt"],
  ["004", "Anybody that’s doing that", "Donald Trump"],
  ["004", "No, not just Venezuela", "Donald Trump"],
  ["004", "he was preparing to inform Congress", "Donald Trump"],
];

test.each(SPEAKERS)("seed %s: “%s” is %s's", (prefix, anchor, speaker) => {
  const b = seed(prefix);
  const start = at(b, anchor);
  const quote = of(b, "quote").find((q) => q.span[0] <= start && start < q.span[1]);
  expect(quote, `no quote covers “${anchor}”`).toBeDefined();
  // A surname alone is the same person when the text names them in full ("Trump" for "Donald Trump").
  const said = quote!.speaker ?? "";
  expect(said === speaker || speaker.endsWith(` ${said}`), `speaker ${said}`).toBe(true);
});

const WSJ = "The Wall Street Journal";
/** [seed, anchor at a sentence's start, the source it relies on: an outlet's name, or null for the outlet's own voice] */
const SENTENCES: readonly (readonly [string, string, string | null])[] = [
  ["000", "The Biden regime has offered Venezuelan dictator", null],
  ["000", "According to The Wall Street Journal, Biden’s lackeys", WSJ],
  ["000", "The Journal reports:", WSJ],
  ["000", "The U.S. is pursuing a long-shot bid", WSJ],
  ["000", "One of the people said the U.S.", WSJ],
  ["000", "A staunch socialist with close ties", null],
  ["000", "Many of those individuals have traveled", null],
  ["000", "Such an offer of amnesty would be typical of Joe Biden", null],
  ["001", "The WSJ reported that the Biden administration", WSJ],
  ["001", "As reported by The Wall Street Journal, US officials", WSJ],
  ["001", "This bold move comes as overwhelming evidence", null],
  ["001", "Despite the opposition's efforts, Maduro has maintained", null],
  ["002", "A Wall Street Journal report from August 11", WSJ],
  ["003", "This development underscores the success", null],
  ["003", "Meanwhile, Belarus long seen as a Kremlin satellite", null],
];

test.each(SENTENCES)("seed %s: “%s” relies on %s", (prefix, anchor, source) => {
  const b = seed(prefix);
  const start = at(b, anchor);
  const attribution = of(b, "attribution").find((a) => a.span[0] <= start && start < a.span[1]);
  if (source === null) expect(attribution?.source ?? null, "the outlet's own voice").toBeNull();
  else expect(attribution?.source).toBe(source);
});

test("the Breitbart seed's own commentary after the Journal's quoted paragraphs is not the Journal's", () => {
  const b = seed("000");
  const wsj = of(b, "attribution").filter((a) => a.source === WSJ).map((a) => a.span[1]);
  const lastWsj = Math.max(...wsj);
  expect(lastWsj).toBeLessThan(at(b, "A staunch socialist"));
});

test("non-response boilerplate in the Post seed is flagged", () => {
  const b = seed("004");
  const start = at(b, "The State Department did not immediately respond");
  const attribution = of(b, "attribution").find((a) => a.span[0] <= start && start < a.span[1]);
  expect(attribution?.nonResponse).toBe(true);
  expect(attribution?.source).toBe("The State Department");
});
