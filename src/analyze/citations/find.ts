/**
 * Whom an article's statements rely on: "According to The Wall Street Journal", "The Journal reports",
 * "As reported by the WSJ", "people familiar with the matter", "a senior Trump administration source",
 * "The Post has learned", "said Geoff Ramsey". Patterns, not a model: attribution in news is formulaic, and the
 * compare stage needs exact spans to trace echoes to their primary source.
 */
import type { AnnotationOf, SourceKind, Span } from "../../records.js";
import { outletsSharing, resolveOutlet } from "../../_lib/outlets.js";

export interface CitationCandidate {
  span: Span;
  source: string;
  sourceKind: SourceKind;
}

/**
 * A name of up to six words. Linear on any text: it starts only where a word starts (the lookbehind; otherwise a
 * pattern with nothing before NAME retries inside every capitalised run) and each word is at most WORD_MAX long
 * (so one 1 MB "word" is not scanned again from each of its capitals).
 */
const WORD_MAX = 40;
const NAME_WORD = String.raw`(?:[\p{Lu}][\p{L}&.'’-]{0,${WORD_MAX}}|of|de|and)(?![\p{L}&'’-])`;
const NAME = String.raw`((?<![\p{L}\p{N}&.'’-])(?:[Tt]he\s)?${NAME_WORD}(?:\s${NAME_WORD}){0,5})`;
export const OUTLET_WORD = /\b(journal|times|post|news|reuters|bloomberg|press|herald|tribune|gazette|telegraph|guardian|economist|cnn|bbc|nbc|cbs|abc|fox|npr|axios|politico|agency|wire|media|magazine|daily|observer|independent|monitor|chronicle|standard|mail|express|insider|tv|radio|network|broadcasting)\b/i;
const ACRONYM = /^[A-Z]{2,5}$/;

