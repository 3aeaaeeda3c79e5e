// `npm test` runs this first: it builds (npm run build) only when a source is newer than the last build, so a
// test run right after `npm ci` (whose `prepare` built) does not build again, and one after an edit does.
// `--stamp` (the last step of `npm run build`) records that a build finished.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const STAMP = join(root, "dist", ".build-stamp");
const INPUTS = ["src", "eval", "bench", "web", "schema", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json", "scripts/pglite-template.mjs"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) if (entry !== "node_modules") latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

if (process.argv.includes("--stamp")) {
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
} else {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const changed = Math.max(...INPUTS.map((p) => newest(join(root, p))));
  if (changed > built) {
    try {
      execSync("npm run build", { cwd: root, stdio: "inherit" });
    } catch (error) {
      process.exit(error.status ?? 1); // npm has printed what failed
    }
  }
  else process.stdout.write("build: dist/ is up to date with the sources\n");
}
