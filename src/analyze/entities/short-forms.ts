/**
 * Organisations named short: an outlet by any of its names ("WSJ", "Wall Street Journal" → The Wall Street
 * Journal, through the outlets table), initials of an organisation the article names in full ("NEC" after "National
 * Electoral Council"), the head word of one ("the Journal" after "The Wall Street Journal", "the Council" after
 * "the National Electoral Council"), and an outlet's own short form on its own pages ("The Post" on the New York Post).
 */
import type { Span } from "../../records.js";
import { outletsSharing, resolveOutlet } from "../../_lib/outlets.js";
import { foldName } from "../../_lib/text.js";
import type { ArticleContext, MentionCandidate } from "./bind.js";

/** A name the outlets table lists (an alias, not a shared short form). */
const OUTLET_CONFIDENCE = 0.95;
/** Initials or a head word matching one organisation named in full in the same article. */
const ONE_LONG_FORM_CONFIDENCE = 0.85;
/** Several long forms fit: the nearest before. */
const NEAREST_LONG_FORM_CONFIDENCE = 0.6;
/** The article's own outlet, or its domain's, has this short form ("the Post" on nypost.com). */
const OWN_OUTLET_CONFIDENCE = 0.8;
const FUNCTION_WORDS = new Set(["of", "the", "and", "for", "de", "del", "la", "on", "in", "&"]);
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

export function orgShortForm(text: string, m: MentionCandidate, found: readonly MentionCandidate[], context: ArticleContext): MentionCandidate | null {
  const outlet = resolveOutlet(m.name);
  if (outlet?.known) {
    return outlet.name === m.name ? { ...m, via: "outlet", confidence: OUTLET_CONFIDENCE, evidence: null } : { ...m, name: outlet.name, via: "outlet", confidence: OUTLET_CONFIDENCE, evidence: null };
  }
  if (m.name.includes(" ")) return null;
  const longForms = found.filter((o) => o.type !== "person" && o.name.includes(" ") && o !== m);
  const key = foldName(m.name);
  if (ACRONYM.test(m.name)) {
    const letters = key.replace(/ /g, "");
    const expanded = longForms.filter((o) => initials(o.name) === letters);
    const bound = chooseLongForm(m, expanded, "acronym");
    if (bound) return bound;
  }
  const afterThe = /\bthe\s+$/i.test(text.slice(Math.max(0, m.span[0] - 5), m.span[0]));
  if (!afterThe) return null;
  const headed = longForms.filter((o) => foldName(o.name).endsWith(` ${key}`));
  const bound = chooseLongForm(m, headed, "short-form");
  if (bound) return bound;
  return ownOutlet(m, context);
}

/** "The Post" on a New York Post page: the article's own outlet or domain, when it has that short form. */
function ownOutlet(m: MentionCandidate, context: ArticleContext): MentionCandidate | null {
  const sharing = outletsSharing(`the ${m.name}`);
  if (!sharing.length) return null;
  const own = resolveOutlet(context.outlet ?? null, context.url ?? null);
  const onDomain = resolveOutlet(`the ${m.name}`, context.url ?? null);
  const outlet = onDomain ?? (own && sharing.some((s) => s.id === own.id) ? own : null);
  return outlet ? { ...m, name: outlet.name, via: "short-form", confidence: OWN_OUTLET_CONFIDENCE, evidence: null } : null;
}

function chooseLongForm(m: MentionCandidate, longForms: readonly MentionCandidate[], via: "acronym" | "short-form"): MentionCandidate | null {
  const names = new Set(longForms.map((o) => foldName(o.name)));
  if (!names.size) return null;
  const before = longForms.filter((o) => o.span[0] < m.span[0]);
  const chosen = (before.length ? before : longForms).reduce((a, b) => (Math.abs(b.span[0] - m.span[0]) < Math.abs(a.span[0] - m.span[0]) ? b : a));
  const evidence: Span = chosen.span;
  return {
    ...m,
    name: resolveOutlet(chosen.name)?.known ? resolveOutlet(chosen.name)!.name : chosen.name,
    type: chosen.type,
    via,
    confidence: names.size === 1 ? ONE_LONG_FORM_CONFIDENCE : NEAREST_LONG_FORM_CONFIDENCE,
    evidence,
  };
}

/** "National Electoral Council" → "nec"; "Federal Bureau of Investigation" → "fbi". */
export const initials = (name: string): string =>
  foldName(name)
    .split(" ")
    .filter((w) => w && !FUNCTION_WORDS.has(w))
    .map((w) => w[0])
    .join("");
