import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { bundle } from "./fixtures.js";

/**
 * Real second processes for the lock tests. Node 20 cannot import the TypeScript sources, so the store is
 * compiled once per run under node_modules/.cache (inside the checkout: its packages resolve, and
 * migrate.ts walks up to src/store/migrations).
 */

const repo = fileURLToPath(new URL("../../", import.meta.url));

export async function compileStore(): Promise<string> {
  const cache = join(repo, "node_modules", ".cache");
  await mkdir(cache, { recursive: true });
  const out = await mkdtemp(join(cache, "triangulate-store-test-"));
  const tsc = join(repo, "node_modules", ".bin", "tsc");
  const flags = ["--ignoreConfig", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "--types", "node"];
  await promisify(execFile)(tsc, [...flags, "--rootDir", join(repo, "src"), "--outDir", out, join(repo, "src", "store", "index.ts")]);
  return join(out, "store", "index.js");
}

/**
 * The child: opens `dataDir`; "open" prints the counts and closes; "hold" saves a bundle with id `child`,
 * prints READY and waits to be killed; "sigint" is "hold" after closeOnExit. An open error is printed
 * to stderr and exits 3.
 */
const CHILD = `
const [index, dataDir, mode, bundleJson] = process.argv.slice(1);
const { openStore, closeOnExit } = await import(index);
let store;
try {
  store = await openStore({ dataDir, databaseUrl: null });
} catch (error) {
  process.stderr.write(error.message + "\\n");
  process.exit(3);
}
if (mode === "open") {
  process.stdout.write(JSON.stringify(await store.counts()) + "\\n");
  await store.close();
} else {
  if (mode === "sigint") closeOnExit(store);
  await store.saveBundles([JSON.parse(bundleJson)]);
  process.stdout.write("READY\\n");
  setInterval(() => {}, 1000);
}
`;

export interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name) once the process is gone and reaped. */
  exited: Promise<number | string>;
  /** Resolves when the child printed `text`; rejects if it exits first. */
  printed(text: string): Promise<void>;
}

export function spawnStoreChild(indexJs: string, dataDir: string, mode: "open" | "hold" | "sigint"): Child {
  const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD, pathToFileURL(indexJs).href, dataDir, mode, JSON.stringify(bundle("child"))], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    printed: (text) =>
      new Promise<void>((resolve, reject) => {
        const check = () => out.includes(text) && resolve();
        child.stdout.on("data", check);
        check();
        void exited.then((code) => reject(new Error(`child exited (${code}) before printing ${text}: ${err}`)));
      }),
  };
}
