/**
 * Whom one claim sentence relies on, resolved to one identity across the story: the one function that maps an
 * attribution (its `sourceSpan` or name) or a quote's speaker to a source id. Until the "who is who" work
 * (issue 21, H4) lands entity-level speaker resolution, the resolution the verdicts need is done here, and that
 * work can replace this function whole:
 * - a person is the story's entity whose mention covers the source's words, or whose name or alias folds to the
 *   same key, or (a surname or a role such as "the mayor") the one person entity it can only mean;
 * - an outlet is folded to one key per outlet ("WSJ", "the Journal", "The Wall Street Journal": SourceNames);
 * - a body is keyed by its core words ("the city's chamber of commerce" = "the chamber of commerce");
 * - anonymous people belong to the outlet that spoke to them (DOMAIN.md): they share its own reporting's key.
 * Per sentence only: an article citing another outlet does not make its other sentences that outlet's
 * (issue 22: no article-wide blanket; the claim-level echo is decided in align-claims.ts from the aligned claim).
 */
import type { AnnotationOf, ArticleBundle, Entity, SourceIdentity, SourceKind, SourceVia, Span } from "../records.js";
import { foldName, STOPWORDS } from "../_lib/text.js";
import { citedOutlets, outletLabel, SourceNames } from "./sources.js";
import { unnamedAntecedent } from "./unnamed-antecedent.js";
import { genericClass, isLawBody } from "./speaks-for.js";
import {
  ACCORDING_TO, ANONYMOUS, BARE_REPORT, CLAUSE_WORD, CLOSING_SPEAKER, DATA_BY, DATA_BY_SUBJECT, DATA_NOUN, LAW_ACTION_VERBS,
  MAX_SPEAKER_WORDS, NOT_A_SOURCE, POSSESSED_DOCUMENT, PREPOSITION_FIRST, PRONOUN_SAID, REPORT_IN, REPORT_IN_PAPER,
  SENTENCE_SUBJECT, SHOW_VERBS, speakerInWords, SPEECH_VERBS, SPOKEN_WHEN,
} from "./speaker-patterns.js";

export interface ResolvedSource extends SourceIdentity {
  via: SourceVia;
}

/** Determiners and the place a body belongs to, which do not tell two bodies apart ("the city's", "local"); on folded names. */
const BODY_FILLER = /^(?:(?:the|a|an|its|their|his|her|local|(?:city|state|county|country|nation|town) s)\s+)+/;

export class SourceResolver {
  readonly names: SourceNames;
  private readonly people: Entity[];
  private readonly personByKey = new Map<string, Entity>();

  private readonly texts: Map<string, string>;
  private readonly titles = new Map<string, Set<string>>();

  constructor(bundles: readonly ArticleBundle[], entities: readonly Entity[]) {
    this.names = new SourceNames(bundles);
    this.texts = new Map(bundles.map((b) => [b.article.id, b.article.text]));
    this.people = peopleIn(entities, bundles.map((b) => b.article.id));
    for (const e of this.people) for (const n of [e.name, ...e.aliases]) if (!this.personByKey.has(foldName(n))) this.personByKey.set(foldName(n), e);
  }

  /** The outlet itself as a source: its own reporting. */
  own(bundle: ArticleBundle): ResolvedSource {
    const ref = this.names.ref(outletLabel(bundle.article), "own-reporting");
    return { id: ref.key, name: ref.name, kind: "own-reporting", via: "own" };
  }

  /** An outlet named in a citation, as a source. */
  outlet(name: string): SourceIdentity {
    const ref = this.names.ref(name, "outlet");
    return { id: ref.key, name: ref.name, kind: "outlet" };
  }

