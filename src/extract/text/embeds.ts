/**
 * Embedded social posts as browsers copy them: the post's text, then a signature line
 * "— Adrian Bonenberger (@AdrianBonenber1) August 11, 2024". Both are set aside from the body as an `Embed`.
 */
import type { Embed } from "../../records.js";
import { parsePublicationDate } from "../dates.js";

const SIGNATURE = /^[—–-]\s*(.{1,80}?)\s*\(@(\w{1,30})\)\s*(.{0,40})$/;
const STATUS_LINK = /https?:\/\/(t\.co|twitter\.com|x\.com)\/\S+/;
/** An embedded post is short: anything longer above a signature is the article's own paragraph. */
const MAX_POST_WORDS = 80;

export interface EmbedMatch {
  embed: Embed;
  /** Indexes of the blocks it consumed (the post text and the signature). */
  blockIndexes: number[];
}

export function findEmbeds(texts: readonly string[]): EmbedMatch[] {
  const found: EmbedMatch[] = [];
  texts.forEach((text, i) => {
    const sig = SIGNATURE.exec(text);
    if (!sig) return;
    const previous = i > 0 ? texts[i - 1]! : "";
    const hasPost = previous !== "" && previous.split(/\s+/).length <= MAX_POST_WORDS;
    const date = parsePublicationDate(sig[3]!)?.iso.slice(0, 10) ?? null;
    const url = STATUS_LINK.exec(previous)?.[0] ?? null;
    found.push({
      embed: { kind: "post", platform: "x", author: sig[1]!.trim(), handle: `@${sig[2]}`, text: hasPost ? previous : "", date, url },
      blockIndexes: hasPost ? [i - 1, i] : [i],
    });
  });
  return found;
}
