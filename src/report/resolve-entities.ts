/**
 * Entity mentions across articles → one Entity per real-world thing: "Nicolás Maduro", "Nicolas Maduro" and
 * "Maduro" are one person. Within an article the entities analyzer has already bound surnames, titles, role
 * descriptions and short forms to the full name they refer to (each with its evidence); here spellings meet across
 * articles. Keys fold accents and case; an outlet's every name meets under its outlets-table id (so "WSJ" cited in one
 * article is the outlet of another's own articles); a bare surname left unbound joins the one full name that ends
 * with it (when exactly one does, corpus-wide), and the display name is the most frequent full spelling, accents kept.
 */
import type { AnnotationOf, ArticleBundle, Entity, EntityEvidence, EntityMention, EntityType } from "../records.js";
import { compromiseModel } from "../_lib/compromise-model.js";
import { shortHash } from "../_lib/hash.js";
import { type OutletIdentity, outletEntityId, resolveOutlet } from "../_lib/outlets.js";
import { foldName } from "../_lib/text.js";
import { CROSS_ARTICLE_SHORT_FORM_CONFIDENCE, type Group, indexBy, mergeAcrossTypes, mergeMiddleNames, mergeSurnamesOfSeveralWords } from "./merge-names.js";

export type { Group } from "./merge-names.js";
export { mergeAcrossTypes, mergeMiddleNames } from "./merge-names.js";

/** "INS Sukanya" and "the Sukanya", "USS Cole" and "the Cole": a navy's ship prefix is no part of the ship's name. */
const SHIP_PREFIX = /^(?:uss|usns|hms|hmas|hmcs|hmnzs|ins|rfs|rms|mv) (?=\S)/;
const CORPORATE_SUFFIX = / (?:inc|incorporated|corp|corporation|co|ltd|limited|llc|plc|sa|ag|gmbh|nv)$/;

