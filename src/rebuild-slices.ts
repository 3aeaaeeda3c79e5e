/**
 * A rebuild's second stage (compare and report) a slice of stories at a time, so that it never holds every article's
 * annotations at once: each slice's annotations are loaded, its stories compared, and let go before the next. With
 * `keep: "reported"`, the comparisons of stories the caller does not report on go to a spill file as they are made
 * and only stream back when the store writes them; an ingestion of 20,000 articles then holds the planning data
 * (articles, entities, clustering) and one slice, not 20,000 bundles and their comparisons (issue 19: memory per
 * input ≤ 10× its size). The result equals completeReport over everything at once (test/store/stream.test.ts).
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Annotation, ArticleBundle, Report, Story, StoryComparison } from "./records.js";
import { type Analysis, annotationSections, completeReport, type ReportInputs, type ReportPlan } from "./report/build-report.js";
import { currentOwner, OWNER_FILE, ownerLiveness, readOwner } from "./store/lock-owner.js";

/**
 * Articles whose annotations are loaded and compared at once. Calibration (bench/memory-probe.ts, 5 MB of JSONL,
 * 3,505 articles): what a slice keeps is small (~55 annotations an article, ~25 KB of heap each with its
 * comparison), but comparing 500 articles' stories made up to 270 MB of garbage before the full collection after it
 * (heap 187 → 421 MB, RSS 780 MB); at 100, heap 187 MB and RSS ~550 MB through every slice, for one more small query
 * and one collection (~0.1 s) per 100 articles. A story larger than this is one slice of its own.
 */
export const SLICE_ARTICLES = 100;

export interface SliceOptions {
  /** "all": every comparison made is returned (the default). "reported": only those of stories holding a `reportOn` article. */
  keep: "all" | "reported";
  sliceArticles: number;
  /** Where comparisons not kept go (keep "reported"). */
  spill: JsonLinesSpill<StoryComparison> | null;
  /** Told after each slice's annotations are loaded, and after its stories are compared (rebuildStories' steps). */
  onLap?: (step: "load" | "compare") => void;
}

/** The report sections read off the articles' annotations (quotes, numbers …): per article, in article order. */
const SECTION_KEYS = Object.keys(annotationSections([], [])) as (keyof ReturnType<typeof annotationSections>)[];
/** Report fields that are not per story: taken once, from the plan. */
const WHOLE_KEYS = new Set<keyof Report>(["articles", "failures", "skipped", "entities", "stories", "storylines", ...SECTION_KEYS]);

type LoadAnnotations = (ids: readonly string[]) => Promise<Map<string, Annotation[]>>;

export async function completeInSlices(plan: ReportPlan, loadAnnotations: LoadAnnotations, inputs: ReportInputs, options: SliceOptions): Promise<Analysis> {
  const reportOn = inputs.reportOn;
  const reported = (story: Story) => !reportOn || story.articleIds.some((id) => reportOn.has(id));
  const articleById = new Map(plan.articles.map((a) => [a.id, a]));
  const position = new Map(plan.articles.map((a, i) => [a.id, i]));
  // The header (dates, failures, skips) and the shape every slice's fields are added to.
  const whole = completeReport({ ...plan, clustering: { ...plan.clustering, stories: [] }, detailIds: [] }, [], inputs);
  const report: Report = { ...whole.report, stories: plan.clustering.stories, storylines: plan.clustering.storylines };
  const comparisons: StoryComparison[] = [];
  const sectioned = new Set<string>();
  const needed = plan.clustering.stories.filter((s) => reported(s) || !plan.kept?.unchanged.has(s.id));
  for (const slice of storySlices(needed, options.sliceArticles)) {
    const ids = [...new Set(slice.flatMap((s) => s.articleIds))].filter((id) => articleById.has(id)).sort((a, b) => position.get(a)! - position.get(b)!);
    const annotations = await loadAnnotations(ids);
    const detailed: ArticleBundle[] = ids.map((id) => ({ article: articleById.get(id)!, annotations: annotations.get(id) ?? [] }));
    options.onLap?.("load");
    const part = completeReport({ ...plan, clustering: { ...plan.clustering, stories: slice }, detailIds: ids }, detailed, inputs);
    const reportedIds = new Set(slice.filter(reported).map((s) => s.id));
    const keptIds = new Set<string>();
    for (const c of part.comparisons) {
      if (options.keep === "all" || reportedIds.has(c.storyId)) {
        comparisons.push(c);
        keptIds.add(c.storyId);
      } else options.spill!.add(c);
    }
    for (const key of Object.keys(part.report) as (keyof Report)[]) {
      const items = part.report[key];
      if (WHOLE_KEYS.has(key) || !Array.isArray(items)) continue;
      (report[key] as { storyId: string }[]).push(...(items as { storyId: string }[]).filter((item) => keptIds.has(item.storyId)));
    }
    // Sections once per article (an article is in one story, but a report never lists it twice either way).
    const sectionIds = new Set(slice.filter((s) => reportedIds.has(s.id)).flatMap((s) => s.articleIds).filter((id) => !sectioned.has(id)));
    for (const id of sectionIds) sectioned.add(id);
    const sections = annotationSections(detailed.filter((b) => sectionIds.has(b.article.id)), plan.entities);
    for (const key of SECTION_KEYS) (report[key] as unknown[]).push(...sections[key]);
    collectGarbage();
    options.onLap?.("compare");
  }
  // In article order, as one completeReport over every article lists them.
  for (const key of SECTION_KEYS) (report[key] as { articleId: string }[]).sort((a, b) => position.get(a.articleId)! - position.get(b.articleId)!);
  return { report, comparisons, ...(plan.kept ? { kept: plan.kept } : {}) };
}

