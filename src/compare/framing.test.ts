import { expect, test } from "vitest";
import type { Annotation, Article, ArticleBundle, Entity } from "../records.js";
import { compareFraming } from "./framing.js";

const text = "Texas Gov. Rick Perry signed the bill. The embattled governor said it was fair. “The governor is wrong,” Smith said.";
const at = (s: string, from = 0) => [text.indexOf(s, from), text.indexOf(s, from) + s.length] as const;
const article = { id: "a", source: "a", outlet: "The Texas Ledger", title: "Perry signs", text } as Article;
const quote = at("“The governor is wrong,”");
const annotations: Annotation[] = [
  { kind: "label", span: at("Texas Gov."), entityName: "Rick Perry", term: "Texas Gov.", loaded: false, via: "before-name", by: "t" },
  { kind: "quote", span: quote, speaker: "Smith", speakerSpan: at("Smith"), form: "direct", by: "t" },
];
const mention = (s: string, via: "name" | "role", from = 0) => ({ articleId: "a", start: at(s, from)[0], end: at(s, from)[1], text: s, via, confidence: 0.85, evidence: null });
const perry: Entity = {
  id: "perry", name: "Rick Perry", type: "person", aliases: [], descriptions: [],
  mentions: [mention("Rick Perry", "name"), mention("The embattled governor", "role"), mention("The governor", "role", quote[0])],
};
const texas: Entity = { id: "texas", name: "Texas", type: "place", aliases: [], descriptions: [], mentions: [mention("Texas", "name")] };

test("one row per person: its labels and the role descriptions bound to it, not those inside a quotation", () => {
  const rows = compareFraming("s", [{ article, annotations } satisfies ArticleBundle], [perry, texas]);
  expect(rows.map((r) => r.entityId)).toEqual(["perry"]);
  expect(rows[0]!.labels.map((l) => [l.outlet, l.term])).toEqual([["The Texas Ledger", "Texas Gov."], ["The Texas Ledger", "embattled governor"]]);
});
