/**
 * How long the CLI takes to answer, as whole processes (issue 20): `--help`, `analyze --help`,
 * `analyze examples/ --no-store`, and `analyze examples/` on the embedded store, first run (a new data folder)
 * and a later run. Best of --rounds (default 3) wall seconds, and the CPU seconds (user + system, GNU time) of
 * that round; a bare `node -e ""` in the same run is the floor.
 *
 *   node dist/bench/startup.js [--rounds N] [--json]
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../src/serve/cli/main.js", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const GNU_TIME = "/usr/bin/time";

export interface StartupTiming {
  label: string;
  bestSeconds: number;
  cpuSeconds: number | null;
}

export async function benchStartup(rounds = 3): Promise<StartupTiming[]> {
  const scratch = await mkdtemp(join(tmpdir(), "triangulate-bench-startup-"));
  try {
    const cases: { label: string; args: () => string[] }[] = [
      { label: "node -e \"\" (floor)", args: () => ["-e", ""] },
      { label: "triangulate --help", args: () => [CLI, "--help"] },
      { label: "triangulate analyze --help", args: () => [CLI, "analyze", "--help"] },
      { label: "triangulate analyze examples/ --no-store", args: () => [CLI, "analyze", EXAMPLES, "--no-store"] },
    ];
    let fresh = 0;
    const timings = new Map<string, { seconds: number; cpu: number | null }[]>();
    const record = (label: string, t: { seconds: number; cpu: number | null }) => timings.set(label, [...(timings.get(label) ?? []), t]);
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) record(c.label, await timed(c.args()));
      // The first run on a new data folder makes the database; the second finds it.
      const dataDir = join(scratch, `data-${++fresh}`);
      record("triangulate analyze examples/ (embedded store, first run)", await timed([CLI, "analyze", EXAMPLES, "--data-dir", dataDir]));
      record("triangulate analyze examples/ (embedded store, later run)", await timed([CLI, "analyze", EXAMPLES, "--data-dir", dataDir]));
    }
    return [...timings].map(([label, list]) => {
      const best = list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      return { label, bestSeconds: round2(best.seconds), cpuSeconds: best.cpu === null ? null : round2(best.cpu) };
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The idle-machine targets (wall seconds), by label. */
const TARGETS: Record<string, number> = {
  "triangulate --help": 0.3,
  "triangulate analyze --help": 0.3,
  "triangulate analyze examples/ --no-store": 1.5,
  "triangulate analyze examples/ (embedded store, first run)": 3,
};

export function formatStartup(list: readonly StartupTiming[]): string[] {
  const floor = list[0];
  const ratio = (t: StartupTiming) => (floor && t !== floor ? `, ${(t.bestSeconds / floor.bestSeconds).toFixed(1)}× the floor's wall` : "");
  const target = (t: StartupTiming) => (TARGETS[t.label] ? ` [target < ${TARGETS[t.label]} s idle]` : "");
  return [
    "CLI start-up, whole processes (best wall s; CPU s of that run; the floor is a bare node in the same rounds):",
    ...list.map((t) => `  ${t.label}: ${t.bestSeconds} s (CPU ${t.cpuSeconds ?? "?"} s)${ratio(t)}${target(t)}`),
  ];
}

async function timed(args: string[]): Promise<{ seconds: number; cpu: number | null }> {
  const cpuFile = existsSync(GNU_TIME) ? join(tmpdir(), `triangulate-bench-startup-cpu-${process.pid}`) : null;
  const command = cpuFile ? [GNU_TIME, "-f", "%U %S", "-o", cpuFile, process.execPath, ...args] : [process.execPath, ...args];
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, HOME: tmpdir() } });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`[triangulate] [bench] ${args.join(" ")} exited ${code}: ${err.slice(-400)}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  if (!cpuFile) return { seconds, cpu: null };
  const [user, system] = (await readFile(cpuFile, "utf8")).trim().split("\n").at(-1)!.split(" ").map(Number);
  await rm(cpuFile, { force: true });
  return { seconds, cpu: user! + system! };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--rounds");
  const list = await benchStartup(i > 0 ? Number(process.argv[i + 1]) : 3);
  process.stdout.write(process.argv.includes("--json") ? `${JSON.stringify(list, null, 2)}\n` : `${formatStartup(list).join("\n")}\n`);
}
