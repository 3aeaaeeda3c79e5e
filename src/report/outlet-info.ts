/**
 * What a user tells us about outlets (their own file: `--outlets FILE`, read by read-outlet-info.ts): each
 * outlet's political lean, country and owner. Triangulate ships no such data (published lean ratings are
 * licensed: AllSides' and Ad Fontes' forbid redistribution); when the user gives it, the coverage of a story shows
 * it beside each outlet and as a spread, as Ground News shows lean. Pure and free of Node: the web app uses it too.
 */
import type { Article } from "../records.js";
import { articleOutlet, displayOutlet } from "./bottom-line.js";

/** The five-point scale AllSides, Ground News and Ad Fontes' bins share, left to right. */
export const LEANS = ["left", "lean left", "center", "lean right", "right"] as const;
export type Lean = (typeof LEANS)[number];

export interface OutletInfo {
  /** The outlet as articles name it ("The Wall Street Journal"), and/or its web domain ("wsj.com"). */
  name: string | null;
  domain: string | null;
  lean: Lean | null;
  country: string | null;
  owner: string | null;
}

/** Names compared without case, punctuation or a leading "The": "the wall street journal" is "Wall Street Journal". */
export const outletKey = (name: string): string => name.normalize("NFKD").toLowerCase().replace(/^the\s+/, "").replace(/[^\p{L}\p{N}]+/gu, "");

/** "www.wsj.com" → "wsj.com". */
export const domainKey = (domain: string): string => domain.trim().toLowerCase().replace(/^(?:https?:\/\/)?(?:www\.)?/, "").replace(/[/:].*$/, "");

export interface OutletDirectory {
  /** The entry for an article: by its URL's domain (or a parent domain), else by its outlet's name. */
  forArticle(article: Pick<Article, "outlet" | "source" | "url">): OutletInfo | null;
  /** The entry for an outlet as the reports label it. */
  forOutlet(label: string): OutletInfo | null;
  readonly size: number;
}

export function outletDirectory(entries: readonly OutletInfo[]): OutletDirectory {
  const byName = new Map<string, OutletInfo>();
  const byDomain = new Map<string, OutletInfo>();
  for (const e of entries) {
    if (e.name) byName.set(outletKey(e.name), e);
    if (e.domain) byDomain.set(domainKey(e.domain), e);
  }
  const forOutlet = (label: string) => byName.get(outletKey(displayOutlet(label))) ?? null;
  const forDomain = (url: string | null): OutletInfo | null => {
    if (!url) return null;
    let host: string;
    try {
      host = domainKey(new URL(url).hostname);
    } catch {
      return null;
    }
    // nypost.com covers www.nypost.com and video.nypost.com.
    for (let h = host; h.includes("."); h = h.slice(h.indexOf(".") + 1)) {
      const found = byDomain.get(h);
      if (found) return found;
    }
    return null;
  };
  return {
    size: entries.length,
    forOutlet,
    forArticle: (a) => forDomain(a.url) ?? (a.outlet ? forOutlet(a.outlet) : null) ?? forOutlet(articleOutlet(a)),
  };
}

const LEAN_WORD: Record<Lean, string> = { left: "left", "lean left": "leans left", center: "center", "lean right": "leans right", right: "right" };

/** "leans right · Israel · owner: Israel Hayom Ltd", or "" when nothing is known. */
export function describeOutletInfo(info: OutletInfo | null): string {
  if (!info) return "";
  return [info.lean ? LEAN_WORD[info.lean] : "", info.country ?? "", info.owner ? `owner: ${info.owner}` : ""].filter(Boolean).join(" · ");
}

/**
 * The lean spread of a story's outlets, left to right, as Ground News shows it: "Lean of the outlets (your file):
 * 1 left · 2 centre · 1 not given". Null when the file gives no outlet of the story a lean.
 */
export function describeLeanSpread(outlets: readonly (OutletInfo | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const info of outlets) {
    const key = info?.lean ? LEAN_WORD[info.lean] : "not given";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (!outlets.some((o) => o?.lean)) return null;
  const order = [...LEANS.map((l) => LEAN_WORD[l]), "not given"];
  return `Lean of the outlets (your file): ${order.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`).join(" · ")}`;
}

/** The story's outlets, one entry each (by their one label), with what the directory knows of them. */
export function storyOutletInfo(articles: readonly Pick<Article, "outlet" | "source" | "url">[], directory: OutletDirectory | null): (OutletInfo | null)[] {
  const seen = new Map<string, OutletInfo | null>();
  for (const a of articles) {
    const label = articleOutlet(a);
    if (!seen.has(label) || seen.get(label) === null) seen.set(label, directory?.forArticle(a) ?? null);
  }
  return [...seen.values()];
}
