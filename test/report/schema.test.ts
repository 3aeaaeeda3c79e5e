/** The report contract: what `analyze --json` writes validates against schema/report.schema.json. */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { REPORT_SCHEMA_VERSION } from "../../src/records.js";
import { processInputs } from "../../src/pipeline.js";
import { buildReport } from "../../src/report/build-report.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/report.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

const processed = await processInputs([new URL("../../examples/", import.meta.url).pathname, new URL("../fixtures/text/", import.meta.url).pathname], { maxInputBytes: 10_000_000, maxArticleChars: 300_000 });
const { report } = buildReport(processed.bundles, { failures: [{ source: "missing.txt", error: "no such file" }] });

describe("report schema", () => {
  test("the seeds' report validates", () => {
    const ok = validate(JSON.parse(JSON.stringify(report)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test("the schema version is the one the code writes", () => {
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(schema.properties.schemaVersion.pattern).toBe(`^${REPORT_SCHEMA_VERSION.split(".")[0]}\\.\\d+\\.\\d+$`);
  });

  test("a report missing a field or with a wrong type does not validate (the schema can fail)", () => {
    const { claims: _claims, ...missing } = JSON.parse(JSON.stringify(report));
    expect(validate(missing)).toBe(false);
    const wrong = JSON.parse(JSON.stringify(report));
    wrong.claims[0].status = "probably";
    expect(validate(wrong)).toBe(false);
  });

  test("every offset points at the text it quotes", () => {
    const text = new Map(report.articles.map((a) => [a.id, a.text]));
    const title = new Map(report.articles.map((a) => [a.id, a.title]));
    const headlines = report.claims.flatMap((c) => c.support).filter((s) => s.field === "title");
    expect(headlines.length).toBeGreaterThan(0);
    for (const s of headlines) expect(title.get(s.articleId)!.slice(s.start, s.end)).toBe(s.text);
    const spans = [
      ...report.entities.flatMap((e) => e.mentions),
      ...report.quotes,
      ...report.numbers,
      ...report.citations,
      ...report.claims.flatMap((c) => c.support).filter((s) => !s.field),
      ...report.timeline.flatMap((t) => t.support),
      ...report.drift.flatMap((d) => [d.from, d.to]),
    ];
    expect(spans.length).toBeGreaterThan(100);
    for (const s of spans) expect(text.get(s.articleId)!.slice(s.start, s.end)).toBe(s.text);
  });

  test("every claim, brief sentence and timeline entry cites articles of its own story", () => {
    const storyOf = new Map(report.stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));
    for (const c of report.claims) for (const s of c.support) expect(storyOf.get(s.articleId)).toBe(c.storyId);
    for (const b of report.brief) {
      expect(b.articleIds.length).toBeGreaterThan(0);
      for (const id of b.articleIds) expect(storyOf.get(id)).toBe(b.storyId);
    }
    for (const t of report.timeline) for (const id of t.articleIds) expect(storyOf.get(id)).toBe(t.storyId);
  });
});
