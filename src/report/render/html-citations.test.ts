import { describe, expect, test } from "vitest";
import type { Article, Claim, Report } from "../../records.js";
import { renderHtml } from "./html.js";

const TEXT = "The council approved the budget on Monday. The vote was 5 to 2. Critics called it <reckless>.";
const article = (id: string, outlet: string): Article => ({
  id, source: `in/${id}.txt`, url: null, outlet, title: `Title ${id}`, authors: [], publishedAt: "2025-03-04", modifiedAt: null, language: "en",
  text: TEXT, captions: [], embeds: [], provenance: {}, extractedBy: "test",
});

function report(): Report {
  const claim: Claim = {
    id: "c1", storyId: "s1", text: "The vote was 5 to 2.", outlets: ["Herald", "Tribune"], independentSources: 2, primarySources: ["Herald", "Tribune"], status: "corroborated", conflicts: [],
    support: [{ articleId: "a", start: 43, end: 63, text: "The vote was 5 to 2." }, { articleId: "b", start: 0, end: 42, text: "The council approved the budget on Monday." }],
  };
  return {
    articles: [article("a", "Herald"), article("b", "Tribune")], generatedAt: "2025-03-05T00:00:00Z",
    stories: [{ id: "s1", title: "Budget", articleIds: ["a", "b"], firstPublished: "2025-03-04", lastPublished: "2025-03-04", storylineId: "l1" }],
    storylines: [{ id: "l1", title: "Budget", storyIds: ["s1"] }], claims: [claim], brief: [], drift: [], framing: [], outletFraming: [], omissions: [],
    timeline: [{ date: "2025-03-03", text: "The council approved the budget on Monday.", storyId: "s1", articleIds: ["b"], support: [claim.support[1]!] }],
    quotes: [], failures: [], skipped: [],
  } as unknown as Report;
}

describe("the HTML report's citations", () => {
  test("each [n] links to the cited sentence, which the report carries marked in its article's text", () => {
    const html = renderHtml(report());
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(ids.has(href), href).toBe(true);
    expect(hrefs).toContain("s1-a1-43-63");
    expect(html).toContain('<mark id="s1-a1-43-63">The vote was 5 to 2.</mark>');
    expect(html).toContain('<mark id="s1-a2-0-42">The council approved the budget on Monday.</mark>');
    // Article text is escaped, never markup.
    expect(html).toContain("&lt;reckless&gt;");
    expect(html).not.toContain("<reckless>");
    // The articles are folded, so the report stays short; a link to a sentence inside one opens it.
    expect(html.match(/<details class="source-article" id="s1-a\d">/g)).toHaveLength(2);
  });
});
