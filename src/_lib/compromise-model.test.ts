import { expect, test } from "vitest";
import snapshot from "./compromise-lexicon.json" with { type: "json" };
import { compromiseModel, installedCompromiseVersion, modelFromCompromise } from "./compromise-model.js";

test("compromise-lexicon.json is the installed compromise's lists, key for key and in order (else: node scripts/compromise-lexicon.mjs)", () => {
  const built = modelFromCompromise();
  expect(snapshot.compromiseVersion).toBe(installedCompromiseVersion());
  expect(Object.keys(snapshot.lexicon)).toEqual(Object.keys(built.one.lexicon));
  expect(snapshot.lexicon).toEqual(built.one.lexicon);
  expect(snapshot.orgWords).toEqual(built.two.orgWords);
  expect(snapshot.placeWords).toEqual(built.two.placeWords);
});

test("the model the analyzers read is those lists", () => {
  const model = compromiseModel();
  expect(model.one.lexicon.aaron).toBe("MaleName");
  expect(Object.keys(model.one.lexicon).length).toBeGreaterThan(20_000);
  expect(model.two.orgWords.university).toBe(true);
});
