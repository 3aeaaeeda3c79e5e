// `npm run build` step: writes dist/pglite-<version>-blank.tar.gz, the blank database new embedded stores are
// unpacked from (src/store/pglite-client.ts), unless this PGlite version's is there already.
import { existsSync } from "node:fs";
import { join } from "node:path";
const { blankTemplateName, writeBlankTemplate } = await import("../dist/src/store/pglite-client.js");
const dist = new URL("../dist/", import.meta.url).pathname;
if (!existsSync(join(dist, blankTemplateName()))) process.stdout.write(`wrote ${await writeBlankTemplate(dist)}\n`);