let fullGc: (() => void) | null | undefined;

/**
 * A full garbage collection, where a batch or a slice has just been let go. Why by hand: a batch's articles live
 * through many young-generation collections while it is analysed, so V8 promotes them, and once saved they are old
 * garbage that only a full collection frees; V8 starts one when the heap has grown by a factor of the last live size,
 * so between them RSS climbed with the input (5 MB of JSONL: live heap 90 MB, heap 388 MB before V8's own full
 * collection; bench/memory-probe.ts). Called once a batch or slice (seconds of work each), it costs ~1–3% of the time.
 * `gc` is reached as Jest's --logHeapUsage does (the flag, then the function from a new context); where it cannot
 * be (another engine), nothing is done.
 */
export function collectGarbage(): void {
  if (fullGc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      fullGc = runInNewContext("gc") as () => void;
    } catch {
      fullGc = null;
    }
  }
  fullGc?.();
}

/** Consecutive stories, cut when a slice reaches `max` articles. */
function* storySlices(stories: readonly Story[], max: number): Generator<Story[]> {
  let slice: Story[] = [];
  let articles = 0;
  for (const story of stories) {
    slice.push(story);
    articles += story.articleIds.length;
    if (articles >= max) {
      yield slice;
      [slice, articles] = [[], 0];
    }
  }
  if (slice.length) yield slice;
}

/** Records written to a temporary file as JSON lines and read back once, in order; `close` removes the file. */
export interface JsonLinesSpill<T> {
  add(item: T): void;
  read(): Generator<T>;
  readonly count: number;
  close(): void;
}

const READ_CHUNK_BYTES = 1 << 20;
export const SPILL_PREFIX = "triangulate-spill-";
/**
 * A spill folder with no owner file older than this was left by a process killed between making it and writing the
 * file (a moment), or by a version that wrote none: a rebuild's spill lives minutes, so a day old is nobody's.
 */
const OWNERLESS_SPILL_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * `root`: where the spill folder goes (the system's temporary folder). Each folder records its process (the data
 * lock's owner file, lock-owner.ts), so that the next spill removes those whose process was killed (SIGKILL, OOM)
 * before `close` could: a rebuild of a large store leaves its comparisons there, megabytes a time.
 */
export function openSpill<T>(root: string = tmpdir()): JsonLinesSpill<T> {
  sweepOrphanSpills(root);
  const dir = mkdtempSync(join(root, SPILL_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify(currentOwner()));
  const fd = openSync(join(dir, "spill.jsonl"), "w+");
  let count = 0;
  let closed = false;
  return {
    get count() {
      return count;
    },
    add(item) {
      // JSON.stringify escapes every newline inside strings: one record is one line.
      writeSync(fd, `${JSON.stringify(item)}\n`);
      count++;
    },
    *read() {
      const chunk = Buffer.alloc(READ_CHUNK_BYTES);
      let pending = Buffer.alloc(0);
      for (let offset = 0; ; ) {
        const n = readSync(fd, chunk, 0, chunk.length, offset);
        if (n === 0) break;
        offset += n;
        // Split on the newline byte, never inside a multi-byte character (UTF-8 never uses 0x0A within one).
        let data = pending.length ? Buffer.concat([pending, chunk.subarray(0, n)]) : chunk.subarray(0, n);
        for (let end = data.indexOf(0x0a); end >= 0; end = data.indexOf(0x0a)) {
          yield JSON.parse(data.toString("utf8", 0, end)) as T;
          data = data.subarray(end + 1);
        }
        pending = Buffer.from(data);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Removes the spill folders in `root` whose process is gone (ownerLiveness "dead": same machine, pid gone or reused,
 * or a reboot since), and owner-less ones a day old; returns the folders removed. A live or unknown owner (another
 * machine sharing the folder) keeps its folder. Never throws: a folder it cannot read or remove is left.
 */
export function sweepOrphanSpills(root: string = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => name.startsWith(SPILL_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = join(root, name);
    try {
      const owner = readOwner(dir);
      const orphan = owner ? ownerLiveness(owner) === "dead" : Date.now() - statSync(dir).mtimeMs > OWNERLESS_SPILL_AGE_MS;
      if (!orphan) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Gone already (another process swept it), or not ours to remove: left.
    }
  }
  return removed;
}
