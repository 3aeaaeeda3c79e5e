/**
 * Golden outputs on the five seed articles: what each stage says, reviewed by hand once and compared on every
 * run. A change shows up as a diff in test/golden/seeds/*.json: review it, then accept it with
 * `npm run golden:update`.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import type { Annotation } from "../../src/records.js";
import { processInputs } from "../../src/pipeline.js";
import { buildReport } from "../../src/report/build-report.js";

const examples = new URL("../../examples/", import.meta.url).pathname;
const processed = await processInputs([examples], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const byName = [...processed.bundles].sort((a, b) => a.article.source.localeCompare(b.article.source));
const name = (source: string) => source.split("/").at(-1)!;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

test("all five seeds are read, none fails", () => {
  expect(processed.failures).toEqual([]);
  expect(processed.skipped).toEqual([]);
  expect(processed.bundles).toHaveLength(5);
});

test("extraction", async () => {
  const articles = byName.map(({ article }) => ({ ...article, source: name(article.source) }));
  await expect(json(articles)).toMatchFileSnapshot("./seeds/articles.json");
});

/**
 * Per seed, what extraction made of each line of the input: the metadata, the body as paragraphs, and every
 * input line that is not in the body with where it went (title, caption, embed) or "dropped". A story line
 * that starts being dropped, or a menu line that starts being kept, shows up as a one-line diff here.
 */
test.each(byName.map((b) => [name(b.article.source), b.article] as const))("extraction of %s: body, metadata and what was dropped", async (file, article) => {
  const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
  const body = squash(article.text);
  const lines = readFileSync(article.source, "utf8").split(/\n/).map(squash).filter(Boolean);
  const whereItWent = (line: string) => {
    if (body.includes(line)) return "body";
    // A dateline or syndication cue taken off the front of a paragraph: "(MENAFN- The Rio Times) A report…".
    const cue = /^\([^)]{2,60}\)\s*/.exec(line)?.[0];
    if (cue && body.includes(line.slice(cue.length))) return `body, without the cue ${cue.trim()}`;
    if (squash(article.title) === line) return "title";
    if (article.captions.some((c) => squash(c).includes(line))) return "caption";
    if (article.embeds.some((e) => squash(e.text).includes(line) || line.includes(squash(e.text)))) return "embed";
    return "dropped";
  };
  const notInBody = lines.map((line) => [whereItWent(line), line] as const).filter(([where]) => where !== "body");
  const view = {
    title: article.title,
    outlet: article.outlet,
    authors: article.authors,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    language: article.language,
    provenance: article.provenance,
    paragraphs: article.text.split("\n\n"),
    notInBody: notInBody.map(([where, line]) => `${where}: ${line}`),
  };
  await expect(json(view)).toMatchFileSnapshot(`./seeds/extraction/${file.replace(/\.txt$/, "")}.json`);
});

test("analysis", async () => {
  const readable = (text: string, a: Annotation) => {
    const { span, by: _by, kind, ...rest } = a;
    return [kind, text.slice(span[0], span[1]), ...(Object.keys(rest).length ? [rest] : [])];
  };
  const annotations = Object.fromEntries(
    byName.map(({ article, annotations }) => [name(article.source), annotations.filter((a) => a.kind !== "sentence").map((a) => readable(article.text, a))]),
  );
  await expect(json(annotations)).toMatchFileSnapshot("./seeds/annotations.json");
});

test("stories, claims, framing, timeline and brief", async () => {
  const { report } = buildReport(processed.bundles, { now: () => "2026-01-01T00:00:00.000Z" });
  const sourceOf = new Map(report.articles.map((a) => [a.id, name(a.source)]));
  const files = (ids: readonly string[]) => ids.map((id) => sourceOf.get(id));
  const view = {
    stories: report.stories.map((s) => ({ title: s.title, articles: files(s.articleIds).sort(), storyline: s.storylineId })),
    storylines: report.storylines.map((l) => ({ title: l.title, stories: l.storyIds.length })),
    entities: report.entities.slice(0, 25).map((e) => [e.name, e.type, e.aliases, e.mentions.length]),
    quotes: report.quotes.map((q) => [sourceOf.get(q.articleId), q.speaker, q.text]),
    claims: report.claims.map((c) => ({ status: c.status, text: c.text, outlets: c.outlets, independentSources: c.independentSources, primarySources: c.primarySources, conflicts: c.conflicts.map((x) => [x.value, x.source, x.otherValue, x.otherSource]) })),
    framing: report.framing.map((f) => [f.name, f.labels.map((l) => `${l.outlet}: ${l.term}${l.loaded ? " (loaded)" : ""}`)]),
    omissions: report.omissions.map((o) => [o.outlet, o.missingClaimIds.length]),
    timeline: report.timeline.map((t) => [t.date, t.text, files(t.articleIds)]),
    brief: report.brief.map((b) => [b.sentence, files(b.articleIds)]),
  };
  await expect(json(view)).toMatchFileSnapshot("./seeds/report.json");
});
