/**
 * The outlet of a scraped page, from what publishers print about themselves: a syndication credit at the top
 * ("(MENAFN- The Rio Times)", "WASHINGTON (Reuters) —"), the copyright line, the site's domain, a self-reference
 * ("The Post has learned"). Never from an author's bio: "moved to the U.S. to cover Congress for Breitbart News"
 * names an old employer, not this article's outlet.
 */
import type { FieldProvenance } from "../../records.js";
import { outletOfDomain, resolveOutlet } from "../../_lib/outlets.js";

export interface OutletPick {
  outlet: string;
  provenance: FieldProvenance;
}

/** "(MENAFN- The Rio Times)": the distributor, then the publisher whose article it carries. */
export const SYNDICATION = /^\((?:MENAFN|PRNewswire|PR Newswire|GLOBE NEWSWIRE|Business Wire|Newsfile|ACCESSWIRE)\s*[-–—]\s*([^)]{2,60})\)\s*/i;
/** "CARACAS, Venezuela (Reuters) -": the wire's own dateline. */
const WIRE_DATELINE = /^[^()\n]{0,60}\((Reuters|AP|AFP|UPI|Bloomberg|dpa|EFE|ANSA|Xinhua)\)\s*[-–—]/;
const WIRE_NAMES: Record<string, string> = { AP: "Associated Press", AFP: "Agence France-Presse" };
const COPYRIGHT = /(?:all rights reserved (?:to|by)\s+(.{2,60}?)\s*\.?$)|(?:^(?:©|copyright|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.{2,60}?)(?:[.,]|\s+all rights reserved|$))/i;
const SELF_REFERENCE = /\b(The (?:[A-Z][\w&-]+ ){0,3}[A-Z][\w&-]+) (?:has|have) (?:learned|confirmed exclusively)\b/;
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+)\.(?:[a-z.]{2,10})\/?$/i;

/**
 * The outlet as the page names it, normalised through the outlets table (_lib/outlets.ts): "WSJ" and wsj.com read
 * as "The Wall Street Journal", a self-reference's "The Post" as the outlet of the page's domain, else the table's
 * prior for it. A known domain outranks a name the table does not know (the parent company in a copyright line).
 * `pageUrl`: the URL given with the text (a record's `url`), if any.
 */
export function findOutlet(headBlocks: readonly string[], allBlocks: readonly string[], bodyText: string, pageUrl: string | null = null): OutletPick | null {
  // The URL the text came with, when the table knows its site; else a domain line the page prints; else that URL.
  const printed = allBlocks.map((b) => DOMAIN.exec(b)?.[0]).find((d): d is string => !!d) ?? null;
  const domain = (pageUrl && outletOfDomain(pageUrl) ? pageUrl : null) ?? printed ?? pageUrl;
  const found = pickOutlet(headBlocks, allBlocks, bodyText);
  if (!found) return null;
  const selfReference = found.provenance.from === "text:self-reference";
  const resolved = resolveOutlet(found.outlet, domain, { selfReference });
  if (resolved?.known) return { outlet: resolved.name, provenance: found.provenance };
  const onDomain = outletOfDomain(domain);
  if (onDomain) return pick(onDomain.name, `${found.provenance.from}+domain`, Math.max(found.provenance.confidence, DOMAIN_CONFIDENCE));
  return found;
}

/** A whole line that is the site's own domain ("www.israelhayom.com"): the page's header or footer. */
const DOMAIN_CONFIDENCE = 0.6;

function pickOutlet(headBlocks: readonly string[], allBlocks: readonly string[], bodyText: string): OutletPick | null {
  const first = bodyText.trimStart().slice(0, 200);
  // The body has the credit removed (extract-text.ts); callers pass the text as it was before that.
  const syndicated = SYNDICATION.exec(first);
  if (syndicated) return pick(syndicated[1]!.trim(), "text:syndication-credit", 0.9);
  const wire = WIRE_DATELINE.exec(first);
  if (wire) return pick(WIRE_NAMES[wire[1]!] ?? wire[1]!, "text:wire-dateline", 0.85);

  const domains = allBlocks.map((b) => DOMAIN.exec(b)?.[1]?.toLowerCase()).filter((d): d is string => !!d);
  for (const block of [...allBlocks].reverse()) {
    const m = COPYRIGHT.exec(block);
    const name = (m?.[1] ?? m?.[2])?.trim();
    if (!name || /^(the )?(author|authors|respective owners?)$/i.test(name)) continue;
    const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, "");
    const matchesDomain = domains.some((d) => d.replace(/-/g, "") === squashed);
    return pick(name, matchesDomain ? "text:copyright+domain" : "text:copyright", matchesDomain ? 0.9 : 0.7);
  }
  const self = SELF_REFERENCE.exec(bodyText);
  if (self) return pick(self[1]!, "text:self-reference", 0.4);
  if (domains[0]) return pick(domains[0], "text:domain", 0.4);
  const crumb = headBlocks[0];
  if (crumb && !/^(home|news|menu|posts?)$/i.test(crumb)) return pick(crumb, "text:breadcrumb", 0.3);
  return null;
}

const pick = (outlet: string, from: string, confidence: number): OutletPick => ({ outlet, provenance: { from, confidence } });
