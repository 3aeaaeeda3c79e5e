import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Span } from "../../records.js";
import { tokenize } from "../../_lib/wink.js";
import { loadedFeatures, ngramFeatures, sentenceTokens, TOKEN_PATTERN, vocabularyWords } from "./bias-features.js";
import modelFile from "./bias-model.json" with { type: "json" };
import { type BiasModelFile, biasScorer, shippedLoadedWords } from "./bias-model.js";
import { findBiasedSentences, findWordCues } from "./find.js";

const LEARNED = new Set(shippedLoadedWords());

/** Cue terms of one kind; a span in `quoted` marks the words between quotation marks, as the quotes analyzer would. */
function cueTerms(text: string, cue: "loaded" | "hedge", quoted: string | null = null): string[] {
  const at = quoted === null ? -1 : text.indexOf(quoted);
  const quotes: Span[] = at < 0 ? [] : [[at, at + quoted!.length]];
  return findWordCues(text, quotes, LEARNED).filter((c) => c.cue === cue).map((c) => c.term);
}

describe("hedges", () => {
  test.each([
    ["an adjective on what it hedges", "President Trump’s bombing campaign against alleged drug boats could soon hit closer to South America’s shore.", ["alleged"]],
    ["an adverb", "Trump told him to step down, with the beleaguered leader reportedly counter-proposing a hand-off to his vice president.", ["reportedly"]],
    ["a phrase", "He claimed to have won the election by a wide margin.", ["claimed to"]],
    ["a hyphenated hedge", "The so-called peace plan was never published.", ["so-called"]],
    ["a passive report", "Maduro is said to have asked for guarantees.", ["said to have"]],
    ["two in one sentence", "The group purportedly funds the militia, which allegedly smuggles arms.", ["purportedly", "allegedly"]],
  ] as const)("%s", (_, text, expected) => expect(cueTerms(text, "hedge")).toEqual(expected));

  test.each([
    ["'alleged' as a reporting verb with a clause", "Prosecutors alleged that the company hid its losses for years."],
    ["'alleged' as a verb with an object", "The lawsuit, which the prosecutors alleged the scheme was part of, was dropped."],
    ["'alleged' as a verb after a pronoun", "She alleged widespread fraud in the count."],
    ["'supposed to' is an obligation, not a hedge", "He is supposed to testify before the committee on Monday."],
  ])("no hedge: %s", (_, text) => expect(cueTerms(text, "hedge")).toEqual([]));

  test("a hedge inside a direct quote is the speaker's, not the outlet's", () => {
    const text = "“These are alleged drug boats, nothing more,” the senator said. The alleged boats were sunk.";
    const quote = "These are alleged drug boats, nothing more,";
    const cues = findWordCues(text, [[text.indexOf(quote), text.indexOf(quote) + quote.length]], LEARNED);
    expect(cues.map((c) => [c.cue, c.span[0]])).toEqual([["hedge", text.lastIndexOf("alleged")]]);
  });
});

describe("loaded words", () => {
  test.each([
    ["a government called a regime", "The Biden regime has offered Venezuelan dictator Nicolas Maduro amnesty.", ["regime", "dictator"]],
    ["name-calling", "Biden’s lackeys has offered the socialist strongman freedom from persecution.", ["lackeys", "socialist", "strongman"]],
    ["a learned loaded word (BABE annotators)", "Critics called the plan a grotesque waste of money.", ["grotesque"]],
    ["a possessive keeps its base word", "The strongman's allies were arrested.", ["strongman"]],
    ["a capitalised loaded word that is not a name", "The Regime has jailed its critics.", ["regime"]],
  ] as const)("%s", (_, text, expected) => expect(cueTerms(text, "loaded")).toEqual(expected));

  test.each([
    // A system of rules, not a government: "sanctions regime", "tax regime".
    ["a sanctions regime", "The sanctions regime on Venezuelan oil was eased in October."],
    ["a tax regime", "Ireland's low tax regime has drawn technology companies for decades."],
    // "Regime change" names a policy, and neutral policy reporting uses it as such; we do not flag it.
    ["regime change as a policy's name", "Washington has long pursued a policy of regime change in Caracas."],
    ["a capitalised name: party", "Members of the Communist Party met in Beijing on Tuesday."],
    ["a capitalised name with 'de los'", "Prosecutors say Cartel de los Soles moved cocaine through the ports."],
    ["a neutral sentence", "The central bank raised its benchmark interest rate by a quarter point on Wednesday."],
  ])("no loaded word: %s", (_, text) => expect(cueTerms(text, "loaded")).toEqual([]));

  test("a loaded word inside a direct quote belongs to the speaker", () => {
    const text = "“The regime must go,” Rubio said on Friday.";
    expect(cueTerms(text, "loaded", "The regime must go,")).toEqual([]);
    expect(cueTerms(text, "loaded")).toEqual(["regime"]);
  });
});

