/**
 * Two more ways two wordings of one claim rest on one primary source (independence.ts joins them; DOMAIN.md
 * "Independent sources"):
 * - a unit and the body it belongs to: "the Bureau of Labor Statistics" and "the Labor Department" (the unit's name
 *   holds every core word of the body's, and adds only words of what it does, no other kind of organisation:
 *   "the police union" is not the police);
 * - an outlet's own-voice wording about what the claim's named source did ("Biden … set a goal" beside "President
 *   Joe Biden announced a goal"; "… police are investigating" beside "Fairbanks police are investigating"): the
 *   outlet reports that source's act or words, it is not a second witness. Found through the resolved entities'
 *   mentions for people, and through the body's name, or its force word for law enforcement, for bodies.
 */
import type { SourceIdentity, TextSupport } from "../records.js";
import { foldName } from "../_lib/text.js";
import { coreWords, genericClass, isLawBody } from "./speaks-for.js";

/** Organisation kinds: a unit naming one of these is another body, not a unit of the one it shares words with. */
const OTHER_BODY = new Set(["union", "unions", "association", "council", "committee", "board", "commission", "chamber", "company", "corporation", "inc", "institute", "university", "hospital", "court", "party", "campaign", "foundation", "group", "coalition"]);
/** A unit adds at most this many words to its body's name ("statistics" of labor statistics). Calibrated on
 * national statistics offices and city departments (one or two words of remit); more is another body. */
const MAX_UNIT_WORDS = 2;

/** `unit` is a unit of `body` (both document-kind sources, neither generic). */
export function unitOfBody(unit: SourceIdentity, body: SourceIdentity): boolean {
  if (unit.kind !== "document" || body.kind !== "document" || unit.id === body.id) return false;
  const [inner, outer] = [coreWords(unit.name), coreWords(body.name)];
  if (!outer.length || inner.length <= outer.length || !outer.every((w) => inner.includes(w))) return false;
  const added = inner.filter((w) => !outer.includes(w));
  return added.length <= MAX_UNIT_WORDS && !added.some((w) => OTHER_BODY.has(w));
}

export interface Mention {
  articleId: string;
  start: number;
  end: number;
}

/** The own-voice wording `own` tells what `source` did or said: it names the source inside its own sentence. */
export function ownVoiceAbout(own: TextSupport, source: SourceIdentity, mentions: ReadonlyMap<string, readonly Mention[]>): boolean {
  if (own.field) return false;
  if (source.kind === "person") {
    return (mentions.get(source.id) ?? []).some((m) => m.articleId === own.articleId && m.start >= own.start && m.end <= own.end);
  }
  if (source.kind !== "document") return false;
  const words = ` ${foldName(own.text)} `;
  if (genericClass(source.name) === "law" || isLawBody(source.name)) return LAW_FORCE.some((w) => words.includes(` ${w} `));
  const name = coreWords(source.name).join(" ");
  return name.length > 0 && !genericClass(source.name) && words.includes(` ${foldName(source.name).replace(/^(?:the|a|an) /, "")} `);
}
const LAW_FORCE = ["police", "sheriff", "sheriff s office", "troopers", "state patrol", "highway patrol", "deputies"];