  /**
   * The source of one sentence (or headline) of `bundle`: the attribution the analyzer found for it, else an
   * outlet or document the sentence cites, else the outlet's own reporting.
   */
  resolve(bundle: ArticleBundle, sentence: { span: Span; field?: "title" }): ResolvedSource {
    const own = this.own(bundle);
    if (sentence.field === "title") return own;
    const [start, end] = sentence.span;
    const attribution = bundle.annotations.find(
      (a): a is AnnotationOf<"attribution"> => a.kind === "attribution" && a.span[0] < end && a.span[1] > start,
    );
    const citation = bundle.annotations.find(
      (a): a is AnnotationOf<"citation"> =>
        a.kind === "citation" && (a.sourceKind === "outlet" || a.sourceKind === "document") && a.span[0] >= start && a.span[1] <= end,
    );
    // An attribution whose words lie outside the sentence (carried over from a quote nearby) yields to a speaker the
    // sentence itself names ("…, according to the city's engineers").
    const text = bundle.article.text.slice(start, end);
    const according = ACCORDING_TO.exec(text);
    // "according to" is the strongest cue a sentence has: an attribution read from other words of it yields.
    const cue = attribution?.cueSpan ? text.slice(attribution.cueSpan[0] - start, attribution.cueSpan[1] - start) : "";
    // …and so does a cue it holds in full ("the Eastport" of "according to the Eastport firefighters' union").
    const outranked = !!according && !!cue && !cue.includes(according[1]!.trim());
    // A closing "…, two board members said." governs the whole sentence, the reported speech inside it included
    // ("Okafor told the board that she plans to leave, two board members said"): its speaker outranks an inner one.
    const closing = CLOSING_SPEAKER.exec(text);
    const closer = closing?.[1]?.replace(SPOKEN_WHEN, "").trim();
    if (closer && attribution?.cueSpan && attribution.cueSpan[1] - start <= closing!.index && !CLAUSE_WORD.test(closer) && !PREPOSITION_FIRST.test(closer) && !cue.includes(closer)) {
      const speaker = this.speaker(bundle, closer, start);
      if (speaker && (speaker.kind === "anonymous" || speaker.id !== own.id)) return speaker;
    }
    const carried = outranked || (attribution && !citation && (!attribution.cueSpan || attribution.cueSpan[0] < start || attribution.cueSpan[1] > end));
    const said = carried ? (this.bySubject(bundle, sentence.span) ? null : attribution) : (attribution ?? citation);
    if (!said) return this.bySubject(bundle, sentence.span) ?? own;
    // "…, according to its most recent annual report": the report of the body the sentence is about.
    const owner = POSSESSED_DOCUMENT.test(said.source) ? SENTENCE_SUBJECT.exec(text)?.[1] : undefined;
    const identity = owner && !/^(?:it|he|she|they|this|that|there)$/i.test(owner)
      ? this.identify(bundle, owner, this.personByKey.has(foldName(owner)) ? "person" : "document", null)
      : this.identify(bundle, said.source, said.sourceKind, wordsSpan(said), wordsSpan(said)?.[0] ?? start);
    // An attribution read as the outlet's own yields to a speaker the sentence names ("…after police said he…").
    if (!identity || (identity.kind !== "anonymous" && identity.id === own.id)) return this.bySubject(bundle, sentence.span) ?? own;
    // "according to a report in the Meridian Financial Times citing a senior official": that paper's report.
    const paper = identity.kind === "document" && BARE_REPORT.test(identity.name) ? REPORT_IN_PAPER.exec(text)?.[1] : undefined;
    if (paper && this.names.isOutlet(paper)) {
      const cited = this.outlet(paper);
      if (cited.id !== own.id) return { ...cited, via: "cited" };
    }
    // "a source told The Ashford Herald": the Herald's unnamed source, however many outlets relay it.
    if (identity.kind === "anonymous" && citation?.sourceKind === "outlet") {
      const cited = this.outlet(citation.source);
      if (cited.id !== own.id) return { id: cited.id, name: `${said.source} (${cited.name})`, kind: "anonymous", via: "cited" };
    }
    return { ...identity, via: "cited" };
  }

  /**
   * A sentence the analyzers left unattributed that opens on who speaks ("City engineers said…", "The chamber of
   * commerce estimated…"): that speaker. Unnamed officials and sources are the outlet's (anonymous).
   */
  private bySubject(bundle: ArticleBundle, span: Span): ResolvedSource | null {
    const words = bundle.article.text.slice(span[0], span[1]);
    // "according to data published Tuesday by the state health department", "Data released by the BLS showed": the issuer.
    const issuer = (DATA_BY.exec(words) ?? DATA_BY_SUBJECT.exec(words))?.[1]?.replace(SPOKEN_WHEN, "").trim();
    if (issuer && issuer.split(" ").length <= MAX_SPEAKER_WORDS + 2) {
      const identity = this.identify(bundle, issuer, this.personByKey.has(foldName(issuer)) ? "person" : "document", null);
      if (identity) return { ...identity, via: "cited" };
    }
    // "…, official figures show": data stands for its issuer, though unnamed (independence.ts joins it to one named).
    const shown = speakerInWords(words, SHOW_VERBS);
    // "Police charged Aguilar…", "Officers found four people…": what a force did is known from the force.
    const acting = speakerInWords(words, LAW_ACTION_VERBS);
    const subject = speakerInWords(words, SPEECH_VERBS) ?? (shown && DATA_NOUN.test(shown) ? shown : null) ?? (acting && (genericClass(acting) === "law" || isLawBody(acting)) ? acting : null);
    // "He said St. Agnes' employees would keep their jobs": the person whose words the article reported just before.
    if (PRONOUN_SAID.test(words)) return this.previousPerson(bundle, span[0]);
    return subject ? this.speaker(bundle, subject, span[0]) : null;
  }

