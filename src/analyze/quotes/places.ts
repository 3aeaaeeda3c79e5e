/** Places the entities analyzer found, looked up by exact span: a place is where a speaker is, not who speaks. */
import type { AnnotationOf, Span } from "../../records.js";

/** A chunk that is exactly a place the entities analyzer found ("New Hampshire", "Elizabeth, Colorado"'s "Colorado"). */
export function placeTest(entities: readonly AnnotationOf<"entity">[]): (span: Span) => boolean {
  let places = placeSets.get(entities);
  if (!places) placeSets.set(entities, (places = new Set(entities.filter((e) => e.type === "place").map((e) => `${e.span[0]}:${e.span[1]}`))));
  return (span) => places.has(`${span[0]}:${span[1]}`);
}
const placeSets = new WeakMap<readonly AnnotationOf<"entity">[], Set<string>>();
