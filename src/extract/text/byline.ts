/** Authors and labelled dates printed in a scraped page's header ("by Jane Doe", "Published on 08-11-2024"). */

const BYLINE = /^(?:by|written by|words by|story by)[:\s]+(.{3,120})$/i;
const DATED_LINE = /^(published|posted|updated|last (?:modified|updated)|modified|first published)(?: on| at)?\s*:?\s*(.{6,60})$/i;
/** "Ben Kew is a writer and editor": an author bio at the foot of the page names the author. */
const BIO = /^((?:\p{Lu}[\p{L}'’.-]+\s){1,3}\p{Lu}[\p{L}'’-]+) (?:is|was) (?:a|an|the)\b[^.]{0,80}\b(writer|editor|reporter|journalist|correspondent|columnist|contributor|author|producer|analyst)\b/u;
const NOT_A_NAME = /\b(staff|desk|team|editors?|newsroom|reuters|associated press|agencies|news|media|updated|published)\b/i;

export function parseByline(text: string): string[] | null {
  const m = BYLINE.exec(text.trim());
  if (!m) return null;
  const names = splitNames(m[1]!);
  return names.length ? names : null;
}

export function splitNames(value: string): string[] {
  return value
    .replace(/\s*[|•].*$/, "")
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((n) => n.replace(/^by\s+/i, "").replace(/\s+/g, " ").trim())
    .filter((n) => isPersonName(n));
}

export function isPersonName(name: string): boolean {
  const words = name.split(" ");
  return (
    words.length >= 2 && words.length <= 5 && !NOT_A_NAME.test(name) && !/[@\d/]/.test(name) &&
    words.every((w) => /^(\p{Lu}|de|da|van|von|del|la|bin|al-)/u.test(w))
  );
}

export type DatedLine = { label: "published" | "modified"; value: string };

export function parseDatedLine(text: string): DatedLine | null {
  const m = DATED_LINE.exec(text.trim());
  if (!m) return null;
  const label = /updat|modif/i.test(m[1]!) ? "modified" : "published";
  return { label, value: m[2]! };
}

export function parseAuthorBio(text: string): string | null {
  const m = BIO.exec(text.trim());
  return m && isPersonName(m[1]!) ? m[1]! : null;
}
