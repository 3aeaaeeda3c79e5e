import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { isSkip } from "../../records.js";
import { extractTextArticle } from "./extract-text.js";

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/text/${name}`, import.meta.url), "utf8");
const extract = (body: string) => {
  const out = extractTextArticle({ source: "t.txt", format: "text", body, hints: {}, fetchedAt: "2026-11-22T00:00:00Z" });
  if (isSkip(out)) throw new Error(`skipped: ${out.skip}`);
  return out.article;
};

describe("scraped text extraction", () => {
  test("a wire story: byline, labelled date, dateline outlet, menus and related links removed", () => {
    const a = extract(fixture("wire-dateline.txt"));
    expect(a.title).toBe("Chile central bank holds rate steady as inflation cools");
    expect(a.authors).toEqual(["Maria Lopez", "Tom Hayes"]);
    expect(a.publishedAt).toBe("2025-03-14T10:05:00");
    expect(a.outlet).toBe("Reuters");
    expect(a.provenance.outlet?.from).toBe("text:wire-dateline");
    expect(a.text).toContain("held its benchmark interest rate at 5%");
    expect(a.text).toContain("The board will continue to assess");
    for (const junk of ["Skip to main content", "Share on Facebook", "Related Articles", "Peru central bank", "All rights reserved", "Markets"]) {
      expect(a.text).not.toContain(junk);
    }
    expect(a.language).toBe("en");
  });

  test("hard-wrapped paragraphs are joined back into paragraphs", () => {
    const a = extract(fixture("hard-wrapped.txt"));
    expect(a.title).toBe("City council approves new bus lanes after long debate");
    expect(a.text.split("\n\n")).toHaveLength(4);
    expect(a.text).toContain("dedicated bus lanes on three of the busiest avenues");
    expect(a.publishedAt).toBeNull(); // "Tuesday night" is no publication date
  });

  test("an author bio names the byline's author, not the outlet, and is cut with what follows", () => {
    const a = extract(fixture("related-and-bio.txt"));
    expect(a.title).toBe("Senate passes stopgap bill to avert government shutdown");
    expect(a.authors).toEqual(["Jordan Blake"]);
    expect(a.modifiedAt).toBe("2023-09-30");
    expect(a.outlet).not.toBe("Daily Ledger");
    expect(a.text).not.toContain("congressional reporter");
    expect(a.text).not.toContain("Governor signs budget");
    expect(a.text).toContain("$16 billion for disaster relief");
  });

  test("a site's today-line is not the publication date", () => {
    const a = extract(`Monday May 12, 2025\nMenu\nNews\n\n${fixture("hard-wrapped.txt")}`);
    expect(a.publishedAt).toBeNull();
    expect(a.title).toBe("City council approves new bus lanes after long debate");
  });

  test.each([
    ["empty", "   \n\n  ", "empty"],
    ["only a menu", "Home\nNews\nSports\nWeather\nContact", "empty"],
    ["one short sentence", "The mayor resigned today after the vote.", "too-short"],
  ])("skips %s", (_, body, reason) => {
    const out = extractTextArticle({ source: "t.txt", format: "text", body, hints: {}, fetchedAt: "" });
    expect(isSkip(out) && out.skip).toBe(reason);
  });
});
