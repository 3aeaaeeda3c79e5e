/**
 * What kind of statement a sentence is, and how it holds what it states. Only statements of fact are claims
 * (issue 22): opinion and rhetoric stay framing; non-response boilerplate ("did not immediately respond to a
 * request for comment") says nothing about the story; a sentence that is only a quotation is a quote.
 * Modality is read from the words outside quotation marks: a denial ("It is untrue that…", "denied that") is a
 * side of a dispute; a hedge ("may", "reportedly"), a prediction ("will") or a condition ("if") holds the claim at
 * a distance, and the report shows it. Word lists, not a model: these are closed classes of English function words
 * and reporting verbs, and each pattern is a plain alternation (linear time).
 */
import type { Modality } from "../../records.js";

export type SentenceKind = "fact" | "opinion" | "boilerplate" | "quote-only";

/** "did not (immediately) respond to a request for comment", "declined to comment", "could not be reached". */
const NON_RESPONSE =
  /\b(?:(?:did not|didn't|does not|doesn't|has not|hasn't|have not|haven't|would not|wouldn't|could not|couldn't)\s+(?:immediately\s+|yet\s+)?(?:respond|reply|return|answer|comment)|declined\s+(?:to\s+)?(?:comment|respond|elaborate|confirm|discuss)|could not be reached|request(?:s)? for comment|no immediate (?:response|reply|comment)|not immediately available for comment|(?:does|do|did) not (?:confirm or deny|comment on)|neither confirms? nor denies?)\b/i;

/**
 * A page's standing lines, not the story: tip lines ("Anyone with information is asked to call…"), updates promised
 * ("This is a developing story", "No further details have been released"), promotions, credits and rights lines.
 */
const PAGE_BOILERPLATE =
  /\b(?:anyone with (?:any )?(?:further )?information|if you have (?:any )?information|is asked to (?:call|contact)|are asked to (?:call|contact)|(?:is|are) (?:urged|encouraged) to (?:call|contact)|crime ?stoppers|(?:a|this) (?:is a )?developing story|breaking news alert|check back (?:for|later)|no (?:further|other|additional) details (?:have been|were) released|no word yet|stay with \S+|download (?:the|our)|sign up for|follow us|click here|read or share this story|all rights reserved|may not be published, broadcast|is a (?:\S+ )?staff writer|you may also (?:like|be interested))\b/i;

/**
 * A quotation with only its attribution outside it ("“This is overdue,” said Hal Jessup of the Friends of
 * Crestline"): the speaker's words, a quote, whatever its share of the sentence.
 */
