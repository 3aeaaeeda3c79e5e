/** Runs the built CLI (dist/) as a user would, in a throwaway HOME so nothing touches the real data folder. */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CLI = new URL("../../dist/src/serve/cli/main.js", import.meta.url).pathname;
export const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const tempDir = (prefix = "triangulate-test-") => mkdtempSync(join(tmpdir(), prefix));

export function runCli(args: string[], options: { input?: string; home?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const home = options.home ?? tempDir();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: home, XDG_DATA_HOME: join(home, ".local", "share"), ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