  /** The person of the attribution ending last before `start`, within a short paragraph's reach. */
  private previousPerson(bundle: ArticleBundle, start: number): ResolvedSource | null {
    let last: AnnotationOf<"attribution"> | null = null;
    for (const a of bundle.annotations) {
      if (a.kind !== "attribution" || a.sourceKind !== "person" || a.span[1] > start || start - a.span[1] > PRONOUN_REACH) continue;
      if (!last || a.span[1] > last.span[1]) last = a;
    }
    const identity = last ? this.identify(bundle, last.source, "person", wordsSpan(last)) : null;
    return identity ? { ...identity, via: "cited" } : null;
  }

  /** A speaker named in words of the sentence at `at`: data, unnamed people, a person of the story, else a body. */
  private speaker(bundle: ArticleBundle, subject: string, at: number): ResolvedSource | null {
    if (/^(?:it|he|she|they|we|i|this|that|there)$/i.test(subject)) return null;
    const kind: SourceKind = DATA_NOUN.test(subject) ? "document" : isUnnamedPeople(subject) ? "anonymous" : this.personByKey.has(foldName(subject)) ? "person" : "document";
    const identity = this.identify(bundle, subject, kind, null, at);
    return identity ? { ...identity, via: "cited" } : null;
  }

  /**
   * One identity for a source name of `bundle`; null when it is the outlet's own reporting. `at`, where the words
   * stand, lets a bare "the sources" take the name of the sources it points back to (unnamed-antecedent.ts).
   */
  identify(bundle: ArticleBundle, name: string, kind: SourceKind, span: Span | null, at?: number): SourceIdentity | null {
    if (!/\p{L}{2}/u.test(name) || STOPWORDS.has(foldName(name))) return null; // "and": a misread cue, not a source
    if (NOT_A_SOURCE.test(name.trim())) return null; // "…, the clinic's operator said Tuesday": a day, not who spoke
    // "a person familiar with the talks" comes from the analyzers as a body; it is the outlet's unnamed source, as
    // "The person" of the next sentence is, or one person would count as two sources.
    if (kind === "document" && isUnnamedPeople(name) && UNNAMED_HEAD.test(name)) kind = "anonymous";
    name = name.replace(REPORT_IN, "").replace(SPOKEN_WHEN, ""); // "a report in The Harbor Tribune" is the Tribune's
    if (kind !== "own-reporting" && kind !== "anonymous" && this.names.isOutlet(name)) kind = "outlet"; // "a report in The Harbor Tribune"
    if (kind !== "own-reporting" && kind !== "anonymous" && OUTLET_BACK_REFERENCE.test(name.trim())) {
      // "the agency reported", "the wire service", "the report said": the one outlet the article cites.
      const cited = [...citedOutlets(bundle, this.names)].filter((key) => !OUTLET_BACK_REFERENCE.test(this.names.nameOf(key)) && !OUTLET_BACK_REFERENCE.test(`the ${key.replace(/^outlet:/, "")}`));
      if (cited.length === 1) return { id: cited[0]!, name: this.names.nameOf(cited[0]!), kind: "outlet" };
    }
    switch (kind) {
      case "own-reporting":
        return null;
      case "outlet":
        return this.outlet(name);
      case "anonymous": {
        const outlet = this.names.ref(outletLabel(bundle.article), "own-reporting");
        const described = at === undefined ? null : unnamedAntecedent(bundle, name, at);
        return { id: outlet.key, name: `${described ?? name} (${outlet.name})`, kind: "anonymous" }; // the outlet's own reporting, described
      }
      case "person": {
        const person = this.person(bundle, name, span);
        return person ? { id: `entity:${person.id}`, name: person.name, kind: "person" } : { id: `person:${foldName(name)}`, name, kind: "person" };
      }
      case "document": {
        const person = this.person(bundle, name, span); // "the mayor", given as a description, may be a named person
        if (person) return { id: `entity:${person.id}`, name: person.name, kind: "person" };
        // "Police in Northfield" is the story's police: the place a body is in does not tell two bodies apart.
        const core = foldName(name).replace(BODY_FILLER, "").replace(/\sin\s[a-z]+(?:\s[a-z]+)?$/, "");
        return { id: `body:${core}`, name: name.replace(/^(?:The|the)\s/, "the "), kind: "document" };
      }
    }
  }

  /** The titles written before a person's mentions in the story ("Mayor Ivan Petrak" → "mayor"), folded. */
  private titlesOf(e: Entity): Set<string> {
    let titles = this.titles.get(e.id);
    if (!titles) {
      titles = new Set();
      for (const m of e.mentions) {
        const before = this.texts.get(m.articleId)?.slice(Math.max(0, m.start - 24), m.start);
        const title = before ? TITLE_BEFORE.exec(before)?.[1] : undefined;
        if (title) titles.add(foldName(title));
      }
      this.titles.set(e.id, titles);
    }
    return titles;
  }