export function resolveEntities(bundles: readonly ArticleBundle[]): Entity[] {
  const groups = new Map<string, Group>();
  const typeKey = (type: EntityType, key: string) => `${type === "org" || type === "place" ? "orgplace" : type}:${key}`;
  // The same names come back in article after article: each (type, name) is keyed once per call.
  const keyed = new Map<string, { key: string; id: string; outlet: OutletIdentity | null }>();
  const keyOf = (type: EntityType, rawName: string) => {
    const memo = `${type}\u0000${rawName}`;
    let hit = keyed.get(memo);
    if (hit) return hit;
    // "U.S." and "US" meet under "us"; "The Wall Street Journal" and "Wall Street Journal" under one key.
    const outlet = type === "org" ? resolveOutlet(rawName) : null;
    const name = outlet?.known ? outlet.name : rawName;
    // "Apple Inc." and "Apple" are one company: a legal-form suffix is no part of the name.
    const folded = foldName(name).replace(/^the /, "").replace(CORPORATE_SUFFIX, "").replace(SHIP_PREFIX, "").replace(/^mt /, "mount ").replace(/^ft /, "fort ");
    const key = /^(\p{L} )+\p{L}$/u.test(folded) ? folded.replace(/ /g, "") : folded;
    hit = { key, id: outlet?.known ? `outlet:${outlet.id}` : typeKey(type, key), outlet: outlet?.known ? outlet : null };
    keyed.set(memo, hit);
    return hit;
  };
  for (const { article, annotations } of bundles) {
    for (const a of annotations) {
      if (a.kind !== "entity") continue;
      const { key, id, outlet } = keyOf(a.type, a.name);
      if (!key) continue;
      const group: Group = groups.get(id) ?? { key, type: a.type, spellings: new Map(), mentions: [], ...(outlet ? { outlet } : {}) };
      // A bound mention ("the governor") counts toward its entity but is no spelling of its name.
      if (!a.via || a.via === "name" || a.via === "outlet" || a.via === "acronym") {
        const spelling = a.via ? article.text.slice(a.span[0], a.span[1]).replace(/^the\s+/i, "") : a.name;
        group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      } else if (a.via === "surname" || a.via === "title" || a.via === "short-form") {
        const spelling = article.text.slice(a.span[0], a.span[1]);
        group.spellings.set(spelling, group.spellings.get(spelling) ?? 0);
      }
      // Every mention bound (a pronoun, a role) and none spelling the name: the name it was bound to stands.
      else if (!group.spellings.size && !group.mentions.length) group.spellings.set(a.name, 0);
      group.mentions.push(mentionOf(article, a));
      groups.set(id, group);
    }
  }
  mergeAcrossTypes(groups);
  mergeMiddleNames(groups);
  mergeShortForms(groups);
  mergeSurnamesOfSeveralWords(groups);
  const descriptions = describe(bundles, groups);
  return [...groups.values()]
    .map((g): Entity => {
      const spellings = [...g.spellings.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
      const full = spellings.filter(([s]) => s.includes(" ") || spellings.length === 1);
      const name = g.outlet?.name ?? preferAccented((full[0] ?? spellings[0]!)[0], spellings.map(([s]) => s));
      return {
        id: g.outlet ? outletEntityId(g.outlet) : `entity-${shortHash(g.type, g.key)}`,
        name,
        type: g.type,
        aliases: spellings.map(([s]) => s).filter((s) => s !== name),
        descriptions: ranked(descriptions.get(g) ?? new Map()),
        mentions: g.mentions.sort((a, b) => a.articleId.localeCompare(b.articleId) || a.start - b.start),
      };
    })
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

/**
 * Short forms join the one long form they abbreviate: a surname its full name ("maduro" → "nicolas maduro"),
 * an acronym the organisation or place whose initials it is ("us" → "united states", "wsj" → "wall street
 * journal"), a newspaper's head word its full name ("the Journal" → "The Wall Street Journal", as news writes it on
 * second mention), a team's plural last word its full name ("Saints" → "New Orleans Saints"). Only when exactly one
 * long form fits; "America" is not short for "South America", and "the House" is not the White House (of
 * singular heads only newspapers' are read this way).
 */
export function mergeShortForms(groups: Map<string, Group>): void {
  const initials = (key: string) => key.split(" ").filter((w) => !["of", "the", "and", "for", "de"].includes(w)).map((w) => w[0]).join("");
  // An untyped word may be a person's surname the recogniser could not type alone ("Tennant" after "David Tennant").
  const sameKind = (long: Group, short: Group) =>
    long.type === short.type || (long.type !== "person" && short.type !== "person") || (short.type === "other" && long.type === "person");
  // Only single-word groups are merged away, so the long forms (keys with a space) stay the same throughout: they
  // are indexed once, by last word and by initials, in insertion order. Testing every group for every short form
  // was short forms × groups (seconds at 10,000 articles, growing as the square of the store).
  const longForms = [...groups].filter(([, g]) => g.key.includes(" "));
  const byLastWord = indexBy(longForms, ([, g]) => g.key.slice(g.key.lastIndexOf(" ") + 1));
  const byInitials = indexBy(longForms, ([, g]) => initials(g.key));
  for (const [id, group] of [...groups]) {
    if (group.key.includes(" ")) continue;
    const acronym = group.key.length >= 2 && group.key.length <= 5;
    const bySuffix = byLastWord.get(group.key) ?? [];
    const byAcronym = acronym ? byInitials.get(group.key) ?? [] : [];
    // A person's surname, or a newspaper's head word for an organisation, ends the long form; otherwise the short
    // form is its initials.
    // A team or company by its last word ("Saints" → "New Orleans Saints") when one organisation of the story ends so.
    const endsTheName = (g: Group) =>
      group.type === "person" || (group.type === "other" && g.type === "person") || (NEWSPAPER_HEAD.test(group.key) && g.type === "org") ||
      (TEAM_LIKE.test(group.key) && g.type === "org" && (group.type === "org" || group.type === "other") && g.key.split(" ").length <= MAX_ORG_WORDS_BY_LAST_WORD) ||
      (g.type === "org" && (group.type === "org" || group.type === "other") && isNationalBody(g.key));
    const longer = [...bySuffix.filter(([, g]) => endsTheName(g)), ...byAcronym.filter(([, g]) => g.type !== "person")]
      .sort((a, b) => a[2] - b[2])
      .filter(([otherId, g]) => otherId !== id && sameKind(g, group));
    const targets = new Set(longer.map(([, g]) => g.key));
    if (targets.size !== 1) continue;
    const [, target] = longer[0]!;
    for (const [s, n] of group.spellings) target.spellings.set(s, (target.spellings.get(s) ?? 0) + n);
    const via = target.type === "person" ? "surname" : endsTheName(target) && target.key.endsWith(` ${group.key}`) ? "short-form" : "acronym";
    for (const m of group.mentions) {
      target.mentions.push(m.via && m.via !== "name" ? m : { ...m, via, confidence: CROSS_ARTICLE_SHORT_FORM_CONFIDENCE, evidence: null });
    }
    groups.delete(id);
  }
}

/**
 * A plural name ("Saints", "Colts", "Chiefs") is a team's or a company's last word; a singular head ("House",
 * "Court") is not read so: the House is not the White House.
 */
const TEAM_LIKE = /[^s]s$/;
/** Longer organisation names are described by their last word ("the Bank" of "the Bank of …" is a different matter). */
const MAX_ORG_WORDS_BY_LAST_WORD = 3;

/**
 * "Indian Navy", "U.S. Senate", "British Army": a country's body, which a story calls by its head word alone ("the
 * Navy") once it has named it. Not "White House" or "Supreme Court" (no country before the head), nor "Texas Senate"
 * (a region's: "the Senate" of a U.S. story is the federal one).
 */
export function isNationalBody(key: string): boolean {
  const cut = key.lastIndexOf(" ");
  if (cut < 0) return false;
  const country = key.slice(0, cut);
  if (COUNTRIES_LEXICON_LACKS.has(country.replace(/ /g, ""))) return true;
  const tags = compromiseModel().one.lexicon[country];
  return (Array.isArray(tags) ? tags : [tags]).some((t) => t === "Country" || t === "Demonym");
}
/** Folded keys compromise's lexicon does not tag ("U.S." folds to "u s"; it has no "british"). */
const COUNTRIES_LEXICON_LACKS = new Set(["us", "usa", "uk", "british", "britain"]);

const NEWSPAPER_HEAD = /^(journal|times|post|tribune|herald|gazette|globe|guardian|telegraph|observer|chronicle|examiner|inquirer|sun|star|mirror|courier|dispatch|bulletin)$/;

/** Of spellings that fold to the same key, prefer the one with accents: "Nicolás Maduro" over "Nicolas Maduro". */
function preferAccented(name: string, spellings: string[]): string {
  const key = foldName(name);
  const accented = spellings.find((s) => foldName(s) === key && s !== s.normalize("NFD").replace(/\p{M}/gu, ""));
  return accented ?? name;
}

/**
 * What the articles call each entity: labels before its name ("Venezuela's President") and appositives after it
 * ("Geoff Ramsey, a Venezuela expert at the Atlantic Council"), found by the labels analyzer and joined here to
 * the entity their name resolved to. Stand-ins ("the strongman") and loaded labels ("dictator") are framing, not
 * descriptions: they are in the report's framing section.
 */
function describe(bundles: readonly ArticleBundle[], groups: Map<string, Group>): Map<Group, Map<string, number>> {
  const bySpelling = new Map<string, Group>();
  for (const g of groups.values()) if (g.type === "person") for (const spelling of g.spellings.keys()) bySpelling.set(foldName(spelling), g);
  const out = new Map<Group, Map<string, number>>();
  for (const { annotations } of bundles) {
    for (const a of annotations) {
      if (a.kind !== "label" || a.via === "stand-in" || a.field === "title" || a.loaded) continue;
      const group = bySpelling.get(foldName(a.entityName));
      if (!group) continue;
      const terms = out.get(group) ?? new Map<string, number>();
      const term = a.term.replace(/^(?:a|an|the)\s/i, (article) => article.toLowerCase());
      terms.set(term, (terms.get(term) ?? 0) + 1);
      out.set(group, terms);
    }
  }
  return out;
}

const ranked = (counts: Map<string, number>): string[] =>
  [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([term]) => term);

/** The mention as the report lists it: where it is, and how it was linked (its evidence quoted from the same article). */
function mentionOf(article: ArticleBundle["article"], a: AnnotationOf<"entity">): EntityMention {
  const text = article.text.slice(a.span[0], a.span[1]);
  // Object literals of one shape, no spreads: this runs once per entity mention of the store.
  if (!a.via) return { articleId: article.id, start: a.span[0], end: a.span[1], text, via: "name", confidence: 1, evidence: null };
  return { articleId: article.id, start: a.span[0], end: a.span[1], text, via: a.via, confidence: a.confidence ?? 1, evidence: evidenceOf(article, a) };
}

function evidenceOf(article: ArticleBundle["article"], a: AnnotationOf<"entity">): EntityEvidence | null {
  if (!a.evidence) return null;
  const evidence: EntityEvidence = { articleId: article.id, start: a.evidence[0], end: a.evidence[1], text: article.text.slice(a.evidence[0], a.evidence[1]) };
  if (a.evidenceSentence) evidence.sentence = { start: a.evidenceSentence[0], end: a.evidenceSentence[1], text: article.text.slice(a.evidenceSentence[0], a.evidenceSentence[1]) };
  return evidence;
}
