/**
 * The one cleaning step every author source goes through: strip "By"/"Von"/"Veröffentlicht von" and "view
 * all posts" links, split on commas and "and", drop outlets, desks, roles, initials, e-mails and URLs, dedupe.
 */

/** Labels printed before the names, matched with or without a space ("Veröffentlicht vonChris Jung"). */
const BYLINE_LABEL =
  /^(?:(?:posted|written|published|words|story|text|interview|foto|photos?|illustration)\s+(?:by|von)|by|von|vom|eingestellt von|erstellt von|veröffentlicht von|geschrieben von|artikel von|pressemitteilung von|publié par|escrito por|publicado por|autor(?:in|en)?|auteur|authors?|text|interview|par|por|di|door|av)/i;

/** "By Jane", "Autor: Jane", "vonJane" → "Jane"; "Vonnegut" stays (no separator, no capital after the label). */
export function stripBylineLabel(text: string): string {
  const m = BYLINE_LABEL.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  const sep = /^\s*:\s*|^\s+/.exec(rest);
  if (sep) return rest.slice(sep[0].length);
  return /^\p{Lu}/u.test(rest) && /^\p{Ll}/u.test(text.at(m[0].length - 1) ?? "") ? rest : text;
}

/** Link texts that ride along with a byline: "Zeige alle Beiträge von X", "View all posts by X". */
const ALONGSIDE = /\b(?:zeige alle (?:beiträge|artikel)(?: von)?|alle (?:beiträge|artikel)(?: von)?|show all articles of|view all posts(?: by)?|more (?:articles|posts|stories) (?:from|by)|all posts by|mehr von).*$/iu;
/** Words that name a desk, a role or a wire, never a person. */
const NOT_A_PERSON =
  /^(staff|staff writer|staff reporter|editorial( staff| board| team)?|redaktion|red\.?|admin|administrator|wordpressadmin|newsroom|web ?desk|news ?desk|reporter|correspondent|editor|contributor|guest( author)?|anonymous|unknown|no author|collectif|agencies|agenturen|quelle|source|sources|pressestelle|gesponserte inhalte|sponsored( content)?|anzeige|phd|md|jr\.?|sr\.?|dr\.?|prof\.?|by|von|por|par|datum|date|follow|folgen|autor|author)$/i;
/** Trailing role after a name: "Jane Doe, Staff Writer", "Jane Doe – Senior Editor". */
const ROLE_SUFFIX =
  /\s*[,|–—-]\s*(?:senior |chief |deputy |political |staff |guest |freie[rn]? )?(?:writer|reporter|editor|correspondent|columnist|contributor|redakteur(?:in)?|autor(?:in)?)\b.*$/i;
/** The same role printed after the name without a separator: "Christoph Hein Chefredakteur". */
const BARE_ROLE = /\s+(?:chefredakteur(?:in)?|redakteur(?:in)?|editor-in-chief|korrespondent(?:in)?)$/i;
/** "… am Samstag", "… on Monday": the byline's date, run into the name. */
const WEEKDAY_TAIL = /\s+(?:am|on)\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\p{L}*.*$/iu;
/** A photo credit riding in the byline ("Jens Bergmann Foto: Michael Hudler"): the photographer is no author. */
const PHOTO_CREDIT = /(?:^|\s)(?:fotos?|photos?|bilder?|illustrations?)(?:\s+(?:by|von))?\s*:.*$/i;
/** A desk credit: "Redacción Diario del Sur", "CNN Staff", "Newsroom Berlin". */
const DESK = /^(redacción|redaktion|rédaction|redazione|redação|newsroom|news desk)\b|\bstaff\b/i;
/** Reading times and bare dates that CMSs print in the byline slot: "Minute Read", "5 min read", "Monday". */
const NOT_A_NAME_PHRASE =
  /^(\d+\s*)?(min(ute)?s?|minuten|mins?\.?)(\s+(read|lesezeit|de lecture|de lectura))?$|^(read(ing)? time|lesezeit)\b|^((mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|dezember)$/i;
/** Legal forms and kinds of organisation: a credit to an institution or a publication, never a person's name. */
const ORGANISATION = /(^|\s)(e\.\s?v\.|gmbh|ag|ltd\.?|inc\.?|llc|s\.a\.|stiftung|verband|verein|institut|landesanstalt|magazin|magazine|zeitung|online|media|radio|tv)($|\s|[,.;])/i;
const MAX_NAME_WORDS = 6;
const MAX_NAME_CHARS = 60;
/** "DT", "JF", "PP": initials stand in for a name we cannot recover. */
const INITIALS = /^\p{Lu}{1,3}$/u;

/**
 * Raw author strings (possibly "By A, B and C | Outlet") → distinct names. `outlet` is dropped where a byline
 * credits the publication itself ("By CNN Staff").
 */
export function cleanAuthors(raw: readonly string[], outlet: string | null): string[] {
  const outletKey = outlet ? key(outlet) : null;
  const names: string[] = [];
  for (const value of raw) {
    if (/^(https?:|www\.)/i.test(value.trim())) continue;
    const unlabelled = stripBylineLabel(value.replace(ALONGSIDE, "").replace(PHOTO_CREDIT, "").trim()).replace(/\s*\|.*$/, "").replace(/\s*\(.*?\)\s*/g, " ");
    for (const part of unlabelled.split(/\s*(?:,|;|\/|&|\band\b|\bund\b|\bet\b|\by\b)\s*/i)) {
      const name = stripBylineLabel(part)
        .replace(ROLE_SUFFIX, "")
        .replace(BARE_ROLE, "")
        .replace(WEEKDAY_TAIL, "")
        .replace(/^[\s"'“”.:–—-]+|[\s"'“”:–—-]+$/g, "");
      if (!isName(name) || DESK.test(name) || isOutlet(name, outletKey)) continue;
      if (!names.some((n) => key(n) === key(name))) names.push(name);
    }
  }
  return names;
}

/** The outlet itself, or a credit containing its name ("Diario del Sur" in "Equipo Diario del Sur"). */
function isOutlet(name: string, outletKey: string | null): boolean {
  if (!outletKey) return false;
  const k = key(name);
  return k === outletKey || (outletKey.length >= 4 && k.includes(outletKey));
}

function isName(name: string): boolean {
  if (!name || name.length > MAX_NAME_CHARS || name.split(/\s+/).length > MAX_NAME_WORDS || INITIALS.test(name)) return false;
  if (/[@\d]|https?:|www\.|\.(com|org|net|de)\b/i.test(name)) return false;
  return !NOT_A_PERSON.test(name) && !NOT_A_NAME_PHRASE.test(name) && !ORGANISATION.test(name) && /\p{L}/u.test(name);
}

const key = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "");
