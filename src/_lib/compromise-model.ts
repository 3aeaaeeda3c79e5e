/**
 * compromise's word lists (its lexicon and organisation/place head words), read without tagging anything: the
 * entity gazetteer and the speakers' first-name genders both read them. Loaded on first use through the package's
 * one-file CommonJS build: its ES module entry is ~330 modules and cost 0.50–0.55 s CPU at import against
 * 0.29–0.39 s for the one file (same lexicon, 24,612 entries), paid by every `analyze` at start-up.
 */
import { createRequire } from "node:module";

export interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, true>; placeWords: Record<string, true> };
}

let model: CompromiseModel | null = null;

export function compromiseModel(): CompromiseModel {
  if (!model) {
    const nlp = createRequire(import.meta.url)("compromise/two") as { model(): unknown };
    model = nlp.model() as CompromiseModel;
  }
  return model;
}
