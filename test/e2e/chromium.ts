/**
 * The chromium the browser tests drive (Debian's, which scripts/setup.sh installs): CHROMIUM_PATH, else
 * /usr/bin/chromium, else chromium or chromium-browser on PATH; and the flags it needs here (no sandbox as root; no
 * background networking, which this machine's closed network refuses many times a start).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}
