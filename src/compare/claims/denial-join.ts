/**
 * An outright denial joins the claim whose proposition it denies (issue 22): the same predicate and participants,
 * not a neighbour about the same people. "“It is untrue that I accepted any payment from Neil Castellano,”
 * Nandakumar said" denies that Nandakumar accepted payment, the Gazette's "Councillor Priya Nandakumar accepted
 * $12,000 in consulting fees from a developer", not its next sentence "The payments … came from a company
 * controlled by developer Neil Castellano", which shares more names. What is denied is read with its pronouns
 * ("I", "she") as the one who denies, and the report that states it with the same verb is preferred.
 */
import type { ArticleBundle } from "../../records.js";
import { sideSayer } from "../side-sayer.js";
import type { ClaimSentence } from "./find-claims.js";
import { claimTerms, type ClaimTerms } from "./similarity.js";

/**
 * Calibration (eval/verdicts denial stories): what a denial denies ("Brightloop is planning layoffs") is short, and
 * the report it answers words it otherwise ("is preparing to lay off about 300 employees"): the share of the
 * denied words' weight the report's sentence carries was 0.33–0.67 for the denied report, at most 0.25 for the
 * story's other sentences about the same people. The best such sentence takes the denial; none under the floor.
 */
const DENIAL_MIN_COVER = 0.3;
/**
 * Added to the cover of a sentence that states what is denied with the same verb ("accepted" / "accepted"): the
 * predicate is half of a proposition, and names alone (a neighbour sentence naming the same developer) are not.
 */
const SAME_PREDICATE_BONUS = 0.25;
/** The words a quoted or reported denial denies: after "untrue that", before "are false", after "denied (that)". */
const DENIED_CONTENT = /\b(?:untrue|false|not true) that\s+([^"“”]{3,240})|\b(?:reports?|claims?|allegations?|suggestions?|accounts?) (?:that|of)\s+([^"“”]{3,240}?)\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:untrue|false|not true|baseless|unfounded|fabricated)\b|\bden(?:ied|ies|y|ying)\s+(?:that\s+)?([^"“”]{3,240})/i;
/** The one who denies, as the denied words name them. */
const PERSONAL = /\b(?:I|me|my|we|us|our|she|he|her|him|his)\b/g;
/** The denied proposition's verb: the first past or present form after its subject ("accepted", "was paid"). */
const VERB = /\b(?:(?:was|were|is|are|has|have|had|been)\s+)?(\p{L}{3,}(?:ed|es)|paid|took|got|made|gave|sold|bought|met|knew|said|told)\b/u;

/** How much of `own`'s weight `other` carries (its words, or a word with one of their common senses). */
function cover(own: ClaimTerms, other: ClaimTerms): number {
  let total = 0;
  let shared = 0;
  for (const [w, r] of own.weights) {
    total += r;
    if (other.words.has(w) || own.senses.get(w)?.some((x) => other.allSenses.has(x))) shared += r;
  }
  return total ? shared / total : 0;
}

/**
 * Each denial's group is joined to the group of the sentence, in another group and not itself a denial or
 * negation, that carries most of what is denied (conflicts.ts then shows the dispute with each side's sources).
 */
export function joinDenials(
  sentences: readonly ClaimSentence[],
  groupOf: ReadonlyMap<number, number>,
  find: (k: number) => number,
  parent: number[],
  termsOf: (i: number) => ClaimTerms,
  byId: ReadonlyMap<string, ArticleBundle>,
): void {
  sentences.forEach((d, i) => {
    const group = groupOf.get(i);
    if (d.modality !== "denied" || d.field || group === undefined) return;
    const m = DENIED_CONTENT.exec(d.text);
    const content = m ? (m[1] ?? m[2] ?? m[3] ?? "") : "";
    if (!content) return;
    const bundle = byId.get(d.articleId);
    const speaker = bundle ? sideSayer(bundle, d.span) : null;
    const denied = claimTerms(speaker ? content.replace(PERSONAL, speaker) : content);
    const verb = VERB.exec(content)?.[1]?.toLowerCase().slice(0, 5) ?? "";
    let best = -1;
    let bestScore = 0;
    // Ties go to the earlier sentence of the lower article id, so that input order does not decide.
    const before = (j: number, k: number) => sentences[j]!.articleId < sentences[k]!.articleId || (sentences[j]!.articleId === sentences[k]!.articleId && sentences[j]!.position < sentences[k]!.position);
    sentences.forEach((c, j) => {
      const other = groupOf.get(j);
      if (other === undefined || c.field || find(other) === find(group) || c.modality === "denied" || c.modality === "negated") return;
      const x = cover(denied, termsOf(j));
      if (x < DENIAL_MIN_COVER) return;
      const score = x + (verb && new RegExp(`\\b${verb}`, "i").test(c.text) ? SAME_PREDICATE_BONUS : 0);
      if (score > bestScore || (score === bestScore && before(j, best))) [best, bestScore] = [j, score];
    });
    if (best >= 0) parent[find(groupOf.get(best)!)] = find(group);
  });
}
