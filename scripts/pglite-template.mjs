// `npm run build` step: writes dist/pglite-<version>-blank.tar.gz, the blank database new embedded stores are
// unpacked from (src/store/pglite-client.ts), unless this PGlite version's is there already.
// `node scripts/pglite-template.mjs OUTDIR` does the same for a build made with `tsc --outDir OUTDIR`.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("../", import.meta.url).pathname;
const out = resolve(root, process.argv[2] ?? "dist");
const { blankTemplateName, writeBlankTemplate } = await import(pathToFileURL(join(out, "src/store/pglite-client.js")).href);
if (!existsSync(join(out, blankTemplateName()))) process.stdout.write(`wrote ${await writeBlankTemplate(out)}\n`);
