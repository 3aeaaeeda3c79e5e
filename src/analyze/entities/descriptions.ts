/**
 * Role descriptions that stand for a person named earlier ("the governor", "the Texas governor", "Venezuela's
 * president", "the president of Venezuela"), bound to the one the text gave that role; a description right before
 * a name ("the former president, Bill Clinton,") or inside the appositive that gave the role is that name's.
 */
import type { Span } from "../../records.js";
import type { MentionCandidate } from "./bind.js";
import { nearestBefore, type Person } from "./people.js";
import { headAt, isFormer, onlySpace, type Role, stem, type Word } from "./roles.js";

/** A role description whose role one person of the article holds (narrowing words agreeing). */
const ONE_ROLE_CONFIDENCE = 0.85;
/** Several people hold it: the last one named before the description. */
const NEAREST_ROLE_CONFIDENCE = 0.6;
const NOT_DEFINITE = new Set(["a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "any", "every", "another", "each", "one", "no", "some"]);

/** "the governor", "the Texas governor", "Venezuela's president", "the president of Venezuela": bound to who holds it. */
export function roleDescriptions(text: string, words: readonly Word[], people: readonly Person[], taken: readonly Span[]): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  if (!people.some((p) => p.roles.length)) return out;
  for (let i = 0; i < words.length; i++) {
    const found = headAt(words, i);
    if (!found || /^\p{Lu}/u.test(words[i]!.text) && !/^the$/i.test(words[found.first - 1]?.text ?? "")) continue;
    const next = words[i + 1];
    // A title before a name ("the president Nicolás Maduro") is part of the name's mention, not a description.
    if (next && onlySpace(words[i]!, next, text) && /^\p{Lu}/u.test(next.text) && !/^of$/i.test(next.text)) continue;
    const description = describedRole(text, words, found.first, i, found.head);
    // Inside a name ("the Vice President's Office"): not a description. A place narrowing it ("the Texas governor") is fine.
    const headSpan: Span = [words[found.first]!.start, words[i]!.end];
    if (!description || taken.some(([s, e]) => s < headSpan[1] && headSpan[0] < e)) continue;
    // "the former president, Bill Clinton,": the description is the name's appositive, not a mention of someone earlier.
    const named = people.find((p) => p.spans.some(([s]) => s >= description.span[1] && /^\s*,?\s*$/.test(text.slice(description.span[1], s))));
    if (named) {
      const nameSpan = named.spans.find(([s]) => s >= description.span[1])!;
      out.push({ span: description.span, type: "person", name: named.name, via: "apposition", confidence: ONE_ROLE_CONFIDENCE, evidence: [description.span[0], nameSpan[1]] });
      continue;
    }
    // "John Smith, the city's treasurer,": the appositive that gave the role is itself a mention of the name before it.
    const appositive = people.find((p) => p.roles.some((r) => r.span[0] < description.span[0] && description.span[1] <= r.span[1]));
    if (appositive) {
      const role = appositive.roles.find((r) => r.span[0] < description.span[0] && description.span[1] <= r.span[1])!;
      out.push({ span: description.span, type: "person", name: appositive.name, via: "apposition", confidence: ONE_ROLE_CONFIDENCE, evidence: role.span });
      continue;
    }
    const fitting = people.filter((p) => p.roles.some((r) => fits(description, r) && r.span[0] < description.span[0]));
    // Narrowed by the same place ("Venezuela's president" / "Venezuelan President …"): those win over roles the text left open.
    const narrowed = fitting.filter((p) => p.roles.some((r) => narrowsAlike(description, r)));
    const holders = narrowed.length ? narrowed : fitting;
    const chosen = holders.length === 1 ? holders[0]! : nearestBefore(holders, description.span[0]);
    if (!chosen) continue;
    const evidenceRole = chosen.roles.filter((r) => fits(description, r) && r.span[0] < description.span[0]).at(-1)!;
    out.push({
      span: description.span,
      type: "person",
      name: chosen.name,
      via: "role",
      confidence: holders.length === 1 ? ONE_ROLE_CONFIDENCE : NEAREST_ROLE_CONFIDENCE,
      evidence: evidenceRole.span,
    });
  }
  return out;
}

/** The description around a role head: "the" or a possessive ("Venezuela's", "the city's") first, narrowing words between. */
function describedRole(text: string, words: readonly Word[], first: number, last: number, head: string): Role | null {
  const modifiers: string[] = [];
  let former = false;
  for (let k = first - 1; k >= Math.max(0, first - 5); k--) {
    const w = words[k]!;
    if (!onlySpace(w, words[k + 1]!, text)) return null;
    if (w.lower === "the" || (/[’']s$/.test(w.text) && /^\p{Lu}/u.test(w.text))) {
      if (w.lower !== "the") modifiers.push(stem(w.text));
      const of = words[last + 1]?.lower === "of" && words[last + 2] && /^\p{Lu}/u.test(words[last + 2]!.text) ? words[last + 2]! : null;
      if (of) modifiers.push(stem(of.text));
      return { head, former, modifiers, span: [w.start, (of ?? words[last]!).end] };
    }
    if (/[’']s$/.test(w.text)) continue; // "the city's mayor": a possessive common noun narrows nothing
    if (NOT_DEFINITE.has(w.lower)) return null; // "a senator", "his governor": not a description of one person
    if (isFormer(w.lower)) former = true;
    else if (/^\p{Lu}/u.test(w.text)) modifiers.push(stem(w.text));
    else if (!/^[\p{Ll}\p{N}-]+$/u.test(w.text)) return null;
  }
  return null;
}

/** A description fits a role the text gave a person: same head, same "former", and no narrowing word against it. */
export function fits(description: Role, held: Role): boolean {
  if (description.head !== held.head || description.former !== held.former) return false;
  const places = description.modifiers.filter((m) => /^\p{L}+$/u.test(m));
  return places.every((p) => held.modifiers.includes(p) || !held.modifiers.some((h) => /^\p{L}+$/u.test(h)));
}

function narrowsAlike(description: Role, held: Role): boolean {
  const places = description.modifiers.filter((m) => /^\p{L}+$/u.test(m));
  return description.head === held.head && places.length > 0 && places.every((p) => held.modifiers.includes(p));
}
