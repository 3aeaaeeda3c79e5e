/** What extraction took out of an input, kept for a reader to check (`Article.removed`), within a size cap. */
import { REMOVED_MAX_CHARS, type RemovedText } from "../records.js";

/** Empty texts dropped, whitespace squashed, and nothing past REMOVED_MAX_CHARS in all (the last one cut short). */
export function capRemoved(items: readonly RemovedText[]): RemovedText[] {
  const out: RemovedText[] = [];
  let left = REMOVED_MAX_CHARS;
  for (const { role, text } of items) {
    const squashed = text.replace(/\s+/g, " ").trim();
    if (!squashed) continue;
    if (left <= 0) break;
    out.push({ role, text: squashed.length > left ? `${squashed.slice(0, left)}…` : squashed });
    left -= squashed.length;
  }
  return out;
}
