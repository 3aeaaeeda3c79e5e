/**
 * The terminal summary prints article fields (titles, outlets, claims, sources of failures): control characters and
 * escape sequences from an input must not reach the terminal. Run through the real pipeline with hostile fields.
 */
import { expect, test } from "vitest";
import { processDocuments } from "../../pipeline.js";
import type { RawDocument } from "../../records.js";
import { buildReport } from "../build-report.js";
import { renderSummary } from "./summary.js";

const CLEAR = "\u001b[2J";
const RETITLE = "\u001b]0;pwned\u0007";
const C1_CSI = "\u009b31m";

function hostile(n: number, outlet: string): RawDocument {
  const body = [
    `The council closed the ${CLEAR}bridge on Tuesday after engineers found cracks in two supports, officials said.`,
    `"We had no choice," Mayor Ana Ruiz said at a news conference, adding that repairs would cost $4 million${RETITLE}.`,
    `Commuters were sent over the northern crossing on March 3, 2024, which adds about 20 minutes to a trip.\rFAKE`,
    `Shop owners near the bridge said they feared losing customers during the works, which are due to end in 2025.`,
  ].join("\n\n");
  return {
    source: `hostile-${n}${C1_CSI}.txt`, format: "text", body,
    hints: { id: `hostile-${n}`, title: `Bridge ${CLEAR}closed${RETITLE} ${C1_CSI}`, outlet: `${outlet}\r`, publishedAt: "2024-03-03", authors: ["Jo Doe"] },
    fetchedAt: "2024-03-03T12:00:00Z",
  };
}

const processed = processDocuments([hostile(1, "Daily Post"), hostile(2, "Evening Star")], { maxArticleChars: 200_000 });
const { report } = buildReport(processed.bundles, { failures: [...processed.failures, { source: `bad${CLEAR}.txt`, error: `cannot read${RETITLE}` }], skipped: processed.skipped });
/** Our own styling: bold and dim, and their reset. */
const OWN_STYLE = /\u001b\[(?:1|2|22)m/g;

test("the hostile articles were read (the test has something to check)", () => {
  expect(report.articles).toHaveLength(2);
  expect(report.articles[0]!.title).toContain(CLEAR);
  expect(renderSummary(report)).toContain("Bridge");
});

test.each([false, true])("no control character or escape sequence from an input reaches the terminal (color %s)", (color) => {
  const printed = renderSummary(report, color).replace(OWN_STYLE, "");
  expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(printed).toContain("Bridge \ufffd[2Jclosed\ufffd]0;pwned\ufffd"); // shown as text, not acted on
});

test("a failed input's name and error reach stderr (reportFailures) made as safe", async () => {
  const { reportFailures } = await import("../../serve/cli/output.js");
  let written = "";
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => ((written += chunk), true)) as typeof process.stderr.write;
  const exitCode = process.exitCode;
  try {
    reportFailures(report.failures);
  } finally {
    process.stderr.write = write;
    process.exitCode = exitCode;
  }
  expect(written).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(written).toContain("bad\ufffd[2J.txt: cannot read\ufffd]0;pwned\ufffd");
});

test("the report itself is left as it was (only what is printed is made safe)", () => {
  renderSummary(report);
  expect(report.articles[0]!.title).toContain(CLEAR);
});
