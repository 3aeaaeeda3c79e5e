/** The comparison key changes with exactly what a story's comparison is computed from. */
import { fileURLToPath } from "node:url";
import { beforeAll, expect, test } from "vitest";
import type { ArticleBundle, Entity, Story } from "../records.js";
import { entityNamed } from "../compare/entity-names.js";
import { processInputs } from "../pipeline.js";
import { PLANNING_KINDS } from "./build-report.js";
import { comparisonKey } from "./comparison-key.js";
import { resolveEntities } from "./resolve-entities.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
let bundles: ArticleBundle[];
let entities: Entity[];
let story: Story;
beforeAll(async () => {
  ({ bundles } = await processInputs([EXAMPLES], { maxInputBytes: 10_000_000, maxArticleChars: 1_000_000 }));
  entities = resolveEntities(bundles);
  story = { id: "story-x", title: "t", articleIds: bundles.map((b) => b.article.id), storylineId: "", firstPublished: null, lastPublished: null, outlets: [], copies: [] };
}, 60_000);

const labelNames = (members: readonly ArticleBundle[]) =>
  new Set(members.flatMap((b) => b.annotations.flatMap((a) => (a.kind === "label" ? [a.entityName] : []))));

test("the same inputs give the same key; another story id, member, order or copy group another", () => {
  const key = comparisonKey(story, bundles, entities);
  expect(comparisonKey({ ...story }, [...bundles], [...entities])).toBe(key);
  expect(comparisonKey({ ...story, id: "story-y" }, bundles, entities)).not.toBe(key);
  expect(comparisonKey(story, bundles.slice(1), entities)).not.toBe(key);
  expect(comparisonKey(story, [...bundles].reverse(), entities)).not.toBe(key);
  expect(comparisonKey({ ...story, copies: [{ canonicalId: bundles[0]!.article.id, copyIds: [bundles[1]!.article.id] }] }, bundles, entities)).not.toBe(key);
});

test("an article re-saved with other text or metadata changes the key", () => {
  const key = comparisonKey(story, bundles, entities);
  const retitled = bundles.map((b, i) => (i === 2 ? { ...b, article: { ...b.article, title: `${b.article.title} (updated)` } } : b));
  expect(comparisonKey(story, retitled, entities)).not.toBe(key);
});

test("the key is the same from the planning annotations alone as from every annotation", () => {
  const planning = bundles.map((b) => ({ ...b, annotations: b.annotations.filter((a) => (PLANNING_KINDS as readonly string[]).includes(a.kind)) }));
  expect(planning.some((b, i) => b.annotations.length < bundles[i]!.annotations.length)).toBe(true);
  expect(comparisonKey(story, planning, entities)).toBe(comparisonKey(story, bundles, entities));
});

test("a new canonical name for an entity the story's labels name changes the key; one for any other entity does not", () => {
  const key = comparisonKey(story, bundles, entities);
  const named = [...labelNames(bundles)].map((name) => entityNamed(entities, name)).filter((e): e is Entity => !!e);
  expect(named.length).toBeGreaterThan(0);
  const labelled = named[0]!;
  const renamed = entities.map((e) => (e === labelled ? { ...e, name: `${e.name} Jr.`, aliases: [...e.aliases, e.name] } : e));
  expect(comparisonKey(story, bundles, renamed)).not.toBe(key);

  const unlabelled = entities.find((e) => !named.includes(e))!;
  const other = entities.map((e) => (e === unlabelled ? { ...e, name: `${e.name} Jr.`, aliases: [...e.aliases, e.name] } : e));
  expect(comparisonKey(story, bundles, other)).toBe(key);
});
