/**
 * A few neutral sentences on what a story establishes, each citing its claims and articles. Claims are ranked
 * by standing (corroborated, carried by several outlets, one outlet's), independent sources and outlets, then by
 * how much of the story their wording holds (weightOf). Each claim is told in the first of its wordings that reads
 * as neutral on its own:
 * - loaded labels are taken out ("Venezuela's Commie Dictator Nicolas Maduro" → "Nicolas Maduro"; "the strongman"
 *   → "Nicolás Maduro"), and a wording that keeps another loaded term ("Biden's lackeys") is passed over;
 * - a wording that leans on the sentence before it ("But …", "It …", "That prompted …") is passed over;
 * - a dateline is dropped, and a claim that rests on one source says whose it is, unless the wording names it.
 * - a wording that trails off ("…shot and killed after...") or that the splitter cut at an abbreviation ("…Sen. Joe
 *   Manchin, D-W.") is passed over: cut short, it does not state its claim.
 * Corroborated claims lead, then what several outlets carry, then the disputes with who says which
 * (brief-verdicts.ts), then single-source claims, each attributed in the sentence; a story whose reports all trace
 * to one source says so first. A claim whose words repeat one already told is left out, not told twice.
 */
import type { AnnotationOf, ArticleBundle, BriefSentence, Claim, CopyGroup, Entity, Span, TextSupport } from "../records.js";
import { disputeSentence, storyOfOneSource } from "./brief-verdicts.js";
import { entityNamed } from "./entity-names.js";
import { disputeKey, distinctDisputes } from "../_lib/disputes-once.js";
import { LOADED_WORDS } from "../_lib/lexicon.js";
import { contentWords } from "../_lib/text.js";

