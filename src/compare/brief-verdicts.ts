/**
 * The brief's verdict sentences: a story whose reports all trace to one source says so first ("All three reports
 * trace to one source, The Wall Street Journal's report of 11 August 2024; no outlet confirms it independently"),
 * and a dispute is told with who says which ("Sources disagree on who won: the National Electoral Council (The Rio
 * Times) gives 52%; the opposition (The Rio Times) gives 67%").
 */
import type { AnnotationOf, ArticleBundle, BriefSentence, Claim, CopyGroup, DisputeSide } from "../records.js";
import { citedOutlets, SourceNames } from "./sources.js";

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * The story rests on one outlet's report when every article is that outlet's or cites it, no claim is corroborated,
 * and every claim two or more outlets carry traces to it alone. `copies` is accepted so a copy counts as a report.
 */
export function storyOfOneSource(storyId: string, claims: readonly Claim[], bundles: readonly ArticleBundle[], _copies: readonly CopyGroup[]): BriefSentence | null {
  if (bundles.length < 2 || claims.some((c) => c.status === "corroborated")) return null;
  const names = new SourceNames(bundles);
  const ownKey = (b: ArticleBundle) => (b.article.outlet ? names.ref(b.article.outlet, "outlet").key : null);
  const citing = bundles.map((b) => citedOutlets(b, names));
  const candidates = [...new Set(citing.flatMap((c) => [...c]))].sort().filter((x) => bundles.every((b, i) => citing[i]!.has(x) || ownKey(b) === x));
  const shared = claims.filter((c) => c.outlets.length >= 2);
  const source = candidates.find((x) => shared.length > 0 && shared.every((c) => (c.sources ?? []).every((s) => s.id === x)));
  if (!source) return null;
  const name = shared[0]!.sources!.find((s) => s.id === source)!.name;
  const date = reportDate(bundles, source, names, ownKey);
  const n = bundles.length;
  const all = n <= 2 ? "Both" : `All ${NUMBER_WORDS[n] ?? String(n)}`;
  return {
    storyId,
    sentence: `${all} reports trace to one source, ${possessive(name)} report${date ? ` of ${date}` : ""}; no outlet confirms it independently.`,
    claimIds: shared.map((c) => c.id),
    articleIds: bundles.map((b) => b.article.id),
  };
}

/** When the source published: its own article's date if the story holds it, else the date the citing sentences give it. */
function reportDate(bundles: readonly ArticleBundle[], source: string, names: SourceNames, ownKey: (b: ArticleBundle) => string | null): string | null {
  const own = bundles.find((b) => ownKey(b) === source && b.article.publishedAt);
  if (own) return spoken(own.article.publishedAt!.slice(0, 10));
  const given = new Map<string, number>();
  const firstPublished = bundles.map((b) => b.article.publishedAt?.slice(0, 10)).filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort()[0];
  for (const b of bundles) {
    const cites = b.annotations.filter((a): a is AnnotationOf<"citation"> => a.kind === "citation" && a.sourceKind === "outlet" && names.ref(a.source, "outlet").key === source);
    const sentences = b.annotations.filter((a) => a.kind === "sentence" && cites.some((c) => c.span[0] >= a.span[0] && c.span[1] <= a.span[1]));
    for (const d of b.annotations) {
      if (d.kind !== "date" || d.granularity !== "day") continue;
      const date = d.date.startsWith("--") && firstPublished ? yearBefore(d.date, firstPublished) : d.date;
      if (sentences.some((s) => d.span[0] >= s.span[0] && d.span[1] <= s.span[1])) given.set(date, (given.get(date) ?? 0) + 1);
    }
  }
  const best = [...given.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? spoken(best[0]) : null;
}

/** A day given without its year ("--08-11") in a report the story cites: the last such day on or before its first article. */
function yearBefore(monthDay: string, firstPublished: string): string {
  const year = Number(firstPublished.slice(0, 4));
  return `${monthDay.slice(2) <= firstPublished.slice(5) ? year : year - 1}${monthDay.slice(1)}`;
}

/** "2024-08-11" → "11 August 2024"; "--08-11" → "11 August". */
function spoken(date: string): string | null {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month}${m[1] === "-" ? "" : ` ${m[1]}`}` : null;
}

const possessive = (name: string): string => (/s$/.test(name) ? `${name}'` : `${name}'s`);

/** "Sources disagree on the date: the mayor (Ledger, Herald) gives March 3; city engineers (Courier) give June 10." */
/** `said`: what is denied, as the brief words it (neutral, its first word cased for inside a sentence); else the claim's text. */
export function disputeSentence(claim: Claim, said?: string): string {
  const dispute = claim.dispute!;
  if (dispute.sides.some((s) => s.value === "denies it")) {
    const saying = dispute.sides.filter((s) => s.value !== "denies it");
    const denying = dispute.sides.filter((s) => s.value === "denies it");
    // One source takes "says" / "denies"; two or more, "say" / "deny".
    const many = (sides: readonly DisputeSide[]) => sides.flatMap((s) => s.sources).length > 1;
    return `Disputed: ${saying.map(who).join("; ")} ${many(saying) ? "say" : "says"} that ${(said ?? lowerFirst(claim.text)).replace(/[.!]\s*$/, "")}; ` +
      `${denying.map(who).join("; ")} ${many(denying) ? "deny" : "denies"} it.`;
  }
  const sides = dispute.sides.map((s) => `${who(s)}: ${s.value}`);
  return upperFirst(`Sources disagree on ${dispute.about}: ${sides.join("; ")}`.replace(/\.?$/, "."));  // a value may end the sentence with its own full stop ("10 p.m.")
}

function who(side: DisputeSide): string {
  // "The opposition" read from a sentence's start is "the opposition" inside ours; "The Wall Street Journal" stays.
  const sources = side.sources.map((s) => s.replace(/^The (?=\p{Ll})/u, "the ")).join(" and ");
  const outlets = side.outlets.filter((o) => !side.sources.includes(o));
  return outlets.length ? `${sources} (${outlets.join(", ")})` : sources;
}

const lowerFirst = (text: string): string => (/^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
const upperFirst = (text: string): string => text[0]!.toUpperCase() + text.slice(1);
