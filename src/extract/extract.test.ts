import { expect, test } from "vitest";
import type { Article, RawDocument } from "../records.js";
import { extractArticle } from "./extract.js";

const BODY = [
  "NAPA, Calif. — A magnitude 6.0 earthquake struck the Napa Valley early Sunday, injuring more than 100 people and",
  "damaging historic buildings downtown, officials said. The quake was the strongest to hit the San Francisco Bay",
  "Area in 25 years, according to the U.S. Geological Survey. Crews worked through the day to restore water and",
  "power to thousands of homes while wineries counted broken barrels.",
].join(" ");

const doc = (hints: RawDocument["hints"]): RawDocument => ({ source: "in.jsonl:1", format: "text", body: BODY, hints, fetchedAt: "2026-01-01T00:00:00Z" });

test("a record's metadata wins over what the text says, marked as given", () => {
  const article = extractArticle(doc({ title: "Quake hits Napa", outlet: "SFGate", publishedAt: "Sun, 24 Aug 2014 10:20:00 GMT" })) as Article;
  expect(article).toMatchObject({ title: "Quake hits Napa", outlet: "SFGate", publishedAt: "2014-08-24T10:20:00" });
  expect(article.provenance.publishedAt).toEqual({ from: "input", confidence: 1 });
});

test("a given date that reads as no date is dropped, not kept as text", () => {
  for (const publishedAt of ["n/a", "yesterday", "2014-13-45"]) {
    const article = extractArticle(doc({ title: "Quake hits Napa", publishedAt })) as Article;
    expect(article.publishedAt).toBeNull();
    expect(article.provenance.publishedAt?.from).not.toBe("input");
  }
});

test("scraped text with its URL: the URL's date and domain fill what the text and the record left open", () => {
  const article = extractArticle(doc({ url: "https://www.cnbc.com/2021/10/18/supreme-court-police.html" })) as Article;
  expect(article).toMatchObject({ publishedAt: "2021-10-18", outlet: "cnbc.com" });
  expect(article.provenance.publishedAt).toEqual({ from: "url:path-date", confidence: 0.4 });
  const given = extractArticle(doc({ url: "https://www.cnbc.com/2021/10/18/x.html", outlet: "CNBC", publishedAt: "2021-10-19" })) as Article;
  expect(given).toMatchObject({ publishedAt: "2021-10-19", outlet: "CNBC" });
});

test("a title of half a megabyte is cut to 1,000 characters", () => {
  const word = "T".repeat(500_000);
  const result = extractArticle({ source: "t.html", format: "html", body: `<html><head><title>${word}</title></head><body><article><p>${"The council voted on Monday to close the bridge for repairs, officials said. ".repeat(5)}</p></article></body></html>`, hints: {}, fetchedAt: "2024-01-01T00:00:00Z" });
  expect("skip" in result).toBe(false);
  expect((result as Article).title.length).toBeLessThanOrEqual(1000);
});

test("a record's outlet is normalised through the outlets table; a name the table lacks is kept as given", () => {
  const outletOf = (hints: RawDocument["hints"]) => (extractArticle(doc(hints)) as Article).outlet;
  expect(outletOf({ outlet: "WSJ" })).toBe("The Wall Street Journal");
  expect(outletOf({ outlet: "the Post", url: "https://www.washingtonpost.com/politics/2024/01/02/x/" })).toBe("The Washington Post");
  expect(outletOf({ outlet: "  The Smallville Gazette " })).toBe("The Smallville Gazette");
  expect(outletOf({ outlet: "the Post" })).toBe("the Post"); // several outlets share it and nothing says which
});

test("scraped text with its URL: the URL's site settles which outlet the text's 'The Post has learned' means", () => {
  const body = `${BODY} The Post has learned that the state will ask for federal aid.`;
  const outletOf = (url?: string) => (extractArticle({ ...doc(url ? { url } : {}), body }) as Article).outlet;
  expect(outletOf()).toBe("New York Post"); // the table's prior when nothing says which Post
  expect(outletOf("https://www.washingtonpost.com/nation/2014/08/24/napa-quake/")).toBe("The Washington Post");
  expect(outletOf("https://www.denverpost.com/2014/08/24/napa-quake/")).toBe("The Denver Post");
});
