/**
 * Which outlet a name or a domain means: "WSJ", "Wall Street Journal", "The Wall Street Journal" and wsj.com are
 * one outlet with one id, so an article's own outlet and the same outlet cited inside another article meet.
 *
 * The table (outlets.json) is the project's own data, written by hand: no maintained package maps news domains to
 * outlet names with their short forms (media-bias datasets list names or domains, never "the Journal"). Three kinds
 * of name, because news uses them differently:
 * - aliases mean the outlet wherever they appear ("WSJ", "The Associated Press");
 * - short forms ("the Post", "the Times", "the Journal") name several outlets; they mean one only on its own domain
 *   (the caller passes the page's domain), or after an article names the outlet in full (entity resolution binds
 *   that, not this table);
 * - a self-reference ("The Post has learned") on a page whose domain nothing gives falls back to the one outlet
 *   the table lists as writing itself that way (a prior, confidence kept low by the caller: docs/decisions.md).
 */
import table from "./outlets.json" with { type: "json" };

export interface OutletIdentity {
  /** The table's id ("wsj") for a known outlet; "unlisted:<folded name>" for one the table lacks. */
  id: string;
  /** The canonical name ("The Wall Street Journal"), or the name as given when unlisted. */
  name: string;
  known: boolean;
}

interface OutletRow {
  id: string;
  name: string;
  domains: string[];
  aliases: string[];
  shortForms?: string[];
  selfReference?: string[];
}

export interface ResolveOutletOptions {
  /** The name is the page speaking of itself ("The Post has learned"): a short form may fall back to the table's prior. */
  selfReference?: boolean;
}

const ROWS: readonly OutletRow[] = (table as { outlets: OutletRow[] }).outlets;
const DOMAIN_SHAPED = /^(?:https?:\/\/)?(?:www\d?\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}(?:\/.*)?$/i;

/** "The Wall Street Journal" → "wall street journal": case, accents, punctuation and a leading "the" go. */
export function outletKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

const byDomain = new Map<string, OutletRow>();
const byAlias = new Map<string, OutletRow>();
const byShortForm = new Map<string, OutletRow[]>();
const bySelfReference = new Map<string, OutletRow[]>();
for (const row of ROWS) {
  for (const d of row.domains) byDomain.set(d.toLowerCase(), row);
  for (const alias of [row.name, ...row.aliases]) byAlias.set(outletKey(alias), row);
  for (const s of row.shortForms ?? []) byShortForm.set(outletKey(s), [...(byShortForm.get(outletKey(s)) ?? []), row]);
  for (const s of row.selfReference ?? []) bySelfReference.set(outletKey(s), [...(bySelfReference.get(outletKey(s)) ?? []), row]);
}

const identity = (row: OutletRow): OutletIdentity => ({ id: row.id, name: row.name, known: true });

/** The known outlet of a domain or URL ("https://www.nypost.com/2025/…", "news.yahoo.com"), trying shorter hosts too. */
export function outletOfDomain(domain: string | null | undefined): OutletIdentity | null {
  if (!domain) return null;
  const host = hostOf(domain);
  if (!host) return null;
  const labels = host.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const row = byDomain.get(labels.slice(i).join("."));
    if (row) return identity(row);
  }
  return null;
}

function hostOf(domain: string): string | null {
  const text = domain.trim().toLowerCase();
  try {
    const host = new URL(/^[a-z]+:\/\//.test(text) ? text : `http://${text}`).hostname;
    return host.replace(/^www\d?\./, "") || null;
  } catch {
    return null;
  }
}

/**
 * The outlet a name (and the page's domain, when known) means; null when nothing names one or the name is a short
 * form several outlets share and neither the domain nor a self-reference settles it ("the Times" on an unknown site).
 */
export function resolveOutlet(
  name: string | null | undefined,
  domain?: string | null,
  options: ResolveOutletOptions = {},
): OutletIdentity | null {
  const onDomain = outletOfDomain(domain);
  const given = name?.trim() ?? "";
  if (!given) return onDomain;
  if (!given.includes(" ") && DOMAIN_SHAPED.test(given)) return outletOfDomain(given) ?? unlisted(hostOf(given) ?? given);
  const key = outletKey(given);
  if (!key) return onDomain;
  const alias = byAlias.get(key);
  if (alias) return identity(alias);
  const sharing = byShortForm.get(key) ?? [];
  if (onDomain && sharing.some((row) => row.id === onDomain.id)) return onDomain;
  if (options.selfReference) {
    if (onDomain) return onDomain; // the page speaks of itself: its own domain says which outlet it is
    const prior = bySelfReference.get(key) ?? [];
    if (prior.length === 1) return identity(prior[0]!);
  }
  if (sharing.length) return null;
  return unlisted(given);
}

/** The outlets a short form may mean ("the Journal" → WSJ, …): entity resolution binds it to one named in the text. */
export function outletsSharing(shortForm: string): OutletIdentity[] {
  return (byShortForm.get(outletKey(shortForm)) ?? []).map(identity);
}

/** A name the table does not list keeps its own spelling, under an id its spellings share ("The Rio Times", "Rio Times"). */
function unlisted(name: string): OutletIdentity {
  return { id: `unlisted:${outletKey(name).replace(/ /g, "-")}`, name: name.trim(), known: false };
}

/** The report's entity id of an outlet: an outlet cited in one article and another article's own outlet share it. */
export const outletEntityId = (outlet: OutletIdentity): string => `outlet-${outlet.id.replace(/^unlisted:/, "u-")}`;
