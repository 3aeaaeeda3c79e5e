/**
 * Outlet names of a story, folded into one key per outlet: "The Journal", "WSJ", "the Wall Street Journal"; and
 * the outlets each article cites. Whom each sentence relies on is resolve-source.ts's; the article-wide echo
 * (every sentence of an article citing the WSJ filed under the WSJ, its own asides included) is gone (issue 22).
 */
import type { Article, ArticleBundle, SourceKind } from "../records.js";
import { foldName } from "../_lib/text.js";

export interface SourceRef {
  key: string;
  name: string;
  kind: SourceKind;
}

/** What a report calls an article's outlet; an unknown one is named by its file, since two unknowns may be two outlets. */
export function outletLabel(article: Pick<Article, "outlet" | "source">): string {
  return article.outlet ?? `unknown outlet (${article.source.split("/").at(-1)})`;
}

export class SourceNames {
  private readonly canonical = new Map<string, string>();

  /** Learns every outlet name the story's articles cite or are published by. */
  constructor(bundles: readonly ArticleBundle[]) {
    const names = new Set<string>();
    for (const b of bundles) {
      if (b.article.outlet) names.add(b.article.outlet);
      for (const a of b.annotations) if (a.kind === "citation" && (a.sourceKind === "outlet" || a.sourceKind === "own-reporting")) names.add(a.source);
    }
    const full = [...names].sort((a, b) => b.length - a.length);
    for (const name of full) this.canonical.set(bareKey(name), this.canonical.get(bareKey(name)) ?? name);
    for (const name of full) {
      const key = bareKey(name);
      const longer = full.filter((other) => other !== name && bareKey(other) !== key && isShortFormOf(key, bareKey(other)));
      const targets = new Set(longer.map(bareKey));
      if (targets.size === 1) this.canonical.set(key, this.canonical.get(bareKey(longer[0]!)) ?? longer[0]!);
    }
  }

  ref(name: string, kind: SourceKind): SourceRef {
    const display = this.canonical.get(bareKey(name)) ?? name;
    return { key: `${kind === "own-reporting" ? "outlet" : kind}:${bareKey(display)}`, name: display, kind };
  }

  /** A name the story's articles use for an outlet (one they are published by or cite as one). */
  isOutlet(name: string): boolean {
    return this.canonical.has(bareKey(name));
  }

  /** The display name of an outlet key `ref` gave ("outlet:wall street journal" → "The Wall Street Journal"). */
  nameOf(key: string): string {
    const bare = key.replace(/^outlet:/, "");
    return this.canonical.get(bare) ?? bare;
  }
}

/**
 * The outlets an article cites (a citation of kind "outlet", not its own name), folded to one key each. Used only
 * at the level of an aligned claim (align-claims.ts): an article's own sentences are not its cited outlet's.
 */
export function citedOutlets(bundle: ArticleBundle, names: SourceNames): Set<string> {
  const own = bundle.article.outlet ? names.ref(bundle.article.outlet, "outlet").key : null;
  const out = new Set<string>();
  for (const a of bundle.annotations) {
    if ((a.kind !== "citation" && a.kind !== "attribution") || a.sourceKind !== "outlet") continue;
    const key = names.ref(a.source, "outlet").key;
    if (key !== own) out.add(key);
  }
  return out;
}

const bareKey = (name: string): string => foldName(name).replace(/^the /, "");

/** "journal" of "wall street journal"; "wsj" of "wall street journal". */
function isShortFormOf(short: string, long: string): boolean {
  if (!long.includes(" ")) return false;
  if (long.endsWith(` ${short}`)) return true;
  const initials = long.split(" ").map((w) => w[0]).join("");
  return short.replace(/\s/g, "") === initials;
}
