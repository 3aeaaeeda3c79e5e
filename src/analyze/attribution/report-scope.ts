/**
 * How far a report's attribution carries past its own sentence. News gives a body's figures in a run: "Consumer prices
 * rose 0.4% in March, the Labor Department reported Wednesday. The index for food rose 0.3%, and energy prices fell
 * 1.2%." The second sentence rests on the same report though it names no one. A journalist reads it so when the
 * sentence goes on giving figures, in the same paragraph (or, after a wire lede that is a paragraph of one sentence
 * ending on its report, in the next), right after a sentence that rests on that report; the
 * first sentence that gives no figure, or weighs them (a hedge, a forecast, an opinion, someone else's view), is the
 * outlet's own voice again, and so is everything after it. Only a body that issues figures carries (carriesFigures).
 */
import type { SourceKind, Span } from "../../records.js";
import { isIssuingBody } from "./evidence.js";

/**
 * Sources whose figures run on into the next sentence: a body that issues figures (an agency, a department, a bureau:
 * "the Labor Department", "the Gun Violence Archive"). Not an outlet: what a wire adds after relaying another outlet's
 * report ("Shares of Valtra rose 4 percent on the report") is its own reporting; an outlet's quoted paragraphs are
 * carried by their colon cue (scope.ts). Not a person: their words go on where the text says so.
 */
export function carriesFigures(kind: SourceKind, source: string): boolean {
  return kind === "document" && isIssuingBody(source);
}

/** A figure: a number with digits, or a percentage or amount written out. */
const FIGURE = /\d|\b(?:percent|per cent|half|doubled|tripled|tenfold)\b/i;
/**
 * Words of an outlet weighing the figures rather than relaying them: hedges and forecasts, judgements, contrasts
 * with another view, other people's expectations, questions.
 */
const COMMENTARY = /\b(?:likely|unlikely|could|might|may|would|should|probably|perhaps|expected|expects|expecting|forecast|predicted|analysts?|economists?|critics?|experts?|observers?|investors|worr(?:y|ies|ied)|fears?|concerns?|hopes?|however|but|although|though|still|yet|surprising(?:ly)?|troubling|alarming|good news|bad news|welcome|I|we|our)\b|[?!]/i;
/** How many sentences a report carries over at most: figures run in twos and threes. */
export const MAX_CARRIED_SENTENCES = 3;

/** Whether `sentence`, with no cue of its own, goes on relaying the figures of the report just before it. */
export function continuesReport(text: string, [start, end]: Span): boolean {
  const sentence = text.slice(start, end);
  return FIGURE.test(sentence) && !COMMENTARY.test(sentence);
}

