/**
 * When a stored comparison still stands. A story's comparison (compare/compare-story.ts) is a function of the
 * story (its id and its copy groups), its members in order (their articles and annotations), and, through the
 * loaded labels of framing and the brief, the store-wide entity each label's name resolves to. The key hashes
 * exactly those, and the people the comparison resolves sources through: a rebuild that finds a story's key unchanged keeps the stored comparison instead of comparing
 * the story again, which was a third of a rebuild's time (scratch profile of 10,000 articles: 9 s of 27).
 *
 * Annotations other than labels are not hashed: the analyzers are pure functions of the article, and the package
 * version (which stands for the analyzers and the comparison code) is in the key. So the key needs only the
 * annotations a rebuild loads for every article (build-report.ts's PLANNING_KINDS), and an article re-saved under
 * the same id with other text or metadata changes the key through its record.
 */
import type { ArticleBundle, Entity, Story } from "../records.js";
import { createHash } from "node:crypto";
import { entityNamed } from "../compare/entity-names.js";
import { peopleIn } from "../compare/resolve-source.js";
import { GENERATOR } from "../version.js";

export function comparisonKey(story: Story, members: readonly ArticleBundle[], entities: readonly Entity[]): string {
  const hash = createHash("sha256");
  const part = (text: string) => hash.update(text).update("\u0000");
  part(GENERATOR.version);
  part(story.id);
  part(JSON.stringify(story.copies ?? []));
  // Sources are resolved through the people the story's articles mention (compare/resolve-source.ts): a new article
  // elsewhere can give one of them another alias or description, which can change who "the mayor" is.
  for (const e of peopleIn(entities, members.map((m) => m.article.id))) part(JSON.stringify([e.id, e.name, e.aliases, e.descriptions]));
  for (const { article, annotations } of members) {
    part(JSON.stringify(article));
    for (const a of annotations) {
      if (a.kind !== "label") continue;
      // The label's name as the store resolves it now: a new article can change an entity's canonical name.
      const entity = entityNamed(entities, a.entityName);
      part(entity ? `${entity.id}\u0001${entity.name}` : "-");
    }
  }
  return hash.digest("hex").slice(0, 32);
}
