/**
 * The verdict suite (issue 22): small hand-written multi-article stories under eval/verdicts/<slug>/ (articles.jsonl
 * and gold.json, written before the tool ran on them; format in eval/verdicts/README.md). Each story is read and
 * analysed through the product's own pipeline (processInputs on the .jsonl, then buildReport: ingest → extract →
 * analyze → cluster → compare, nothing stored), and every gold check is scored pass/fail against the report's
 * claims, drift and omissions (eval/verdicts-checks.ts). Prints pass rates per check type and each failed check
 * with its story, its why and what the tool said. Gate: VERDICTS_FLOOR of all checks.
 *
 *   node dist-NAME/eval/main.js --only verdicts      (from the repository root; TRIANGULATE_VERDICTS=DIR for another suite;
 *                                                    TRIANGULATE_VERDICTS_ONE_STORY=1 to bypass clustering, below;
 *                                                    TRIANGULATE_VERDICTS_ONLY=<slug> for one story)
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { processInputs } from "../src/pipeline.js";
import { compareStory } from "../src/compare/compare-story.js";
import type { ArticleBundle, Story } from "../src/records.js";
import { annotationSections, buildReport } from "../src/report/build-report.js";
import { resolveEntities } from "../src/report/resolve-entities.js";
import { readReport } from "./verdicts-anchors.js";
import { type Check, CHECK_TYPES, scoreCheck } from "./verdicts-checks.js";

/**
 * The target is 95% of checks. The floor sits a little under what the engine reached at the end of the
 * session that wrote the suite (0.664, 219 of 330 checks, 2026-12-07), raised after the next (0.746, 252 of 338 checks,
 * 2026-12-07 23:53 UTC; docs/BENCHMARKS.md) and again (0.796, 269 of 338, 2026-12-08 02:20 UTC), so regressions fail
 * while the engine is being rebuilt; raise it as the
 * engine improves, to 0.95.
 */
export const VERDICTS_TARGET = 0.95;
export const VERDICTS_FLOOR = 0.78;

export const VERDICTS_DIR = () => resolve(process.env.TRIANGULATE_VERDICTS ?? join("eval", "verdicts"));

export interface FailedCheck {
  story: string;
  type: string;
  why: string;
  said: string;
}

export interface VerdictsScore {
  stories: number;
  articles: number;
  checks: number;
  passed: number;
  rate: number;
  byType: Record<string, { checks: number; passed: number }>;
  failed: FailedCheck[];
  /** Stories the clustering split into more than one story (their cross-article checks can hardly pass). */
  split: string[];
  seconds: number;
}

interface Gold {
  about?: string;
  checks: Check[];
}

export async function evalVerdicts(dir = VERDICTS_DIR(), opts: { limit?: number; only?: string } = {}): Promise<VerdictsScore> {
  const started = Date.now();
  const only = opts.only ?? process.env.TRIANGULATE_VERDICTS_ONLY;
  const slugs = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    .filter((s) => !only || s === only).slice(0, opts.limit);
  const score: VerdictsScore = { stories: 0, articles: 0, checks: 0, passed: 0, rate: 0, byType: {}, failed: [], split: [], seconds: 0 };
  for (const type of CHECK_TYPES) score.byType[type] = { checks: 0, passed: 0 };
  for (const slug of slugs) {
    let gold: Gold;
    try {
      gold = JSON.parse(await readFile(join(dir, slug, "gold.json"), "utf8")) as Gold;
      if (!Array.isArray(gold.checks)) throw new Error("no \"checks\" array");
    } catch (error) {
      throw new Error(`[triangulate] [eval] ${join(dir, slug, "gold.json")}: ${(error as Error).message}`);
    }
    score.stories++;
    const results = await scoreStory(join(dir, slug, "articles.jsonl"), gold.checks);
    score.articles += results.articles;
    if (results.stories > 1) score.split.push(`${slug} (${results.stories} stories)`);
    gold.checks.forEach((check, k) => {
      const r = results.results[k]!;
      const row = (score.byType[check.type] ??= { checks: 0, passed: 0 });
      row.checks++;
      score.checks++;
      if (r.pass) {
        row.passed++;
        score.passed++;
      } else score.failed.push({ story: slug, type: check.type, why: check.why, said: r.said });
    });
  }
  score.rate = score.checks ? score.passed / score.checks : 0;
  score.seconds = (Date.now() - started) / 1000;
  return score;
}

/** One story through the pipeline, its checks scored; a story the pipeline fails on fails all its checks, saying why. */
async function scoreStory(file: string, checks: readonly Check[]) {
  try {
    const processed = await processInputs([file], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
    if (processed.failures.length) throw new Error(processed.failures.map((f) => `${f.source}: ${f.error}`).join("; "));
    const view = readReport(ONE_STORY ? oneStoryReport(processed.bundles) : buildReport(processed.bundles, { now: () => "2026-01-01T00:00:00.000Z" }).report);
    const results = checks.map((check) => {
      try {
        return scoreCheck(view, check);
      } catch (error) {
        return { pass: false, said: `the check could not be scored: ${(error as Error).message}` };
      }
    });
    return { articles: processed.bundles.length, stories: view.stories, results };
  } catch (error) {
    return { articles: 0, stories: 0, results: checks.map(() => ({ pass: false, said: `the pipeline failed: ${(error as Error).message}` })) };
  }
}

/**
 * TRIANGULATE_VERDICTS_ONE_STORY=1: every story's articles compared as one story, clustering bypassed (as
 * eval/framing-allsides.ts does), to tell the compare stage's misses from the clustering's. Not the gated figure.
 */
const ONE_STORY = process.env.TRIANGULATE_VERDICTS_ONE_STORY === "1";
function oneStoryReport(bundles: readonly ArticleBundle[]) {
  const story: Story = { id: "verdicts", title: "", articleIds: bundles.map((b) => b.article.id), storylineId: "verdicts", firstPublished: null, lastPublished: null };
  const entities = resolveEntities(bundles);
  const comparison = compareStory(story, bundles, entities);
  return { ...comparison, articles: bundles.map((b) => b.article), attributions: annotationSections(bundles, entities).attributions, stories: [story] };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function formatVerdicts(s: VerdictsScore): string {
  const rows = Object.entries(s.byType).filter(([, r]) => r.checks).map(([type, r]) => `| ${type} | ${r.checks} | ${r.passed} | ${pct(r.passed / r.checks)} |`);
  return [
    `Verdict suite: ${s.stories} stories, ${s.articles} articles, ${s.checks} checks in ${s.seconds.toFixed(1)} s: ${s.passed} pass (${pct(s.rate)}; target ${pct(VERDICTS_TARGET)}, floor ${pct(VERDICTS_FLOOR)})`,
    "| check | checks | pass | rate |",
    "|---|---|---|---|",
    ...rows,
    ...(s.split.length ? [`Split by clustering into several stories: ${s.split.join(", ")}`] : []),
    ...(s.failed.length ? ["", "Failed checks:"] : []),
    ...s.failed.map((f) => `- [${f.story}] ${f.type}: ${f.why}\n    tool: ${f.said}`),
  ].join("\n");
}
