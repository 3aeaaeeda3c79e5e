/**
 * The user's outlet file for the server (`serve --outlets FILE`, which sets TRIANGULATE_OUTLETS; the CLI has
 * already named its bad rows): read here, at the server's edge, as TRIANGULATE_TOKEN is, once per file for the
 * server's life. No file, no entries. Both the app's page (web.ts) and the no-JavaScript pages (pages.ts) use it.
 */
import { readFileSync } from "node:fs";
import type { OutletInfo } from "../../report/outlet-info.js";
import { parseOutletFile } from "../../report/read-outlet-info.js";

const read = new Map<string, OutletInfo[]>();

export function outletsFromEnv(env: NodeJS.ProcessEnv = process.env): OutletInfo[] {
  const file = env.TRIANGULATE_OUTLETS;
  if (!file) return [];
  const known = read.get(file);
  if (known) return known;
  try {
    const entries = parseOutletFile(readFileSync(file, "utf8"), file).entries;
    read.set(file, entries);
    return entries;
  } catch (cause) {
    throw new Error(`[triangulate] [serve] TRIANGULATE_OUTLETS: cannot read the outlet file ${file}: ${(cause as Error).message}`, { cause });
  }
}
