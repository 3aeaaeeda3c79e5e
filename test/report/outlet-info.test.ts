/**
 * The user's outlet file (issue 23, "optional outlet metadata"): CSV or JSON with name or domain, lean, country,
 * owner; each bad row named with its line and left out, the others kept; when given, every report shows it beside
 * each outlet and as the story's lean spread. Nothing of the kind is shipped: the example is made up.
 */
import { expect, test } from "vitest";
import { processDocuments } from "../../src/pipeline.js";
import type { RawDocument } from "../../src/records.js";
import { buildReport } from "../../src/report/build-report.js";
import { describeLeanSpread, outletDirectory } from "../../src/report/outlet-info.js";
import { parseOutletFile } from "../../src/report/read-outlet-info.js";
import { renderHtml } from "../../src/report/render/html.js";
import { renderMarkdown } from "../../src/report/render/markdown.js";
import { renderSummary } from "../../src/report/render/summary.js";

const CSV = [
  "name,domain,lean,country,owner",
  "Harbor Gazette,harborgazette.example,Lean Left,Portugal,\"Gazette Media, Ltd\"",
  "Coast Radio News,,right-center,Portugal,",
  "Nowhere Daily,,far left,,",
  ",,left,,",
  "Quiet Times,quiettimes.example,,,",
  "Too,many,fields,here,x,y",
  "",
  "Inland Post,inlandpost.example,Center,Spain,Inland Group",
].join("\n");

test("CSV: good rows kept (quoted commas, the usual ways of writing a lean), each bad row named by its line", () => {
  const { entries, problems } = parseOutletFile(CSV, "outlets.csv");
  expect(entries.map((e) => [e.name, e.lean, e.owner])).toEqual([
    ["Harbor Gazette", "lean left", "Gazette Media, Ltd"],
    ["Coast Radio News", "lean right", null],
    ["Inland Post", "center", "Inland Group"],
  ]);
  expect(problems).toEqual([
    "line 4: lean “far left” is not one of left, lean left, center, lean right, right",
    "line 5: no name or domain: which outlet is this?",
    "line 6: nothing given for Quiet Times: give a lean, country or owner",
    "line 7: not as many fields as the header has columns",
  ]);
});

test("JSON: an array of outlets, bad entries named by number; an unknown column is named, not ignored", () => {
  const json = JSON.stringify([{ domain: "www.harborgazette.example", lean: "left" }, { name: "X", leaning: "left" }, "Y"]);
  const { entries, problems } = parseOutletFile(json, "outlets.json");
  expect(entries).toHaveLength(1);
  expect(problems).toEqual(["entry 2: unknown column “leaning” (the columns are name, domain, lean, country, owner)", "entry 3: not an object"]);
  expect(() => parseOutletFile("{", "outlets.json")).toThrow(/outlets\.json is not JSON/);
});

test("an article finds its outlet by its URL's domain (any subdomain), else by name without case or a leading The", () => {
  const dir = outletDirectory(parseOutletFile(CSV, "outlets.csv").entries);
  expect(dir.forArticle({ url: "https://video.harborgazette.example/a/1", outlet: null, source: "a.html" })?.name).toBe("Harbor Gazette");
  expect(dir.forArticle({ url: null, outlet: "the coast radio news", source: "b.txt" })?.lean).toBe("lean right");
  expect(dir.forArticle({ url: "https://elsewhere.example/", outlet: "Elsewhere", source: "c.txt" })).toBeNull();
  expect(describeLeanSpread([dir.forOutlet("Harbor Gazette"), dir.forOutlet("Coast Radio News"), null])).toBe("Lean of the outlets (your file): 1 leans left · 1 leans right · 1 not given");
  expect(describeLeanSpread([null, dir.forOutlet("Quiet Times")])).toBeNull();
});

const doc = (n: number, outlet: string, toll: number): RawDocument => ({
  source: `storm-${n}.txt`, format: "text", fetchedAt: "2025-03-05T12:00:00Z",
  hints: { id: `storm-${n}`, title: `Storm kills ${toll} on the coast`, outlet, publishedAt: "2025-03-04" },
  body: [
    `A winter storm that swept the coast on Monday killed ${toll} people, the regional emergency office said on Tuesday.`,
    "The storm brought winds of more than 120 kilometres an hour and flooded the lower districts of Porto Vale and Santa Rita.",
    "The emergency office said 2,300 people had been moved to shelters and that power had been restored to most homes.",
    "Schools in both towns will stay closed until March 10, the education department said.",
  ].join("\n\n"),
});

test("given a file, each report shows each outlet's lean, country and owner and the story's lean spread; without one, nothing", () => {
  const processed = processDocuments([doc(1, "Harbor Gazette", 14), doc(2, "Coast Radio News", 14)], { maxArticleChars: 200_000 });
  const { report } = buildReport(processed.bundles, { failures: [], skipped: [] });
  const outlets = outletDirectory(parseOutletFile(CSV, "outlets.csv").entries);
  const spread = "Lean of the outlets (your file): 1 leans left · 1 leans right";
  for (const [name, text] of [["summary", renderSummary(report, { outlets })], ["markdown", renderMarkdown(report, outlets).replace(/\\(.)/g, "$1")], ["html", renderHtml(report, outlets)]] as const) {
    expect(text, name).toContain("Harbor Gazette (leans left · Portugal · owner: Gazette Media, Ltd)");
    expect(text, name).toContain("Coast Radio News (leans right · Portugal)");
    expect(text, name).toContain(spread);
  }
  expect(renderSummary(report)).not.toMatch(/leans|Lean of the outlets/);
});
