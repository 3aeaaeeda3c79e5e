/**
 * Whom each sentence relies on, with the cue's scope in the text (issue 22). A sentence is attributed by:
 *   1. non-response boilerplate in it ("did not immediately respond to a request for comment"): flagged, not a claim;
 *   2. an explicit citation in it ("According to The Wall Street Journal", "people familiar with the matter said",
 *      "The Post has learned"), the most specific kind first;
 *   3. the speaker of a quote it carries, direct or reported (the quotes analyzer already carries a speaker over the
 *      sentences that continue the same quote);
 *   4. the scope of a cue outside it (scope.ts): the paragraphs a "The Journal reports:" introduces, and the
 *      anonymous sources of a paragraph that opened on an outlet's report;
 *   5. the report or data the sentence before rests on, for the figures that follow it in the same paragraph, or in
 *      the next one after a one-sentence lede (report-scope.ts): "…, the Labor Department reported Wednesday. The
 *      index rose 0.4% in March."
 * Sentences with none of these are the outlet's own narration and get no attribution: the compare stage reads
 * silence as "the outlet says so". Nothing is attributed article-wide.
 */
import type { AnnotationOf, SourceKind, Span } from "../../records.js";
import { OUTLET_WORD } from "../citations/find.js";
import { nonResponseOf } from "./non-response.js";
import { evidenceOf } from "./evidence.js";
import { carriesFigures, continuesReport, MAX_CARRIED_SENTENCES } from "./report-scope.js";
import { endsOnColon, isQuotedParagraph, type Paragraph, paragraphIndexOf, paragraphsOf } from "./scope.js";

export interface AttributionCandidate {
  span: Span;
  source: string;
  sourceKind: SourceKind;
  cueSpan: Span | null;
  sourceSpan: Span | null;
  nonResponse?: boolean;
}

/** Citation kinds in the order a sentence's source is taken when it has several: the most specific first. */
const CITATION_RANK: Record<SourceKind, number> = { outlet: 0, "own-reporting": 1, anonymous: 2, document: 3, person: 4 };
/** Cue words around a citation's name, to find the words naming the source: "According to", "reported", "has learned". */
const CUE_BEFORE = /^(?:according to|as (?:first )?reported by|reported by|(?:in )?(?:comments|an interview|a statement) (?:to|with))\s+/i;
const CUE_AFTER = /\s+(?:reports|reported|first reported|revealed|has reported|said in a report|report|investigation|analysis|confirmed|showed?|said|stated|has learned|have learned)$/i;

const DEMONSTRATIVE = /^(?:this|that|the same)\s/i;
/** A citation that names whom a speaker talked to, not a source: "in comments to", "in an interview with". */
const CHANNEL = /^(?:in )?(?:comments|an interview|a statement) (?:to|with)\b/i;

type Found = Omit<AttributionCandidate, "span">;

export function attributeSentences(
  text: string,
  sentences: readonly Span[],
  citations: readonly AnnotationOf<"citation">[],
  quotes: readonly AnnotationOf<"quote">[],
  entities: readonly AnnotationOf<"entity">[],
): AttributionCandidate[] {
  const people = new Set(entities.filter((e) => e.type === "person").map((e) => e.name));
  const paragraphs = paragraphsOf(text);
  const introduced = introducedBlocks(text, paragraphs, sentences, citations, quotes, people);
  const out: AttributionCandidate[] = [];
  let lastAnonymous: string | null = null;
  const carried: { paragraph: number; found: Found | null } = { paragraph: -1, found: null };
  // The report or data the sentence just before rests on, for the figures that follow it (report-scope.ts).
  const reported = { paragraph: -1, found: null as Found | null, sentences: 0, wholeParagraph: false };
  for (const sentence of sentences) {
    const paragraph = paragraphIndexOf(paragraphs, sentence[0]);
    const silent = nonResponseOf(text, sentence);
    if (silent) {
      out.push({ span: sentence, source: silent.source, sourceKind: "own-reporting", cueSpan: silent.cueSpan, sourceSpan: silent.sourceSpan, nonResponse: true });
      reported.found = null;
      continue;
    }
    let found = ownCue(text, sentence, citations, quotes, people);
    // "this person said": the anonymous source named just before ("A source familiar with Qatar's role …").
    if (found?.sourceKind === "anonymous" && DEMONSTRATIVE.test(found.source) && lastAnonymous) found = { ...found, source: lastAnonymous };
    if (found?.sourceKind === "anonymous") lastAnonymous = found.source;
    const block = introduced.get(paragraph);
    // In a quoted block, or after an outlet's report in the same paragraph, anonymous sources are that outlet's.
    if (block && (!found || found.sourceKind === "anonymous" || found.sourceKind === "document")) found = block;
    else if (found?.sourceKind === "anonymous" && carried.paragraph === paragraph && carried.found) found = carried.found;
    if (found?.sourceKind === "outlet") Object.assign(carried, { paragraph, found });
    // "…, the Labor Department reported Wednesday. The index rose 0.4% …": the figures that follow in the paragraph.
    // A one-sentence paragraph that ends on its report (a wire lede) hands it to the next paragraph's figures.
    const inScope = reported.paragraph === paragraph || (reported.paragraph === paragraph - 1 && reported.wholeParagraph);
    const carriesOn = !found && inScope && reported.found !== null && reported.sentences < MAX_CARRIED_SENTENCES && continuesReport(text, sentence);
    if (carriesOn) Object.assign(reported, { paragraph, sentences: reported.sentences + 1, wholeParagraph: false });
    else {
      const wholeParagraph = paragraph >= 0 && isWholeParagraph(text, paragraphs[paragraph]!.span, sentence);
      Object.assign(reported, { paragraph, found: found && carriesFigures(found.sourceKind, found.source) ? found : null, sentences: 0, wholeParagraph });
    }
    if (carriesOn) found = reported.found;
    if (found) out.push({ span: sentence, ...found });
  }
  return out;
}

