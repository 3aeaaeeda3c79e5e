import { describe, expect, test } from "vitest";
import { parseDocument } from "./dom.js";
import { densestTextBlock } from "./fallback.js";
import { paragraphsOf } from "./paragraphs.js";

const body = (html: string) => parseDocument(`<html><body>${html}</body></html>`).body;

describe("paragraphsOf", () => {
  test.each([
    ["<p>One <b>bold</b>  move.</p><p>Two.</p>", ["One bold move.", "Two."]],
    ["<div>Line one<br>Line two</div>", ["Line one", "Line two"]],
    ["<ul><li>First item</li><li>Second item</li></ul>", ["First item", "Second item"]],
    ["<table><tr><th>Party</th><th>Votes</th></tr><tr><td>PSUV</td><td>52%</td></tr></table>", ["Party | Votes", "PSUV | 52%"]],
    ["<p>Kept</p><script>var x = 1;</script><style>p{}</style><button>Share</button>", ["Kept"]],
    ["<p>a\u00a0\u200bb\n\n c</p>", ["a b c"]],
  ])("%s", (html, expected) => {
    expect(paragraphsOf(body(html))).toEqual(expected);
  });
});

describe("densestTextBlock", () => {
  test("picks the container with the most prose, not the link list", () => {
    const prose = "Residents said the water had been off for three days and nobody from the utility had come by. ";
    const paragraphs = densestTextBlock(
      parseDocument(
        `<html><body><div class="links">${"<p><a href=/x>A teaser headline linking elsewhere on the site today</a></p>".repeat(6)}</div>` +
          `<div class="story"><div>${prose}${prose}</div><div>${prose}</div></div></body></html>`,
      ),
    );
    expect(paragraphs.join(" ")).toContain("Residents said");
    expect(paragraphs.join(" ")).not.toContain("teaser headline");
  });

  test("nothing prose-like → nothing", () => {
    expect(densestTextBlock(parseDocument("<html><body><nav><a href=/>Home</a></nav></body></html>"))).toEqual([]);
  });
});
