/**
 * wink's sentence boundary detector stops after an abbreviation it does not know when the abbreviation sits inside
 * parentheses: "Rep. Zoe Lofgren (D-Calif.), who introduced …" becomes "Rep. Zoe Lofgren (D-Calif.)" and ", who
 * introduced …"; "(D-S.C.)" is cut inside. A sentence never opens on a comma, a semicolon, a colon or a closing
 * parenthesis, nor on a lower-case word right after an abbreviation, and a boundary never falls inside an
 * abbreviation's parentheses. Those false breaks are joined back. The rule reads only the two sides of each break,
 * so it holds for any party tag, state, title or company suffix, not a list of them.
 */
import type { Span } from "../../records.js";

/** What a real sentence cannot open with: a comma, semicolon, colon or closing bracket. */
const CONTINUATION_OPENING = /^[,;:)\]]/;
/** A lower-case word continues the sentence when the break follows an abbreviation ("(incl." + "the U.S.)"). */
const LOWER_OPENING = /^\p{Ll}/u;
/**
 * The last word before the break is an abbreviation: a short word, or letters with a period or hyphen inside
 * ("Calif.", "D-S.", "U.S.", "Inc."), ending on a period, perhaps closing its parenthesis ("(I-Vt.)"). Ordinary words that end a sentence are longer than
 * MAX_ABBREVIATION_LETTERS or are plain lower-case words followed by a capital, which are never joined.
 */
const MAX_ABBREVIATION_LETTERS = 6;
const ABBREVIATION_END = new RegExp(String.raw`(?:^|[\s(\[])(?:[\p{L}]{1,${MAX_ABBREVIATION_LETTERS}}|[\p{L}.-]*[.-][\p{L}]{1,${MAX_ABBREVIATION_LETTERS}})\.\)?$`, "u");
const ABBREVIATION_WINDOW = 32;
/** Inside an open parenthesis, one unbroken word up to its closing one is the abbreviation's rest: "C.)" of "(D-S.C.)". */
const MAX_PARENTHESIS_REST = 24;

/** `sentences` in text order; returns them with false breaks joined. */
export function joinFalseBreaks(text: string, sentences: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const sentence of sentences) {
    const previous = out.at(-1);
    if (previous && isFalseBreak(text, previous, sentence)) out[out.length - 1] = [previous[0], sentence[1]];
    else out.push([sentence[0], sentence[1]]);
  }
  return out;
}

function isFalseBreak(text: string, previous: Span, next: Span): boolean {
  const gap = text.slice(previous[1], next[0]);
  // A paragraph or line break ends a sentence whatever follows.
  if (gap.includes("\n") || gap.trim()) return false;
  const before = text.slice(previous[0], previous[1]);
  const after = text.slice(next[0], next[1]);
  if (CONTINUATION_OPENING.test(after)) return true;
  // Only the last few characters are read: the pattern's runs then stay short on any sentence.
  const abbreviated = ABBREVIATION_END.test(before.slice(-ABBREVIATION_WINDOW));
  if (abbreviated && LOWER_OPENING.test(after)) return true;
  // "(D-S." + "C.), the assistant leader …": the break is inside a parenthesis an abbreviation left open.
  if (abbreviated && openParentheses(before) > 0) {
    const close = after.indexOf(")");
    return close >= 0 && close <= MAX_PARENTHESIS_REST && !/\s/.test(after.slice(0, close));
  }
  return false;
}

function openParentheses(words: string): number {
  let depth = 0;
  for (const c of words) {
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
  }
  return depth;
}
