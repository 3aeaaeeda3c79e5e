/**
 * compromise's word lists (its lexicon and organisation/place head words), read without tagging anything: the
 * entity gazetteer and the speakers' first-name genders both read them.
 *
 * They are read from compromise-lexicon.json, the same lists taken from the installed compromise by
 * scripts/compromise-lexicon.mjs: 0.6 MB of JSON parses in ~0.02 s CPU, where evaluating compromise's bundle to
 * build them cost 0.27–0.31 s at every `analyze` (issue 20). When the installed compromise is not the version the
 * file was taken from (an upgrade not followed by the script), compromise itself is loaded, so the lists are
 * always the installed package's; compromise-model.test.ts checks that the file equals them.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import snapshot from "./compromise-lexicon.json" with { type: "json" };

export interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, true>; placeWords: Record<string, true> };
}

interface Snapshot {
  compromiseVersion: string;
  lexicon: Record<string, string | string[]>;
  orgWords: Record<string, true>;
  placeWords: Record<string, true>;
}

let model: CompromiseModel | null = null;

export function compromiseModel(): CompromiseModel {
  if (model) return model;
  const taken = snapshot as Snapshot;
  if (installedCompromiseVersion() === taken.compromiseVersion) {
    return (model = { one: { lexicon: taken.lexicon }, two: { orgWords: taken.orgWords, placeWords: taken.placeWords } });
  }
  return (model = modelFromCompromise());
}

/** The lists built by compromise itself (its one-file CommonJS build: its ES module entry is ~330 modules). */
export function modelFromCompromise(): CompromiseModel {
  const nlp = createRequire(import.meta.url)("compromise/two") as { model(): unknown };
  return nlp.model() as CompromiseModel;
}

/** The installed compromise's version, from its package.json (the package does not export that file). */
export function installedCompromiseVersion(): string | null {
  const entry = createRequire(import.meta.url).resolve("compromise/two");
  for (let dir = dirname(entry), up = ""; up !== dir; up = dir, dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (name === "compromise") return version ?? null;
  }
  return null;
}