/** The sentence is all of its paragraph. */
const isWholeParagraph = (text: string, [start, end]: Span, sentence: Span): boolean =>
  !text.slice(start, sentence[0]).trim() && !text.slice(sentence[1], end).trim();

/** The cue inside the sentence: a citation, else a quote's speaker. */
function ownCue(
  text: string, sentence: Span, citations: readonly AnnotationOf<"citation">[], quotes: readonly AnnotationOf<"quote">[], people: ReadonlySet<string>,
): Found | null {
  const inside = (span: Span) => span[0] >= sentence[0] && span[1] <= sentence[1];
  const overlaps = (span: Span) => span[0] < sentence[1] && sentence[0] < span[1];
  const quote = quotes.find((q) => q.speaker && overlaps(q.span));
  // "…,” said Geoff Ramsey … in comments to The Wall Street Journal": the outlet is the channel, the speaker the source.
  const channel = (c: AnnotationOf<"citation">) => quote?.speakerKind === "named" && CHANNEL.test(text.slice(c.span[0], c.span[1]));
  const cited = citations.filter((c) => inside(c.span) && !channel(c)).sort((a, b) => CITATION_RANK[a.sourceKind] - CITATION_RANK[b.sourceKind])[0];
  // "Trump said": the quote's speaker names him in full where the text did ("Donald Trump").
  const fuller = cited?.sourceKind === "person" && quote?.speaker?.endsWith(` ${cited.source}`) ? quote.speaker : null;
  // "according to data published Tuesday by the state health department": the body that issued the data, not "data".
  const evidence = !cited || cited.sourceKind === "document" ? evidenceOf(text, sentence) : null;
  if (evidence) return { source: evidence.source, sourceKind: "document", cueSpan: evidence.cueSpan, sourceSpan: evidence.sourceSpan };
  if (cited) return { source: fuller ?? cited.source, sourceKind: cited.sourceKind, cueSpan: cited.span, sourceSpan: namingWords(text, cited.span) };
  if (!quote?.speaker) return null;
  return { source: quote.speaker, sourceKind: kindOf(quote, people), cueSpan: quote.speakerSpan, sourceSpan: quote.speakerSpan };
}

/**
 * Paragraph index → the attribution a colon cue gives it ("The Journal reports:"): the first paragraph after the
 * cue, then each next one that has an anonymous or document source of its own or is wholly quoted.
 */
function introducedBlocks(
  text: string, paragraphs: readonly Paragraph[], sentences: readonly Span[],
  citations: readonly AnnotationOf<"citation">[], quotes: readonly AnnotationOf<"quote">[], people: ReadonlySet<string>,
): Map<number, Found> {
  const blocks = new Map<number, Found>();
  for (const [i, paragraph] of paragraphs.entries()) {
    if (!endsOnColon(text, paragraph) || i + 1 >= paragraphs.length) continue;
    const last = [...sentences].reverse().find((s) => s[0] >= paragraph.span[0] && s[0] < paragraph.span[1]) ?? paragraph.span;
    const cue = ownCue(text, [last[0], paragraph.span[1]], citations, [], people);
    if (!cue || (cue.sourceKind !== "outlet" && cue.sourceKind !== "document")) continue;
    blocks.set(i + 1, cue);
    for (let k = i + 2; k < paragraphs.length; k++) {
      const next = paragraphs[k]!;
      const own = ownCue(text, next.span, citations, quotes, people);
      const continues = isQuotedParagraph(text, next) || own?.sourceKind === "anonymous";
      if (!continues || endsOnColon(text, paragraphs[k - 1]!)) break;
      blocks.set(k, cue);
    }
  }
  return blocks;
}

/** The words naming the source inside a citation's span: "According to The Wall Street Journal" → "The Wall Street Journal". */
function namingWords(text: string, [start, end]: Span): Span | null {
  const words = text.slice(start, end);
  const lead = CUE_BEFORE.exec(words)?.[0].length ?? 0;
  const trail = CUE_AFTER.exec(words.slice(lead))?.[0].length ?? 0;
  const naming = words.slice(lead, words.length - trail).replace(/[’']s$/u, "").replace(/[.,;:]+$/, "");
  return naming.trim() ? [start + lead, start + lead + naming.length] : null;
}

function kindOf(quote: AnnotationOf<"quote">, people: ReadonlySet<string>): SourceKind {
  if (quote.speakerKind === "anonymous") return "anonymous";
  if (people.has(quote.speaker!) || quote.speakerKind === "pronoun") return "person";
  return OUTLET_WORD.test(quote.speaker!) ? "outlet" : "document";
}
