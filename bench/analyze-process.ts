/**
 * End-to-end analysis as a user runs it (issue 20: ≥ 200 full-length articles per second per core): one
 * `triangulate analyze FILE.jsonl --no-store --json` process over N ~700-word articles (bench/analysis-speed.ts
 * builds them from ECB+ documents), extract → analyze → cluster → compare → report, against the same command on
 * the first article alone in the same run. CPU seconds (GNU time, user + system) are the per-core measure: the
 * N-article run's CPU over N is the whole figure; (N-article CPU − 1-article CPU) / (N − 1) is what each further
 * article costs once the process has started. Best of --rounds, alternated.
 *
 *   node dist/bench/analyze-process.js [--articles N] [--rounds N]
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { articleTexts, TARGET_ARTICLES_PER_SECOND } from "./analysis-speed.js";
import { timedProcess } from "./extract-process.js";

const CLI = fileURLToPath(new URL("../src/serve/cli/main.js", import.meta.url));
const round2 = (x: number) => Math.round(x * 100) / 100;

export interface AnalyzeProcessResult {
  articles: number;
  rounds: number;
  /** Best wall and CPU seconds of the N-article process and of the one-article process. */
  all: { seconds: number; cpuSeconds: number | null };
  one: { seconds: number; cpuSeconds: number | null };
  /** N ÷ CPU seconds of the N-article process: start-up included. */
  articlesPerCpuSecond: number | null;
  /** (N − 1) ÷ (CPU(N) − CPU(1)): each article after the first. */
  marginalArticlesPerCpuSecond: number | null;
}

export async function benchAnalyzeProcess(dataDir: string, articles = 200, rounds = 3): Promise<AnalyzeProcessResult> {
  const texts = await articleTexts(dataDir, articles);
  const dir = await mkdtemp(join(tmpdir(), "triangulate-bench-analyze-"));
  try {
    const record = (text: string, i: number) => JSON.stringify({ id: `bench-${i}`, title: text.split(/(?<=[.!?])\s/, 1)[0]!.slice(0, 120), text, outlet: `outlet-${i % 7}` });
    await writeFile(join(dir, "all.jsonl"), `${texts.map(record).join("\n")}\n`);
    await writeFile(join(dir, "one.jsonl"), `${record(texts[0]!, 0)}\n`);
    const runs = { all: [] as { seconds: number; cpuSeconds: number | null }[], one: [] as { seconds: number; cpuSeconds: number | null }[] };
    for (let round = 0; round < rounds; round++) {
      for (const which of ["one", "all"] as const) {
        const { seconds, cpuSeconds } = await timedProcess([CLI, "analyze", join(dir, `${which}.jsonl`), "--no-store", "--json", "--out", join(dir, `${which}.json`)]);
        runs[which].push({ seconds, cpuSeconds });
      }
    }
    const best = (list: { seconds: number; cpuSeconds: number | null }[]) => ({
      seconds: round2(Math.min(...list.map((r) => r.seconds))),
      cpuSeconds: list.every((r) => r.cpuSeconds !== null) ? round2(Math.min(...list.map((r) => r.cpuSeconds!))) : null,
    });
    const [all, one] = [best(runs.all), best(runs.one)];
    return {
      articles: texts.length, rounds, all, one,
      articlesPerCpuSecond: all.cpuSeconds ? round2(texts.length / all.cpuSeconds) : null,
      marginalArticlesPerCpuSecond: all.cpuSeconds && one.cpuSeconds && all.cpuSeconds > one.cpuSeconds ? round2((texts.length - 1) / (all.cpuSeconds - one.cpuSeconds)) : null,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatAnalyzeProcess(r: AnalyzeProcessResult): string[] {
  return [
    `\`triangulate analyze FILE.jsonl --no-store --json\`, ${r.articles} articles of ~700 words, best of ${r.rounds} alternated rounds:`,
    `  ${r.articles} articles: ${r.all.seconds} s wall, ${r.all.cpuSeconds ?? "?"} s CPU → ${r.articlesPerCpuSecond ?? "?"} articles per CPU second (start-up included)`,
    `  1 article: ${r.one.seconds} s wall, ${r.one.cpuSeconds ?? "?"} s CPU (start-up)`,
    `  each further article: ${r.marginalArticlesPerCpuSecond ?? "?"} articles per CPU second (target ≥ ${TARGET_ARTICLES_PER_SECOND})`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
  const result = await benchAnalyzeProcess(resolve(process.env.TRIANGULATE_DATA ?? "../shared/data"), arg("--articles", 200), arg("--rounds", 3));
  process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(result, null, 2)}\n` : `${formatAnalyzeProcess(result).join("\n")}\n`);
}

