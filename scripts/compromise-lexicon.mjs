// Writes src/_lib/compromise-lexicon.json: the parts of compromise's model the analyzers read (its lexicon and its
// organisation/place head words), taken from the installed compromise, so that a run reads 0.6 MB of JSON
// (~0.02 s CPU) instead of evaluating compromise's bundle to build them (~0.3 s CPU at every `analyze`).
// Run it after upgrading compromise; src/_lib/compromise-model.test.ts fails until then.
//   node scripts/compromise-lexicon.mjs
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nlp = require("compromise/two");
const model = nlp.model();
const snapshot = {
  about: "Derived from compromise (MIT licence, (c) Spencer Kelly; github.com/spencermountain/compromise) by scripts/compromise-lexicon.mjs: model().one.lexicon, model().two.orgWords and placeWords, unchanged.",
  compromiseVersion: nlp.version,
  lexicon: model.one.lexicon,
  orgWords: model.two.orgWords,
  placeWords: model.two.placeWords,
};
const out = new URL("../src/_lib/compromise-lexicon.json", import.meta.url);
writeFileSync(out, `${JSON.stringify(snapshot)}\n`);
process.stdout.write(`wrote ${out.pathname} (compromise ${nlp.version}, ${Object.keys(snapshot.lexicon).length} lexicon entries)\n`);
