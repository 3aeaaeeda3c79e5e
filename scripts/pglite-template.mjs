// `npm run build` step: writes dist/pglite-<version>-blank.tar.gz and dist/pglite-<version>-schema-<digest>.tar.gz,
// the databases new embedded stores are unpacked from (src/store/pglite-template.ts), unless they are there already.
// `node scripts/pglite-template.mjs OUTDIR` does the same for a build made with `tsc --outDir OUTDIR`.
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = new URL("../", import.meta.url).pathname;
const out = resolve(root, process.argv[2] ?? "dist");
const { writeBlankTemplate } = await import(pathToFileURL(join(out, "src/store/pglite-client.js")).href);
for (const file of await writeBlankTemplate(out)) process.stdout.write(`wrote ${file}\n`);