const OUTLET_PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b[Aa]ccording to\s${NAME}`, "gu"),
  new RegExp(String.raw`\b[Aa]s (?:first )?reported by\s${NAME}`, "gu"),
  new RegExp(String.raw`\b[Rr]eported by\s${NAME}`, "gu"),
  new RegExp(String.raw`\b(?:[Ii]n )?(?:comments|an interview|a statement) (?:to|with)\s${NAME}`, "gu"),
  new RegExp(String.raw`\b(?:[Aa]|[Tt]he)\s${NAME.replace("(?:[Tt]he\\s)?", "")}\s(?:report|investigation|analysis)\b`, "gu"),
  new RegExp(String.raw`${NAME}\s(?:reports|reported|first reported|revealed|has reported|said in a report)\b`, "gu"),
];
/**
 * The words a pattern cannot match without, by pattern: the last two try NAME at every capitalised word of the text
 * (~0.2 ms an article), though most articles hold none of the words that must follow it. A plain search skips them.
 */
const REQUIRED_WORDS = new Map<RegExp, RegExp>([
  [OUTLET_PATTERNS[4]!, /report|investigation|analysis/],
  [OUTLET_PATTERNS[5]!, /reports|reported|revealed|said in a report/],
]);
const QUALIFIER = String.raw`(?:this|that|[Aa]|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Mm]any|[Ss]ome)`;
const ANONYMOUS = new RegExp(
  String.raw`\b((?:${QUALIFIER}\s)?(?:of the\s)?(?:(?:current|former|senior|top|U\.S\.|US|Western|[\p{Lu}][\p{L}]{1,${WORD_MAX}})\s(?:administration\s)?){0,3}` +
    String.raw`(?:people|persons?|sources?|officials?|diplomats?|insiders?)` +
    String.raw`(?:\s(?:familiar with|close to|with knowledge of|briefed on)(?:\s(?!said\b|says\b|told\b|insisted\b|added\b)[\p{L}’'-]{1,${WORD_MAX}}){1,5})?)`,
  "gu",
);
/** An anonymous phrase is a citation only where it attributes: a speech verb follows, or "according to" precedes. */
const ATTRIBUTES_AFTER = /^[^.;]{0,50}?\b(said|says|told|described|insisted|indicated|confirmed|believe|say)\b/;
const ATTRIBUTES_BEFORE = /(according to|said|told)\s*$/i;
const OWN_REPORTING = new RegExp(String.raw`\b(The\s[\p{Lu}][\p{L}]{1,${WORD_MAX}}(?:\s[\p{Lu}][\p{L}]{1,${WORD_MAX}}){0,2})\s(?:has|have)\slearned\b`, "gu");
const DOCUMENT = /\b((?:state media|state television|a statement|a court filing|court documents|documents|records|the indictment|official results))\s(?:confirmed|showed?|said|stated|revealed|reported)\b/giu;
const TRAILING_JUNK = /\s(?:of|de|and|The|A)$/;
const PERSON_TITLE = /^(?:Mayor|Gov\.|Governor|Sen\.|Senator|Rep\.|Representative|President|Vice President|Prime Minister|Minister|Secretary|Judge|Justice|Chief|Commissioner|Councillor|Councilor|Councilman|Councilwoman|Superintendent|Sheriff|Dr\.|Mr\.|Mrs\.|Ms\.)\s/;
/**
 * "according to the Eastport firefighters' union", "according to the city's engineering division": a body named by a
 * determiner and lowercase words, which NAME (capitalised words) would cut short or miss. Up to six words, each
 * bounded, ended by punctuation or a relative word, so the match is linear and never runs into the next clause.
 */
const BODY_WORD = String.raw`[\p{L}\p{N}&'’-]{1,${WORD_MAX}}`;
const ACCORDING_TO_BODY = new RegExp(
  String.raw`\b[Aa]ccording to\s((?:the|a|an|its|their)\s(?:${BODY_WORD}\s){0,5}?${BODY_WORD})(?=\s*[,.;:!?)]|\s(?:who|which|that|as|on|in|at|after|before|last|this)\b)`,
  "gu",
);
/** "the Journal's report": the outlet is the source, which NAME reads. */
const OUTLETS_REPORT = /^\S+\s\p{Lu}\S*[’']s\s(?:report|reporting|story|investigation|analysis|article)$/u;
/** Heads the anonymous pattern reads ("according to the officials"): not a body. */
const ANONYMOUS_HEAD = /\b(?:people|persons?|sources?|officials?|diplomats?|insiders?)$/i;
/** A person right after one of these is a place or an object ("the plant in Dunmore says"), never who speaks. */
const PREPOSITION_BEFORE = /\b(?:in|at|of|from|near|outside|across|to|for|with|by|on|into|about)\s$/i;

/**
 * `domain`: the page's own domain, so that "The Post has learned" on nypost.com is the New York Post. Outlet names are
 * normalised through the outlets table (_lib/outlets.ts): "WSJ", "the Journal" (after the article names The Wall
 * Street Journal) and "The Wall Street Journal" are one source; a name the table lacks keeps its own spelling.
 */
export function findCitations(text: string, people: readonly AnnotationOf<"entity">[], domain: string | null = null): CitationCandidate[] {
  const found = normaliseOutlets(findCitationsAsWritten(text, people), domain);
  // "According to the Journal's report": two patterns, one outlet; overlapping citations of one source are one.
  // `found` is in span order (dedupe sorts it), so one sweep keeping the furthest end per source finds every overlap.
  const key = (c: CitationCandidate) => c.source.toLowerCase().replace(/^the\s/, "");
  const furthestEnd = new Map<string, number>();
  return found.filter((c) => {
    const overlaps = (furthestEnd.get(key(c)) ?? -1) > c.span[0];
    furthestEnd.set(key(c), Math.max(furthestEnd.get(key(c)) ?? -1, c.span[1]));
    return !overlaps;
  });
}

function normaliseOutlets(found: CitationCandidate[], domain: string | null): CitationCandidate[] {
  const cited = new Map<string, string>(); // outlet id → canonical name, for outlets the article names in full
  return found.map((c) => {
    if (c.sourceKind !== "outlet" && c.sourceKind !== "own-reporting") return c;
    const name = c.source.replace(/[’']s$/u, "");
    const outlet = resolveOutlet(name, domain, { selfReference: c.sourceKind === "own-reporting" });
    if (outlet?.known) {
      cited.set(outlet.id, outlet.name);
      return { ...c, source: outlet.name };
    }
    if (outlet || c.sourceKind !== "outlet") return { ...c, source: name };
    // A short form several outlets share ("the Journal"): the one of them the article has already named in full.
    const named = outletsSharing(name).filter((o) => cited.has(o.id));
    return named.length === 1 ? { ...c, source: named[0]!.name } : { ...c, source: name };
  });
}

function findCitationsAsWritten(text: string, people: readonly AnnotationOf<"entity">[]): CitationCandidate[] {
  const out: CitationCandidate[] = [];
  for (const pattern of OUTLET_PATTERNS) {
    if (REQUIRED_WORDS.get(pattern)?.test(text) === false) continue;
    for (const m of text.matchAll(pattern)) {
      const name = m[1]!.replace(TRAILING_JUNK, "").replace(/(?<!\p{Lu})\.$/u, "").trim();
      const kind = classifyName(name, people);
      if (!kind) continue;
      out.push({ span: [m.index!, m.index! + m[0].length], source: name.replace(/^the\s/, "The "), sourceKind: kind });
    }
  }
  for (const m of text.matchAll(ACCORDING_TO_BODY)) {
    const name = m[1]!;
    // All capitalised ("the Journal") is NAME's to read; a head the anonymous pattern reads is left to it.
    if (!/\s\p{Ll}/u.test(name.replace(/^\S+/, "")) || ANONYMOUS_HEAD.test(name) || OUTLETS_REPORT.test(name)) continue;
    const kind = classifyName(name, people);
    if (kind) out.push({ span: [m.index!, m.index! + m[0].length], source: name.replace(/^the\s/, "The "), sourceKind: kind });
  }
  for (const m of text.matchAll(OWN_REPORTING)) out.push({ span: [m.index!, m.index! + m[0].length], source: m[1]!, sourceKind: "own-reporting" });
  for (const m of text.matchAll(ANONYMOUS)) {
    const phrase = m[1]!.trim();
    const end = m.index! + phrase.length;
    const attributes = ATTRIBUTES_AFTER.test(text.slice(end, end + 60)) || ATTRIBUTES_BEFORE.test(text.slice(Math.max(0, m.index! - 20), m.index!));
    if (!attributes || /^(The|This|That|Their|His|Her)\b/.test(phrase)) continue;
    out.push({ span: [m.index!, m.index! + phrase.length], source: phrase, sourceKind: "anonymous" });
  }
  for (const m of text.matchAll(DOCUMENT)) out.push({ span: [m.index!, m.index! + m[0].length], source: m[1]!, sourceKind: "document" });
  for (const person of people) {
    const before = text.slice(Math.max(0, person.span[0] - 8), person.span[0]);
    const after = text.slice(person.span[1], person.span[1] + 12);
    if (PREPOSITION_BEFORE.test(before)) continue;
    if (/\bsaid,?\s$/.test(before) || /^,?\s(said|told|says)\b/.test(after)) {
      out.push({ span: person.span, source: person.name, sourceKind: "person" });
    }
  }
  return dedupe(out);
}

function classifyName(name: string, people: readonly AnnotationOf<"entity">[]): SourceKind | null {
  const bare = name.replace(/^The\s/i, "");
  if (!bare || /^(It|He|She|They|We|This|That)$/.test(bare)) return null;
  if (OUTLET_WORD.test(bare) || ACRONYM.test(bare)) return "outlet";
  // "according to Mayor Whitcombe": a title before a person the article names is that person, not a document.
  const named = bare.replace(PERSON_TITLE, "");
  if (people.some((p) => p.name === named || p.name.endsWith(` ${named}`))) return "person";
  return "document";
}

function dedupe(found: CitationCandidate[]): CitationCandidate[] {
  // Sorted by start, longest first: a citation lies inside an earlier one exactly when an earlier one ends at or after
  // its end, so one sweep keeping the furthest end replaces comparing every pair (quadratic on a page of citations).
  found.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  let furthestEnd = -1;
  return found.filter((c) => {
    const inside = c.span[1] <= furthestEnd;
    furthestEnd = Math.max(furthestEnd, c.span[1]);
    return !inside;
  });
}
