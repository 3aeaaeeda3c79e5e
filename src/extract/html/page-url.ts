/**
 * What a page's URL says: its canonical form (the id is hashed from it), the registrable domain (the outlet of
 * last resort) and a /2019/08/02/-style publication date, which CMSs write from the post's own date.
 */
import { type Candidate, candidate } from "./candidate.js";

/** Second-level labels under which registrations sit one level deeper (bbc.co.uk, abc.net.au). */
const SECOND_LEVEL = new Set(["co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gv", "nic"]);
const DOMAIN_OUTLET_CONFIDENCE = 0.2;
const URL_DATE_CONFIDENCE = 0.4;
/** /2019/08/02/ or /2019-08-02- in the path: a date the CMS wrote when the post was published. */
const PATH_DATE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|\.html?|$)/;

/** Tracking parameters differ between two links to one article; they never select different content. */
const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|src|source|mod|taid|guccounter)$/i;

/** Absolute http(s) URL or null; relative ones resolve against `base`. */
export function absoluteUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Lower-case host, no fragment, no tracking parameters, no trailing slash: the string the id is hashed from. */
export function canonicalForm(url: string): string {
  const u = new URL(url);
  u.hash = "";
  for (const name of Array.from(u.searchParams.keys())) if (TRACKING_PARAM.test(name)) u.searchParams.delete(name);
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, "") : "";
  return `${u.protocol}//${u.host.toLowerCase()}${path}${u.search}`;
}

export function registrableDomain(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\d?\./, "");
  } catch {
    return null;
  }
  if (/^[\d.]+$/.test(host) || !host.includes(".")) return null;
  const labels = host.split(".");
  const keep = labels.length >= 3 && SECOND_LEVEL.has(labels.at(-2)!) && labels.at(-1)!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join(".");
}

export function urlCandidates(url: string | null): Candidate[] {
  if (!url) return [];
  const out = candidate("outlet", registrableDomain(url), "url:domain", DOMAIN_OUTLET_CONFIDENCE);
  const m = PATH_DATE.exec(safePath(url));
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
    out.push(...candidate("publishedAt", iso, "url:path-date", URL_DATE_CONFIDENCE));
  }
  return out;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}