const QUOTE_THEN_SPEAKER = /^\s*,?\s*(?:said|says|added|asked|wrote|told)\b|^\s*,?\s*[\p{L}.' -]{2,60}?\s(?:said|says|added|asked)\b/iu;
/** A characterization of something, attributed or not: "called the plan a spending spree", "described it as". */
const CHARACTERIZATION = /\b(?:called|calls|described|describes|branded|brands|labeled|labelled|dubbed)\s+(?:the|it|him|her|them|this|that|his|its|their)\b/i;
/**
 * An evaluation: of a prospect ("would be a disaster"), of an amount ("spends too much"), of a move ("exactly the
 * kind of bold move"), or a quoted label as a predicate ("said the answer was “a pro forma dodge”").
 */
const VERDICT = /\bwould be (?:a |an )?(?:disaster|catastrophe|mistake|tragedy|shame|blow|win|boon)\b|\btoo (?:much|little|many|few)\b|\bexactly the (?:kind|sort) of\b/i;
/** Read on the sentence as written, since the quotation marks are what it is about. */
const QUOTED_LABEL = /\b(?:is|was|are|were)\s+["“]/;
/** A relative clause after the main one (", who told reporters…", ", in what organizers called…"). */
const RELATIVE_CLAUSE = /,\s+(?:who|which|whose|where|in what)\b/i;
/**
 * A quoted label or a characterization is the sentence's point unless it sits in a relative clause after a main
 * clause that states something else ("The span will reopen on April 14, according to Mayor Whitcombe, who told
 * reporters the work was “on schedule and on budget.”"; "More than 12,000 teachers marched…, in what organizers
 * called the largest education protest in state history": the date and the count are the claims).
 */
function inMainClause(pattern: RegExp, text: string): boolean {
  const found = pattern.exec(text);
  if (!found) return false;
  const relative = RELATIVE_CLAUSE.exec(text);
  // "Henry Dube, who has pushed for cameras for two years, called the announcement…": the clause closed, and the
  // characterization is the main verb's.
  return !relative || relative.index > found.index || text.slice(relative.index + 1, found.index).includes(",");
}

/**
 * Evaluation, obligation and rhetoric outside quotes mark opinion, not a reported fact. Pronouns do not: "we are at
 * 90 percent coverage" is check-worthy. Dropping "I/we/you" from this list took ClaimBuster F1 from 0.38 to 0.70
 * (`npm run eval -- --only claims`); the rhetoric words were added for issue 22 (asides such as "This development
 * underscores the success of…", "It's clear that…", "make no mistake").
 */
export const OPINION =
  /\b(?:brilliant|amazing|shameful|disgraceful|pathetic|should|must|ought|clearly|obviously|of course|let['’]?s|sadly|thankfully|it['’]?s clear|it is clear|make no mistake|no wonder|needless to say|underscores? the|outrageous|absurd|ridiculous|laughable|shameless|incredibly|unbelievabl[ey]|finally|only because|deserves?|empty gestures?|returned to form)\b/i;

const DENIED =
  /\b(?:denied|denies|deny|denying|(?:is|was|are|were)\s+(?:categorically |completely |absolutely |simply |totally |flatly )?(?:untrue|false|not true|baseless|unfounded|fabricated)|untrue that|no truth (?:to|in)|refuted|refutes|rejected (?:the )?(?:report|claim|allegation|account)s?|dismissed (?:the )?(?:report|claim|allegation|account)s?)\b/i;
const CONDITIONAL = /\b(?:if|unless|provided that|as long as|on condition that)\b/i;
/** "not until June" and "not before March" give a date, not a negation. */
const NOT_UNTIL = /\bnot\s+(?:\w+\s+){0,4}(?:until|before|till)\b/gi;
const NEGATED = /\b(?:not|never|no longer|neither|nor)\b|n't\b/i;
const HEDGED = /\b(?:may|might|could|reportedly|allegedly|possibly|perhaps|apparently|appears? to|seems? to|likely|unconfirmed|(?:is|are|was|were) (?:said|believed|thought|understood) to|suspected)\b/i;
const PREDICTED = /\b(?:will|would|shall|(?:is|are) (?:expected|set|scheduled|due|going|poised) to|plans? to|intends? to)\b/i;

/**
 * `text`: the sentence as written; `unquoted`: with its quotations blanked; `quotedShare`: the share of it inside
 * direct quotations.
 */
export function sentenceKind(text: string, unquoted: string, quotedShare: number, maxQuotedShare: number): SentenceKind {
  if (quotedShare > maxQuotedShare) return "quote-only";
  const opensOnQuote = /^["“]/.test(text.trim()) && quotedShare > 0;
  if (opensOnQuote && QUOTE_THEN_SPEAKER.test(unquoted.replace(/^[\s,.]+/, ""))) return "quote-only";
  if (NON_RESPONSE.test(unquoted) || PAGE_BOILERPLATE.test(unquoted)) return "boilerplate";
  if (OPINION.test(unquoted) || inMainClause(CHARACTERIZATION, unquoted) || VERDICT.test(unquoted) || inMainClause(QUOTED_LABEL, text) || /!\s*$/.test(unquoted)) return "opinion";
  return "fact";
}

/**
 * A quotation that is itself a denial of a report ("“It is untrue that I accepted any payment,” she said"; "“Reports
 * that troops crossed the river are categorically false,” the ministry said"): the speaker's side of a dispute, so
 * the sentence is kept as a denied statement though it is mostly quotation. Only these forms: a quote merely
 * containing "deny" ("“I deny nothing,” he said") is still a quote.
 */
const QUOTED_DENIAL =
  /^\W*(?:it is (?:simply |categorically |completely |absolutely )?(?:untrue|false|not true) that\b|(?:the |these |those |any )?(?:reports?|claims?|allegations?|suggestions?|accounts?) (?:that|of)\b[^"“”]{0,160}?\b(?:is|are|was|were) (?:categorically |completely |absolutely |simply |totally |flatly )?(?:untrue|false|not true|baseless|unfounded|fabricated)\b|(?:we|i) (?:categorically |strongly |flatly |firmly )?(?:deny|reject) (?:the |these |those |any )?(?:reports?|claims?|allegations?|suggestions?)\b)/i;
export const isQuotedDenial = (quoted: string): boolean => QUOTED_DENIAL.test(quoted);

/** How the words outside quotation marks hold the statement; the first that applies, in the order a reader weighs them. */
export function modalityOf(unquoted: string): Modality {
  if (DENIED.test(unquoted)) return "denied";
  if (CONDITIONAL.test(unquoted)) return "conditional";
  const withoutUntil = unquoted.replace(NOT_UNTIL, "until");
  if (NEGATED.test(withoutUntil)) return "negated";
  if (HEDGED.test(unquoted)) return "hedged";
  if (PREDICTED.test(unquoted)) return "predicted";
  return "asserted";
}
