/**
 * The user's outlet file (lean, country, owner), which `triangulate serve --outlets FILE` puts in the page as a
 * <meta name="triangulate-outlets"> (src/serve/http/web.ts): read once; null when the server was given none.
 */
import { outletDirectory, type OutletDirectory, type OutletInfo } from "../../src/report/outlet-info.ts";

let directory: OutletDirectory | null | undefined;

export function pageOutlets(): OutletDirectory | null {
  if (directory !== undefined) return directory;
  const content = document.querySelector<HTMLMetaElement>('meta[name="triangulate-outlets"]')?.content;
  try {
    const entries = content ? (JSON.parse(content) as OutletInfo[]) : [];
    directory = entries.length ? outletDirectory(entries) : null;
  } catch {
    directory = null;
  }
  return directory;
}
