/**
 * Whom each sentence relies on. A sentence is attributed by what the other analyzers found in it: an explicit
 * citation ("According to The Wall Street Journal", "people familiar with the matter said", "The Post has
 * learned"), else the speaker of a quote it carries, direct or reported. Sentences with neither are the outlet's
 * own narration and get no attribution: the compare stage reads silence as "the outlet says so".
 */
import type { AnnotationOf, SourceKind, Span } from "../../records.js";
import { OUTLET_WORD } from "../citations/find.js";

export interface AttributionCandidate {
  span: Span;
  source: string;
  sourceKind: SourceKind;
  cueSpan: Span | null;
}

/** Citation kinds in the order a sentence's source is taken when it has several: the most specific first. */
const CITATION_RANK: Record<SourceKind, number> = { outlet: 0, "own-reporting": 1, anonymous: 2, document: 3, person: 4 };

export function attributeSentences(
  sentences: readonly Span[],
  citations: readonly AnnotationOf<"citation">[],
  quotes: readonly AnnotationOf<"quote">[],
  entities: readonly AnnotationOf<"entity">[],
): AttributionCandidate[] {
  const people = new Set(entities.filter((e) => e.type === "person").map((e) => e.name));
  const out: AttributionCandidate[] = [];
  for (const sentence of sentences) {
    const inside = (span: Span) => span[0] >= sentence[0] && span[1] <= sentence[1];
    const overlaps = (span: Span) => span[0] < sentence[1] && sentence[0] < span[1];
    const cited = citations.filter((c) => inside(c.span)).sort((a, b) => CITATION_RANK[a.sourceKind] - CITATION_RANK[b.sourceKind]);
    if (cited[0]) {
      out.push({ span: sentence, source: cited[0].source, sourceKind: cited[0].sourceKind, cueSpan: cited[0].span });
      continue;
    }
    const quote = quotes.find((q) => q.speaker && overlaps(q.span));
    if (quote?.speaker) out.push({ span: sentence, source: quote.speaker, sourceKind: kindOf(quote, people), cueSpan: quote.speakerSpan });
  }
  return out;
}

function kindOf(quote: AnnotationOf<"quote">, people: ReadonlySet<string>): SourceKind {
  if (quote.speakerKind === "anonymous") return "anonymous";
  if (people.has(quote.speaker!) || quote.speakerKind === "pronoun") return "person";
  return OUTLET_WORD.test(quote.speaker!) ? "outlet" : "document";
}