const MAX_BRIEF_SENTENCES = 5;
const MAX_CONFLICT_SENTENCES = 1;
const DATELINE = /^[\p{Lu}][\p{Lu} .,'-]{2,40}\s[—–-]\s/u;
/** Openings that point back at what came before: out of their article, they do not stand alone. */
const LEANS_BACK = /^(but|and|or|so|yet|that|this|these|those|it|its|he|she|they|his|her|their|him|them|such|also|still|instead|meanwhile|however|then|there)\b/i;

/** A sentence that trails off ("…whom they shot and killed after..."): cut short, it does not state its claim whole. */
const TRAILS_OFF = /[\p{L}\p{N},;:'"’”)-]\s*(?:\.{2,3}|…)\s*$/u;
/**
 * A piece of a sentence the splitter cut at an abbreviation: one ending on a lone initial ("…opposition from Sen.
 * Joe Manchin, D-W.") or opening on the rest ("Va., multiple sources have told NBC News."), or opening in lowercase.
 */
const FRAGMENT = /(?:^|[\s(])(?:\p{Lu}-)?\p{Lu}\.$|^(?:\p{Ll}|\p{Lu}\p{Ll}{0,3}\.,)/u;
/** An ellipsis after a full stop ("…from 1989 to 1993....") marks a cut after the sentence, not in it. */
const CLOSING_ELLIPSIS = /\.\s*(?:\.{2,}|…)\s*$/u;

interface Wording {
  text: string;
  support: TextSupport;
  bundle: ArticleBundle;
}

export function writeBrief(
  storyId: string,
  claims: readonly Claim[],
  bundles: readonly ArticleBundle[],
  entities: readonly Entity[],
  copies: readonly CopyGroup[] = [],
): BriefSentence[] {
  const central = centrality(bundles);
  const oneSource = storyOfOneSource(storyId, claims, bundles, copies);
  const candidates = claims
    .filter((c) => c.status !== "disputed")
    .map((claim) => ({ claim, wording: neutralWording(claim, bundles, entities, central) }))
    .filter((x): x is { claim: Claim; wording: Wording } => x.wording !== null) // every wording judges or leans on its context
    .map((x) => ({ ...x, tier: tierOf(x.claim), weight: weightOf(x.wording, central) }))
    .sort((a, b) => b.tier - a.tier || b.claim.independentSources - a.claim.independentSources || new Set(b.claim.outlets).size - new Set(a.claim.outlets).size ||
      b.weight - a.weight || firstOffset(a.claim) - firstOffset(b.claim) || (a.claim.id < b.claim.id ? -1 : 1));
  const picked: typeof candidates = [];
  const told: Set<string>[] = [];
  for (const candidate of candidates) {
    if (picked.length + (oneSource ? 1 : 0) >= MAX_BRIEF_SENTENCES) break; // the one-source sentence counts: a brief stays five sentences
    const words = new Set(contentWords(candidate.wording.text));
    // Two outlets' own words for one fact (not aligned as one claim) are told once: the second adds no news.
    if (told.some((t) => [...words].filter((w) => t.has(w)).length >= REPEATED_SHARE * words.size)) continue;
    told.push(words);
    picked.push(candidate);
  }
  const sentence = ({ claim, wording }: (typeof candidates)[number]): BriefSentence => ({
    storyId, sentence: attribute(wording, claim), claimIds: [claim.id], articleIds: [...new Set(claim.support.map((s) => s.articleId))],
  });
  // Corroborated claims, then what several outlets carry, then the disputes with who says which, then what rests on one outlet.
  return [
    ...(oneSource ? [oneSource] : []),
    ...picked.filter((c) => c.tier > 0).map(sentence),
    ...disputeSentences(storyId, claims, (claim) => {
      const wording = neutralWording(claim, bundles, entities, central);
      return wording && (startsWithName(wording.bundle, wording.support) ? wording.text : lowerFirst(wording.text));
    }),
    ...picked.filter((c) => c.tier === 0).map(sentence),
  ];
}

/** 2: corroborated; 1: carried by two or more outlets (on one source); 0: one outlet's account. */
const tierOf = (claim: Claim): number => (claim.status === "corroborated" ? 2 : new Set(claim.outlets).size >= 2 ? 1 : 0);

/**
 * Among claims of one standing, the one most of the story's articles tell comes first: its wording's centrality
 * (the share of its words other articles use), less POSITION_COST per sentence before it in its article (news puts
 * the event first), plus NAMED_SOURCE_BONUS when the wording says whose it is itself. Calibration (505 AllSides
 * stories, ROUGE-1/2 F1 against the roundups, docs/BENCHMARKS.md): position costs 0, 0.1, 0.2, 0.3 gave
 * 0.3983/0.1451, 0.3994/0.1461, 0.3981/0.1450, 0.3988/0.1459; the named-source bonus 0.1/0.3/1 moved it by < 0.0005.
 * The gains are small: the order that leads with corroborated claims does most of the work.
 */
const POSITION_COST = 0.1;
const NAMED_SOURCE_BONUS = 0.3;
/**
 * A wording whose content words are this share of an already told one's repeats it. Calibration (as above): 0.5
 * 0.3988/0.1456, 0.7 0.3995/0.1462, none 0.3994/0.1461.
 */
const REPEATED_SHARE = 0.7;

function weightOf(wording: Wording, central: (text: string) => number): number {
  const named = wording.support.via === "cited" || namesItsSource(wording.bundle, wording.support);
  return central(wording.text) - POSITION_COST * positionIn(wording) + (named ? NAMED_SOURCE_BONUS : 0);
}

/** A sentence for each dispute (MAX_CONFLICT_SENTENCES), once each (_lib/disputes-once.ts), citing every claim that records it. */
function disputeSentences(storyId: string, claims: readonly Claim[], said: (claim: Claim) => string | null): BriefSentence[] {
  return distinctDisputes(claims.filter((c) => c.status === "disputed"))
    .slice(0, MAX_CONFLICT_SENTENCES)
    .map(({ claim, dispute }) => {
      const recording = claims.filter((o) => o.dispute && disputeKey(o.dispute) === disputeKey(dispute));
      const conflicting = claim.conflicts.flatMap((c) => [c.articleId, c.otherArticleId]);
      const articleIds = [...new Set(conflicting.length ? conflicting : recording.flatMap((o) => o.support.map((s) => s.articleId)))];
      return { storyId, sentence: disputeSentence(claim, said(claim) ?? undefined), claimIds: recording.map((o) => o.id), articleIds };
    });
}

/**
 * The claim in neutral words: the first of its sentences (the claim's own text first) that stands alone and is
 * neutral once its loaded labels are removed (before a name) or replaced by the name (standing alone); null
 * when none is. Among those, a single-source claim's wording that names its source comes first, then the wording
 * most of whose words the story's other articles use too (centrality): the account the outlets share, not one
 * outlet's colour (AllSides roundups: ROUGE-1/2 0.395/0.143 → 0.398/0.145 with the qualifier below, docs/BENCHMARKS.md).
 */
function neutralWording(claim: Claim, bundles: readonly ArticleBundle[], entities: readonly Entity[], central: (text: string) => number): Wording | null {
  // Headlines are not sentences: a claim only a headline states stays in the claims table, out of the brief.
  // A single-source claim is best told in a wording that names its source itself: no "according to X" to add.
  const namesSource = (s: TextSupport) => Number(claim.independentSources === 1 && s.via === "cited");
  const wordings = claim.support
    .filter((s) => !s.field)
    .sort((a, b) => namesSource(b) - namesSource(a) || central(b.text) - central(a.text) || Number(b.text === claim.text) - Number(a.text === claim.text));
  for (const support of wordings) {
    const bundle = bundles.find((b) => b.article.id === support.articleId);
    const text = bundle && withoutLoadedLabels(bundle, support, entities)?.replace(DATELINE, "");
    if (bundle && text && !LEANS_BACK.test(text) && !TRAILS_OFF.test(text) && !FRAGMENT.test(text)) return { text: text.replace(CLOSING_ELLIPSIS, "."), support, bundle };
  }
  return null;
}

function withoutLoadedLabels(bundle: ArticleBundle, support: TextSupport, entities: readonly Entity[]): string | null {
  const inSupport = (a: { span: Span; field?: "title" }) => a.field === support.field && a.span[0] >= support.start && a.span[1] <= support.end;
  const labels = bundle.annotations
    .filter((a): a is AnnotationOf<"label"> => a.kind === "label" && a.loaded && inSupport(a))
    .sort((a, b) => b.span[0] - a.span[0]);
  const loadedCues = support.field ? [] : bundle.annotations.filter((a) => a.kind === "cue" && a.cue === "loaded" && inSupport(a));
  if (loadedCues.some((c) => !labels.some((l) => l.span[0] <= c.span[0] && c.span[1] <= l.span[1]))) return null;
  const source = support.field === "title" ? bundle.article.title : bundle.article.text;
  let out = source.slice(support.start, support.end);
  for (const label of labels) {
    const [start, end] = [label.span[0] - support.start, label.span[1] - support.start];
    const after = out.slice(end);
    const name = neutralName(label.entityName, entities);
    if (/^\s+\p{Lu}/u.test(after)) {
      out = out.slice(0, start) + after.trimStart(); // a name follows: the label goes
    } else {
      const before = out.slice(0, start).replace(/\b(the|a|an)\s$/i, "");
      out = before + name + after;
    }
  }
  out = out.replace(/\s{2,}/g, " ").trim();
  // Headlines carry no cue annotations: their words are checked against the lexicon instead.
  if (support.field && out.toLowerCase().split(/[^\p{L}-]+/u).some((w) => LOADED_WORDS.has(w))) return null;
  return out;
}

function neutralName(name: string, entities: readonly Entity[]): string {
  return entityNamed(entities, name)?.name ?? name;
}

/**
 * A single-source claim says whose it is: "…, according to The Wall Street Journal." The wording that names its
 * source itself ("said three people familiar with…", "The WSJ reported that…") is left as it is. The source goes
 * after the sentence, so the sentence keeps its own first word and capital; before it only when the sentence
 * ends on a quotation, where a trailing clause would read as part of the quote.
 */
function attribute({ text, support, bundle }: Wording, claim: Claim): string {
  const only = claim.independentSources === 1 ? claim.sources?.[0] : undefined;
  // Unnamed people are the outlet's: "according to The Lindell Post", not their description and the outlet both.
  let source = only?.kind === "anonymous" ? only.outlets[0] ?? only.name : only?.name ?? (claim.independentSources === 1 ? claim.primarySources[0] : undefined);
  if (!source || support.via === "cited" || namesItsSource(bundle, support)) return text; // "cited": its words name whose it is
  // "New York Times (News)": a directory's qualifier of the outlet, not part of its name in a sentence.
  source = source.replace(OUTLET_QUALIFIER, "");
  if (/["”’]\s*$/.test(text)) return `According to ${source}, ${startsWithName(bundle, support) ? text : lowerFirst(text)}`;
  return `${text.replace(/[.!]\s*$/, "")}, according to ${source}.`;
}

const OUTLET_QUALIFIER = /\s\((?:[\p{L} ]{2,30})\)$/u;

/** The analyzer found words in the sentence that say whom it relies on ("according to", "said X", "X reported"). */
const namesItsSource = (bundle: ArticleBundle, support: TextSupport): boolean =>
  bundle.annotations.some((a) => a.kind === "attribution" && a.cueSpan !== null && a.span[0] < support.end && a.span[1] > support.start);

/** The sentence opens on a name, a title before one or an acronym ("Nicolás Maduro …", "President Biden …", "US officials …"), which keeps its capital. */
const startsWithName = (bundle: ArticleBundle, support: TextSupport): boolean =>
  /^\p{Lu}[\p{Lu}.]+\b/u.test(support.text) || bundle.annotations.some((a) => (a.kind === "entity" || (a.kind === "label" && !a.field)) && a.span[0] === support.start);

const lowerFirst = (text: string): string => text[0]!.toLowerCase() + text.slice(1);

/** How much of the story a sentence holds: the share of its content words that two or more of the story's articles use. */
function centrality(bundles: readonly ArticleBundle[]): (text: string) => number {
  const df = new Map<string, number>();
  for (const b of bundles) for (const w of new Set(contentWords(`${b.article.title} ${b.article.text}`))) df.set(w, (df.get(w) ?? 0) + 1);
  return (text) => {
    const words = contentWords(text);
    return words.length ? words.filter((w) => (df.get(w) ?? 0) >= 2).length / words.length : 0;
  };
}

/** The wording's sentence index in its article: 0 for the lead. */
function positionIn({ support, bundle }: Wording): number {
  return bundle.annotations.filter((a) => a.kind === "sentence" && a.span[0] < support.start).length;
}

const firstOffset = (claim: Claim): number => Math.min(...claim.support.map((s) => s.start));
