import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The package's own version, read from package.json (two levels up from both src/ and dist/src/). npm holds an unrelated "triangulate": ours is "triangulate-news"; the command stays `triangulate`. */
function packageVersion(): string {
  for (const path of ["../package.json", "../../package.json"]) {
    try {
      const pkg = require(path) as { name?: string; version?: string };
      if (pkg.name === "triangulate-news" && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return "0.0.0";
}

export const GENERATOR = { name: "triangulate", version: packageVersion() };
