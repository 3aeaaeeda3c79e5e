/** Who states a sentence, in its own words: what a dispute's side is labelled with when no source was resolved. */
import type { AnnotationOf, ArticleBundle } from "../records.js";
import { foldName } from "../_lib/text.js";
import { SPEECH_VERBS, speakerInWords } from "./speaker-patterns.js";

/** "Manning" and "Peyton Manning", "the ministry" and "The Ministry": one source. */
export function sameSayer(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const [x, y] = [foldName(a).replace(/^the /, ""), foldName(b).replace(/^the /, "")];
  return x === y || ` ${x}`.endsWith(` ${y}`) || ` ${y}`.endsWith(` ${x}`);
}


/** Who states the sentence: its citation, else its first named body or person, else its subject words. */
export function sayer(bundle: ArticleBundle, span: readonly [number, number]): string | null {
  const inside = <K extends "citation" | "entity">(kind: K) =>
    bundle.annotations.filter((a): a is AnnotationOf<K> => a.kind === kind && a.span[0] >= span[0] && a.span[1] <= span[1]) as AnnotationOf<K>[];
  const citation = inside("citation")[0];
  if (citation) return citation.source;
  const subject = speakerInWords(bundle.article.text.slice(span[0], span[1]), `${SPEECH_VERBS}|won|showed|shows`);
  if (subject) return subject;
  const entity = inside("entity").find((e) => e.type === "org" || e.type === "person");
  return entity?.name ?? null;
}
