/**
 * Independence earned on each aligned claim (issue 22; DOMAIN.md "Independent sources"), the one place that decides
 * a claim's sources, independent count and status (alignClaims only groups and resolves each sentence's source).
 * First what each wording relays (echoes.ts: copies, echoes of a cited outlet, restatements in the outlet's own
 * voice, a body named in full and in short); then the wordings are joined into primary sources, and a claim is corroborated only when two or more
 * remain. Every wording otherwise keeps the source it names ("the company said" stays the company); what changes is
 * which of them are one:
 * - a copy's wording is its canonical's (copies add outlets, not sources);
 * - a wording citing an outlet whose own article is in the claim rests on what that article's wording rests on
 *   (Crime Watch citing the Register, whose sentence is the police chief's: the chief);
 * - a headline rests on what its own article's body says of the same claim;
 * - a person speaks for the body their role names ("Police Chief Santangelo" and "police"; "Howard Lin, the city's
 *   finance director" and "the city's finance department"); a role description is the person it describes ("the
 *   hospital's chief medical officer" and Dr. Hartmann); an office is its holder's ("the mayor's office");
 * - a generic reference ("officers", "official figures", "the company") is the one specific source of its class
 *   the claim names; officers and police with no force named are the story's one force.
 * Own reporting stays a source of its own: an outlet's reporter at the scene is independent of the police.
 * Anonymous sources in different outlets stay distinct (resolve-source.ts keys them by the outlet they spoke to).
 */
import type { ArticleBundle, ClaimSource, CopyGroup, Entity, SourceVia, TextSupport } from "../records.js";
import type { AlignedClaim } from "./claims/align-claims.js";
import { type RelayFacts, resolveRelays } from "./echoes.js";
import { citedOutlets, outletLabel, SourceNames } from "./sources.js";
import { type Mention, ownVoiceAbout, unitOfBody } from "./source-joins.js";
import { bodiesOfRole, coreWords, genericClass, isBodyName, isLawBody, officeOwner, placeGovernment, rolesInText, speaksForPlace } from "./speaks-for.js";
import { foldName } from "../_lib/text.js";

/** Independent primary sources for a claim to count as corroborated (DOMAIN.md). */
export const CORROBORATION_MIN_SOURCES = 2;
const VIA_RANK: Record<SourceVia, number> = { cited: 0, own: 1, echo: 2 };

interface StoryFacts extends RelayFacts {
  texts: Map<string, string>;
  /** Person entity id → the roles the story's articles give it, folded. */
  roles: Map<string, string[]>;
  /** Person entity id ("entity:…") → its mentions in the story's articles. */
  mentions: Map<string, Mention[]>;
}

/** Recomputes each claim's `sources`, `primarySources`, `independentSources` and status (before conflicts are marked). */
export function earnIndependence(aligned: readonly AlignedClaim[], members: readonly ArticleBundle[], copies: readonly CopyGroup[], entities: readonly Entity[]): void {
  const names = new SourceNames(members);
  const facts: StoryFacts = {
    outletKey: new Map(members.map((b) => [b.article.id, names.ref(outletLabel(b.article), "own-reporting").key])),
    canonicalOf: new Map(copies.flatMap((g) => g.copyIds.map((id) => [id, g.canonicalId] as const))),
    cites: new Map(members.map((b) => [b.article.id, citedOutlets(b, names)])),
    bundles: new Map(members.map((b) => [b.article.id, b])),
    names,
    texts: new Map(members.map((b) => [b.article.id, b.article.text])),
    roles: new Map(),
    mentions: new Map(),
  };
  const ids = new Set(members.map((b) => b.article.id));
  for (const e of entities) {
    if (e.type !== "person") continue;
    facts.mentions.set(`entity:${e.id}`, e.mentions.filter((m) => ids.has(m.articleId)));
    const roles = e.mentions.filter((m) => ids.has(m.articleId)).flatMap((m) => rolesInText(facts.texts.get(m.articleId) ?? "", m.start, m.end));
    roles.push(...e.descriptions.map(foldName));
    if (roles.length) facts.roles.set(`entity:${e.id}`, [...new Set(roles)]);
  }
  for (const { claim } of aligned) {
    resolveRelays(claim.support, facts);
    const sources = primarySourcesOf(claim.support, facts);
    claim.sources = sources;
    claim.primarySources = sources.map((s) => s.name);
    claim.independentSources = sources.length;
    claim.status = sources.length >= CORROBORATION_MIN_SOURCES ? "corroborated" : "single-source";
  }
}

