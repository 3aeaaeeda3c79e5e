/**
 * Check-worthy sentences: statements of fact about named people, bodies, places, numbers or dates. Opinion
 * ("This is brilliant") and rhetoric, non-response boilerplate, questions, headings and sentences that are only a
 * quotation are framing, noise or quotes, not claims (sentence-kind.ts). Each claim sentence keeps its modality.
 */
import type { ArticleBundle, Modality, Span } from "../../records.js";
import { isQuotedDenial, modalityOf, OPINION, sentenceKind } from "./sentence-kind.js";

export interface ClaimSentence {
  articleId: string;
  /** Into `Article.text`, or into `Article.title` for the headline. */
  span: Span;
  text: string;
  /** Index of the sentence in its article: earlier sentences are the lead; the headline is -1. */
  position: number;
  field?: "title";
  /** How the sentence holds what it states, read outside its quotation marks. */
  modality: Modality;
}

const MIN_WORDS = 7;
const MAX_WORDS = 70;
/** A sentence mostly inside quotation marks is a quote (the quotes list has it), not the outlet's claim. */
const MAX_QUOTED_SHARE = 0.5;

export function findClaimSentences(bundle: ArticleBundle): ClaimSentence[] {
  const { article, annotations } = bundle;
  const sentences = annotations.filter((a) => a.kind === "sentence");
  const anchors = annotations.filter((a) => a.kind === "entity" || a.kind === "number" || a.kind === "date" || a.kind === "citation");
  // Direct quotes only: reported speech ("X said that …", "According to X, …") is the claim, with its source.
  const quotes = annotations.filter((a) => a.kind === "quote" && a.form !== "indirect");
  const out: ClaimSentence[] = [];
  sentences.forEach((s, position) => {
    const [start, end] = s.span;
    const text = article.text.slice(start, end).trim();
    const words = text.split(/\s+/).length;
    if (words < MIN_WORDS || words > MAX_WORDS || /[?:]$/.test(text)) return;
    const unquoted = stripQuotes(text, start, quotes.map((q) => q.span));
    const kind = sentenceKind(text, unquoted, quotedShare([start, end], quotes.map((q) => q.span)), MAX_QUOTED_SHARE);
    // A quoted denial is the speaker's side of a dispute, quote or not (isQuotedDenial).
    const denial = kind !== "boilerplate" && quotes.some((q) => q.span[0] >= start && q.span[1] <= end && isQuotedDenial(article.text.slice(q.span[0], q.span[1])));
    if (kind !== "fact" && !denial) return;
    if (!anchors.some((a) => a.span[0] >= start && a.span[1] <= end)) return;
    out.push({ articleId: article.id, span: [start, end], text, position, modality: denial ? "denied" : modalityOf(unquoted) });
  });
  return out;
}

/** Headlines are shorter than sentences: "US offers pardon to Maduro in secret talks" is 8 words. */
const MIN_HEADLINE_WORDS = 5;
/** A kicker before a colon ("REPORT:", "EXCLUSIVE:", "A Tense Standoff:") is a label, not part of the claim. */
const KICKER = /^[^:]{1,40}:\s+(?=\S)/u;

/**
 * The headline as a claim: what the outlet chose to say the story is, and often the only place where outlets
 * state the main event in comparable words ("US offers pardon to Maduro", "US considers amnesty deal for
 * Maduro"). Kept when it reads as a statement about someone or something named: not a question, not opinion.
 */
export function findHeadlineClaim(bundle: ArticleBundle): ClaimSentence[] {
  const title = bundle.article.title;
  const start = KICKER.exec(title)?.[0].length ?? 0;
  const text = title.slice(start).trim();
  if (text.split(/\s+/).length < MIN_HEADLINE_WORDS || /[?]$/.test(text) || OPINION.test(text)) return [];
  if (!/\s[\p{Lu}\d]/u.test(text)) return []; // nothing named or counted after the first word
  return [{ articleId: bundle.article.id, span: [start, start + text.length], text, position: -1, field: "title", modality: modalityOf(text) }];
}

function quotedShare([start, end]: Span, quotes: readonly Span[]): number {
  let inside = 0;
  for (const [qs, qe] of quotes) inside += Math.max(0, Math.min(end, qe) - Math.max(start, qs));
  return inside / Math.max(1, end - start);
}

function stripQuotes(text: string, offset: number, quotes: readonly Span[]): string {
  let out = text;
  for (const [qs, qe] of quotes) {
    const a = qs - offset, b = qe - offset;
    if (a >= 0 && b <= text.length && b > a) out = out.slice(0, a) + " ".repeat(b - a) + out.slice(b);
  }
  return out.replace(/[“”"]/g, " ").trim();
}