describe("classifier tokens", () => {
  test.each([
    ["Biden’s “lackeys” — 12.5% of them — didn't", ["biden's", "lackeys", "12", "5", "of", "them", "didn't"]],
    ["Nicolás Maduro's rock'n'roll ‘regime’ in 2024's", ["nicolás", "maduro's", "rock'n", "roll", "regime", "in", "2024's"]],
    ["it's2 o'clock's U.S.-led", ["it's", "2", "o'clock", "s", "u", "s", "led"]],
    ["Straße ΑΘΗΝΑ 𝐁old", ["straße", "αθηνα", "𝐁old"]], // a letter outside the BMP, with no lower case
  ])("%s", (text, expected) => {
    expect(sentenceTokens(text)).toEqual(expected);
    expect(text.toLowerCase().replace(/[’‘]/g, "'").match(TOKEN_PATTERN)).toEqual(expected);
  });

  test("the scanner agrees with TOKEN_PATTERN on the seed articles", () => {
    const root = new URL("../../../examples/", import.meta.url);
    for (const f of readdirSync(root).filter((f) => f.endsWith(".txt"))) {
      const text = readFileSync(new URL(f, root), "utf8");
      expect(sentenceTokens(text)).toEqual(text.toLowerCase().replace(/[’‘]/g, "'").match(TOKEN_PATTERN) ?? []);
    }
  });
});

describe("biased sentences", () => {
  const scorer = biasScorer();
  const sentenceCues = (text: string) => findBiasedSentences(text, tokenize(text).sentences, scorer);

  test("an opinionated sentence is flagged, a neutral one beside it is not", () => {
    const text = "Under Trump, dictators know they don’t get to cling to power forever. " +
      "The central bank raised its benchmark interest rate by a quarter point on Wednesday.";
    const cues = sentenceCues(text);
    expect(cues.map((c) => text.slice(c.span[0], c.span[1]))).toEqual(["Under Trump, dictators know they don’t get to cling to power forever."]);
    expect(cues[0]!.score).toBeGreaterThan(scorer.threshold);
    expect(cues[0]!.term).toBe("dictators");
  });

  test("fragments too short to be sentences are not scored", () => {
    expect(sentenceCues("Stupid, pathetic lies.")).toEqual([]);
  });

  test("the fast scorer agrees with the feature definitions the model was trained on", () => {
    const file = modelFile as BiasModelFile;
    const reference = referenceScorer(file);
    const root = new URL("../../../examples/", import.meta.url);
    const sentences = readdirSync(root).filter((f) => f.endsWith(".txt")).flatMap((f) => {
      const text = readFileSync(new URL(f, root), "utf8");
      return tokenize(text).sentences.map(([start, end]) => text.slice(start, end));
    });
    expect(sentences.length).toBeGreaterThan(100);
    for (const sentence of sentences) expect(scorer.score(sentence).probability).toBeCloseTo(reference(sentence), 9);
  });
});

/** The slow, obvious reading of the model: feature strings and plain lookups, as eval/bias-fit.ts trains. */
function referenceScorer(file: BiasModelFile): (sentence: string) => number {
  const ngramWeights = new Map(file.ngrams.map((n, i) => [n, file.ngramWeights[i]!]));
  const words = new Map(file.words.map((w, i) => [w, i]));
  return (sentence) => {
    const tokens = sentenceTokens(sentence);
    const ngrams = ngramFeatures(tokens);
    let z = file.intercept + [...ngrams].reduce((sum, n) => sum + (ngramWeights.get(n) ?? 0), 0) / Math.sqrt(ngrams.size);
    const known = vocabularyWords(tokens, (w) => words.has(w)).map((w) => words.get(w)!);
    if (known.length) {
      const { wmax, wtop3 } = loadedFeatures(known.map((i) => file.wordLoadedness[i]!), file.loadedScale);
      z += known.reduce((sum, i) => sum + file.wordProjections[i]!, 0) / known.length + file.loadedMaxWeight * wmax + file.loadedTop3Weight * wtop3;
    }
    return 1 / (1 + Math.exp(-z));
  };
}

describe("on a seed article", () => {
  test("the Maduro amnesty story: loaded words and hedges in narration, biased sentences scored", async () => {
    const { analyzeArticle } = await import("../index.js");
    const { extractTextArticle } = await import("../../extract/text/extract-text.js");
    const path = new URL("../../../examples/000_e744ca5dccc51e1c.txt", import.meta.url);
    const extracted = extractTextArticle({ source: path.pathname, format: "text", body: readFileSync(path, "utf8"), hints: {}, fetchedAt: "" });
    if ("skip" in extracted) throw new Error("seed article skipped");
    const article = { ...extracted.article, id: "seed-000", source: path.pathname, extractedBy: "text:lines" };
    const text = article.text;
    const annotations = analyzeArticle(article);
    const cues = annotations.filter((a) => a.kind === "cue");
    const quotes = annotations.filter((a) => a.kind === "quote" && a.form === "direct");
    expect(cues.filter((c) => c.cue === "loaded").map((c) => c.term)).toEqual(expect.arrayContaining(["regime", "lackeys", "strongman"]));
    for (const c of cues.filter((c) => c.cue !== "biased-sentence")) {
      expect(quotes.some((q) => c.span[0] >= q.span[0] && c.span[0] < q.span[1])).toBe(false);
      expect(text.slice(c.span[0], c.span[1]).toLowerCase()).toContain(c.term.split(" ")[0]);
    }
    const biased = cues.filter((c) => c.cue === "biased-sentence");
    expect(biased.length).toBeGreaterThan(0);
    for (const c of biased) expect(c.score!).toBeGreaterThanOrEqual(biasScorer().threshold);
  });
});