  /**
   * The person entity a source's words mean: a mention covering them, the same name folded, else a surname or a
   * role noun ("the mayor") that only one person of the story carries (in a name or a description).
   */
  private person(bundle: ArticleBundle, name: string, span: Span | null): Entity | null {
    if (span) {
      const covering = this.people.find((e) =>
        e.mentions.some((m) => m.articleId === bundle.article.id && m.start < span[1] && m.end > span[0] && m.start >= span[0] - 40),
      );
      if (covering && foldName(covering.name).split(" ").some((w) => foldName(name).includes(w))) return covering;
    }
    const key = foldName(name);
    const exact = this.personByKey.get(key);
    if (exact) return exact;
    const head = key.replace(BODY_FILLER, "").split(" ").at(-1) ?? "";
    if (head.length < 3) return null;
    const bySurname = this.people.filter((e) => [e.name, ...e.aliases].some((n) => foldName(n).split(" ").at(-1) === head && foldName(n).includes(" ")));
    if (bySurname.length === 1) return bySurname[0]!;
    if (!/^(?:the|a|an)\s|\S s\s/.test(key)) return null; // a role comes with an article or an owner: "the mayor", "Mill River's police chief"
    // "the mayor of Kolvo": the role is the head before its "of" phrase.
    const role = roleHead(key.replace(BODY_FILLER, ""));
    // …given as a description, or as the title before the name ("Mayor Ivan Petrak").
    const byRole = this.people.filter((e) => e.descriptions.some((d) => roleHead(d) === role) || this.titlesOf(e).has(role));
    return byRole.length === 1 ? byRole[0]! : null;
  }
}

const peopleByArticle = new WeakMap<readonly Entity[], Map<string, Entity[]>>();

/**
 * The person entities mentioned in these articles, by id. Indexed once per entity list: a rebuild compares every
 * story against the store-wide list, and filtering it for each story would be quadratic.
 */
export function peopleIn(entities: readonly Entity[], articleIds: readonly string[]): Entity[] {
  let index = peopleByArticle.get(entities);
  if (!index) {
    index = new Map();
    for (const e of entities) {
      if (e.type !== "person") continue;
      for (const id of new Set(e.mentions.map((m) => m.articleId))) index.set(id, [...(index.get(id) ?? []), e]);
    }
    peopleByArticle.set(entities, index);
  }
  const found = new Map<string, Entity>();
  for (const id of articleIds) for (const e of index.get(id) ?? []) found.set(e.id, e);
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The words naming the source: H5's `sourceSpan` when the analyzer gives it, else the cue or citation span. */
function wordsSpan(said: AnnotationOf<"attribution"> | AnnotationOf<"citation">): Span | null {
  if (said.kind === "citation") return said.span;
  const withSource = said as AnnotationOf<"attribution"> & { sourceSpan?: Span | null };
  return withSource.sourceSpan ?? said.cueSpan;
}

/** A definite description standing for an outlet named earlier in the article. */
const OUTLET_BACK_REFERENCE = /^(?:the|that|this)\s(?:news\s)?(?:agency|wire service|wire|newspaper|paper|report|outlet|broadcaster|network|station|magazine|daily|journal)$/i;

/** How far back (characters) "he said" looks for the person it continues: about one short paragraph. */
const PRONOUN_REACH = 400;

/**
 * The word right before a mention of a name: its title ("Mayor Ivan Petrak", "Chief Ortiz") or the role it is in
 * apposition to ("the village's mayor, Ivan Petrak"). Only ever compared with the role a source is given by.
 */
const TITLE_BEFORE = /(?:^|[^\p{L}])(\p{L}+),?\s$/u;

/** The head noun of a role description: "Mayor" → "mayor"; "a Venezuela expert at the Atlantic Council" → "expert". */
function roleHead(description: string): string {
  const phrase = foldName(description).split(/\s(?:at|of|for|in|with|from|on|who|which|and)\s/)[0] ?? "";
  return phrase.split(" ").at(-1) ?? "";
}

/**
 * The people noun is the phrase's head: it ends the phrase or a description follows it ("a person familiar with the
 * talks", "officials in Caracas"), not a noun it qualifies ("official figures" are a body's data).
 */
const UNNAMED_HEAD = /\b(?:officials?|sources?|people|persons?|aides?|insiders?|diplomats?|members|employees|staffers|negotiators|witnesses)(?:\s+(?:familiar|close|with|who|briefed|in|at|from|of|for|on)\b|[\s,.;:]*$)/i;

/** Unnamed people in words ("a person familiar with the talks", "two city officials"): no name written in capitals. */
function isUnnamedPeople(words: string): boolean {
  return ANONYMOUS.test(words) && !/\p{Lu}/u.test(words.slice(1).replace(/\bUS\b|\bU\.S\./g, ""));
}