/** The claim's supports joined into primary sources (the rules above), each with the supports resting on it. */
export function primarySourcesOf(support: readonly TextSupport[], facts: StoryFacts): ClaimSource[] {
  const parent = support.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const src = support.map((s) => s.source ?? { id: facts.outletKey.get(s.articleId) ?? s.articleId, name: s.outlet ?? s.articleId, kind: "own-reporting" as const });
  const generic = src.map((s) => (s.kind === "person" || s.kind === "outlet" || s.kind === "own-reporting" ? null : genericClass(s.name)));
  const bodies = src.map((s) => (s.kind === "person" ? personBodies(s.id, s.name, facts) : new Set<string>()));
  const each = (f: (k: number, j: number) => void) => support.forEach((_, k) => support.forEach((__, j) => j !== k && f(k, j)));

  each((k, j) => src[k]!.id === src[j]!.id && union(k, j));
  // Copies: the canonical's wording, when the claim holds it.
  each((k, j) => facts.canonicalOf.get(support[k]!.articleId) === support[j]!.articleId && union(k, j));
  // An outlet cited whose own article is in the claim: what that article rests on.
  each((k, j) => src[k]!.kind === "outlet" && support[j]!.articleId !== support[k]!.articleId && facts.outletKey.get(support[j]!.articleId) === src[k]!.id && union(k, j));
  // A headline: its own article's body.
  each((k, j) => support[k]!.field === "title" && src[k]!.kind === "own-reporting" && !support[j]!.field && support[j]!.articleId === support[k]!.articleId && src[j]!.kind !== "own-reporting" && union(k, j));
  // A person and the body, office or description that names them.
  each((k, j) => {
    const bodyLike = src[k]!.kind === "document" || (src[k]!.kind === "person" && isBodyName(src[k]!.name));
    if (src[j]!.kind !== "person" || isBodyName(src[j]!.name) || !bodyLike || generic[k]) return;
    const owner = officeOwner(src[k]!.name);
    const core = coreWords(src[k]!.name).filter((w) => !WEAK.has(w));
    const roles = facts.roles.get(src[j]!.id) ?? [];
    const describes = core.length > 0 && roles.some((r) => core.every((w) => r.split(" ").includes(w)));
    const speaksFor = core.some((w) => bodies[j]!.has(w));
    const place = placeGovernment(src[k]!.name); // "the city says" and its city manager
    if ((owner && bodies[j]!.has(owner)) || describes || speaksFor || (place && speaksForPlace(roles, place))) union(k, j);
  });
  // Generic references: the one specific source of their class in the claim.
  const specific = (k: number) => !generic[k] && src[k]!.kind !== "own-reporting" && src[k]!.kind !== "anonymous" && src[k]!.kind !== "outlet";
  const fits: Record<"law" | "data" | "company", (j: number, k: number) => boolean> = {
    law: (j) => ((src[j]!.kind === "document" || src[j]!.kind === "person") && isLawBody(src[j]!.name)) || [...bodies[j]!].some((b) => b === "police" || b === "sheriff" || b === "patrol"),
    data: (j) => src[j]!.kind === "document",
    // A company the generic wording's own article names, and not a person with a role.
    company: (j, k) => !facts.roles.has(src[j]!.id) && (facts.texts.get(support[k]!.articleId) ?? "").includes(src[j]!.name),
  };
  support.forEach((_, k) => {
    const cls = generic[k];
    if (!cls) return;
    const roots = new Set(support.map((__, j) => j).filter((j) => specific(j) && fits[cls](j, k)).map(find));
    if (roots.size === 1) union(k, [...roots][0]!);
    // None named in the claim: one unnamed force, study or company ("police" and "officers"; "the study" and "a
    // new study has found"): within one proposition they mean the same one.
    else if (roots.size === 0) support.forEach((__, j) => generic[j] === cls && union(k, j));
  });
  // One outlet's own voice beside what it attributes in the same claim: the outlet restates its source, it is not a
  // second one (the wording keeps its own source for display; echoes.ts rewrites only a restatement of the same values).
  support.forEach((s, k) => {
    if (src[k]!.kind !== "own-reporting" || s.via !== "own" || s.field) return;
    const attributed = new Set(support.map((__, j) => j).filter((j) => support[j]!.articleId === s.articleId && support[j]!.via === "cited" && src[j]!.kind !== "anonymous").map(find));
    if (attributed.size === 1) union(k, [...attributed][0]!);
  });
  // Distinct named sources (first wording of each): a big story's claim has many wordings but few sources.
  const firsts = [...new Map(support.map((_, j) => [src[j]!.id, j] as const).reverse()).values()];
  const named = firsts.filter((j) => (src[j]!.kind === "person" || src[j]!.kind === "document") && !generic[j]);
  // A unit and its body ("the Bureau of Labor Statistics", "the Labor Department").
  for (const k of named) for (const j of named) if (unitOfBody(src[k]!, src[j]!)) union(k, j);
  // An own-voice wording telling what the claim's one named source did or said (source-joins.ts).
  const law = firsts.filter((j) => generic[j] === "law");
  support.forEach((s, k) => {
    if (src[k]!.kind !== "own-reporting" || s.via !== "own") return;
    const about = new Set([...named, ...law].filter((j) => ownVoiceAbout(s, src[j]!, facts.mentions)).map(find));
    if (about.size === 1) union(k, [...about][0]!);
  });

  const groups = new Map<number, number[]>();
  support.forEach((_, k) => groups.set(find(k), [...(groups.get(find(k)) ?? []), k]));
  return [...groups.values()].map((ks) => {
    const lead = [...ks].sort((a, b) => rank(src[a]!.kind, generic[a] ?? null) - rank(src[b]!.kind, generic[b] ?? null) || a - b)[0]!;
    const via = ks.map((k) => support[k]!.via ?? "own").sort((a, b) => VIA_RANK[a] - VIA_RANK[b])[0]!;
    return {
      id: src[lead]!.id, name: src[lead]!.name, kind: src[lead]!.kind, via, support: ks,
      outlets: [...new Set(ks.map((k) => support[k]!.outlet ?? support[k]!.articleId))],
    };
  });
}

/** Place and level words: "the state health department" and a "State Police" sergeant are not one body. */
const WEAK = new Set(["state", "city", "county", "town", "national", "federal", "village", "regional", "general", "public"]);

/** The bodies a person source speaks for, from the roles the story gives them (or the words of their name). */
function personBodies(id: string, name: string, facts: StoryFacts): Set<string> {
  const out = new Set<string>();
  for (const role of [...(facts.roles.get(id) ?? []), foldName(name)]) for (const b of bodiesOfRole(role)) if (!WEAK.has(b)) out.add(b);
  for (const w of foldName(name).split(" ")) out.delete(w); // a person's own name words are not a body they speak for
  return out;
}


/** Which wording names a group: a named person or body first, then an outlet, an unnamed source, own reporting, a generic word. */
function rank(kind: string, generic: string | null): number {
  if (generic) return 5;
  return kind === "person" ? 0 : kind === "document" ? 1 : kind === "outlet" ? 2 : kind === "anonymous" ? 3 : 4;
}
